import {
  ButtonStyle,
  ComponentType,
  InteractionResponseType,
  MessageFlags,
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
  type APIEmbed,
  type APIEmbedField,
} from 'discord.js';
import type {
  Answer,
  Attribution,
  ContextAnswer,
  DailyAnswer,
  FootnoteAnswer,
  FootnoteView,
  HelpAnswer,
  NoticeAnswer,
  QuoteAnswer,
  SearchAnswer,
  WhoAnswer,
  WorksAnswer,
  CiteAnswer,
} from '../answers';
import { WORKS_PAGE_SIZE } from '../answers';
import { heldBackPhrase } from '../answers/view';
import { encodeAction, unguardedId, type ButtonAction } from './actions';
import { escapeMarkdown as escape, linkable } from './escape';
import { attributionLine, citationHeading, shortTitle, formatDate, markdownLine, noteRoleLabel, quoteMarkdown, voice } from './format';
import { clip, LIMITS } from './limits';

export type ButtonRow = APIActionRowComponent<APIButtonComponentWithCustomId>;

export interface ReplyData {
  content?: string;
  embeds?: APIEmbed[];
  components?: ButtonRow[];
  flags?: number;
  allowed_mentions: { parse: [] };
}

/** The exact interaction response: 4 answers a command, 7 updates the message a button is on. */
export interface InteractionReply {
  type: InteractionResponseType.ChannelMessageWithSource | InteractionResponseType.UpdateMessage;
  data: ReplyData;
}

export interface RenderOptions {
  /** Answering a button: update its message rather than post a new one. */
  update?: boolean;
  /** Only the reader who asked sees it (an answer with spoilers:true). */
  private?: boolean;
  /** The answer is past the reading mark, for one reader: its buttons stay so (see actions.ts). */
  spoilers?: boolean;
}

/** Colours tell the reader at a glance whose words they are reading. */
const COLOUR = { quote: 0x8b5e3c, bot: 0x4f6d7a } as const;
const NO_MENTIONS = { parse: [] as [] };

export function render(answer: Answer, options: RenderOptions = {}): InteractionReply {
  const data = renderData(answer);
  if (options.private || options.spoilers) data.flags = (data.flags ?? 0) | MessageFlags.Ephemeral;
  if (options.spoilers) {
    // Past the mark for one reader only: its buttons stay so, and none shares it (Discuss, Post) with the channel.
    data.components = (data.components ?? [])
      .map((row) => ({ ...row, components: row.components.flatMap((b) => (b.disabled ? [b] : unguardedButton(b))) }))
      .filter((row) => row.components.length > 0);
  }
  const held = 'heldBack' in answer && answer.heldBack;
  if (held && data.embeds?.[0]) {
    // The one thing a reply says of what a reading mark held back: how many, and where the group is.
    const first = data.embeds[0];
    const line = `${heldBackPhrase(held)}.`;
    first.footer = { text: clip(first.footer?.text ? `${line}\n${first.footer.text}` : line, LIMITS.footer) };
  }
  const type = options.update ? InteractionResponseType.UpdateMessage : InteractionResponseType.ChannelMessageWithSource;
  // An updated message keeps its visibility; flags other than those are not Discord's to change.
  if (options.update) {
    delete data.flags;
    if (answer.kind === 'notice') data.embeds = [];
    data.components ??= [];
  }
  return { type, data: enforceLimits(data) };
}

function renderData(answer: Answer): ReplyData {
  switch (answer.kind) {
    case 'quote':
      return renderQuote(answer);
    case 'search':
      return renderSearch(answer);
    case 'who':
      return renderWho(answer);
    case 'footnote':
      return renderFootnote(answer);
    case 'context':
      return renderContext(answer);
    case 'works':
      return renderWorks(answer);
    case 'cite':
      return renderCite(answer);
    case 'help':
      return renderHelp(answer);
    case 'notice':
      return renderNotice(answer);
    case 'daily':
      return renderDaily(answer);
  }
}

