import { stemmer } from 'stemmer';
import { eng } from 'stopword';

/**
 * A word: letters and digits, joined across apostrophes and editorial brackets so that
 * "don’t", "Trotsky’s" and "Ver[eeken]" each stay one word.
 */
const WORD = /[\p{L}\p{N}\p{M}]+(?:(?:['’ʼ\]]|\[(?=[\p{L}\p{M}]))+[\p{L}\p{N}\p{M}]+)*\]?/gu;

/** The stopword package has no contractions; these are their apostrophe-free spellings. */
const CONTRACTIONS = ['dont', 'cant', 'wont', 'didnt', 'doesnt', 'isnt', 'arent', 'wasnt', 'werent', 'im', 'ive', 'youre', 'theyre', 'hes', 'shes', 'thats', 'theres', 'lets', 'id', 'youve', 'weve', 'theyve', 'hadnt', 'hasnt', 'havent', 'couldnt', 'wouldnt', 'shouldnt'];
/**
 * Function words the package's short list leaves out. Left in, "she" and "not" match a third of a
 * novel's passages, ranking nothing and costing most of a query's time; "When" would start names.
 */
const FUNCTION_WORDS = ['she', 'hers', 'herself', 'its', 'itself', 'myself', 'yourself', 'ourselves', 'themselves', 'not', 'no', 'nor', 'so', 'when', 'whom', 'whose', 'again', 'once', 'just', 'yet', 'until', 'upon', 'whilst', 'shall'];
const STOP_WORDS = new Set([...eng, ...CONTRACTIONS, ...FUNCTION_WORDS]);

export interface WordSpan {
  word: string;
  start: number;
  end: number;
}

/** Every word in `text` with its offsets; searching and highlighting share it so they agree. */
export function wordSpans(text: string): WordSpan[] {
  return Array.from(text.matchAll(WORD), (m) => ({ word: m[0], start: m.index, end: m.index + m[0].length }));
}

export function tokenize(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** Case, diacritics, apostrophe variants and editorial brackets folded: "Ver[eeken]" → "vereeken". */
function foldOnce(word: string): string {
  return word
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’ʼ]/g, "'")
    .replace(/[[\]]/g, '')
    .replace(/'s$/, '')
    .replace(/'/g, '');
}

/** A function word (of a folded word): never a term, never a name. */
export function isStopWord(folded: string): boolean {
  return STOP_WORDS.has(folded);
}

/** The index's term for a word, or null for stop words: folded, then stemmed. */
function termOnce(word: string): string | null {
  const folded = foldWord(word);
  if (folded === '' || STOP_WORDS.has(folded)) return null;
  return stemmer(folded);
}

/**
 * Words recur: a library of books has millions of them but a vocabulary of some 100,000, and folding
 * and stemming every occurrence was most of the time an index build took. Bounded, since queries
 * bring words of their own.
 */
const MEMO_LIMIT = 300_000;
function memoized<T>(compute: (word: string) => T): (word: string) => T {
  const memo = new Map<string, T>();
  return (word) => {
    let value = memo.get(word);
    if (value === undefined && !memo.has(word)) {
      if (memo.size >= MEMO_LIMIT) memo.clear();
      value = compute(word);
      memo.set(word, value);
    }
    return value as T;
  };
}

/** Case, diacritics, apostrophe variants and editorial brackets folded: "Ver[eeken]" → "vereeken". */
export const foldWord = memoized(foldOnce);

/** The index's term for a word, or null for stop words: folded, then stemmed. */
export const processTerm = memoized(termOnce);

/** Folds a whole phrase for exact name lookups: "Hernández" and "hernandez" meet. */
export function foldPhrase(text: string): string {
  return tokenize(text).map(foldWord).filter(Boolean).join(' ');
}

const sentenceSegmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/** Sentence spans, trimmed of surrounding whitespace. */
export function sentenceSpans(text: string): { start: number; end: number }[] {
  return Array.from(sentenceSegmenter.segment(text), (s) => {
    const lead = s.segment.length - s.segment.trimStart().length;
    return { start: s.index + lead, end: s.index + s.segment.trimEnd().length };
  }).filter((s) => s.end > s.start);
}

/** Everything that decides which terms a text yields; part of the index cache key. */
export function textPipelineFingerprint(): string {
  return JSON.stringify([WORD.source, [...STOP_WORDS].sort(), foldOnce.toString(), termOnce.toString(), tokenize.toString(), stemmer.toString()]);
}
