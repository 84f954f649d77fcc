import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadCorpus, type Passage } from '../../src/corpus';
import { searchOptionsFor } from '../../src/search/options';
import { countedSearch, createIndex, Postings, searchPassages } from '../../src/search/passages';
import { wordSpans } from '../../src/search/text';
import { SEED_DIR } from '../helpers/library';

const passage = (index: number, text: string): Passage => ({ index, workId: 'book', chapter: 0, n: index + 1, seq: index, text, footnoteRefs: [], line: index + 1 });

const passages = [
  'He heard the bells of the town.',
  'Her heart was full.',
  'A grey beard hung to his waist.',
  'She thought of the sea, though it was far.',
  'Thou art the man.',
  'The mountains rose.',
].map((text, i) => passage(i, text));
const index = createIndex(passages);
const found = (query: string, typing = false) => searchPassages(index, passages, { query, typing, limit: 10 }).map((h) => h.passage.text);

describe('which words a query expands', () => {
  it.each([
    ['heard', ['He heard the bells of the town.']], // a word the texts use is matched as written, not "heart" or "beard"
    ['thou', ['Thou art the man.']], // nor every word it begins
    ['hearrd', ['He heard the bells of the town.']], // a word they never use is taken for a typo
    ['mount', ['The mountains rose.']], // or for a beginning
  ])('%s finds %j', (query, expected) => {
    expect(found(query)).toEqual(expected);
  });

  it('still takes the word being typed for a beginning, known or not', () => {
    expect(found('thou', true).sort()).toEqual(['She thought of the sea, though it was far.', 'Thou art the man.']);
  });
});

describe('the best hits of a search', () => {
  it('keep MiniSearch’s order among equal scores', () => {
    const same = Array.from({ length: 12 }, (_, i) => passage(i, i % 4 ? 'The prince dined.' : 'The prince dined at home.'));
    const twelve = createIndex(same);
    const own = twelve.search.search('prince', searchOptionsFor(() => true, false));
    expect(countedSearch(twelve, same, { query: 'prince', limit: 5 }).hits.map((h) => h.passage.index)).toEqual(own.slice(0, 5).map((r) => r.id));
  });

  it('are MiniSearch’s own first results, in its order, with its count', async () => {
    const corpus = await loadCorpus(SEED_DIR);
    const seed = createIndex(corpus.passages);
    const words = [...new Set(corpus.passages.flatMap((p) => wordSpans(p.text).map((s) => s.word)))];
    const known = (term: string) => seed.documentFrequency.has(term);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 4 }), fc.integer({ min: 1, max: 8 }), fc.boolean(), (query, limit, typing) => {
        const text = query.join(' ');
        const own = seed.search.search(text, searchOptionsFor(known, typing));
        const { hits, total } = countedSearch(seed, corpus.passages, { query: text, limit, typing });
        expect(total).toBe(own.length);
        expect(hits.map((h) => h.passage.index)).toEqual(own.slice(0, limit).map((r) => r.id));
        expect(hits.map((h) => h.score)).toEqual(own.slice(0, limit).map((r) => r.score));
      }),
      { numRuns: 200 },
    );
  });
});

describe('postings held in typed arrays', () => {
  it('answer as the Map MiniSearch built: size, keys in order, get, has, entries', () => {
    const ids = Int32Array.from([3, 9, 14, 200]);
    const counts = Uint32Array.from([1, 4, 2, 7]);
    const postings = new Postings(ids, counts);
    const map = new Map([[3, 1], [9, 4], [14, 2], [200, 7]]);
    expect(postings.size).toBe(map.size);
    expect([...postings.keys()]).toEqual([...map.keys()]);
    expect([...postings]).toEqual([...map]);
    for (const id of [3, 9, 14, 200, 0, 10, 201]) {
      expect(postings.get(id), `get(${id})`).toBe(map.get(id));
      expect(postings.has(id), `has(${id})`).toBe(map.has(id));
    }
  });

  it('sort what they are given out of order', () => {
    const postings = new Postings(Int32Array.from([9, 3]), Uint32Array.from([4, 1]));
    expect([...postings]).toEqual([[3, 1], [9, 4]]);
  });
});