/** The bot's own words around echoed input: quotes, escaped. */
const echo = (text: string) => `“${escape(text)}”`;
const plural = (n: number, one: string, many = `${one}s`) => `${count(n)} ${n === 1 ? one : many}`;
/** 1,938, never 1938: a count must not read as a year. */
export const count = (n: number) => n.toLocaleString('en-US');

/** "Match 3 of 12", or "Match 3 of the best 50 (1,234 passages match)" when the matches are more than can be paged. */
function matchLine({ index, total, matches = total }: { index: number; total: number; matches?: number }): string {
  return matches > total ? `Match ${count(index + 1)} of the best ${count(total)} (${plural(matches, 'passage')} match)` : `Match ${count(index + 1)} of ${count(total)}`;
}

/** "Best of 1,234 matches" or "3 matches": the real count, never a cap that reads as one. */
const matchesIn = (matches: number | undefined) => (matches === undefined ? 'Best matches' : matches === 1 ? '1 match' : `Best of ${count(matches)} matches`);

function footer(attributions: Attribution[], prefix?: string): APIEmbed['footer'] {
  // One line per work, its locators together: "n. 2, ¶ 4".
  const byWork = new Map<string, Attribution>();
  for (const a of attributions) {
    const seen = byWork.get(a.workId);
    if (!seen) byWork.set(a.workId, { ...a });
    else if (!seen.locator.split(', ').includes(a.locator)) seen.locator += `, ${a.locator}`;
  }
  const lines = [...byWork.values()].map((a) => attributionLine(a));
  return { text: clip([prefix, ...lines].filter(Boolean).join('\n'), LIMITS.footer) };
}

/** "Footnote 3", or "Footnote 3 (translator's note)" for a note that is not the author's. */
const noteTitle = (f: FootnoteView) => `Footnote ${f.locator.replace(/^n\. /, '')}${f.role && f.role !== 'author' ? ` (${noteRoleLabel(f.role)})` : ''}`;

/** The embed's author line: whose words the quotation is, never the author's name over another's words. */
function embedAuthor(a: Attribution): Pick<APIEmbed, 'author'> {
  const name = voice(a);
  return name ? { author: { name: clip(name, LIMITS.embedAuthor) } } : {};
}

function noteFields(q: { footnotes: FootnoteView[] }, room: number): APIEmbedField[] {
  const each = Math.min(LIMITS.fieldValue, Math.floor(room / Math.max(1, q.footnotes.length)));
  return q.footnotes.slice(0, 10).map((f) => ({
    name: markdownLine(noteTitle(f), LIMITS.fieldName),
    value: quoteMarkdown({ text: f.text }, each),
  }));
}

/** What a quotation's footer says first, by where it goes. */
function quoteHeading(answer: QuoteAnswer): string | undefined {
  if (answer.mode === 'find') return answer.found === 'quoted' ? 'The message quotes this passage.' : 'The passage that best matches the message.';
  if (answer.mode === 'daily') return 'Passage of the day';
  return answer.paging && answer.paging.total > 1 ? matchLine(answer.paging) : undefined;
}

function quoteButtons(answer: QuoteAnswer): APIButtonComponentWithCustomId[] {
  const q = answer.quotation;
  const passage = { workId: q.workId, seq: q.seq };
  // A thread can only start on a message everyone sees.
  const discuss = button('Discuss', { kind: 'discuss', ...passage }, false, ButtonStyle.Secondary);
  if (answer.mode === 'find') return [button('Post', { kind: 'post', ...passage })];
  if (answer.mode === 'daily' || answer.mode === 'shared') return [discuss];
  const row: APIButtonComponentWithCustomId[] = [];
  if (answer.query && answer.paging) {
    const at = answer.paging.index;
    const base = { query: answer.query, ...(answer.workId ? { workId: answer.workId } : {}) };
    row.push(button('Previous match', { kind: 'quote', page: at - 1, ...base }, at === 0));
    row.push(button('Next match', { kind: 'quote', page: at + 1, ...base }, at + 1 >= answer.paging.total));
  } else {
    row.push(button('Another passage', { kind: 'random', ...(answer.workId ? { workId: answer.workId } : {}) }));
  }
  row.push(button('Context', { kind: 'context', ...passage }, false, ButtonStyle.Secondary));
  if (!answer.private) row.push(discuss);
  row.push(button('Cite', { kind: 'cite', ...passage }, false, ButtonStyle.Secondary));
  return row;
}

