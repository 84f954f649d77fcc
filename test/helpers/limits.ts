import type { AutocompleteReply } from '../../src/render/choices';
import { embedLength, type InteractionReply } from '../../src/render/render';
import { foreignConstructs, type ConstructKind } from './discord-markdown';

/** Every Discord limit a reply breaks, as readable strings; [] when it fits. */
export function limitViolations(reply: InteractionReply | AutocompleteReply): string[] {
  const problems: string[] = [];
  const over = (what: string, length: number, max: number) => {
    if (length > max) problems.push(`${what} is ${length} > ${max}`);
  };
  if ('choices' in reply.data) {
    over('choices', reply.data.choices.length, 25);
    for (const c of reply.data.choices) {
      over('choice name', c.name.length, 100);
      over('choice value', c.value.length, 100);
    }
    return problems;
  }
  const { content, embeds = [], components = [] } = reply.data;
  over('content', content?.length ?? 0, 2000);
  over('embeds', embeds.length, 10);
  embeds.forEach((e, i) => {
    over(`embed ${i} title`, e.title?.length ?? 0, 256);
    over(`embed ${i} description`, e.description?.length ?? 0, 4096);
    over(`embed ${i} author`, e.author?.name.length ?? 0, 256);
    over(`embed ${i} footer`, e.footer?.text.length ?? 0, 2048);
    over(`embed ${i} fields`, e.fields?.length ?? 0, 25);
    for (const f of e.fields ?? []) {
      over(`embed ${i} field name`, f.name.length, 256);
      over(`embed ${i} field value`, f.value.length, 1024);
      if (!f.name.trim() || !f.value.trim()) problems.push(`embed ${i} has an empty field`);
    }
  });
  over('all embeds', embeds.reduce((n, e) => n + embedLength(e), 0), 6000);
  over('action rows', components.length, 5);
  for (const row of components) {
    over('buttons in a row', row.components.length, 5);
    for (const b of row.components) {
      over(`custom_id ${b.custom_id}`, b.custom_id.length, 100);
      over(`label ${b.label}`, b.label?.length ?? 0, 80);
    }
    const ids = row.components.map((b) => b.custom_id);
    if (new Set(ids).size !== ids.length) problems.push(`duplicate custom_ids ${ids.join(', ')}`);
  }
  return problems;
}

/** Markdown strings of a reply that Discord parses for mentions: content, titles, descriptions, fields. */
export function mentionableTexts(reply: InteractionReply): string[] {
  const { content, embeds = [] } = reply.data;
  return [content ?? '', ...embeds.flatMap((e) => [e.title ?? '', e.description ?? '', ...(e.fields ?? []).flatMap((f) => [f.name, f.value])])];
}

/** `@everyone`/`@here` or a `<@id>` mention after an even number of backslashes: not escaped. */
export const UNESCAPED_MENTION = /(?:^|[^\\])(?:\\\\)*(?:@(?:everyone|here)|<@)/;

/** What no user or corpus string may turn into, and no template of the bot's puts in a reply. */
const NEVER_RENDERED = new Set<ConstructKind>(['masked link', 'mention', 'everyone', 'heading', 'small text']);

/**
 * Everything a reply must hold whatever it answers, as readable strings ([] when it holds): Discord's
 * limits, no mentions allowed, no live mention, masked link, heading or small text in any text (by
 * the Discord tokenizer in discord-markdown.ts). Shared by the tests and `npm run fuzz`.
 */
export function replyProblems(reply: InteractionReply | AutocompleteReply): string[] {
  const problems = limitViolations(reply);
  if ('choices' in reply.data) return problems;
  const message = reply as InteractionReply;
  if (JSON.stringify(message.data.allowed_mentions) !== JSON.stringify({ parse: [] })) {
    problems.push(`allowed_mentions is ${JSON.stringify(message.data.allowed_mentions)}, not { parse: [] }`);
  }
  for (const text of mentionableTexts(message)) if (UNESCAPED_MENTION.test(text)) problems.push(`a live mention in ${JSON.stringify(text.slice(0, 200))}`);
  for (const construct of foreignConstructs(message)) {
    if (NEVER_RENDERED.has(construct.kind)) problems.push(`a live ${construct.kind}: ${JSON.stringify(construct.text.slice(0, 200))}`);
  }
  return problems;
}
