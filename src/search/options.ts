import type { Options, SearchOptions } from 'minisearch';
import { processTerm, tokenize } from './text';

export interface IndexedPassage {
  id: number;
  text: string;
}

/**
 * Typos scale with word length: one edit from five letters, two from ten. Short words stay exact,
 * or "war" would match "was".
 */
const fuzzy = (term: string) => (term.length < 5 ? 0 : term.length < 10 ? 1 : 2);

export const passageSearchOptions: SearchOptions = {
  prefix: (term) => term.length >= 4,
  fuzzy,
  combineWith: 'OR',
  weights: { fuzzy: 0.45, prefix: 0.35 },
};

/** The one definition of how passages are indexed: build, serialisation and loading all use it. */
export const passageIndexOptions: Options<IndexedPassage> = {
  fields: ['text'],
  storeFields: [],
  tokenize,
  processTerm,
  searchOptions: passageSearchOptions,
};
