import { createHash } from 'node:crypto';
import { z } from 'zod';
import { splitHeading, splitNote, type HeadingAttributes } from './attributes';
import { parseYaml } from './yaml';
import { MATTER_ROLES, type Chapter, type Footnote, type FootnoteRef, type MatterRole, type Passage, type Problem, type Work, type WorkMeta } from './types';

export const MAX_ID_LENGTH = 48;

/** A work id, as `work:` options and file names use it. */
export const workIdSchema = z
  .string()
  .max(MAX_ID_LENGTH)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lowercase letters, digits and hyphens');

const metaSchema = z
  .object({
    id: workIdSchema,
    title: z.string().min(1),
    short_title: z.string().min(1).optional(),
    notes_role: z.enum(MATTER_ROLES).optional(),
    author: z.string().min(1).optional(),
    date: z.union([z.string(), z.number()]).transform(String).optional(),
    translator: z.string().min(1).optional(),
    source: z.string().min(1).optional(),
    license: z.string().min(1).optional(),
    url: z.string().refine(isWebAddress, 'must be an http:// or https:// address (Discord links nothing else)').optional(),
    recipient: z.string().min(1).optional(),
    source_file: z.string().min(1).refine(isBareFileName, 'must be a bare file name in sources/, without a folder or ".."'),
  })
  .strict();