function renderQuote(answer: QuoteAnswer): ReplyData {
  const q = answer.quotation;
  const fields = noteFields(q, 1600);
  const embed: APIEmbed = {
    color: COLOUR.quote,
    title: markdownLine(citationHeading(q.attribution), LIMITS.embedTitle),
    ...embedAuthor(q.attribution),
    ...(linkable(q.attribution.url) ? { url: linkable(q.attribution.url) } : {}),
    fields,
    footer: footer([q.attribution], quoteHeading(answer)),
  };
  embed.description = quoteMarkdown(q, descriptionRoom(embed));
  return {
    embeds: [embed],
    components: [actionRow(quoteButtons(answer))],
    ...(answer.private ? { flags: MessageFlags.Ephemeral } : {}),
    allowed_mentions: NO_MENTIONS,
  };
}

/** A thread opened to discuss a quotation: its name ("Letter to Leon Trotsky ¶ 4") and its first message, the full citation. */
export function renderThread(answer: QuoteAnswer): { name: string; message: ReplyData } {
  const a = answer.quotation.attribution;
  // Thread names show as plain text: no Markdown to escape, only the length to respect.
  const locator = a.locator.replace(/\s+/g, ' ').trim();
  const name = clip(`${clip(shortTitle(a), LIMITS.threadName - locator.length - 1)} ${locator}`.trim(), LIMITS.threadName);
  return { name, message: enforceLimits({ content: escape(attributionLine(a)), allowed_mentions: NO_MENTIONS }) };
}

/** The private word to the reader who opened a thread: a link to it (a channel link pings no one). */
export function renderThreadOpened(threadId: string): ReplyData {
  return { content: `Opened a thread for the discussion: <#${threadId}>`, flags: MessageFlags.Ephemeral, allowed_mentions: NO_MENTIONS };
}

function renderSearch(answer: SearchAnswer): ReplyData {
  const first = answer.paging.index * answer.pageSize;
  const fields = answer.results.map((q, i) => ({
    name: markdownLine(`${first + i + 1}. ${shortTitle(q.attribution)}, ${q.attribution.locator}`, LIMITS.fieldName),
    value: quoteMarkdown(q, 320),
  }));
  const scope = answer.workId ? ` in ${escape(answer.results[0] ? shortTitle(answer.results[0].attribution) : answer.workId)}` : '';
  const embed: APIEmbed = {
    color: COLOUR.quote,
    title: markdownLine(`Passages matching “${answer.query}”`, LIMITS.embedTitle),
    description: `${matchesIn(answer.paging.matches)}${scope}, page ${answer.paging.index + 1} of ${answer.paging.total}. Use /quote to read one in full.`,
    fields,
    footer: footer(
      answer.results.map((q) => q.attribution),
      undefined,
    ),
  };
  const at = answer.paging.index;
  const base = { query: answer.query, ...(answer.workId ? { workId: answer.workId } : {}) };
  const row = [
    button('Previous match', { kind: 'search', page: at - 1, ...base }, at === 0),
    button('Next match', { kind: 'search', page: at + 1, ...base }, at + 1 >= answer.paging.total),
  ];
  return { embeds: [embed], components: [actionRow(row)], allowed_mentions: NO_MENTIONS };
}

/** How many of a section author's sections a /who reply names. */
const CREDITED_SECTIONS = 6;

