import { stringify } from 'yaml';
import { MAX_ID_LENGTH } from '../corpus/parse';
import { LOCATOR_KEYS, NOTE_MARKERS, type BookTree, type TreeHeading } from './tree';

/** Words an id cut short must not end on: "…-private-property-and" reads as a mistake. */
const DANGLING = new Set(['a', 'an', 'the', 'of', 'and', 'or', 'in', 'on', 'at', 'to', 'for', 'by', 'with', 'from', 'into']);

/** A work id from its title: lowercase letters, digits and hyphens, at most 48 characters, cut at a word. */
export function slugify(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= MAX_ID_LENGTH) return slug || 'work';
  const cut = slug.slice(0, MAX_ID_LENGTH + 1);
  const at = cut.lastIndexOf('-');
  const words = (at > 0 ? cut.slice(0, at) : slug.slice(0, MAX_ID_LENGTH)).replace(/-+$/, '').split('-');
  while (words.length > 1 && DANGLING.has(words.at(-1) ?? '')) words.pop();
  return words.join('-');
}

/** Whether a heading opens a section of the corpus (a locating key or `loc`). */
export const opensSection = (h: TreeHeading) => h.kind !== undefined || h.loc !== undefined;

const quote = (value: string) => `"${value.replace(/["\\{}]/g, (c) => (c === '"' ? '\u201D' : ''))}"`;

/** The heading's attribute block (format v2): locating key, `loc`, `role`, `author`. */
export function headingAttributes(h: TreeHeading): string {
  const attrs: string[] = [];
  if (h.kind && h.n !== undefined) attrs.push(`${LOCATOR_KEYS[h.kind]}=${h.n}`);
  else if (h.loc) attrs.push(`loc=${quote(h.loc)}`);
  if (h.matter && h.matter.role !== 'author') attrs.push(`role=${h.matter.role}`);
  if (h.author) attrs.push(`author=${quote(h.author)}`);
  return attrs.length ? ` {${attrs.join(' ')}}` : '';
}

/**
 * A paragraph that would read as Markdown syntax (a heading, a note definition, a front-matter fence)
 * is written with a backslash before it, which the corpus parser drops.
 */
export function escapeParagraph(text: string): string {
  return /^(?:#{1,6}(?:\s|$)|\[\^[^\]\s]+\]:|---\s*$|\\)/.test(text) ? `\\${text}` : text;
}

/**
 * The decided tree in the corpus format: front matter, headings with their attribute blocks, each
 * paragraph with its markers `[^label]`, each note defined once per section after the last
 * paragraph of that section that points at it.
 */
export function writeMarkdown(tree: BookTree, id: string, sourceFile: string): string {
  if (tree.markdown) return tree.markdown.text;
  const { title, shortTitle, author, date, translator, source, license, url } = tree.meta;
  const front: Record<string, string> = { id, title };
  for (const [key, value] of Object.entries({ short_title: shortTitle, author, date, translator, source, license, url })) if (value) front[key] = value;
  front.source_file = sourceFile;
  const out: string[] = ['---', stringify(front, { lineWidth: 0 }).trimEnd(), '---', ''];

  // A note is defined after the last paragraph of its section that points at it, so that every
  // marker of the section finds it (the corpus looks for the first definition after a marker).
  const sections = tree.blocks.some((b) => b.type === 'heading' && opensSection(b));
  let sectionStart = 0;
  const lastInSection = new Map<string, number>();
  tree.blocks.forEach((b, i) => {
    if (b.type === 'heading' && opensSection(b)) sectionStart = i;
    if (b.type === 'paragraph') for (const m of b.text.matchAll(NOTE_MARKERS)) lastInSection.set(`${sectionStart}:${m[1] ?? ''}`, i);
  });

  sectionStart = 0;
  tree.blocks.forEach((b, i) => {
    if (b.type === 'heading') {
      if (opensSection(b)) sectionStart = i;
      const depth = sections ? (b.depth ?? 2) : Math.max(3, b.depth ?? 3);
      out.push(`${'#'.repeat(Math.min(6, depth))} ${b.title.replace(NOTE_MARKERS, '').replace(/\s+/g, ' ').trim()}${headingAttributes(b)}`, '');
      return;
    }
    if (b.type !== 'paragraph') return;
    const ids: string[] = [];
    const text = b.text.replace(NOTE_MARKERS, (_, noteId: string) => {
      ids.push(noteId);
      return `[^${tree.notes.get(noteId)?.label ?? noteId}]`;
    });
    out.push(escapeParagraph(text), '');
    for (const noteId of [...new Set(ids)]) {
      if (lastInSection.get(`${sectionStart}:${noteId}`) !== i) continue;
      const note = tree.notes.get(noteId);
      if (!note) continue;
      const role = note.role && note.role !== 'author' ? `{role=${note.role}} ` : '';
      out.push(`[^${note.label}]: ${role}${note.text}`, '');
    }
  });
  return `${out.join('\n').trimEnd()}\n`;
}
