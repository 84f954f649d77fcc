import { collapseWhitespace } from '../corpus/sources';

/** Heading and title-page patterns shared by the plain-text and HTML importers. */

const NUMBER_WORDS =
  'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|' +
  'first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|last|final';
const NUMBER = `(?:[ivxlcdm]+|\\d+|${NUMBER_WORDS})`;

const PART = new RegExp(`^(?:book|part|volume|vol\\.)\\s+(?:the\\s+)?${NUMBER}\\b`, 'i');
const ORDINAL_PART = new RegExp(`^(?:${NUMBER_WORDS})\\s+(?:book|part|volume|epilogue)\\b`, 'i');
const CHAPTER = new RegExp(`^(?:chapter|chap\\.)\\s+${NUMBER}\\b`, 'i');
const ROMAN = /^[IVXLCDM]+\.?$/;
const NAMED_CHAPTER = /^(?:introductory chapter|introduction|preface|author['’]s preface|conclusion|prologue|epilogue|afterword|foreword|appendix(?:\s+[\w.]+)?)\.?$/i;
export const CONTENTS = /^(?:table of )?contents\.?$/i;

export type HeadingKind = 'part' | 'chapter';

/** `part` for BOOK/PART/VOLUME lines, `chapter` for CHAPTER lines, lone roman numerals and named chapters. */
export function headingKind(title: string): HeadingKind | undefined {
  const t = title.trim();
  if (t.length > 100 || /[,;]$/.test(t)) return undefined;
  if (PART.test(t) || ORDINAL_PART.test(t)) return 'part';
  if (CHAPTER.test(t) || ROMAN.test(t) || NAMED_CHAPTER.test(t)) return 'chapter';
  return undefined;
}

export function isAllCaps(text: string): boolean {
  return /\p{Lu}{2}/u.test(text) && !/\p{Ll}/u.test(text);
}

/** A short line that reads as a title rather than as a sentence. */
export function looksLikeTitle(text: string): boolean {
  const t = text.trim();
  if (t.length === 0 || t.length > 80 || !/^[\p{Lu}\d]/u.test(t)) return false;
  if (/[.,;:"”’)\]]$/.test(t)) return false;
  if (/[?!]$/.test(t) && !isAllCaps(t)) return false;
  return true;
}

const SMALL_WORDS = new Set(['a', 'an', 'and', 'as', 'at', 'but', 'by', 'for', 'in', 'of', 'on', 'or', 'the', 'to', 'with']);

/** "DEMOCRACY IN AMERICA" → "Democracy in America"; titles already in mixed case are kept. */
export function titleCase(title: string): string {
  const t = collapseWhitespace(title);
  if (!isAllCaps(t)) return t;
  return t
    .toLowerCase()
    .split(' ')
    .map((w, i) => (i > 0 && SMALL_WORDS.has(w) ? w : w.replace(/^(\P{L}*)(\p{L})/u, (_, pre: string, c: string) => pre + c.toUpperCase())))
    .join(' ');
}

export interface TitlePageMeta {
  title?: string;
  author?: string;
  translator?: string;
}

/** Reads title, "By …" and "Translated by …" from the lines of a title page. */
export function titlePageMeta(lines: string[]): TitlePageMeta {
  const meta: TitlePageMeta = {};
  const clean = lines.map(collapseWhitespace).filter(Boolean);
  for (let i = 0; i < clean.length; i++) {
    const line = clean[i] ?? '';
    const translated = /^translated(?:\s+from\s+the\s+[\p{L}]+)?\s+by\b[\s:]*(.*)$/iu.exec(line);
    if (translated) {
      const who = translated[1] || clean[i + 1];
      if (who && !meta.translator) meta.translator = who;
      if (!translated[1]) i++;
      continue;
    }
    const by = /^by\s+(.+)$/i.exec(line);
    if (by?.[1] && !meta.author) {
      meta.author = by[1];
      continue;
    }
  }
  // The title is the first line in capitals before the author's name, else the first line.
  const byAt = clean.findIndex((l) => /^by\s/i.test(l));
  const before = clean.slice(0, byAt < 0 ? clean.length : byAt).filter((l) => !CONTENTS.test(l) && /\p{L}{2}/u.test(l) && l.toLowerCase() !== 'cover');
  const title = before.find(isAllCaps) ?? before[0];
  if (title) meta.title = titleCase(title);
  return meta;
}
