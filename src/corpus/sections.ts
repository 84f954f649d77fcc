import type { Chapter, Work } from './types';

const WORDS: Record<string, string> = {
  volume: 'vol',
  vol: 'vol',
  book: 'bk',
  bk: 'bk',
  part: 'pt',
  pt: 'pt',
  chapter: 'ch',
  chap: 'ch',
  ch: 'ch',
  number: 'no',
  no: 'no',
  nr: 'no',
  section: 'sec',
  sec: 'sec',
  epilogue: 'ep',
  ep: 'ep',
};
const ROMAN: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100, d: 500, m: 1000 };

function romanValue(text: string): number | undefined {
  if (!/^[ivxlcdm]+$/.test(text)) return undefined;
  let total = 0;
  for (let i = 0; i < text.length; i++) {
    const value = ROMAN[text[i] ?? ''] ?? 0;
    const next = ROMAN[text[i + 1] ?? ''] ?? 0;
    total += value < next ? -value : value;
  }
  return total > 0 && total < 4000 ? total : undefined;
}

/** "Book IX, Chapter 3." → "bk 9 ch 3": what a reader types, in the form locators are compared in. */
export function normaliseLocator(text: string): string {
  const words = text
    .toLowerCase()
    .replace(/[.,:;#]/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
  return words
    .map((word, i) => {
      const keyword = WORDS[word];
      if (keyword) return keyword;
      // A roman numeral only where a number is expected: after a keyword ("ch xii"), never a word ("mix").
      const previous = words[i - 1];
      const roman = previous && WORDS[previous] ? romanValue(word) : undefined;
      return roman === undefined ? word : String(roman);
    })
    .join(' ');
}

/**
 * The sections a reader's words can name, best first: the exact locator ("bk. 9 ch. 3", "book 9
 * chapter 3"), a bare number or chapter in a work whose sections have one component ("12", "ch. 12"),
 * or a title ("Economy"). Ambiguous words give several.
 */
export function matchSections(work: Work, text: string): Chapter[] {
  const typed = normaliseLocator(text);
  if (!typed) return [];
  const exact = work.chapters.filter((c) => c.locator && normaliseLocator(c.locator) === typed);
  if (exact.length) return exact;
  // "12" or "ch 12" for the chapter that ends in that component: unique in a work numbered once.
  const bare = /^\d+$/.test(typed) ? typed : undefined;
  const suffix = work.chapters.filter((c) => {
    const locator = normaliseLocator(c.locator);
    return locator && (locator.endsWith(` ${typed}`) || (bare !== undefined && locator.split(' ').at(-1) === bare && locator.split(' ').length === 2));
  });
  if (suffix.length) return suffix;
  const folded = text.trim().toLowerCase();
  const titled = work.chapters.filter((c) => c.title.toLowerCase() === folded || c.titles.join(' ').toLowerCase() === folded);
  if (titled.length) return titled;
  return work.chapters.filter((c) => folded.length >= 3 && c.title.toLowerCase().startsWith(folded));
}

/** The one section a reader's words name, or undefined when they name none or several. */
export function findSection(work: Work, text: string): Chapter | undefined {
  const found = matchSections(work, text);
  return found.length === 1 ? found[0] : undefined;
}