/** How many works a /who reply names when a name is in several. */
const WORKS_LISTED = 8;

/** The most a gloss takes of a /who description, and the least worth showing. */
const GLOSS_ROOM = { most: 900, least: 160 };

function renderWho(answer: WhoAnswer): ReplyData {
  const head: string[] = [];
  if (!answer.exact) head.push(`No one is named ${echo(answer.query)}; the closest name in the texts is **${escape(answer.name)}**.`);
  // From the metadata alone, in a fixed form: who wrote or translated which work.
  for (const credit of answer.credits ?? []) {
    const verb = credit.role === 'author' ? 'wrote' : 'translated';
    const sections = credit.sections ?? [];
    const part = sections.length ? `${plural(sections.length, 'section')} of ` : '';
    const listed = sections.length ? ` (${sections.slice(0, CREDITED_SECTIONS).map(escape).join(', ')}${sections.length > CREDITED_SECTIONS ? ', …' : ''})` : '';
    head.push(`${escape(credit.name)} ${verb} ${part}*${markdownLine(credit.title, 200)}*${listed}.`);
  }
  if (answer.aliases.length) head.push(clip(`Also called: ${answer.aliases.map(escape).join(', ')}.`, 1000));
  const notes = answer.noteCount ?? 0;
  let mentioned = answer.credits?.length ? '' : 'No passage mentions the name.';
  if (answer.mentionCount > 0) {
    const places = [answer.passageCount > 0 && plural(answer.passageCount, 'passage'), notes > 0 && plural(notes, 'footnote')].filter(Boolean).join(' and ');
    const shown = answer.mentions.length < answer.passageCount + notes ? ` The first ${answer.mentions.length}:` : '';
    mentioned = `Mentioned ${plural(answer.mentionCount, 'time')} in ${places}.${shown}`;
  }
  const works = answer.works ?? [];
  if (works.length > 1) {
    const listed = works.slice(0, WORKS_LISTED).map((w) => `*${markdownLine(w.title, 120)}* (${count(w.mentions)})`);
    const more = works.length > WORKS_LISTED ? `, and ${plural(works.length - WORKS_LISTED, 'other work')}` : '';
    mentioned = `${mentioned}${mentioned ? '\n' : ''}In ${works.length} works: ${listed.join(', ')}${more}. Add work: to ask about one.`;
  }
  // Glosses share what the description has left; past a few, the rest are counted, not cut to nothing.
  const intros = answer.glosses.map((g) => `Footnote ${escape(g.footnote.label)} of *${markdownLine(shortTitle(g.attribution), 200)}* glosses the name:`);
  const more = (k: number) => `…and ${k === 1 ? '1 more footnote glosses' : `${k} more footnotes gloss`} the name.`;
  const room = (n: number) => {
    const omitted = n < intros.length ? more(intros.length - n).length + 1 : 0;
    const fixed = [...head, mentioned].join('\n').length + intros.slice(0, n).reduce((sum, intro) => sum + intro.length + 2, 0) + omitted;
    return Math.min(GLOSS_ROOM.most, Math.floor((LIMITS.embedDescription - fixed) / Math.max(1, n)));
  };
  let shownGlosses = intros.length;
  while (shownGlosses > 1 && room(shownGlosses) < GLOSS_ROOM.least) shownGlosses--;
  const each = room(shownGlosses);
  const lines = [...head];
  answer.glosses.slice(0, shownGlosses).forEach((gloss, i) => lines.push(intros[i] ?? '', quoteMarkdown({ text: gloss.footnote.text }, each)));
  if (shownGlosses < intros.length) lines.push(more(intros.length - shownGlosses));
  if (mentioned) lines.push(mentioned);
  const fields = answer.mentions.map((q) => ({
    name: markdownLine(`${shortTitle(q.attribution)}, ${q.attribution.locator}`, LIMITS.fieldName),
    value: quoteMarkdown(q, 420),
  }));
  const embed: APIEmbed = {
    color: COLOUR.quote,
    title: markdownLine(answer.name, LIMITS.embedTitle),
    description: lines.join('\n'),
    fields,
    footer: footer([...answer.glosses.map((g) => g.attribution), ...answer.mentions.map((q) => q.attribution)]),
  };
  return { embeds: [embed], allowed_mentions: NO_MENTIONS };
}

