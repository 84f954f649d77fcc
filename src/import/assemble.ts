/* eslint-disable no-control-regex -- private delimiters (U+0000–U+0005) mark notes and anchors; they never occur in prose */
import { repairDoubleEncoding } from '../corpus/encoding';
import { CONTENTS, headingKind, isAllCaps, looksLikeTitle } from './headings';
import type { ImportedBlock, ImportedNote, Skipped, Unplaced } from './types';
import { lineIndexOf } from './lines';
import { collapseWhitespace } from '../corpus/sources';

/**
 * The format-neutral half of an import: a document as lines of text (plain text as it is, HTML as
 * the text of its block elements), with the headings and linked notes the format already knows.
 */
export type SourceItem =
  | { kind: 'line'; text: string; line: number }
  | { kind: 'heading'; level: 1 | 2 | 3 | 4 | 5 | 6; title: string; line: number }
  /** A note the format linked to its marker: the marker is `ANCHOR_OPEN + id + ANCHOR_CLOSE` in a line. */
  | { kind: 'note'; id: string; label: string; text: string; line: number };

export const ANCHOR_OPEN = '\u0001';
export const ANCHOR_CLOSE = '\u0002';
const MASK = '\u0000';
const PLACEHOLDER = '\u0003';
const TOKEN = /\u0004(\d+)\u0005/g;
const MAX_NOTE_LENGTH = 20_000;

export interface AssembleOptions {
  /** Plain text: find headings among short lines. HTML gives its headings as items. */
  inferHeadings: boolean;
}

export interface Assembled {
  blocks: ImportedBlock[];
  unplaced: Unplaced[];
  skipped: Skipped[];
  /** The lines of the title page that was left out, for the format to read attribution from. */
  titlePage: string[];
}

interface Piece {
  text: string;
  line: number;
  offset: number;
}

interface Definition {
  label: string;
  text: string;
  line: number;
  offset: number;
  /** For linked notes: the anchor id that points at it. */
  id?: string;
}

interface Marker {
  label: string;
  line: number;
  offset: number;
  /** The text the marker replaced, with the whitespace before it. */
  raw: string;
  id?: string;
  note?: Definition;
}

type Unit =
  | { kind: 'heading'; level: 'part' | 'chapter' | 'subheading'; title: string; line: number }
  | { kind: 'paragraph'; pieces: Piece[]; line: number; text: string; markers: number[] };

const LETTER_LABEL = /^[a-z]{1,2}$/;
const NUMBER_LABEL = /^\d{1,3}$/;
const labelStyle = (label: string) => (LETTER_LABEL.test(label) ? 'letter' : NUMBER_LABEL.test(label) ? 'number' : 'other');

