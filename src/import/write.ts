import { stringify } from 'yaml';
import { MAX_ID_LENGTH } from '../corpus/parse';
import type { ImportedWork } from './types';

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
  return (at > 0 ? cut.slice(0, at) : slug.slice(0, MAX_ID_LENGTH)).replace(/-+$/, '');
}

/** The work in the corpus format: front matter, then headings, paragraphs and their notes. */
export function writeMarkdown(work: ImportedWork, id: string, sourceFile: string): string {
  if (work.markdown) return work.markdown.text;
  const { title, shortTitle, author, date, translator, source, license, url } = work.meta;
  const front: Record<string, string> = { id, title };
  for (const [key, value] of Object.entries({ short_title: shortTitle, author, date, translator, source, license, url })) if (value) front[key] = value;
  front.source_file = sourceFile;
  const out: string[] = ['---', stringify(front, { lineWidth: 0 }).trimEnd(), '---', ''];
  for (const block of work.blocks) {
    if (block.kind === 'paragraph') {
      out.push(block.text, '');
      for (const note of block.notes) out.push(`[^${note.label}]: ${note.text}`, '');
    } else {
      const hashes = block.kind === 'part' ? '#' : block.kind === 'chapter' ? '##' : '###';
      out.push(`${hashes} ${block.title}`, '');
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}