function renderFootnote(answer: FootnoteAnswer): ReplyData {
  const { footnote: note, anchor } = answer;
  const embed: APIEmbed = {
    color: COLOUR.quote,
    title: markdownLine(`${noteTitle(note)} — ${shortTitle(anchor.attribution)}`, LIMITS.embedTitle),
    ...embedAuthor(anchor.attribution),
    fields: [{ name: markdownLine(`Attached to ${anchor.attribution.locator}`, LIMITS.fieldName), value: quoteMarkdown(anchor, LIMITS.fieldValue) }],
    footer: footer([{ ...anchor.attribution, locator: `${note.locator}, ${anchor.attribution.locator}` }]),
  };
  embed.description = quoteMarkdown({ text: note.text }, descriptionRoom(embed));
  const row = [
    button('Context', { kind: 'context', workId: anchor.workId, seq: anchor.seq }, false, ButtonStyle.Secondary),
    button('Cite', { kind: 'cite', workId: anchor.workId, seq: anchor.seq }, false, ButtonStyle.Secondary),
  ];
  return { embeds: [embed], components: [actionRow(row)], allowed_mentions: NO_MENTIONS };
}

function renderContext(answer: ContextAnswer): ReplyData {
  const centre = answer.passages[answer.centre] ?? answer.passages[0];
  const embed: APIEmbed = {
    color: COLOUR.quote,
    title: markdownLine(`In context — ${centre ? shortTitle(centre.attribution) : ''}`, LIMITS.embedTitle),
    footer: footer(centre ? [centre.attribution] : []),
  };
  // The passages share what the title and a long attribution leave of the 6000, after their locator lines.
  const heads = answer.passages.map((q, i) => (i === answer.centre ? `**${escape(q.attribution.locator)}**` : escape(q.attribution.locator)));
  const fixed = heads.reduce((n, head) => n + head.length + 1, 0) + 2 * (heads.length - 1);
  const room = Math.floor((descriptionRoom(embed) - fixed) / Math.max(1, answer.passages.length));
  embed.description = answer.passages.map((q, i) => `${heads[i]}\n${quoteMarkdown(q, room)}`).join('\n\n');
  const row: APIButtonComponentWithCustomId[] = [];
  const first = answer.passages[0];
  const last = answer.passages.at(-1);
  if (centre && first && last) {
    row.push(button('Earlier', { kind: 'context', workId: centre.workId, seq: Math.max(0, centre.seq - 1) }, first.seq === centre.seq));
    row.push(button('Later', { kind: 'context', workId: centre.workId, seq: centre.seq + 1 }, last.seq === centre.seq));
  }
  return { embeds: [embed], components: row.length ? [actionRow(row)] : [], allowed_mentions: NO_MENTIONS };
}