export function assemble(items: SourceItem[], options: AssembleOptions): Assembled {
  const unplaced: Unplaced[] = [];
  const skipped: Skipped[] = [];

  // 1. One text, with a placeholder line for each heading and linked note.
  const lines: string[] = [];
  const lineNos: number[] = [];
  const placed: (SourceItem & { kind: 'heading' | 'note' })[] = [];
  const push = (text: string, line: number) => {
    lines.push(text);
    lineNos.push(line);
  };
  for (const item of items) {
    // Letters double-encoded in the source are read as the corpus check reads them.
    if (item.kind === 'line') push(repairDoubleEncoding(item.text), item.line);
    else {
      if (item.kind === 'heading') item.title = repairDoubleEncoding(item.title);
      else item.text = repairDoubleEncoding(item.text);
      push('', item.line);
      push(`${PLACEHOLDER}${placed.length}`, item.line);
      push('', item.line);
      placed.push(item);
    }
  }
  const starts: number[] = [];
  let at = 0;
  for (const l of lines) {
    starts.push(at);
    at += l.length + 1;
  }
  const text = lines.join('\n');
  const lineIndexAt = (offset: number) => lineIndexOf(starts, offset);
  const lineAt = (offset: number) => lineNos[lineIndexAt(offset)] ?? 0;

  // 2. Notes and illustrations written into the text, found and masked out of the passages.
  const definitions: Definition[] = [];
  const masked = text.split('');
  const isMasked = (offset: number) => masked[offset] === MASK;
  const mask = (from: number, to: number) => {
    for (let i = from; i < to; i++) if (masked[i] !== '\n') masked[i] = MASK;
  };
  /** The offset just past the `]` closing the bracket at `open`, or -1. */
  const closing = (open: number) => {
    let depth = 0;
    for (let i = open; i < text.length && i < open + MAX_NOTE_LENGTH; i++) {
      const c = text[i];
      if (c === '[') depth++;
      else if (c === ']' && --depth === 0) return i + 1;
    }
    return -1;
  };
  const bracketNote = (label: string, start: number, open: number, bodyFrom: number) => {
    const end = closing(open);
    if (end < 0) {
      unplaced.push({ line: lineAt(start), message: `note [${label}] is never closed with "]"` });
      return;
    }
    definitions.push({ label, text: collapseWhitespace(text.slice(bodyFrom, end - 1)), line: lineAt(start), offset: start });
    mask(start, end);
  };
  const blockStart = (i: number) => i === 0 || (lines[i - 1] ?? '').trim() === '';

  // "a" alone on a line, then "[ the note ]" (Tocqueville's lettered notes).
  for (let i = 0; i < lines.length - 1; i++) {
    const label = (lines[i] ?? '').trim();
    const next = lines[i + 1] ?? '';
    if (!blockStart(i) || !/^(?:[a-z]{1,2}|\d{1,3}|\*)$/.test(label) || !next.trimStart().startsWith('[')) continue;
    if (/^\s*\[(?:Footnote|Note|Illustration)\b/i.test(next)) continue;
    const start = starts[i] ?? 0;
    const open = (starts[i + 1] ?? 0) + next.indexOf('[');
    bracketNote(label, start, open, open + 1);
  }
  // "[Footnote 1: the note]", at the end of a chapter or inside a paragraph.
  for (const m of text.matchAll(/\[(?:Footnote|Note)\s+([A-Za-z0-9*†‡§]{1,4})[ \t]*[:.][ \t]*/g)) {
    if (isMasked(m.index)) continue;
    bracketNote(m[1] ?? '', m.index, m.index, m.index + m[0].length);
  }
  // "[1] the note" opening a paragraph: the note runs to the end of the paragraph.
  for (let i = 0; i < lines.length; i++) {
    const m = /^\s*\[(\d{1,3}|[a-z])\][ \t]+(?=\S)/.exec(lines[i] ?? '');
    if (!m || !blockStart(i) || isMasked((starts[i] ?? 0) + m[0].length - 1)) continue;
    let j = i;
    while (j + 1 < lines.length && (lines[j + 1] ?? '').trim() !== '') j++;
    const start = starts[i] ?? 0;
    const end = (starts[j] ?? 0) + (lines[j] ?? '').length;
    definitions.push({ label: m[1] ?? '', text: collapseWhitespace(text.slice(start + m[0].length, end)), line: lineAt(start), offset: start });
    mask(start, end);
  }
  // Illustrations and sidenotes are no part of the prose.
  for (const m of text.matchAll(/\[(Illustration|Sidenote)\b/gi)) {
    if (isMasked(m.index)) continue;
    const end = closing(m.index);
    if (end < 0) continue;
    skipped.push({ line: lineAt(m.index), what: (m[1] ?? '').toLowerCase() });
    mask(m.index, end);
  }
  for (const d of definitions) if (d.text === '') unplaced.push({ line: d.line, message: `note [${d.label}] is empty` });

  // 3. Paragraphs: runs of lines between blank lines, placeholders and masked notes.
  type Raw = { pieces: Piece[]; blanksBefore: number } | { placeholder: number };
  const raws: Raw[] = [];
  let current: Piece[] = [];
  let blanks = 0;
  const flush = () => {
    if (current.length) raws.push({ pieces: current, blanksBefore: blanks });
    if (current.length) blanks = 0;
    current = [];
  };
  const maskedText = masked.join('');
  for (let i = 0; i < lines.length; i++) {
    const line = maskedText.slice(starts[i] ?? 0, (starts[i] ?? 0) + (lines[i] ?? '').length);
    if (line.startsWith(PLACEHOLDER)) {
      flush();
      raws.push({ placeholder: Number(line.slice(1)) });
      blanks = 0;
      continue;
    }
    if (line.trim() === '') {
      flush();
      blanks++;
      continue;
    }
    let from = 0;
    for (const segment of line.split(/\u0000+/)) {
      const offset = line.indexOf(segment, from);
      from = offset + segment.length;
      if (offset > 0 && line[offset - 1] === MASK) flush();
      if (segment.trim() !== '') current.push({ text: segment, line: lineNos[i] ?? 0, offset: (starts[i] ?? 0) + offset });
    }
  }
  flush();

  // 4. Headings among the paragraphs (plain text), linked notes, separators and page numbers.
  const units: Unit[] = [];
  const keywordHtmlChapters = placed.some((p) => p.kind === 'heading' && headingKind(collapseWhitespace(p.title)) === 'chapter');
  const joined = (pieces: Piece[]) => pieces.map((p) => p.text.trim()).join(' ');
  const keywordChapters = options.inferHeadings && raws.some((r) => 'pieces' in r && r.pieces.length <= 2 && headingKind(joined(r.pieces)) === 'chapter');
  for (const raw of raws) {
    if ('placeholder' in raw) {
      const item = placed[raw.placeholder];
      if (item?.kind === 'heading') units.push({ kind: 'heading', level: htmlHeadingLevel(item.level, item.title), title: collapseWhitespace(item.title), line: item.line });
      else if (item?.kind === 'note') definitions.push({ label: item.label, text: collapseWhitespace(item.text), line: item.line, offset: 0, id: item.id });
      continue;
    }
    const t = joined(raw.pieces);
    const line = raw.pieces[0]?.line ?? 0;
    if (!/[\p{L}\p{N}]/u.test(t)) continue;
    if (/^(?:\[?(?:pg|page|p\.)\s*\d+\]?|\{\d+\}|-\s*\d+\s*-)$/i.test(t)) {
      skipped.push({ line, what: 'page number' });
      continue;
    }
    if (options.inferHeadings && raw.pieces.length <= 2) {
      const kind = headingKind(t);
      if (kind) {
        units.push({ kind: 'heading', level: kind, title: t, line });
        continue;
      }
      if (raw.blanksBefore >= 2 && raw.pieces.length === 1 && looksLikeTitle(t)) {
        units.push({ kind: 'heading', level: isAllCaps(t) && !keywordChapters ? 'chapter' : 'subheading', title: t, line });
        continue;
      }
    }
    units.push({ kind: 'paragraph', pieces: raw.pieces, line, text: t, markers: [] });
  }
  function htmlHeadingLevel(level: number, title: string): 'part' | 'chapter' | 'subheading' {
    const kind = headingKind(collapseWhitespace(title));
    if (kind) return kind;
    return level <= 2 && !keywordHtmlChapters ? 'chapter' : 'subheading';
  }

  // 5. Contents that repeat the headings, and a title page before them, are left out.
  const titlePage: string[] = [];
  const kept = dropFrontMatter(units, skipped, titlePage);

  // 6. Markers, paired with the notes.
  const styles = new Set(definitions.filter((d) => !d.id).map((d) => labelStyle(d.label)));
  const linked = new Map(definitions.filter((d) => d.id).map((d) => [d.id, d]));
  const markers: Marker[] = [];
  const candidate = /(\s*)(?:\u0001([^\u0002]*)\u0002|\*(\*|[a-z]{1,2}|\d{1,3})(?![\p{L}\p{N}*])|\[(\d{1,3}|[a-z])\])/gu;
  for (const unit of kept) {
    if (unit.kind !== 'paragraph') continue;
    const out: string[] = [];
    for (const piece of unit.pieces) {
      out.push(
        piece.text.replace(candidate, (whole: string, _space: string, id: string | undefined, star: string | undefined, bracket: string | undefined, index: number) => {
          const offset = piece.offset + index;
          let marker: Marker | undefined;
          if (id !== undefined) {
            const note = linked.get(id);
            if (note) marker = { label: note.label, line: piece.line, offset, raw: whole, id, note };
            else return whole.replace(/[\u0001\u0002]/g, '');
          } else {
            const label = star ?? bracket ?? '';
            if (!styles.has(labelStyle(label))) return whole;
            marker = { label, line: piece.line, offset, raw: whole };
          }
          unit.markers.push(markers.length);
          markers.push(marker);
          return `\u0004${markers.length - 1}\u0005`;
        }),
      );
    }
    unit.text = out.map((t) => t.trim()).join(' ');
  }

  // A definition takes the nearest marker of its label before it that has no note yet; a note
  // printed before its marker waits for the next marker of its label.
  const waiting = new Map<string, Marker[]>();
  const early = new Map<string, Definition>();
  const events = [
    ...markers.filter((m) => !m.id).map((m) => ({ offset: m.offset, marker: m })),
    ...definitions.filter((d) => !d.id).map((d) => ({ offset: d.offset, definition: d })),
  ].sort((a, b) => a.offset - b.offset);
  for (const event of events) {
    if ('marker' in event) {
      const note = early.get(event.marker.label);
      if (note && !waiting.get(event.marker.label)?.length) {
        event.marker.note = note;
        early.delete(event.marker.label);
        continue;
      }
      const queue = waiting.get(event.marker.label) ?? [];
      queue.push(event.marker);
      waiting.set(event.marker.label, queue);
      continue;
    }
    const marker = waiting.get(event.definition.label)?.pop();
    if (marker) marker.note = event.definition;
    else {
      const before = early.get(event.definition.label);
      if (before) unplaced.push({ line: before.line, message: `note [${before.label}] has no marker` });
      early.set(event.definition.label, event.definition);
    }
  }
  for (const d of early.values()) unplaced.push({ line: d.line, message: `note [${d.label}] has no marker` });
  for (const d of linked.values()) {
    if (!markers.some((m) => m.note === d)) unplaced.push({ line: d.line, message: `note [${d.label}] has no marker linking to it` });
  }
  for (const m of markers) if (!m.note) unplaced.push({ line: m.line, message: `marker [${m.label}] has no note` });

  // 7. Blocks, each paragraph followed by its notes; a paragraph of markers alone joins the one before.
  const blocks: ImportedBlock[] = [];
  let previous: (ImportedBlock & { kind: 'paragraph' }) | undefined;
  for (const unit of kept) {
    if (unit.kind === 'heading') {
      blocks.push({ kind: unit.level, title: unit.title, line: unit.line });
      previous = undefined;
      continue;
    }
    const notes: ImportedNote[] = unit.markers.flatMap((i) => {
      const note = markers[i]?.note;
      return note ? [{ label: markers[i]?.label ?? '', text: note.text, line: note.line }] : [];
    });
    const text = unit.text.replace(TOKEN, (_, i: string) => {
      const m = markers[Number(i)];
      return m?.note ? `[^${m.label}]` : (m?.raw ?? '');
    });
    if (text.replace(/\[\^[^\]\s]+\]/g, '').trim() === '' && previous) {
      previous.text += text.trim();
      previous.notes.push(...notes);
      continue;
    }
    if (/^#{1,6}\s/.test(text) || /^\[\^[^\]\s]+\]:/.test(text)) {
      unplaced.push({ line: unit.line, message: `the paragraph would read as Markdown syntax: "${text.slice(0, 40)}"` });
      continue;
    }
    previous = { kind: 'paragraph', text, line: unit.line, notes };
    blocks.push(previous);
  }
  unplaced.sort((a, b) => a.line - b.line);
  skipped.sort((a, b) => a.line - b.line);
  return { blocks, unplaced, skipped, titlePage };
}

const normalEntry = (text: string) =>
  text
    .replace(/(?:\s*\.){2,}\s*\d*\s*$|\s+\d+\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

/** Leaves out a contents list that repeats the headings, and the short lines of a title page before the first heading. */
function dropFrontMatter(units: Unit[], skipped: Skipped[], titlePage: string[]): Unit[] {
  let out = units;
  const textOf = (u: Unit) => (u.kind === 'heading' ? u.title : u.text);
  const contents = out.findIndex((u) => CONTENTS.test(textOf(u).trim()));
  if (contents >= 0) {
    const first = out[contents + 1];
    const entry = first ? normalEntry(first.kind === 'heading' ? first.title : (first.pieces[0]?.text ?? '')) : '';
    const repeat = entry
      ? out.findIndex((u, i) => i > contents + 1 && u.kind === 'heading' && normalEntry(u.title).startsWith(entry))
      : -1;
    const between = repeat > 0 ? out.slice(contents + 1, repeat) : [];
    if (repeat > 0 && between.every((u) => u.kind === 'heading' || u.pieces.every((p) => p.text.trim().length <= 100))) {
      skipped.push({ line: out[contents]?.line ?? 0, what: 'contents' });
      out = [...out.slice(0, contents), ...out.slice(repeat)];
    }
  }
  const firstHeading = out.findIndex((u) => u.kind === 'heading' && u.level !== 'subheading');
  if (firstHeading > 0) {
    const front = out.slice(0, firstHeading);
    const short = front.every((u) => u.kind === 'heading' || u.pieces.every((p) => p.text.trim().length <= 70));
    if (short && front.length <= 30) {
      for (const u of front) titlePage.push(...(u.kind === 'heading' ? [u.title] : u.pieces.map((p) => p.text)));
      skipped.push({ line: front[0]?.line ?? 0, what: 'title page' });
      out = out.slice(firstHeading);
    }
  }
  return out;
}
