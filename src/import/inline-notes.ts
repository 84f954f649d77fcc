import { collapseWhitespace } from '../corpus/sources';
import { lineIndexOf } from './lines';

/** A note printed inside the running text, cut out of it: `[Footnote 1: …]`, a label line then `[…]`. */
export interface InlineNote {
  label: string;
  text: string;
  /** Offset in the text the note was cut from. */
  offset: number;
}

export interface InlineCut {
  /** The text with every cut note and illustration replaced by U+0000 (newlines kept). */
  masked: string;
  notes: InlineNote[];
  /** `[Illustration: …]` and `[Sidenote: …]`, no part of the prose. */
  figures: { kind: 'illustration' | 'sidenote'; offset: number; end: number }[];
  /** Notes opened and never closed, by offset. */
  unclosed: { label: string; offset: number }[];
}

export const MASK = '\u0000';
const MAX_NOTE_LENGTH = 20_000;

/**
 * Cuts the notes a plain text prints inside its running text (and its illustrations) out of it.
 * `[Footnote 1: …]` and `[Note a. …]` anywhere; a label alone on a line followed by `[ … ]`
 * (Tocqueville's lettered notes). The brackets may span paragraphs.
 */
export function cutInlineNotes(text: string): InlineCut {
  // Masked spans, kept sorted: a book of 30 MB is never copied character by character.
  const spans: [number, number][] = [];
  const notes: InlineNote[] = [];
  const figures: InlineCut['figures'] = [];
  const unclosed: InlineCut['unclosed'] = [];
  const isMasked = (offset: number) => {
    let lo = 0;
    let hi = spans.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const [from, to] = spans[mid] as [number, number];
      if (offset < from) hi = mid - 1;
      else if (offset >= to) lo = mid + 1;
      else return true;
    }
    return false;
  };
  const mask = (from: number, to: number) => {
    let at = spans.length;
    while (at > 0 && (spans[at - 1]?.[0] ?? 0) > from) at--;
    spans.splice(at, 0, [from, to]);
  };
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
      unclosed.push({ label, offset: start });
      return;
    }
    notes.push({ label, text: collapseWhitespace(text.slice(bodyFrom, end - 1)), offset: start });
    mask(start, end);
  };

  // "a" alone on a line after a blank line, then "[ the note ]".
  for (const m of text.matchAll(/(?:^|\n[ \t]*\n)[ \t]*([a-z]{1,2}|\d{1,3}|\*)[ \t]*\n[ \t]*\[/g)) {
    const start = m.index + m[0].search(/\S/);
    const open = m.index + m[0].length - 1;
    if (/^\[(?:Footnote|Note|Illustration|Sidenote)\b/i.test(text.slice(open, open + 14))) continue;
    bracketNote(m[1] ?? '', start, open, open + 1);
  }
  for (const m of text.matchAll(/\[(?:Footnote|Note)\s+([A-Za-z0-9*†‡§]{1,4})[ \t]*[:.][ \t]*/g)) {
    if (isMasked(m.index)) continue;
    bracketNote(m[1] ?? '', m.index, m.index, m.index + m[0].length);
  }
  for (const m of text.matchAll(/\[(Illustration|Sidenote)\b/gi)) {
    if (isMasked(m.index)) continue;
    const end = closing(m.index);
    if (end < 0) continue;
    figures.push({ kind: (m[1] ?? '').toLowerCase() === 'sidenote' ? 'sidenote' : 'illustration', offset: m.index, end });
    mask(m.index, end);
  }
  notes.sort((a, b) => a.offset - b.offset);
  const pieces: string[] = [];
  let last = 0;
  for (const [from, to] of spans) {
    if (from < last) continue;
    pieces.push(text.slice(last, from), text.slice(from, to).replace(/[^\n]/g, MASK));
    last = to;
  }
  pieces.push(text.slice(last));
  return { masked: pieces.join(''), notes, figures, unclosed };
}

/** Line starts of a text, for `lineAt`. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

export const lineAtOffset = (starts: readonly number[], offset: number) => lineIndexOf(starts, offset);