function renderWorks(answer: WorksAnswer): ReplyData {
  const shown = answer.works.slice(0, LIMITS.fields - 1);
  const fields = shown.map((w) => {
    const a = w.attribution;
    const lines = [
      [a.author && escape(a.author), a.date && escape(formatDate(a.date)), w.recipient && `to ${escape(w.recipient)}`].filter(Boolean).join(', '),
      a.translator && `Translated by ${escape(a.translator)}`,
      a.source && `Source: ${escape(a.source)}`,
      `Licence: ${escape(a.license ?? 'not stated in the source')}`,
      linkable(a.url) && `<${linkable(a.url)}>`,
      `${plural(w.passages, 'passage')}, ${plural(w.footnotes, 'footnote')}${w.chapters ? `, ${plural(w.chapters, 'chapter')}` : ''} · work:${escape(a.workId)}`,
      w.reading && `**This server has ${escape(w.reading)}.**`,
      w.inLibrary === false && '*Not in this server’s library.*',
    ].filter(Boolean);
    return { name: markdownLine(a.title, LIMITS.fieldName), value: clip(lines.join('\n'), LIMITS.fieldValue) };
  });
  const { index, total } = answer.paging;
  const first = index * WORKS_PAGE_SIZE;
  const page = total > 1 ? ` This page lists ${count(first + 1)}–${count(first + answer.works.length)}; page ${count(index + 1)} of ${count(total)}.` : '';
  const embed: APIEmbed = {
    color: COLOUR.bot,
    title: 'The texts',
    description: worksDescription(answer, page),
  };
  // Past Discord's 6000, whole works go and the count of the rest grows: the count itself always shows.
  const more = (n: number) => (n > 0 ? [{ name: 'More', value: `…and ${n} more.` }] : []);
  while (fields.length > 1 && embedLength({ ...embed, fields: [...fields, ...more(answer.works.length - fields.length)] }) > LIMITS.embedTotal) fields.pop();
  embed.fields = [...fields, ...more(answer.works.length - fields.length)];
  const server = answer.server?.only ? { server: true as const } : {};
  const row = [button('Previous page', { kind: 'works', page: index - 1, ...server }, index === 0), button('Next page', { kind: 'works', page: index + 1, ...server }, index + 1 >= total)];
  return { embeds: [embed], components: total > 1 ? [actionRow(row)] : [], allowed_mentions: NO_MENTIONS };
}

function worksDescription(answer: WorksAnswer, page: string): string {
  const { server, count: n } = answer;
  if (!server) return `Marginalia quotes ${plural(n, 'text')}, word for word.${page} Use work: with any command to search just one.`;
  if (server.only) return `This server reads ${plural(n, 'text')}.${page} ${escape(server.note ?? '')}`.trim();
  const reads = server.reads === n ? 'This server reads all of them.' : `This server reads ${count(server.reads)} of them, listed first; its commands answer from those alone.`;
  return `Marginalia quotes ${plural(n, 'text')}, word for word. ${reads}${page} Use work: with any command to search just one.`;
}

/** A citation inside a code block is pasted as written; a backtick of the metadata must not close the block. */
const codeBlock = (text: string) => `\`\`\`\n${text.replace(/`/g, 'ˋ')}\n\`\`\``;

function renderCite(answer: CiteAnswer): ReplyData {
  const a = answer.attribution;
  const each = Math.floor((LIMITS.embedDescription - 200) / Math.max(1, answer.styles.length));
  const embed: APIEmbed = {
    color: COLOUR.bot,
    title: markdownLine(`Cite ${shortTitle(a)}, ${a.locator}`, LIMITS.embedTitle),
    description: answer.styles.map((s) => `**${s.name}**\n${codeBlock(clip(s.text, each))}`).join('\n'),
    footer: { text: clip('Formatted from the work’s metadata; check it against your style guide.', LIMITS.footer) },
  };
  return { embeds: [embed], flags: MessageFlags.Ephemeral, allowed_mentions: NO_MENTIONS };
}

function renderHelp(answer: HelpAnswer): ReplyData {
  const lines = answer.commands.map((c) => `\`${c.usage}\` — ${c.description}`);
  const embed: APIEmbed = {
    color: COLOUR.bot,
    title: 'Marginalia',
    description: [
      'I quote the texts your group is reading, word for word, with author, work, date and paragraph. I never paraphrase: quoted text is always the text itself, and […] marks where I cut.',
      '',
      ...lines,
    ].join('\n'),
  };
  return { embeds: [embed], flags: MessageFlags.Ephemeral, allowed_mentions: NO_MENTIONS };
}

