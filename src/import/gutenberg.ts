import { assemble, type SourceItem } from './assemble';
import { titlePageMeta } from './headings';
import { gutenbergHeaderMeta, mergeMeta } from './metadata';
import type { ImportedWork } from './types';

const START = /^\*{3}\s*START OF (?:THE|THIS) PROJECT GUTENBERG/i;
const END = /^\*{3}\s*END OF (?:THE|THIS) PROJECT GUTENBERG/i;
const END_LINE = /^End of (?:the )?Project Gutenberg/i;
const CREDITS = /^(?:Produced by|E-?text prepared by|Transcribed (?:from|by))\b/i;

/** A Project Gutenberg plain-text book (or any plain text laid out the same way). */
export function importGutenberg(raw: string): ImportedWork {
  const lines = raw.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const start = lines.findIndex((l) => START.test(l.trim()));
  let end = lines.findIndex((l, i) => i > start && END.test(l.trim()));
  if (end < 0) end = lines.length;
  const header = start >= 0 ? lines.slice(0, start) : [];
  let last = end;
  for (let i = end - 1; i > start && i >= end - 12; i--) if (END_LINE.test((lines[i] ?? '').trim())) last = i;

  const items: SourceItem[] = [];
  const skipped: ImportedWork['skipped'] = [];
  if (start >= 0) skipped.push({ line: 1, what: 'Project Gutenberg header' });
  if (last < lines.length) skipped.push({ line: last + 1, what: 'Project Gutenberg licence' });
  for (let i = start + 1; i < last; i++) {
    const text = lines[i] ?? '';
    if (CREDITS.test(text.trim()) && i < start + 30) {
      skipped.push({ line: i + 1, what: 'credits' });
      while (i + 1 < last && (lines[i + 1] ?? '').trim() !== '') i++;
      continue;
    }
    items.push({ kind: 'line', text, line: i + 1 });
  }

  const assembled = assemble(items, { inferHeadings: true });
  const page = titlePageMeta(assembled.titlePage);
  const meta = mergeMeta(gutenbergHeaderMeta(header), { ...page });
  return {
    format: 'gutenberg',
    meta,
    blocks: assembled.blocks,
    unplaced: assembled.unplaced,
    skipped: [...skipped, ...assembled.skipped].sort((a, b) => a.line - b.line),
  };
}
