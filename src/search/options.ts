import type { Options, SearchOptions } from 'minisearch';
import { processTerm, textPipelineFingerprint, tokenize } from './text';

export interface IndexedPassage {
  id: number;
  text: string;
}

/**
 * Typos scale with word length: one edit from five letters, two from ten. Short words stay exact,
 * or "war" would match "was".
 */
export const typoAllowance = (term: string) => (term.length < 5 ? 0 : term.length < 10 ? 1 : 2);

/** Prefixes from four letters: "war" must not stand for every word it begins. */
const longEnoughForPrefix = (term: string) => term.length >= 4;

export const passageSearchOptions: SearchOptions = {
  prefix: longEnoughForPrefix,
  fuzzy: typoAllowance,
  combineWith: 'OR',
  weights: { fuzzy: 0.45, prefix: 0.35 },
};

/**
 * While a reader types (autocomplete, on every keystroke): the word being typed is a prefix, the
 * words already typed are matched as written, allowing one typo only in long ones. Typo tolerance
 * on every word doubles the cost of a keystroke for suggestions the finished /quote still finds.
 */
export const typingSearchOptions: SearchOptions = {
  ...passageSearchOptions,
  prefix: (term, i, terms) => i === terms.length - 1 && longEnoughForPrefix(term),
  fuzzy: (term, i, terms) => (i < terms.length - 1 && term.length >= 8 ? 1 : 0),
};

/**
 * The search options for one query, knowing which words the texts use. A word the texts use is
 * what the reader meant: it is matched as written (its inflections share its stem), and only a
 * word they never use is taken for a typo or a beginning. "heard" then no longer brings in
 * "heart", "beard" and "hears", nor "thou" every "thought": thousands of passages scored for
 * matches the reader did not ask for, and the cost of most slow queries on a large library.
 */
export function searchOptionsFor(known: (term: string) => boolean, typing: boolean): SearchOptions {
  const base = typing ? typingSearchOptions : passageSearchOptions;
  const prefix = base.prefix as (term: string, i: number, terms: string[]) => boolean;
  const fuzzy = base.fuzzy as (term: string, i: number, terms: string[]) => number;
  return {
    ...base,
    // The word being typed is still a beginning, known or not: "Moli" is on its way to "Molins".
    prefix: (term, i, terms) => prefix(term, i, terms) && (typing ? i === terms.length - 1 || !known(term) : !known(term)),
    fuzzy: (term, i, terms) => (known(term) ? 0 : fuzzy(term, i, terms)),
  };
}

/** The one definition of how passages are indexed: build, serialisation and loading all use it. */
export const passageIndexOptions: Options<IndexedPassage> = {
  fields: ['text'],
  storeFields: [],
  tokenize,
  processTerm,
  searchOptions: passageSearchOptions,
};

/** Everything about indexing that changes the index: options, functions and the text pipeline. */
export function indexOptionsFingerprint(): string {
  const describe = (value: unknown): unknown =>
    typeof value === 'function' ? value.toString() : value && typeof value === 'object' ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, describe(v)])) : value;
  return JSON.stringify([describe(passageIndexOptions), textPipelineFingerprint()]);
}
