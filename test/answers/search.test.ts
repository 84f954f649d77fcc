import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_QUERY_LENGTH, search, SEARCH_PAGE_SIZE, type Library } from '../../src/answers';
import type { Corpus } from '../../src/corpus';
import { as, loadSeed } from '../helpers/library';

let corpus: Corpus;
let library: Library;
beforeAll(async () => ({ corpus, library } = await loadSeed()));

describe('/search', () => {
  it('lists the best five, then the rest on later pages, each matching passage once', () => {
    const holding = corpus.passages.filter((p) => /\banarchist/i.test(p.text));
    expect(holding.length).toBeGreaterThan(SEARCH_PAGE_SIZE); // so there is a second page
    const pages = Math.ceil(holding.length / SEARCH_PAGE_SIZE);
    const first = as(search(library, { query: 'anarchists' }), 'search');
    expect(first.results).toHaveLength(SEARCH_PAGE_SIZE);
    expect(first.paging).toEqual({ index: 0, total: pages, matches: holding.length });
    const all = Array.from({ length: pages }, (_, page) => as(search(library, { query: 'anarchists', page }), 'search').results).flat();
    expect(all.map((q) => q.text).sort()).toEqual(holding.map((p) => p.text).sort());
    // The passage that says "anarchists" most often leads.
    const most = [...holding].sort((a, b) => (b.text.match(/anarchists/gi)?.length ?? 0) - (a.text.match(/anarchists/gi)?.length ?? 0))[0];
    expect(first.results[0]?.text).toBe(most?.text);
    for (const q of all) {
      expect(q.highlights.length).toBeGreaterThan(0);
      for (const h of q.highlights) expect(q.text.slice(h.start, h.end)).toMatch(/^anarchists?$/i);
    }
    expect(search(library, { query: 'anarchists', page: pages })).toEqual({
      kind: 'notice',
      tone: 'error',
      message: `“anarchists” now has ${pages} pages of results, so page ${pages + 1} is no longer there. Run /search again.`,
    });
  });

  it('scopes to one work', () => {
    const answer = as(search(library, { query: 'anarchists', work: 'serge-letter-1936' }), 'search');
    expect(answer.workId).toBe('serge-letter-1936');
    expect(answer.results.every((q) => q.workId === 'serge-letter-1936')).toBe(true);
  });

  it.each([
    [undefined, 'error', 'Tell me what to search for, for example: /search anarchists in Catalonia'],
    ['  ', 'error', 'Tell me what to search for, for example: /search anarchists in Catalonia'],
    ['x'.repeat(MAX_QUERY_LENGTH + 1), 'error', `That query is ${MAX_QUERY_LENGTH + 1} characters long; please keep it to ${MAX_QUERY_LENGTH} or fewer.`],
    ['** __ ~~', 'empty', 'No passage matches “** __ ~~”: it has no words to search for. Try a distinctive word from the text.'],
    ['xyzzyplugh', 'empty', 'No passage matches “xyzzyplugh”.'],
  ])('%j → a notice', (query, tone, message) => {
    expect(search(library, { query })).toEqual({ kind: 'notice', tone, message });
  });
});
