import { MAX_LOC_LENGTH } from '../corpus/attributes';
import { CONTENTS, divisionOf, headingCase, isAllCaps, looksLikeTitle, NAMED, numberedTitle, titleCase, titlePageMeta } from './headings';
import { mergeMeta, particlesAsWritten } from './metadata';
import { afterFirstSentence, definedLabel, MARKER_PATTERN, markerLabel, normalLabel, NOTE_DEFINITION, pairNotes, takeMarkers } from './notes';
import { NOTE_MARKERS, NOTE_OPEN, noteMarker } from './tree';
import type { BookTree, DivisionKind, LeftOut, Matter, MatterKind, MatterRole, TreeBlock, TreeHeading, TreeParagraph } from './tree';

/**
 * The decisions taken once on a book tree, whatever its format: the contents list left out (its
 * entries confirm headings), headings found and classified into the book's own divisions, matter
 * that is not the author's marked or left out, notes paired with their markers.
 */
export function decideTree(tree: BookTree): BookTree {
  dropOrnaments(tree);
  leaveOutContents(tree);
  promoteHeadings(tree);
  mergeTitles(tree);
  sectionAuthors(tree);
  leaveOutHalfTitles(tree);
  leaveOutDatelines(tree);
  decideMatter(tree);
  promoteSubheadings(tree);
  moveHeadingMarkers(tree);
  pairNotes(tree);
  assignStructure(tree);
  tree.meta = mergeMeta(tree.meta, { ...titlePageMeta(tree.titlePage) }, tree.fallbackMeta ?? {});
  namesAsWritten(tree);
  tree.leftOut.sort((a, b) => (a.file ?? '').localeCompare(b.file ?? '') || a.line - b.line);
  return tree;
}

/** "THE END.", "FINIS", "END OF VOL. I.": the printer's, set after the text. */
const END_MARK = /^(?:the\s+end|finis|end\s+of\s+(?:the\s+)?(?:vol(?:ume|\.)?|book|part)\s+\w+)\.?$/i;

/**
 * A line of no words (`* * * * *`, `———`) is a printer's ornament between scenes, no passage; an
 * end mark ("THE END.") is the printer's too, and listed as left out.
 */
function dropOrnaments(tree: BookTree): void {
  tree.blocks = tree.blocks.filter((b) => {
    if (b.type !== 'paragraph' || b.text.includes(NOTE_OPEN)) return true;
    if (END_MARK.test(b.text.trim())) leaveOut(tree, [b], 'other', 'publisher');
    return /[\p{L}\p{N}]/u.test(b.text) && !END_MARK.test(b.text.trim());
  });
}

/** The author's and translator's names with their particles as the book's own text writes them. */
function namesAsWritten(tree: BookTree): void {
  const { author, translator } = tree.meta;
  if (!author && !translator) return;
  const text = tree.blocks.map(textOf).join('\n');
  if (author) tree.meta.author = particlesAsWritten(author, text);
  if (translator) tree.meta.translator = particlesAsWritten(translator, text);
}

const isHeading = (b: TreeBlock | undefined): b is TreeHeading => b?.type === 'heading';
const isParagraph = (b: TreeBlock | undefined): b is TreeParagraph => b?.type === 'paragraph';
const textOf = (b: TreeBlock) => (b.type === 'heading' ? b.title : b.text);

