import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus, type Corpus } from '../../src/corpus';
import { createIndex, searchPassages, type PassageIndex } from '../../src/search/passages';
import { SEED_DIR } from '../helpers/library';

let corpus: Corpus;
let index: PassageIndex;
beforeAll(async () => {
  corpus = await loadCorpus(SEED_DIR);
  index = createIndex(corpus.passages);
});

/** "work ¶n" of the passages found, best first. */
const found = (query: string, typing: boolean) =>
  searchPassages(index, corpus.passages, { query, typing, limit: 3 }).map((h) => `${h.passage.workId} ¶${h.passage.n}`);

describe('searching while the reader types', () => {
  it.each([
    ['Molin', true, 'serge-letter-1936 ¶3'], // the word being typed is a prefix
    ['Molinr', false, 'serge-letter-1936 ¶3'], // a finished question forgives the typo
    ['Saragosa Moli', true, 'serge-letter-1936 ¶3'], // a long finished word may carry one typo
  ])('%s (typing: %s) finds %s first', (query, typing, first) => {
    expect(found(query, typing)[0]).toBe(first);
  });

  it('does not spend a keystroke on typos in the word being typed', () => {
    expect(found('Molinr', true)).toEqual([]);
  });
});