/** An http(s) address with nothing in it that could end a `<…>` link or start Markdown after it. */
export function isWebAddress(url: string): boolean {
  if (!/^https?:\/\/[^\s<>`|\\[\]]+$/i.test(url)) return false;
  try {
    return Boolean(new URL(url).host);
  } catch {
    return false;
  }
}

/**
 * What a footnote label may hold: exactly what /footnote can ask for (`[^label]` typed in full), so
 * every note can be reached. Letters, digits, `*`, `†`, `‡`, `§`, `+`, `(`, `)` and `-` (`*(2)`, a second `*`); not 0 and not a negative
 * number (footnote numbers start at 1); at most 37 characters, so `[^label]` fits the 40 an answer reads.
 */
export const FOOTNOTE_LABEL_CHARS = '\\p{L}\\p{N}*†‡§+()-';
export const MAX_FOOTNOTE_LABEL = 37;

/** Why /footnote could not ask for this label, or undefined when it can. */
export function unaskableLabel(label: string): string | undefined {
  if (!new RegExp(`^[${FOOTNOTE_LABEL_CHARS}]+$`, 'u').test(label)) return 'a label holds only letters, digits, *, †, ‡, §, +, (, ) and -, so /footnote cannot ask for it';
  if (/^0+$|^-\d+$/.test(label)) return 'footnote numbers start at 1, so /footnote cannot ask for it';
  if (label.length > MAX_FOOTNOTE_LABEL) return `a label is at most ${MAX_FOOTNOTE_LABEL} characters, so /footnote cannot ask for it`;
  return undefined;
}

/** A file name with no folder in it: `source_file` is only ever looked up inside the corpus's sources folder. */
export function isBareFileName(name: string): boolean {
  return name !== '.' && name !== '..' && !/[/\\]|\p{Cc}/u.test(name);
}

const FRONT_MATTER_FENCE = '---';
const HEADING = /^(#{1,6})\s+(.+?)\s*#*\s*$/;
const DEFINITION = /^\[\^([^\]\s]+)\]:[ \t]*(.*)$/;
/** A marker is `[^label]`; replies show it as the author wrote it, `[label]`. */
export const MARKER = /\[\^([^\]\s]+)\]/g;

export interface ParsedWork {
  work?: Work;
  problems: Problem[];
}

interface Block {
  kind: 'paragraph' | 'definition';
  label?: string;
  lines: string[];
  line: number;
  chapter: number;
  /** Whose words, from the headings above (a note may say otherwise). */
  role?: MatterRole;
  author?: string;
  /** The sub-headings inside the section the block stands under. */
  subheading?: string;
}

interface OpenHeading {
  level: number;
  title: string;
  attributes: HeadingAttributes;
}

/** A paragraph line that starts with `\#`, `\>`, `\-`… is that text, escaped so it does not read as Markdown. */
const ESCAPED_START = /^\\(?=[#>\-+*=_|~`[\\])/;

/** Parses one corpus Markdown file. Passage `index` is assigned later, by the corpus. */
/**
 * `fingerprint` is the hash of the file's bytes when the caller has them (the corpus loader hashes
 * the bytes it read, once); otherwise the text is hashed here.
 */
export function parseWork(text: string, file: string, fingerprint?: string): ParsedWork {
  const problems: Problem[] = [];
  const problem = (line: number, message: string) => problems.push({ file, line, message });
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);

  if (lines[0]?.trim() !== FRONT_MATTER_FENCE) {
    problem(1, 'missing front matter: the file must start with a line "---"');
    return { problems };
  }
  const close = lines.findIndex((l, i) => i > 0 && l.trim() === FRONT_MATTER_FENCE);
  if (close < 0) {
    problem(1, 'front matter is not closed with a line "---"');
    return { problems };
  }

  const frontMatter = lines.slice(1, close);
  const fieldLine = (field: string) => {
    const at = frontMatter.findIndex((l) => l.startsWith(`${field}:`));
    return at < 0 ? 1 : at + 2;
  };
  const meta = parseMeta(frontMatter.join('\n'), fieldLine, problem);

  const body = lines.slice(close + 1);
  const headings = body.flatMap((line, i) => {
    const heading = HEADING.exec(line);
    return heading ? [{ i, level: heading[1]?.length ?? 0, ...splitHeading(heading[2] ?? '') }] : [];
  });
  for (const h of headings) if (h.error) problem(close + 2 + h.i, `heading: ${h.error}`);
  // A work whose headings carry locators is cited by them; one without keeps "ch. N" for its `##` chapters.
  const located = headings.some((h) => h.attributes.component);

  const chapters: Chapter[] = [];
  const sectionOf = new Map<string, number>();
  const blocks: Block[] = [];
  const open: OpenHeading[] = [];
  let part: string | undefined;
  let chapter = 0;
  let subheading: string | undefined;
  let current: Block | undefined;
  const flush = () => {
    if (current) blocks.push(current);
    current = undefined;
  };
  const innermost = <K extends keyof HeadingAttributes>(key: K) => open.findLast((h) => h.attributes[key])?.attributes[key];
  let next = 0;
  for (let i = close + 1; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const lineNo = i + 1;
    if (line.trim() === '') {
      flush();
      continue;
    }
    const heading = headings[next]?.i === i - close - 1 ? headings[next++] : undefined;
    if (heading) {
      flush();
      const { level, title, attributes } = heading;
      while ((open.at(-1)?.level ?? 0) >= level) open.pop();
      open.push({ level, title, attributes });
      if (located) {
        const locator = open.flatMap((h) => (h.attributes.component ? [h.attributes.component] : [])).join(' ');
        // A locator seen before (a section resumed after a plain heading closed) keeps its ¶ numbering.
        const known = sectionOf.get(locator);
        // A heading without a locator inside a section is a sub-heading: its passages keep the
        // section's locator and ¶ numbering, and carry its title.
        const inner = open.slice(open.findLastIndex((h) => h.attributes.component) + 1);
        const inside = inner.map((h) => h.title).join(' — ');
        subheading = known !== undefined && inside && inside !== chapters[known - 1]?.titles.join(' — ') ? inside : undefined;
        if (known !== undefined) chapter = known;
        else {
          chapter = chapters.length + 1;
          sectionOf.set(locator, chapter);
          const role = innermost('role');
          const author = innermost('author');
          chapters.push({
            n: chapter,
            title: open.at(-1)?.title ?? title,
            titles: open.map((h) => h.title),
            locator,
            ...(open.length > 1 && open[0] ? { part: open[0].title } : {}),
            ...(role && role !== 'author' ? { role } : {}),
            ...(author ? { author } : {}),
          });
        }
      } else if (level === 1) part = title;
      else if (level >= 3) subheading = chapter ? open.filter((h) => h.level >= 3).map((h) => h.title).join(' — ') : undefined;
      if (!located && level <= 2) subheading = undefined;
      if (!located && level === 2) {
        chapter = chapters.length + 1;
        const role = innermost('role');
        chapters.push({
          n: chapter,
          title,
          titles: [...(part ? [part] : []), title],
          locator: `ch. ${chapter}`,
          ...(part ? { part } : {}),
          ...(role && role !== 'author' ? { role } : {}),
        });
      }
      continue;
    }
    const context = { chapter, role: innermost('role'), author: innermost('author'), ...(subheading ? { subheading } : {}) };
    const definition = DEFINITION.exec(line);
    if (definition) {
      flush();
      current = { kind: 'definition', label: definition[1], lines: [definition[2] ?? ''], line: lineNo, ...context };
      continue;
    }
    if (!current) current = { kind: 'paragraph', lines: [], line: lineNo, ...context };
    current.lines.push((current.lines.length ? line : line.replace(ESCAPED_START, '')).trim());
  }
  flush();

  const workId = meta?.id ?? '';
  const footnotes: Footnote[] = [];
  // Long chapters may run through the alphabet and start their note letters again: a label may be
  // defined again in its chapter once a marker has used it since its last definition.
  // Looked up by chapter and label, never by scanning: a work may have tens of thousands of notes.
  const markerLines = new Map<string, number[]>();
  for (const block of blocks) {
    if (block.kind !== 'paragraph') continue;
    const labels = new Set(block.lines.flatMap((l) => [...l.matchAll(MARKER)].map((m) => m[1] ?? '')));
    for (const label of labels) pushTo(markerLines, noteKey(block.chapter, label), block.line);
  }
  const notesIn = new Map<string, Footnote[]>();
  for (const block of blocks.filter((b) => b.kind === 'definition')) {
    const label = block.label ?? '';
    const note = splitNote(block.lines.join(' ').trim());
    if (note.error) problem(block.line, `footnote [^${label}]: ${note.error}`);
    const unaskable = unaskableLabel(label);
    if (unaskable) problem(block.line, `footnote [^${label}]: ${unaskable}`);
    const text = note.text.trim();
    const role = note.role ?? block.role ?? meta?.notesRole;
    const earlier = notesIn.get(noteKey(block.chapter, label)) ?? [];
    const previous = earlier.at(-1);
    if (previous && !(markerLines.get(noteKey(block.chapter, label)) ?? []).some((l) => l > previous.line && l < block.line)) {
      problem(block.line, `footnote [^${label}] is defined twice${block.chapter ? ` in chapter ${block.chapter}` : ''}`);
      continue;
    }
    const key = earlier.length ? `${block.chapter}:${label}:${earlier.length + 1}` : `${block.chapter}:${label}`;
    if (text === '') problem(block.line, `footnote [^${label}] is empty`);
    const footnote: Footnote = {
      workId,
      key,
      label,
      chapter: block.chapter,
      occurrence: earlier.length + 1,
      text,
      line: block.line,
      ...(role && role !== 'author' ? { role } : {}),
    };
    footnotes.push(footnote);
    pushTo(notesIn, noteKey(block.chapter, label), footnote);
  }
  const notesLabelled = new Map<string, Footnote[]>();
  for (const footnote of footnotes) pushTo(notesLabelled, footnote.label, footnote);

  const referenced = new Set<string>();
  const passages: Passage[] = [];
  const paragraphsInChapter = new Map<number, number>();
  for (const block of blocks.filter((b) => b.kind === 'paragraph')) {
    const raw = block.lines.join(' ');
    const footnoteRefs: FootnoteRef[] = [];
    let shown = '';
    let last = 0;
    for (const m of raw.matchAll(MARKER)) {
      const label = m[1] ?? '';
      shown += raw.slice(last, m.index);
      last = m.index + m[0].length;
      const footnote = resolveFootnote(notesIn.get(noteKey(block.chapter, label)) ?? [], notesLabelled.get(label) ?? [], label, block.line);
      if (typeof footnote === 'string') {
        problem(block.line, footnote);
        shown += `[${label}]`;
        continue;
      }
      referenced.add(footnote.key);
      footnoteRefs.push({ label, key: footnote.key, start: shown.length, end: shown.length + label.length + 2 });
      shown += `[${label}]`;
    }
    shown += raw.slice(last);
    // A marker with no words around it is no passage: nothing of the text's own to quote.
    if (footnoteRefs.length && !/[\p{L}\p{N}]/u.test(raw.replace(MARKER, ''))) {
      problem(block.line, `a paragraph holds only the footnote marker ${[...raw.matchAll(MARKER)].map((m) => m[0]).join(' ')}: it has no words of the text`);
    }
    const n = (paragraphsInChapter.get(block.chapter) ?? 0) + 1;
    paragraphsInChapter.set(block.chapter, n);
    passages.push({
      index: -1,
      workId,
      chapter: block.chapter,
      n,
      seq: passages.length,
      text: shown,
      footnoteRefs,
      line: block.line,
      ...(block.role && block.role !== 'author' ? { role: block.role } : {}),
      ...(block.author ? { author: block.author } : {}),
      ...(block.subheading ? { subheading: block.subheading } : {}),
    });
  }

  for (const footnote of footnotes) {
    if (!referenced.has(footnote.key)) problem(footnote.line, `footnote [^${footnote.label}] is never referenced`);
  }
  if (passages.length === 0) problem(close + 1, 'the work has no passages');

  if (!meta) return { problems };
  return { work: { meta, file, fingerprint: fingerprint ?? createHash('sha256').update(text).digest('hex'), chapters, passages, footnotes }, problems };
}

const noteKey = (chapter: number, label: string) => `${chapter}\0${label}`;

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * `own`: the notes of the marker's chapter with its label; `elsewhere`: every note with its label.
 * A marker finds its note in its own chapter first (the first definition after the marker, when a
 * chapter reuses a label), then anywhere in the work if only one note has that label.
 */
function resolveFootnote(own: Footnote[], elsewhere: Footnote[], label: string, line: number): Footnote | string {
  const found = own.find((f) => f.line > line) ?? own.at(-1);
  if (found) return found;
  if (elsewhere.length === 1 && elsewhere[0]) return elsewhere[0];
  if (elsewhere.length > 1) {
    return `footnote marker [^${label}] is ambiguous: chapters ${elsewhere.map((f) => f.chapter).join(', ')} define it, but not this chapter`;
  }
  return `footnote marker [^${label}] has no definition`;
}

function parseMeta(
  yamlText: string,
  fieldLine: (field: string) => number,
  problem: (line: number, message: string) => void,
): WorkMeta | undefined {
  const yaml = parseYaml(yamlText);
  if (!yaml.ok) {
    // +1: the front matter starts after the opening "---".
    for (const p of yaml.problems) problem(p.line + 1, `front matter: ${p.message}`);
    return undefined;
  }
  const result = metaSchema.safeParse(yaml.value ?? {});
  if (result.success) {
    const { source_file: sourceFile, short_title: shortTitle, notes_role: notesRole, ...rest } = result.data;
    return { ...rest, ...(shortTitle ? { shortTitle } : {}), ...(notesRole ? { notesRole } : {}), sourceFile };
  }
  const given = (key: PropertyKey | undefined) => (typeof key === 'string' && yaml.value && typeof yaml.value === 'object' ? (yaml.value as Record<string, unknown>)[key] : undefined);
  for (const issue of result.error.issues) {
    const field = issue.path.join('.');
    const line = fieldLine(String(issue.path[0] ?? ''));
    if (issue.code === 'unrecognized_keys') problem(1, `front matter: unknown field ${issue.keys.map((k) => `"${k}"`).join(', ')}`);
    else if (issue.code === 'invalid_type' && given(issue.path[0]) === undefined) problem(line, `front matter: missing required field "${field}"`);
    else if (issue.code === 'invalid_type' && issue.expected === 'string') problem(line, `front matter: "${field}" must be text, not ${kindOf(given(issue.path[0]))}`);
    else problem(line, `front matter: "${field}" ${issue.message}`);
  }
  return undefined;
}

/** A YAML value's kind in a reader's words: "title: 123" is "a number", not missing. */
function kindOf(value: unknown): string {
  if (value === null) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'number') return `a number (${value})`;
  if (typeof value === 'boolean') return `${value}`;
  if (value instanceof Date) return 'a date';
  return typeof value === 'object' ? 'a mapping' : `a ${typeof value}`;
}