/** /daily's answers: the schedule in the server's own time, and Discord's timestamp for the next post in the reader's. */
function renderDaily(answer: DailyAnswer): ReplyData {
  const s = answer.schedule;
  const lines: string[] = [];
  if (!s) {
    lines.push('No daily passage is set for this server. Someone with Manage Server can start one with /daily set.');
  } else {
    const what = s.workTitle ? `the next passage in order from *${markdownLine(s.workTitle, 200)}*` : 'a passage the group has read, at random';
    const when = `every day at ${s.time} (${escape(s.timezone)}) in <#${s.channelId}>`;
    if (answer.change === 'set') lines.push('Daily passage set.');
    if (s.enabled) {
      lines.push(`Marginalia posts ${what} ${when}, never repeating one until all have been posted.`);
      if (s.next) lines.push(`Next post: <t:${Math.floor(s.next.getTime() / 1000)}:F>.`);
    } else {
      lines.push(s.disabledReason ? `The daily passage is off: ${escape(s.disabledReason)}.` : 'The daily passage is off.');
      lines.push(`It was set to post ${what} ${when}. Run /daily set to start it again.`);
    }
  }
  const { preview } = answer;
  if (preview) {
    lines.push('This console posts nothing: the running bot (`npm start`) makes the posts, at the time set.');
    if (preview.next) lines.push(`Next passage: ${escape(attributionLine(preview.next))}`);
    else if (preview.random) lines.push('Next passage: drawn at random when the bot posts, from the passages the group has read and not yet seen posted.');
  }
  return { content: clip(lines.join('\n'), LIMITS.content), flags: MessageFlags.Ephemeral, allowed_mentions: NO_MENTIONS };
}

function renderNotice(answer: NoticeAnswer): ReplyData {
  const suggestions = answer.suggestions?.length ? `\nDid you mean: ${answer.suggestions.map(escape).join(', ')}?` : '';
  return { content: clip(escape(answer.message) + suggestions, LIMITS.content), flags: MessageFlags.Ephemeral, allowed_mentions: NO_MENTIONS };
}

function button(label: string, action: ButtonAction, disabled = false, style = ButtonStyle.Primary): APIButtonComponentWithCustomId {
  return { type: ComponentType.Button, style, label: clip(label, LIMITS.buttonLabel), custom_id: encodeAction(action), disabled } as APIButtonComponentWithCustomId;
}

function unguardedButton(b: APIButtonComponentWithCustomId): APIButtonComponentWithCustomId[] {
  const id = unguardedId(b.custom_id);
  return id === undefined ? [] : [{ ...b, custom_id: id }];
}

function actionRow(components: APIButtonComponentWithCustomId[]): ButtonRow {
  return { type: ComponentType.ActionRow, components };
}

export function embedLength(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0)
  );
}

/** What the description may take: its own limit, and what the rest of the embed leaves of 6000. */
function descriptionRoom(embed: APIEmbed): number {
  return Math.min(LIMITS.embedDescription, LIMITS.embedTotal - embedLength({ ...embed, description: '' }));
}

/**
 * The last word on limits. Renderers budget for them, so this rarely acts; when it does it drops
 * whole fields rather than cut a quotation.
 */
function enforceLimits(data: ReplyData): ReplyData {
  if (data.content !== undefined) data.content = clip(data.content, LIMITS.content);
  data.embeds = data.embeds?.slice(0, LIMITS.embeds).map((embed) => {
    const fields = (embed.fields ?? []).slice(0, LIMITS.fields);
    const fitted = { ...embed, fields };
    while (embedLength(fitted) > LIMITS.embedTotal && fitted.fields.length) fitted.fields.pop();
    // Title, description and author come to at most 4608: a shorter footer always makes it fit.
    const over = embedLength(fitted) - LIMITS.embedTotal;
    if (over > 0 && fitted.footer) fitted.footer = { ...fitted.footer, text: clip(fitted.footer.text, fitted.footer.text.length - over) };
    return fitted;
  });
  return data;
}
