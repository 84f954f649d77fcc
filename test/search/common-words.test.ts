import { describe, expect, it } from 'vitest';
import type { Passage } from '../../src/corpus';
import { createIndex, searchPassages } from '../../src/search/passages';

const passage = (index: number, text: string): Passage => ({ index, workId: 'book', chapter: 0, n: index + 1, seq: index, text, footnoteRefs: [], line: index + 1 });

/** 1,000 passages that all say "prince"; every tenth also names Borodino. */
const passages = Array.from({ length: 1000 }, (_, i) => passage(i, i % 10 === 0 ? `The prince rode to Borodino, day ${i}.` : `The prince dined at home, day ${i}.`));
const index = createIndex(passages);
const found = (query: string) => searchPassages(index, passages, { query, limit: 2000 }).map((h) => h.passage.index);

describe('words in most passages of a large corpus', () => {
  it('are counted per term', () => {
    expect(index.documentFrequency.get('princ')).toBe(1000);
    expect(index.documentFrequency.get('borodino')).toBe(100);
  });

  it('are left out when the query has a rarer word, so only its passages are scored', () => {
    const hits = found('prince Borodino');
    expect(hits).toHaveLength(100);
    expect(hits.every((i) => i % 10 === 0)).toBe(true);
  });

  it('are still searched when they are all the query has', () => {
    expect(found('prince')).toHaveLength(1000);
    expect(found('the prince')).toHaveLength(1000);
  });

  it('are kept in a small corpus, where every word still ranks', () => {
    const few = passages.slice(0, 40);
    const small = createIndex(few);
    expect(searchPassages(small, few, { query: 'prince Borodino', limit: 100 })).toHaveLength(40);
  });
});