/** A title as a contents list and a heading would both write it. */
export function entryKey(title: string): string {
  return title
    .toLowerCase()
    .replace(NOTE_MARKERS, '')
    .replace(/(?:\s*\.){2,}\s*\d*\s*$|\s+\d+\s*$/, '')
    .replace(/^the\s+/, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const TRANSCRIBER = /^[[(]?\s*(?:original\s+)?(?:transcriber|transcriber['’]s|transcribers['’]|e-?text)\s+notes?\b|^[[(]?\s*transcriber['’]?s?\b|^this e-?text (?:was|is|has been) (?:prepared|produced|transcribed)|^e-?text prepared by/i;

function leaveOut(tree: BookTree, blocks: TreeBlock[], kind: MatterKind, role?: MatterRole, title?: string): void {
  const first = blocks[0];
  const last = blocks.at(-1);
  if (!first || !last) return;
  const entry: LeftOut = { kind, line: first.line, endLine: last.endLine ?? last.line, ...(first.file ? { file: first.file } : {}) };
  if (role) entry.role = role;
  const name = title ?? textOf(first).slice(0, 60);
  if (name) entry.title = name;
  tree.leftOut.push(entry);
}

/** A line wrapped at least this long goes on in the more indented line under it. */
const WRAPPED_LINE = 50;

/**
 * The entries of a contents printed as one block of lines, whatever their indentation: a line in
 * lower case, or more indented under a line long enough to have been wrapped, goes on with the one
 * before ("Chapter IX: Why The People May Strictly Be Said To Govern In The" / "  United").
 */
function listedEntries(p: TreeParagraph): string[] | undefined {
  if (!p.lines) return undefined;
  const indent = (line: string) => line.length - line.trimStart().length;
  const base = Math.min(...p.lines.map(indent));
  const entries: string[] = [];
  let previous = '';
  for (const line of p.lines) {
    const t = line.trim();
    if (entries.length && (/^\p{Ll}/u.test(t) || (indent(line) > base && previous.length >= WRAPPED_LINE))) entries[entries.length - 1] += ` ${t}`;
    else entries.push(t);
    previous = line;
  }
  const sentence = (e: string) => e.length > 150 || /[.!?]["”’]?\s+\p{Lu}\p{Ll}+\s+\p{Ll}/u.test(e);
  return entries.some(sentence) ? undefined : entries;
}

/** An entry of a contents list: a short line, or a paragraph made of in-book links. */
function entryTexts(b: TreeBlock): string[] | undefined {
  if (b.type === 'note') return undefined;
  if (b.type === 'heading') return b.title.length <= 150 && !/:$/.test(b.title) ? [b.title] : undefined;
  if (b.links?.length) {
    const linked = b.links.join(' ').length;
    if (linked >= b.text.replace(/[\s\d.]+/g, '').length * 0.3) return b.links;
  }
  const listed = listedEntries(b);
  if (listed) return listed;
  if (b.text.length > (isAllCaps(b.text) ? 400 : 200) || /:$/.test(b.text) || TRANSCRIBER.test(b.text)) return undefined;
  // Prose: lines as long as a page's, or a sentence running on.
  const caps = isAllCaps(b.text);
  if (b.lineCount !== undefined ? (b.lineCount > 3 || (b.lineCount > 1 && b.text.length / b.lineCount > 60)) && !caps : b.text.length > 120) return undefined;
  if (b.text.length > 100 && /[.!?]["”’]?\s+\p{Lu}\p{Ll}+\s+\p{Ll}/u.test(b.text)) return undefined;
  const words = b.text.split(/\s+/);
  if (words.length >= 6 && words.filter((w) => /^\p{Ll}/u.test(w)).length > words.length / 2) return undefined;
  return [b.text];
}

/**
 * A contents list (a "CONTENTS" title, then short entries; or a run of in-book links) is left out.
 * It ends where the book's own text begins: at prose, or where its first entry comes again; its
 * trailing entries that repeat earlier ones are the book's own first headings and stay.
 */
function leaveOutContents(tree: BookTree): void {
  const entries: string[] = [];
  const out: TreeBlock[] = [];
  for (let i = 0; i < tree.blocks.length; i++) {
    const block = tree.blocks[i] as TreeBlock;
    const titled = block.type !== 'note' && CONTENTS.test(textOf(block).trim());
    const linkRun = !titled && tree.blocks.slice(i, i + 3).every((b) => isParagraph(b) && !!b.links?.length && !!entryTexts(b));
    if (!titled && !linkRun) {
      out.push(block);
      continue;
    }
    const from = titled ? i + 1 : i;
    const region: string[][] = [];
    const keys: string[] = [];
    let restarted = false;
    for (let j = from; j < tree.blocks.length; j++) {
      const texts = entryTexts(tree.blocks[j] as TreeBlock);
      if (!texts) break;
      const key = entryKey(texts.join(' '));
      restarted = keys.length > 0 && key === keys[0];
      if (restarted) break;
      region.push(texts);
      keys.push(key);
    }
    let end = region.length;
    // Ended by prose: the entries just before it that repeat earlier ones are the text's own headings.
    while (!restarted && end > 1 && ` ${keys.slice(0, end - 1).join(' ')} `.includes(` ${keys[end - 1] ?? ''} `)) end--;
    if (!titled && end < 3) {
      out.push(block);
      continue;
    }
    leaveOut(tree, tree.blocks.slice(i, from + end), 'contents', undefined, titled ? textOf(block) : 'contents');
    entries.push(...region.slice(0, end).flat());
    i = from + end - 1;
  }
  tree.blocks = out;
  if (!tree.contents && entries.length) tree.contents = entries.map((title) => ({ title, depth: 1 }));
}

/** Headings found among plain text's paragraphs: one that heads nothing is text again. */
const promoted = new WeakSet<TreeHeading>();

/** Plain text has no headings of its own: short lines standing apart that name a division, or that the contents names. */
function promoteHeadings(tree: BookTree): void {
  const contents = new Set((tree.contents ?? []).map((e) => entryKey(e.title)).filter(Boolean));
  const plain = tree.blocks.filter((b): b is TreeParagraph => isParagraph(b) && b.lineCount !== undefined);
  if (!plain.length) {
    // A page with headings of its own: a paragraph that only names a division in capitals is one too.
    tree.blocks = tree.blocks.map((b) => {
      if (isHeading(b) && contents.has(entryKey(b.title))) b.inContents = true;
      const marked = isParagraph(b) ? markdownHeading(b.text) : undefined;
      if (marked) {
        const h: TreeHeading = { type: 'heading', title: marked, line: b.line, ...(b.file ? { file: b.file } : {}) };
        promoted.add(h);
        return h;
      }
      if (!isParagraph(b) || b.text.length > 80 || !isAllCaps(b.text) || !divisionOf(b.text)) return b;
      return { type: 'heading', title: b.text, line: b.line, ...(b.file ? { file: b.file } : {}), ...(contents.has(entryKey(b.text)) ? { inContents: true } : {}) };
    });
    return;
  }
  const apart = (p: TreeParagraph) => (p.blanksBefore ?? 0) >= 2;
  const short = (p: TreeParagraph) => (p.lineCount ?? 1) <= 3 && p.text.length <= 220;
  const keywordBook = plain.some((p) => short(p) && apart(p) && divisionOf(p.text));
  tree.blocks = tree.blocks.map((b) => {
    if (!isParagraph(b) || b.lineCount === undefined || TRANSCRIBER.test(b.text)) return b;
    const t = b.text;
    const heading = (): TreeHeading => {
      const h: TreeHeading = { type: 'heading', title: t, line: b.line, ...(b.endLine ? { endLine: b.endLine } : {}), ...(contents.has(entryKey(t)) ? { inContents: true } : {}) };
      promoted.add(h);
      return h;
    };
    const marked = b.lineCount === 1 ? markdownHeading(t) : undefined;
    if (marked && apart(b)) {
      const h = heading();
      h.title = marked;
      return h;
    }
    if (divisionOf(t) && short(b) && (apart(b) || t.length <= 60)) return heading();
    const oneOrTwo = (b.lineCount ?? 1) <= 2 && t.length <= 100 && apart(b) && !/[,;]$/.test(t);
    if (oneOrTwo && NAMED.test(t) && (looksLikeTitle(t) || isAllCaps(t) || /^[\p{Lu}][^.]*\.$/u.test(t))) return heading();
    if (oneOrTwo && contents.has(entryKey(t))) return heading();
    if (oneOrTwo && numberedTitle(t) && (isAllCaps(t) || t.length <= 60) && !/[.!?]\s+\p{Ll}/u.test(t)) return heading();
    const titleLine = b.lineCount === 1 && (looksLikeTitle(t) || (titleCased(t) && t.length <= 60 && !/[.!?]$/.test(t)));
    const capsLines = (b.lineCount ?? 1) <= 3 && isAllCaps(t) && t.length <= 220 && looksLikeTitle(t.slice(0, 80)) && !/[.,;:]$/.test(t);
    if (apart(b) && (titleLine || capsLines)) {
      // A line standing apart reads as a title; in a book without keyword headings, capitals make a chapter.
      const h = heading();
      if (isAllCaps(t) && !keywordBook && !contents.size) h.level = 2;
      return h;
    }
    return b;
  });
}

/**
 * A note marker in a heading (`CHAPTER XVIII(*)`, a linked `<h3>…<a href="#fn1">`) is taken off the
 * heading and set after the first sentence under it, so that the note is kept and the heading stays
 * a heading. With no paragraph under the heading, the note hangs on the one before it.
 */
function moveHeadingMarkers(tree: BookTree): void {
  let linked = 0;
  const labelOf = new Map<string, string>();
  for (const b of tree.blocks) if (b.type === 'note' && b.linked) labelOf.set(b.id, normalLabel(b.label));
  tree.blocks.forEach((b, i) => {
    if (!isHeading(b)) return;
    const { title, markers } = takeMarkers(b.title);
    if (!markers.length || !title) return;
    b.title = title;
    let target: TreeParagraph | undefined;
    const linkedLabel = (m: string) => [...m.matchAll(NOTE_MARKERS)].map((l) => labelOf.get(l[1] ?? ''))[0];
    const wanted = markers.map((m) => linkedLabel(m) ?? markerLabel(m));
    for (let k = i + 1; k < tree.blocks.length; k++) {
      const next = tree.blocks[k] as TreeBlock;
      if (isHeading(next)) break;
      // The heading's note printed right under it, as a note or as a paragraph that opens with its label.
      // A note printed as "y [ The note…" whose bracket closes paragraphs later (Tocqueville's) opens with its label too.
      const bracketed = next.type === 'paragraph' ? /^([a-z]{1,2}|\d{1,3}|\*)\s+(?=\[)/.exec(next.text) : null;
      const label = next.type === 'note' ? (next.linked ? undefined : normalLabel(next.label)) : (definedLabel(next.text) ?? bracketed?.[1]);
      const at = label === undefined || target ? -1 : wanted.indexOf(label);
      if (at >= 0) {
        const id = `hn${linked++}`;
        const text = next.type === 'note' ? next.text : bracketed ? next.text.slice(bracketed[0].length) : next.text.replace(NOTE_DEFINITION, '');
        tree.blocks[k] = { type: 'note', id, label: label ?? '', text, line: next.line, ...(next.endLine ? { endLine: next.endLine } : {}), ...(next.file ? { file: next.file } : {}), linked: true };
        markers[at] = noteMarker(id);
        labelOf.set(id, label ?? '');
        continue;
      }
      // Not a note printed as text, nor an indented verse a note may go on in.
      if (!isParagraph(next) || definedLabel(next.text) !== undefined || next.indented) continue;
      target ??= next;
      // A paragraph that points at another note of the same label cannot tell the two apart: the next one.
      const held = new Set([...next.text.matchAll(NOTE_MARKERS)].map((m) => labelOf.get(m[1] ?? '')));
      for (const m of next.text.matchAll(new RegExp(MARKER_PATTERN.source, 'gu'))) held.add(markerLabel(m[0]));
      if (!wanted.some((l) => held.has(l))) {
        target = next;
        break;
      }
    }
    if (target) target.text = afterFirstSentence(target.text, markers);
  });
}

/** Sub-headings the book shows as a pattern: this many lines or more, unless its contents names them. */
const MIN_SUBHEADINGS = 3;
/** A title set on more source paragraphs than this is no title. */
const MAX_TITLE_LINES = 3;

/** A short line in heading case or capitals, standing alone: what a sub-heading looks like. */
function subheadingLike(p: TreeParagraph): boolean {
  const t = takeMarkers(p.text).title;
  if (t.length > 120 || (p.lineCount ?? 1) > 2 || divisionOf(t) || TRANSCRIBER.test(t)) return false;
  if (headingCase(t)) return true;
  return isAllCaps(t) && looksLikeTitle(t) && !/\d/.test(t) && t.split(/\s+/).length >= 3;
}

/** Prose a sub-heading stands over: a paragraph of sentences, not another title or a short line. */
const prose = (b: TreeBlock | undefined): boolean =>
  isParagraph(b) && b.text.length >= 60 && /\p{Ll}{3}/u.test(b.text) && (/[.!?:]["”’)\]]?$/.test(b.text.replace(NOTE_MARKERS, '')) || b.text.length >= 200) && !headingCase(b.text) && !isAllCaps(b.text);

/**
 * Headings inside a chapter (Tocqueville's "Tyranny Of The Majority") that the format printed as
 * paragraphs: a short line in heading case or capitals, after the book's first division, with prose
 * under it. The book must show the pattern, or its contents name the line: one odd line stays text.
 * They become headings without a locator, so their passages keep the chapter's and carry their title.
 */
function promoteSubheadings(tree: BookTree): void {
  const contents = new Set((tree.contents ?? []).map((e) => entryKey(e.title)).filter(Boolean));
  const found: TreeParagraph[] = [];
  let inside = false;
  tree.blocks.forEach((b, i) => {
    if (isHeading(b)) {
      inside ||= !!divisionOf(b.title) || NAMED.test(b.title) || !!b.inContents || !!b.kind || !!numberedTitle(b.title);
      return;
    }
    let k = i + 1;
    while (tree.blocks[k]?.type === 'note') k++;
    const under = tree.blocks[k];
    if (inside && isParagraph(b) && !b.matter && subheadingLike(b) && prose(under)) found.push(b);
  });
  const chosen = new Set(found.length >= MIN_SUBHEADINGS ? found : found.filter((p) => contents.has(entryKey(p.text))));
  if (!chosen.size) return;
  const out: TreeBlock[] = [];
  for (const [i, b] of tree.blocks.entries()) {
    // The first line of a title the line after it was found for ("The Consequences To Such
    // Institution, Are" / "I. The Subjects Cannot Change The Forme Of Government").
    const after = tree.blocks[i + 1];
    const lead = isParagraph(b) ? (b.lineCount ?? 1) <= 2 && b.text : isHeading(b) && promoted.has(b) && !divisionOf(b.title) && !NAMED.test(b.title) && b.title;
    if (lead && lead.length <= 120 && headingCase(lead.replace(/,$/, '')) && isHeading(after) && promoted.has(after) && !divisionOf(after.title) && !NAMED.test(after.title)) {
      after.title = `${lead} ${after.title}`;
      after.line = b.line;
      continue;
    }
    if (!isParagraph(b) || !chosen.has(b)) {
      out.push(b);
      continue;
    }
    // A title set on several lines ("The Nourishment Of A Common-wealth Consisteth In The
    // Commodities" / "Of Sea And Land"): the title lines right before it are one heading with it.
    const run: TreeParagraph[] = [];
    let start: TreeHeading | undefined;
    for (let k = out.length - 1; k >= 0 && run.length < MAX_TITLE_LINES; k--) {
      const before = out[k];
      if (isParagraph(before) && (before.lineCount ?? 1) <= 2 && before.text.length <= 120 && headingCase(before.text.replace(/,$/, ''))) {
        run.unshift(before);
        continue;
      }
      if (isHeading(before) && promoted.has(before) && !divisionOf(before.title) && !NAMED.test(before.title)) start = before;
      break;
    }
    if (start || run.length) {
      out.splice(out.length - run.length);
      const lines = [...run.map((p) => p.text), b.text];
      const head = start ?? { type: 'heading' as const, title: lines.shift() ?? '', line: run[0]?.line ?? b.line, ...(b.file ? { file: b.file } : {}) };
      if (!start) promoted.add(head);
      head.title = [head.title, ...lines].join(' ');
      head.endLine = b.endLine ?? b.line;
      if (!start) out.push(head);
      continue;
    }
    const h: TreeHeading = { type: 'heading', title: b.text, line: b.line, ...(b.endLine ? { endLine: b.endLine } : {}), ...(b.file ? { file: b.file } : {}) };
    if (contents.has(entryKey(b.text))) h.inContents = true;
    promoted.add(h);
    out.push(h);
  }
  tree.blocks = out;
}

/** "# PRICES OF WHEAT": a title the transcriber marked as a Markdown heading, without its marks. */
function markdownHeading(text: string): string | undefined {
  const title = /^#{1,6}\s+(\S.*)$/.exec(text)?.[1];
  return title && title.length <= 80 && (isAllCaps(title) || headingCase(title)) ? title : undefined;
}

/** A heading that stops mid-sentence ("… and to", "… unjust,") and a paragraph going on in lower case. */
const runsOn = (h: TreeHeading, next: TreeBlock | undefined): next is TreeParagraph =>
  isParagraph(next) && /[\p{Ll},;]$/u.test(h.title) && /^\p{Ll}/u.test(next.text) && !divisionOf(h.title);

/** "The Structure of the Government Must Furnish the Proper Checks…": most words capitalised. */
const titleCased = (text: string) => {
  const words = text.split(/\s+/).filter((w) => /\p{L}/u.test(w));
  return words.length >= 4 && /^\p{Lu}/u.test(text) && words.filter((w) => /^[(“"‘']?\p{Ll}/u.test(w)).length < words.length * 0.4;
};

const BYLINE = /^(?:(?:[Ww]ritten|WRITTEN)\s+)?(?:[Bb]y|BY)\s+\p{Lu}[\p{Lu}\s.'’-]+$/u;
const CONTINUES = /(?:[,;:–—-]|\b(?:of|and|the|to|by|in|or|with|which|from|for|a|an))$/i;

/** A heading's title that runs on (`OF MANKIND,` / `AS CONCERNING…`), and a bare `CHAPTER I.` followed by its title line. */
function mergeTitles(tree: BookTree): void {
  const out: TreeBlock[] = [];
  for (let i = 0; i < tree.blocks.length; i++) {
    const b = tree.blocks[i] as TreeBlock;
    const after = tree.blocks[i + 1];
    // A heading that stops mid-sentence ("… and to") and a paragraph that goes on in lower case are one paragraph.
    if (isHeading(b) && runsOn(b, after)) {
      out.push({ ...after, text: `${b.title} ${after.text}`, line: b.line });
      i++;
      continue;
    }
    out.push(b);
    if (!isHeading(b)) continue;
    const division = divisionOf(b.title);
    const next = tree.blocks[i + 1];
    // "WRITTEN BY NICOLO MACHIAVELLI" under a work's title inside the book: the title's byline (the title page's are read as attribution).
    if (isParagraph(next) && BYLINE.test(next.text) && next.text.length <= 80 && out.some((o) => o !== b && isHeading(o))) {
      b.title = `${b.title} ${next.text}`;
      b.endLine = next.endLine ?? next.line;
      i++;
      continue;
    }
    if (!division && !numberedTitle(b.title) && !NAMED.test(b.title)) continue;
    // A title in capitals going on in the paragraph under it ("… INSPIRATION IN" / "THE BOOKS OF HOLY SCRIPTURE").
    const more = capsContinuation(b, tree.blocks, i + 1);
    if (more) {
      i += more;
      continue;
    }
    const bare = division ? /^\S+\s+\S+?[.:]?$/.test(b.title.replace(/^(?:the|federalist)\s+/i, '')) || /^(?:federalist|the)\s+no\.?\s*\d+$/i.test(b.title) : false;
    // A heading the format already knows as a division (an EPUB chapter "I") is never the title of the one before.
    if (isHeading(next) && !next.kind && !divisionOf(next.title) && !NAMED.test(next.title) && !numberedTitle(next.title) && !runsOn(next, tree.blocks[i + 2]) && (CONTINUES.test(b.title) || bare) && next.title.length <= 150) {
      b.title = `${b.title}${CONTINUES.test(b.title) || /[.:]$/.test(b.title) ? ' ' : '. '}${next.title}`;
      b.endLine = next.endLine ?? next.line;
      i++;
      i += capsContinuation(b, tree.blocks, i + 1);
      continue;
    }
    // A line in parentheses or capitals right under a heading is its subtitle or epigraph, as a page sets it.
    const upperShare = (t: string) => (t.match(/\p{Lu}/gu)?.length ?? 0) / Math.max(1, t.match(/\p{L}/gu)?.length ?? 0);
    if (isParagraph(next) && (next.lineCount ?? 1) === 1 && next.text.length <= 80 && (/^\(.*\)\.?$/.test(next.text) || upperShare(next.text) > 0.8) && !authorsLine(tree, next.text)) {
      if (!division && !b.loc) b.loc = locOf(b.title);
      b.title = `${b.title} ${next.text}`;
      b.endLine = next.endLine ?? next.line;
      i++;
      i += capsContinuation(b, tree.blocks, i + 1);
      continue;
    }
    if (bare && isParagraph(next) && (next.lineCount ?? 1) <= 2 && next.text.length <= 150 && (looksLikeTitle(next.text) || (isAllCaps(next.text) && /\.$/.test(next.text)) || titleCased(next.text) || headingCase(next.text))) {
      b.title = `${b.title}${/[.:]$/.test(b.title) ? ' ' : '. '}${next.text}`;
      b.endLine = next.endLine ?? next.line;
      i++;
      i += capsContinuation(b, tree.blocks, i + 1);
    }
  }
  tree.blocks = out;
}

/** A title in capitals set on more lines ("… HIGH PRIESTS," / "AND THE KINGS OF JUDAH"): the lines from `from` that go on with it, added to it; how many. */
function capsContinuation(h: TreeHeading, blocks: TreeBlock[], from: number): number {
  let k = from;
  for (let more = blocks[k]; CONTINUES.test(h.title) && isParagraph(more) && (more.lineCount ?? 1) <= 2 && isAllCaps(more.text) && more.text.length <= 150; more = blocks[++k]) {
    h.title = `${h.title} ${more.text}`;
    h.endLine = more.endLine ?? more.line;
  }
  return k - from;
}

/** "HAMILTON", "MADISON, with HAMILTON" under a Federalist paper: the paper's author, from the work's authors. */
/** "MADISON, with HAMILTON" → "James Madison, with Alexander Hamilton" when the work's authors are those; else undefined. */
function authorsLine(tree: BookTree, text: string): string | undefined {
  const names = (tree.meta.author ?? '').split(/\s*(?:,|\band\b|&)\s*/).map((n) => n.trim()).filter((n) => n.split(/\s+/).length >= 2);
  if (names.length < 2) return undefined;
  const bySurname = new Map(names.map((n) => [(n.split(/\s+/).at(-1) ?? '').toUpperCase(), n]));
  const words = text.replace(/[.,]/g, ' ').split(/\s+/).filter(Boolean);
  if (!words.length || !words.some((w) => bySurname.has(w.toUpperCase()))) return undefined;
  if (!words.every((w) => bySurname.has(w.toUpperCase()) || /^(?:and|or|with)$/i.test(w))) return undefined;
  return text.replace(/[\p{L}]+/gu, (w) => bySurname.get(w.toUpperCase()) ?? w.toLowerCase());
}

function sectionAuthors(tree: BookTree): void {
  const authorLine = (text: string) => authorsLine(tree, text);
  const drop = new Set<TreeBlock>();
  let current: TreeHeading | undefined;
  let seen = 0;
  for (const b of tree.blocks) {
    if (isHeading(b) && !(promoted.has(b) && authorLine(b.title))) {
      const d = divisionOf(b.title);
      current = d && (d.kind === 'number' || d.kind === 'chapter') ? b : current;
      seen = 0;
      continue;
    }
    if (!current || current.author || ++seen > 4) continue;
    const author = authorLine(textOf(b));
    if (author) {
      current.author = author;
      drop.add(b);
    }
  }
  tree.blocks = tree.blocks.filter((b) => !drop.has(b));
}

/**
 * The book's title, or its author's name, set again in capitals over its first division ("THE
 * ORIGIN OF THE FAMILY" over CHAPTER I): a half-title, the publisher's, never a passage.
 */
function leaveOutHalfTitles(tree: BookTree): void {
  const title = entryKey(tree.meta.title || tree.fallbackMeta?.title || '');
  const authors = (tree.meta.author ?? '').split(/\s*(?:,|\band\b|&)\s*/).map(entryKey).filter((a) => a.split(' ').length >= 2);
  if (!title && !authors.length) return;
  const drop = new Set<TreeBlock>();
  // Inside the book: the title page is decided on its own.
  let inside = false;
  tree.blocks.forEach((b, i) => {
    const next = tree.blocks[i + 1];
    if (isHeading(b) && (divisionOf(b.title) || NAMED.test(b.title))) inside = true;
    if (!inside) return;
    const line = isParagraph(b) || (isHeading(b) && promoted.has(b) && !divisionOf(b.title)) ? textOf(b) : '';
    if (!line || line.length > 100 || !isAllCaps(line) || !isHeading(next)) return;
    const key = entryKey(line);
    // The author's name alone, or with a final period, is a signature: the author's.
    const names = (title && key.split(' ').length >= 3 && (title.startsWith(key) || key.includes(title))) || authors.some((a) => key !== a && ` ${key} `.includes(` ${a} `));
    if (/\.$/.test(line)) return;
    if (!names) return;
    leaveOut(tree, [b], 'title page', 'publisher', line);
    drop.add(b);
  });
  tree.blocks = tree.blocks.filter((b) => !drop.has(b));
}

const DATELINE = /^.{4,90}\b1[5-9]\d\d\.?$/;
const SALUTATION = /^To\s.{3,60}:$/;

/**
 * The lines a paper prints under its heading before its text: where it appeared ("For the
 * Independent Journal. Wednesday, February 6, 1788.") and whom it addresses ("To the People of the
 * State of New York:"). They are left out, so that ¶ 1 is the paper's first paragraph.
 */
function leaveOutDatelines(tree: BookTree): void {
  const found: { block: TreeBlock; kind: MatterKind; text: string }[] = [];
  const headings = new Set<number>();
  tree.blocks.forEach((b, i) => {
    if (!isHeading(b) || !divisionOf(b.title)) return;
    // Only the lines a paper prints between its heading and its text: the first prose ends them.
    for (const next of tree.blocks.slice(i + 1, i + 6)) {
      if (next.type === 'note' || (isHeading(next) && divisionOf(next.title))) break;
      const text = textOf(next);
      if (definedLabel(text) !== undefined) break;
      const kind = DATELINE.test(text) ? 'dateline' : SALUTATION.test(text) ? 'salutation' : undefined;
      if (kind) {
        found.push({ block: next, kind, text });
        headings.add(i);
      } else if (text.length > 150) break;
    }
  });
  // The book shows they are datelines by printing them under more than one heading; else they are the author's words.
  if (headings.size < 2) return;
  for (const { block, kind, text } of found) leaveOut(tree, [block], kind, 'publisher', text);
  const drop = new Set(found.map((f) => f.block));
  tree.blocks = tree.blocks.filter((b) => !drop.has(b));
}

const LEFT_OUT_TITLES: [RegExp, MatterKind, MatterRole][] = [
  [/^(?:list\s+of\s+)?(?:illustrations|plates|figures)\b/i, 'illustrations', 'publisher'],
  [TRANSCRIBER, 'transcriber note', 'transcriber'],
  [/^(?:the\s+)?index\b/i, 'index', 'editor'],
  [/^(?:reviews?|opinions\s+of\s+the\s+press|press\s+notices|critical\s+notices)\b/i, 'review', 'editor'],
  [/^(?:books\s+by|by\s+the\s+same\s+author|also\s+by|new\s+books|catalogue|publishers['’]?\s+advertisements?)\b/i, 'advertisement', 'publisher'],
];

const surnamesOf = (author: string | undefined) =>
  (author ?? '')
    .split(/\s*(?:,|\band\b|&)\s*/)
    .map((n) => n.trim().split(/\s+/).at(-1) ?? '')
    .filter((n) => n.length >= 3);

/** Whether text about the author (their name in the third person) rather than by them: a text the author signs is theirs. */
function namesAuthor(tree: BookTree, paragraphs: TreeParagraph[], author = tree.meta.author): boolean {
  const surnames = surnamesOf(author);
  if (!surnames.length) return false;
  const named = (text: string) => surnames.some((s) => new RegExp(`\\b${s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'i').test(text));
  // "JOHN REED." under a preface: the author's signature.
  const signature = (p: TreeParagraph) => p.text.length <= 60 && !/\p{Ll}{3}.*\s\p{Ll}{3}/u.test(p.text) && named(p.text);
  if (paragraphs.some(signature)) return false;
  return named(paragraphs.slice(0, 3).map((p) => p.text).join(' '));
}

/** What a matter heading is, and whose: null for the author's own text. */
function matterOf(tree: BookTree, heading: TreeHeading, body: TreeParagraph[], afterText: boolean): Matter | undefined {
  const t = heading.title.trim();
  for (const [pattern, kind, role] of LEFT_OUT_TITLES) if (pattern.test(t)) return { kind, role, keep: false };
  if (afterText && /^advertisements?\b/i.test(t)) return { kind: 'advertisement', role: 'publisher', keep: false };
  const named = /(introduction|introductory|preface|foreword|appendix|glossary|notes|footnotes|afterword|postscript)/i.exec(t)?.[1]?.toLowerCase();
  if (!named || divisionOf(t)) return undefined;
  const kind: MatterKind = named === 'introductory' ? 'introduction' : named === 'footnotes' ? 'notes' : named === 'afterword' || named === 'postscript' ? 'appendix' : (named as MatterKind);
  if (/\bauthor['’]?s\b/i.test(t)) return { kind, role: 'author', keep: true };
  if (/\btranslator['’]?s\b|\btranslated\b/i.test(t)) return { kind, role: 'translator', keep: true };
  if (/\beditor['’]?s\b/i.test(t)) return { kind, role: 'editor', keep: true };
  if (kind === 'glossary' || namesAuthor(tree, body)) return { kind, role: 'editor', keep: true };
  return undefined;
}

/**
 * Whose words: a title page before the first heading, transcribers' notes, illustration lists,
 * indexes, reviews and advertisements are left out; an introduction, notes or glossary written by
 * someone other than the author is kept, marked with its role.
 */
function decideMatter(tree: BookTree): void {
  const blocks = tree.blocks;
  const out: TreeBlock[] = [];
  // The title page: the short lines before the first heading.
  // The book's own title is the title page's, even where the contents names it (the Prince's "THE PRINCE").
  const bookTitle = entryKey(tree.meta.title || tree.fallbackMeta?.title || '');
  const named = (b: TreeHeading) => !!b.inContents && entryKey(b.title) !== bookTitle;
  const structural = (b: TreeBlock) => isHeading(b) && (!!divisionOf(b.title) || NAMED.test(b.title) || isMatterTitle(b.title) || named(b) || !!numberedTitle(b.title));
  const firstStructural = blocks.findIndex(structural);
  const first = firstStructural >= 0 ? firstStructural : blocks.findIndex((b) => isHeading(b));
  let i = 0;
  if (first > 0) {
    const front = blocks.slice(0, first);
    let k = 0;
    const onPage = (b: TreeBlock | undefined) => (isHeading(b) && !TRANSCRIBER.test(b.title)) || (isParagraph(b) && b.text.length <= 100 && (b.lineCount ?? 1) <= 3 && !TRANSCRIBER.test(b.text));
    // A transcriber's note printed before the title page runs to the next heading, and is left out on its own; after it, it ends the page.
    const transcribers: TreeBlock[][] = [];
    const page: TreeBlock[] = [];
    while (k < front.length) {
      const b = front[k];
      if (isParagraph(b) && TRANSCRIBER.test(b.text) && !page.length) {
        let j = k;
        while (j + 1 < front.length && !isHeading(front[j + 1])) j++;
        transcribers.push(front.slice(k, j + 1));
        k = j + 1;
        continue;
      }
      if (!onPage(b)) break;
      page.push(b as TreeBlock);
      k++;
    }
    if (page.length && page.length <= 30) {
      for (const note of transcribers) leaveOut(tree, note, 'transcriber note', 'transcriber');
      tree.titlePage.push(...page.map(textOf));
      leaveOut(tree, page, 'title page', 'publisher');
      i = k;
    }
    // Paragraphs between the title page and any heading that speak of the author are an editor's blurb.
    let r = k;
    while (r < front.length && isParagraph(front[r]) && !TRANSCRIBER.test((front[r] as TreeParagraph).text)) r++;
    const rest = front.slice(k, r) as TreeParagraph[];
    // The author the title page names ("by Nicolo Machiavelli") when the format named none.
    if (rest.length && namesAuthor(tree, rest, tree.meta.author ?? titlePageMeta(page.map(textOf)).author)) {
      leaveOut(tree, rest, 'introduction', 'editor');
      i = r;
    }
  }
  const firstDivision = blocks.findIndex((b) => isHeading(b) && !!divisionOf(b.title));
  let lastDivision = -1;
  blocks.forEach((b, k) => {
    if (isHeading(b) && divisionOf(b.title)) lastDivision = k;
  });
  for (; i < blocks.length; i++) {
    const b = blocks[i] as TreeBlock;
    if (isParagraph(b) && TRANSCRIBER.test(b.text)) {
      // A transcriber's note runs to the next heading.
      let j = i;
      while (j + 1 < blocks.length && !isHeading(blocks[j + 1])) j++;
      leaveOut(tree, blocks.slice(i, j + 1), 'transcriber note', 'transcriber');
      i = j;
      continue;
    }
    if (!isHeading(b) || b.matter) {
      out.push(b);
      continue;
    }
    let j = i;
    while (j + 1 < blocks.length && !(isHeading(blocks[j + 1]) && (divisionOf((blocks[j + 1] as TreeHeading).title) || NAMED.test((blocks[j + 1] as TreeHeading).title) || isMatterTitle((blocks[j + 1] as TreeHeading).title)))) j++;
    const body = blocks.slice(i + 1, j + 1).filter(isParagraph);
    const matter = matterOf(tree, b, body, lastDivision >= 0 && i > lastDivision && firstDivision >= 0);
    if (matter && !matter.keep) {
      leaveOut(tree, blocks.slice(i, j + 1), matter.kind, matter.role, b.title);
      i = j;
      continue;
    }
    if (matter) b.matter = matter;
    out.push(b);
  }
  tree.blocks = out;
}

const isMatterTitle = (title: string) => LEFT_OUT_TITLES.some(([p]) => p.test(title.trim()));

/** Which headings open divisions, their numbers and depth; a line promoted to a heading that heads nothing is text again. */
function assignStructure(tree: BookTree): void {
  const headings = tree.blocks.filter(isHeading);
  for (const h of headings) {
    if (h.kind) continue;
    const d = divisionOf(h.title);
    if (d) {
      h.kind = d.kind;
      h.n = d.n;
    }
  }
  const hasDivisions = headings.some((h) => h.kind);
  if (!hasDivisions) {
    // No keyword divisions: numbered titles (I., II.) are the chapters; else the contents' entries,
    // else the format's top headings, numbered in order.
    const numbered = headings.filter((h) => numberedTitle(h.title));
    const style = numbered[0] ? numberedTitle(numbered[0].title)?.style : undefined;
    const chosen = numbered.filter((h) => numberedTitle(h.title)?.style === style);
    if (chosen.length >= 2) {
      for (const h of chosen) {
        h.kind = 'chapter';
        h.n = numberedTitle(h.title)?.n ?? 0;
      }
    } else {
      const candidates = headings.filter((h) => !h.matter && !NAMED.test(h.title));
      // A "Conclusion" the contents lists among plain chapter titles (Walden's) is the last of them.
      const firstConfirmed = headings.indexOf(candidates.find((h) => h.inContents) as TreeHeading);
      const confirmed = headings.filter((h, k) => h.inContents && !h.matter && (!NAMED.test(h.title) || (k > firstConfirmed && firstConfirmed >= 0 && /^(?:the\s+)?conclusion\b/i.test(h.title))));
      const levels = candidates.filter((h) => h.level !== undefined).map((h) => h.level as number);
      const top = levels.length ? Math.min(...levels.filter((l) => levels.filter((m) => m === l).length >= 2), 7) : undefined;
      const chapters = confirmed.filter((h) => !NAMED.test(h.title)).length >= 2 ? confirmed : candidates.filter((h) => h.level !== undefined && h.level === top);
      chapters.forEach((h, k) => {
        h.kind = 'chapter';
        h.n = k + 1;
      });
    }
  }
  for (const h of headings) {
    if (h.kind || h.loc) continue;
    if (NAMED.test(h.title) || h.matter) h.loc = locOf(h.title);
  }
  // After the last division, a title in capitals standing apart opens a work of its own (the
  // Prince's "Life of Castruccio Castracani"), unless it is the subtitle of the one before.
  const lastDivision = tree.blocks.findLastIndex((b) => isHeading(b) && b.kind !== undefined);
  if (lastDivision >= 0) {
    tree.blocks.forEach((b, i) => {
      if (i <= lastDivision || !isHeading(b) || b.kind || b.loc || !isAllCaps(b.title) || b.title.length < 12) return;
      const divisionLevel = (tree.blocks[lastDivision] as TreeHeading).level;
      if (!promoted.has(b) && (b.level === undefined || divisionLevel === undefined || b.level > divisionLevel)) return;
      if (isHeading(tree.blocks[i - 1]) || !isParagraph(tree.blocks[i + 1])) return;
      b.loc = locOf(b.title);
    });
  }

  // "Chapter II … Part I", "Chapter II … Part II": a division numbered as the one before of its kind
  // continues it; it is a title, and the paragraphs go on being counted in the first.
  const lastOfKind = new Map<DivisionKind, TreeHeading>();
  for (const h of headings) {
    if (!h.kind) continue;
    const before = lastOfKind.get(h.kind);
    if (before && before.n === h.n && before !== h) {
      delete h.kind;
      delete h.n;
      continue;
    }
    lastOfKind.set(h.kind, h);
    // A new outer division restarts the numbering of those inside it.
    const rank = ['volume', 'book', 'epilogue', 'part', 'chapter', 'number', 'section'].indexOf(h.kind);
    for (const k of [...lastOfKind.keys()]) if (['volume', 'book', 'epilogue', 'part', 'chapter', 'number', 'section'].indexOf(k) > rank) lastOfKind.delete(k);
  }

  insertDivisionsFromContents(tree);
  headings.splice(0, headings.length, ...tree.blocks.filter(isHeading));

  // Depth: division kinds nest in the order they first appear; an epilogue stands where books do.
  const order: DivisionKind[] = [];
  for (const h of headings) {
    const kind = h.kind === 'epilogue' && order.includes('book') ? 'book' : h.kind;
    if (kind && !order.includes(kind)) order.push(kind);
  }
  const depthOf = (kind: DivisionKind) => {
    const k = kind === 'epilogue' && order.includes('book') ? 'book' : kind;
    return Math.min(6, order.indexOf(k) + 1);
  };
  const innermost = Math.max(1, order.length);
  let open = 0;
  for (const h of headings) {
    if (h.kind) h.depth = depthOf(h.kind);
    else if (h.loc) h.depth = innermost;
    else h.depth = Math.min(6, open + 1);
    if (h.kind || h.loc) open = h.depth;
  }

  // A line that was read as a title but heads nothing (the Manifesto's last line) is text.
  const blocks = tree.blocks;
  const bookTitle = entryKey(tree.meta.title || tree.fallbackMeta?.title || '');
  for (let i = 0; i < blocks.length; i++) {
    const h = blocks[i];
    if (!isHeading(h) || h.kind || h.loc) continue;
    // A sentence set as a heading (a numbered meditation's first line) is text.
    const words = h.title.split(/\s+/);
    if (words.length >= 8 && words.filter((w) => /^\p{Ll}/u.test(w)).length > words.length / 2) {
      blocks[i] = { type: 'paragraph', text: h.title, line: h.line, ...(h.endLine ? { endLine: h.endLine } : {}), ...(h.file ? { file: h.file } : {}) };
      continue;
    }
    if (!promoted.has(h)) continue;
    let j = i + 1;
    while (j < blocks.length && !isHeading(blocks[j])) j++;
    const heads = j > i + 1;
    const nextDepth = isHeading(blocks[j]) ? ((blocks[j] as TreeHeading).depth ?? 1) : 0;
    // A continued division's title ("Chapter V: … —Part III") over a sub-heading heads it.
    if (heads || nextDepth > (h.depth ?? 1) || divisionOf(h.title)) continue;
    // The book's title again over its first chapter (a half-title) is no passage.
    if (bookTitle && entryKey(h.title) === bookTitle) {
      leaveOut(tree, [h], 'title page', 'publisher');
      blocks.splice(i--, 1);
      continue;
    }
    blocks[i] = { type: 'paragraph', text: h.title, line: h.line, ...(h.endLine ? { endLine: h.endLine } : {}) };
  }
}

const OUTER: DivisionKind[] = ['volume', 'book', 'part'];

/**
 * A part the contents names ("THE FOURTH PART" / "OF THE KINGDOME OF DARKNESSE", then "44. OF
 * SPIRITUALL DARKNESSE…") but the text prints no heading for, in a book whose other parts have
 * theirs: its heading, as the contents writes it, goes before the first chapter the contents lists
 * under it, so that its chapters are located in it.
 */
function insertDivisionsFromContents(tree: BookTree): void {
  const entries = (tree.contents ?? []).map((e) => e.title.replace(/\s+/g, ' ').trim());
  const headings = tree.blocks.filter(isHeading);
  const has = (kind: DivisionKind, n: number) => headings.some((h) => h.kind === kind && h.n === n);
  const missing: { kind: DivisionKind; n: number; title: string; chapter: number }[] = [];
  for (let i = 0; i < entries.length; i++) {
    const d = divisionOf(entries[i] ?? '');
    if (!d || !OUTER.includes(d.kind) || has(d.kind, d.n) || !headings.some((h) => h.kind === d.kind)) continue;
    let title = entries[i] ?? '';
    let k = i + 1;
    // The part's own title on the entry after it ("OF THE KINGDOME OF DARKNESSE").
    const next = entries[k] ?? '';
    if (next && !divisionOf(next) && !numberedTitle(next)) {
      title = `${title}. ${next}`;
      k++;
    }
    const first = entries[k] ?? '';
    const chapter = divisionOf(first)?.kind === 'chapter' ? divisionOf(first)?.n : numberedTitle(first)?.n;
    if (chapter !== undefined) missing.push({ kind: d.kind, n: d.n, title, chapter });
  }
  for (const part of missing) {
    const at = tree.blocks.findIndex((b) => isHeading(b) && b.kind === 'chapter' && b.n === part.chapter);
    const chapter = tree.blocks[at];
    if (at < 0 || !isHeading(chapter)) continue;
    tree.blocks.splice(at, 0, { type: 'heading', title: part.title, kind: part.kind, n: part.n, line: chapter.line, ...(chapter.file ? { file: chapter.file } : {}), inContents: true });
  }
}

/** "AUTHOR'S PREFACE TO THE FIRST EDITION, 1884." → "Author's Preface to the First Edition, 1884". */
function locOf(title: string): string {
  const t = titleCase(title.replace(/\s*(?:\(.*|[:;]\s.*|\s--\s.*|\s—\s.*)$/, '').replace(/[.:,]+$/, '').trim() || title);
  // The corpus accepts a `loc` of at most MAX_LOC_LENGTH characters: cut at a word.
  return t.length > MAX_LOC_LENGTH ? t.slice(0, MAX_LOC_LENGTH + 1).replace(/\s+\S*$/, '').replace(/[\s,.;:]+$/, '') : t;
}
