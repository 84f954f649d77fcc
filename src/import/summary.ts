import type { Work } from '../corpus/types';
import { createNameIndex } from '../search/names';
import type { Format, ImportedWork, Skipped, Unplaced } from './types';

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

function formatSkipped(skipped: Skipped[]): string {
  if (skipped.length === 0) return 'nothing';
  const groups = new Map<string, number[]>();
  for (const s of skipped) groups.set(s.what, [...(groups.get(s.what) ?? []), s.line]);
  return [...groups]
    .map(([what, lines]) => (lines.length === 1 ? `${what} (line ${lines[0]})` : `${lines.length} × ${what} (lines ${lines.slice(0, 3).join(', ')}${lines.length > 3 ? ', …' : ''})`))
    .join('; ');
}

/** The report printed after a successful import. */
export function summarize(imported: ImportedWork, work: Work, input: string, output: string): string {
  const parts = new Set(work.chapters.map((c) => c.part).filter(Boolean)).size;
  const names = namesIn(work);
  const top = names.slice(0, TOP_NAMES).map((n) => `${n.name} (${n.mentions})`);
  const lines = [
    `Imported ${input} (${FORMAT_NAMES[imported.format]}) as ${output}`,
    `  title:       ${work.meta.title}`,
    `  author:      ${work.meta.author ?? '(none)'}`,
    `  translator:  ${work.meta.translator ?? '(none)'}`,
    `  chapters:    ${work.chapters.length}${parts ? ` in ${parts} part${parts === 1 ? '' : 's'}` : ''}`,
    `  passages:    ${work.passages.length}`,
    `  footnotes:   ${work.footnotes.length}`,
    `  names found: ${names.length}${top.length ? ` (top: ${top.join(', ')})` : ''}`,
    `  left out:    ${formatSkipped(imported.skipped)}`,
    `  unplaced:    none`,
  ];
  return `${lines.join('\n')}\n`;
}
