/* eslint-disable no-control-regex -- U+0000 masks the notes cut out of the text; it never occurs in prose */
import { repairDoubleEncoding } from '../corpus/encoding';
import { collapseWhitespace } from '../corpus/sources';
import { cutInlineNotes, lineAtOffset, lineStarts, MASK } from './inline-notes';
import { emptyTree, type BookTree, type TreeBlock } from './tree';
import { gutenbergHeaderMeta, mergeMeta } from './metadata';

const END_LINE = /^End of (?:the )?Project Gutenberg/i;
const START_LINE = /^[ \t]*\*{3}\s*START OF (?:THE|THIS) PROJECT GUTENBERG/gim;
const END_LINE_G = /^[ \t]*\*{3}\s*END OF (?:THE|THIS) PROJECT GUTENBERG/gim;
const CREDITS = /^(?:Produced by|E-?text prepared by|Transcribed (?:from|by))\b/i;

/** Lines that may be a list's entries (a contents set as one block): short, most opening with a capital or a number. */
function listLike(pieces: { text: string }[]): boolean {
  if (pieces.length < 2 || pieces.some((p) => p.text.length > 100)) return false;
  return pieces.filter((p) => /^\s*[\p{Lu}\d]/u.test(p.text)).length >= pieces.length * 0.6;
}

/**
 * A plain-text book (Project Gutenberg or any text laid out the same way) as a book tree: the
 * header, licence and credits left out, paragraphs between blank lines with their layout, notes
 * printed inside the text cut out and put after their paragraph. Headings are decided later.
 */
export function readPlainText(raw: string): BookTree {
  // One string and its line offsets: a 30 MB book is never split into a million line strings.
  const unmarked = raw.startsWith('\uFEFF') ? raw.slice(1) : raw;
  const source = unmarked.includes('\r') ? unmarked.replace(/\r\n?/g, '\n') : unmarked;
  const sourceStarts = lineStarts(source);
  const lineCount = sourceStarts.length;
  const lineText = (i: number) => source.slice(sourceStarts[i] ?? 0, (sourceStarts[i + 1] ?? source.length + 1) - 1);
  const lineOfMatch = (pattern: RegExp, from: number) => {
    pattern.lastIndex = sourceStarts[from] ?? source.length;
    const m = pattern.exec(source);
    return m ? lineAtOffset(sourceStarts, m.index) : -1;
  };
  const start = lineOfMatch(START_LINE, 0);
  let end = start >= 0 ? lineOfMatch(END_LINE_G, start + 1) : -1;
  if (end < 0) end = lineCount;
  let last = end;
  for (let i = end - 1; i > start && i >= end - 12; i--) if (END_LINE.test(lineText(i).trim())) last = i;

  const header = start >= 0 ? Array.from({ length: start }, (_, i) => lineText(i)) : [];
  const tree = emptyTree('gutenberg', mergeMeta(gutenbergHeaderMeta(header)));
  if (start >= 0) tree.leftOut.push({ kind: 'header', role: 'publisher', line: 1, endLine: start + 1, title: 'Project Gutenberg header' });
  if (last < lineCount) tree.leftOut.push({ kind: 'licence', role: 'publisher', line: last + 1, endLine: lineCount, title: 'Project Gutenberg licence' });

  // The body, as one text; its line i is source line `first + i`.
  const first = start + 2;
  const bodyFrom = sourceStarts[start + 1] ?? source.length;
  const bodyTo = last < lineCount ? (sourceStarts[last] ?? source.length) - 1 : source.length;
  let text = repairDoubleEncoding(source.slice(bodyFrom, Math.max(bodyFrom, bodyTo)));
  let starts = lineStarts(text);
  const bodyLine = (i: number) => text.slice(starts[i] ?? 0, (starts[i + 1] ?? text.length + 1) - 1);
  const blank: [number, number][] = [];
  for (let i = 0; i < Math.min(starts.length, 40); i++) {
    if (!CREDITS.test(bodyLine(i).trim())) continue;
    let j = i;
    while (j + 1 < starts.length && bodyLine(j + 1).trim() !== '') j++;
    tree.leftOut.push({ kind: 'credits', role: 'publisher', line: first + i, endLine: first + j, title: collapseWhitespace(bodyLine(i)) });
    blank.push([i, j]);
    i = j;
  }
  // Credits become blank lines, so every other line keeps its number.
  for (const [i, j] of blank.reverse()) text = text.slice(0, starts[i]) + '\n'.repeat(j - i) + text.slice((starts[j + 1] ?? text.length + 1) - 1);
  if (blank.length) starts = lineStarts(text);
  const lineAt = (offset: number) => first + lineAtOffset(starts, offset);
  const cut = cutInlineNotes(text);
  for (const u of cut.unclosed) tree.unplaced.push({ line: lineAt(u.offset), message: `note [${u.label}] is never closed with "]"` });
  for (const f of cut.figures) tree.leftOut.push({ kind: f.kind, line: lineAt(f.offset), endLine: lineAt(f.end - 1) });

  const blocks: { offset: number; block: TreeBlock }[] = cut.notes.map((n, i) => ({
    offset: n.offset,
    block: { type: 'note', id: `t${i}`, label: n.label, text: n.text, line: lineAt(n.offset), linked: false },
  }));
  // Paragraphs: runs of lines between blank lines and cut notes.
  let pieces: { text: string; line: number; indented: boolean }[] = [];
  let pieceOffset = 0;
  let blanks = 0;
  const flush = () => {
    if (pieces.length) {
      const paragraph = collapseWhitespace(pieces.map((p) => p.text).join(' '));
      if (paragraph) {
        blocks.push({
          offset: pieceOffset,
          block: {
            type: 'paragraph',
            text: paragraph,
            line: pieces[0]?.line ?? 0,
            endLine: pieces.at(-1)?.line ?? 0,
            blanksBefore: blanks,
            lineCount: pieces.length,
            indented: pieces.every((p) => p.indented),
            ...(listLike(pieces) ? { lines: pieces.map((p) => p.text) } : {}),
          },
        });
        blanks = 0;
      }
    }
    pieces = [];
  };
  const masked = cut.masked;
  for (let i = 0; i < starts.length; i++) {
    const from = starts[i] ?? 0;
    const to = (starts[i + 1] ?? text.length + 1) - 1;
    const line = masked.slice(from, to);
    if (line.trim() === '') {
      // A line that held only a cut note ends the paragraph without counting as a blank.
      flush();
      if (text.slice(from, to).trim() === '') blanks++;
      continue;
    }
    let at = 0;
    for (const segment of line.split(/\u0000+/)) {
      const offset = line.indexOf(segment, at);
      at = offset + segment.length;
      if (offset > 0 && line[offset - 1] === MASK) flush();
      if (segment.trim() === '') continue;
      if (!pieces.length) pieceOffset = from + offset;
      pieces.push({ text: segment, line: first + i, indented: /^\s{2,}\S/.test(segment) || offset > 0 });
    }
  }
  flush();
  tree.blocks = blocks.sort((a, b) => a.offset - b.offset).map((b) => b.block);
  return tree;
}
