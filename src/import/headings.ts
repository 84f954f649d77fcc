import { collapseWhitespace } from '../corpus/sources';
import type { DivisionKind } from './tree';

/** Heading and title-page patterns shared by the plain-text and HTML importers. */

const CARDINALS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty'];
const ORDINALS = ['zeroth', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth', 'thirteenth', 'fourteenth', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'nineteenth', 'twentieth'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const ROMAN_VALUES: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100, d: 500, m: 1000 };

/** "XIII", "13", "thirteen", "thirteenth", "twenty-one" → 13…; undefined for anything else. */
export function parseNumber(word: string): number | undefined {
  const w = word.toLowerCase().replace(/[.:]$/, '');
  if (/^\d{1,4}$/.test(w)) return Number(w);
  if (/^[ivxlcdm]+$/.test(w)) return romanValue(w);
  const simple = CARDINALS.indexOf(w) >= 0 ? CARDINALS.indexOf(w) : ORDINALS.indexOf(w);
  if (simple > 0) return simple;
  const compound = /^(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[- ]?(\w+)?$/.exec(w);
  if (compound) {
    const tens = TENS.indexOf(compound[1] ?? '') * 10;
    if (!compound[2]) return tens;
    const unit = Math.max(CARDINALS.indexOf(compound[2]), ORDINALS.indexOf(compound[2]));
    return unit > 0 && unit < 10 ? tens + unit : undefined;
  }
  if (/^(twentieth|thirtieth|fortieth|fiftieth)$/.test(w)) return (TENS.indexOf(w.replace('ieth', 'y')) || 0) * 10;
  return undefined;
}

/** A roman numeral written the usual way (IV, not IIII), or undefined. */
function romanValue(roman: string): number | undefined {
  let total = 0;
  for (let i = 0; i < roman.length; i++) {
    const v = ROMAN_VALUES[roman[i] ?? ''] ?? 0;
    const next = ROMAN_VALUES[roman[i + 1] ?? ''] ?? 0;
    total += v < next ? -v : v;
  }
  return total > 0 && toRoman(total) === roman ? total : undefined;
}

function toRoman(n: number): string {
  const table: [number, string][] = [[1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];
  let out = '';
  let rest = n;
  for (const [v, s] of table) {
    while (rest >= v) {
      out += s;
      rest -= v;
    }
  }
  return out;
}

const NUMBER = `(?:[ivxlcdm]+|\\d{1,4}|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth))?|${[...CARDINALS.slice(1), ...ORDINALS.slice(1)].join('|')})`;
const ORDINAL = `(?:${ORDINALS.slice(1).join('|')}|last|final)`;

/** The book's own divisions, from a heading's words. */
const DIVISIONS: { kind: DivisionKind; pattern: RegExp; ordinalFirst?: true }[] = [
  { kind: 'volume', pattern: new RegExp(`^vol(?:ume|\\.)?\\s+(?:the\\s+)?(${NUMBER})(?![\\w'’])`, 'i') },
  { kind: 'book', pattern: new RegExp(`^book\\s+(?:the\\s+)?(${NUMBER})(?![\\w'’])`, 'i') },
  { kind: 'book', pattern: new RegExp(`^(?:the\\s+)?(${ORDINAL})\\s+book\\b`, 'i'), ordinalFirst: true },
  { kind: 'part', pattern: new RegExp(`^part\\s+(?:the\\s+)?(${NUMBER})(?![\\w'’])`, 'i') },
  { kind: 'part', pattern: new RegExp(`^(?:the\\s+)?(${ORDINAL})\\s+part\\b`, 'i'), ordinalFirst: true },
  { kind: 'epilogue', pattern: new RegExp(`^(?:the\\s+)?(${ORDINAL})\\s+epilogue\\b`, 'i'), ordinalFirst: true },
  { kind: 'epilogue', pattern: new RegExp(`^epilogue\\s+(${NUMBER})(?![\\w'’])`, 'i') },
  { kind: 'chapter', pattern: new RegExp(`^(?:chapter|chap\\.)\\s+(${NUMBER})(?![\\w'’])`, 'i') },
  { kind: 'number', pattern: /^(?:the\s+)?(?:federalist|number|no\.|№)\s*(?:no\.?\s*)?(\d{1,4})\b/i },
  // "Section 5.1" is a sub-section's title, not section 5.
  { kind: 'section', pattern: new RegExp(`^(?:section|sect\\.)\\s+(${NUMBER})(?![\\w'’]|\\.\\d)`, 'i') },
];

/** Unnumbered divisions the book names: they open a section located by their name. */
export const NAMED =
  /^(?:the\s+)?(?:(?:author|translator|editor)['’]?s\s+)?(?:introduction|introductory(?:\s+chapter)?|preface|foreword|prologue|epilogue|afterword|conclusion|dedication|appendix|glossary|notes|footnotes|etymology|extracts|index|postscript|envoi)\b/i;

export interface HeadingClass {
  kind: DivisionKind;
  n: number;
}

/** The division a heading opens: `CHAPTER XIII.` → chapter 13, `BOOK NINE: 1812` → book 9, `FEDERALIST No. 51` → number 51. */
export function divisionOf(title: string): HeadingClass | undefined {
  const t = title.trim();
  for (const { kind, pattern, ordinalFirst } of DIVISIONS) {
    const m = pattern.exec(t);
    if (!m) continue;
    const word = (m[1] ?? '').toLowerCase();
    // "The First Book" in running capitals names a division; in title case it is a sidenote's words.
    if (ordinalFirst && !isAllCaps(t)) continue;
    const n = word === 'last' || word === 'final' ? undefined : parseNumber(word);
    if (n !== undefined) return { kind, n };
  }
  return undefined;
}

/** `I. BOURGEOIS AND PROLETARIANS`, `XVII`, `3. CRITICAL-UTOPIAN SOCIALISM` → its number and numbering style. */
export function numberedTitle(title: string): { n: number; style: 'roman' | 'arabic' } | undefined {
  const m = /^([IVX]|[IVXLC]{2,}|\d{1,3})(?:\.|$|\s*[-—:]\s)(?:\s+(\S.*))?$/.exec(title.trim());
  if (!m) return undefined;
  const n = parseNumber(m[1] ?? '');
  if (n === undefined) return undefined;
  return { n, style: /^\d/.test(m[1] ?? '') ? 'arabic' : 'roman' };
}

export const CONTENTS = /^(?:(?:the\s+)?(?:table\s+of\s+)?contents|contents\s+of\s+the\s+\w+)\.?:?$/i;

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
/** Words a title in title case may leave in lower case. */
const TITLE_SMALL_WORDS = new Set([...SMALL_WORDS, 'from', 'into', 'upon', 'nor', 'its', 'their', 'his', 'her', 'over', 'under', 'between', 'among', 'about', 'after', 'before', 'during', 'through', 'without', 'within', 'towards', 'toward']);

/**
 * A line written as a heading: "Tyranny Of The Majority", "Where I Lived, and What I Lived For",
 * "POWER OF THE MAJORITY" — every word capitalised but small ones, two capitalised words or more,
 * no digits and nothing that ends a sentence or a clause.
 */
export function headingCase(text: string): boolean {
  const t = text.trim();
  if (!/^\p{Lu}/u.test(t) || /[,;:!?"”’)\]—–-]$/.test(t) || /\d/.test(t)) return false;
  const words = t.split(/\s+/).map((w) => w.replace(/^[(“"‘']+|[)”"’',;:.]+$/g, '')).filter((w) => /\p{L}/u.test(w));
  if (words.length < 2) return false;
  const capital = words.filter((w) => /^\p{Lu}/u.test(w));
  if (capital.length < 2) return false;
  // A final period only where every word, small ones too, is capitalised ("… Of The Union At Large.").
  if (/\.$/.test(t)) return words.length >= 4 && capital.length === words.length;
  return words.every((w) => /^\p{Lu}/u.test(w) || TITLE_SMALL_WORDS.has(w.toLowerCase()));
}

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
