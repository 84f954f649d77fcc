import type { Work } from '../corpus/types';
import { createNameIndex } from '../search/names';
import { lineRange } from './plan';
import type { BookTree, LeftOut } from './tree';
import type { Format, Unplaced } from './types';

const FORMAT_NAMES: Record<Format, string> = { gutenberg: 'plain text', html: 'HTML', markdown: 'corpus Markdown', epub: 'EPUB' };
const TOP_NAMES = 5;

export interface NameCount {
  name: string;
  mentions: number;
}

/** The names the index finds in the work alone, most mentioned first. */
export function namesIn(work: Work): NameCount[] {
  const passages = work.passages.map((p, i) => ({ ...p, index: i }));
  const index = createNameIndex({ fingerprint: '', works: [{ ...work, passages }], passages, people: [], proofs: [] });
  return index.entries
    .map((e) => ({ name: e.name, mentions: e.mentions.length }))
    .sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name));
}

export function formatUnplaced(unplaced: Unplaced[]): string[] {
  return unplaced.map((u) => `  line ${u.line}: ${u.message}`);
}

function formatLeftOut(leftOut: LeftOut[]): string {
  if (leftOut.length === 0) return 'nothing';
  const groups = new Map<string, LeftOut[]>();
  for (const l of leftOut) groups.set(l.kind, [...(groups.get(l.kind) ?? []), l]);
  return [...groups]
    .map(([what, list]) => (list.length === 1 ? `${what} (lines ${lineRange(list[0] as LeftOut)})` : `${list.length} × ${what} (lines ${list.slice(0, 3).map(lineRange).join(', ')}${list.length > 3 ? ', …' : ''})`))
    .join('; ');
}

/** The report printed after a successful import. */
export function summarize(imported: BookTree, work: Work, input: string, output: string): string {
  const located = work.chapters.filter((c) => c.locator);
  const span = located.length > 1 ? ` (${located[0]?.locator} … ${located.at(-1)?.locator})` : located.length ? ` (${located[0]?.locator})` : '';
  const names = namesIn(work);
  const top = names.slice(0, TOP_NAMES).map((n) => `${n.name} (${n.mentions})`);
  const lines = [
    `Imported ${input} (${FORMAT_NAMES[imported.format]}) as ${output}`,
    `  title:       ${work.meta.title}`,
    `  author:      ${work.meta.author ?? '(none)'}`,
    `  translator:  ${work.meta.translator ?? '(none)'}`,
    `  sections:    ${work.chapters.length}${span}`,
    `  passages:    ${work.passages.length}`,
    `  footnotes:   ${work.footnotes.length}`,
    `  names found: ${names.length}${top.length ? ` (top: ${top.join(', ')})` : ''}`,
    `  left out:    ${formatLeftOut(imported.leftOut)}`,
    `  unplaced:    none`,
  ];
  return `${lines.join('\n')}\n`;
}
