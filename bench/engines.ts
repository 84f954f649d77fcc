import { Charset, Encoder, Index } from 'flexsearch';
import EnglishPreset from 'flexsearch/lang/en';
import lunr from 'lunr';
import type { Passage } from '../src/corpus';
import { createIndex, searchableText, searchPassages, type PassageIndex } from '../src/search/passages';

/** One search engine over the benchmark's passages: ranked passage indexes for a query. */
export interface Engine {
  /** Full-text search, best first, as /quote and /search use it. */
  search(query: string, limit: number): number[];
  /** Search-as-you-type over passages, as the query autocomplete uses it. */
  complete(typed: string, limit: number): number[];
}

export type EngineName = 'marginalia' | 'lunr' | 'flexsearch';
export const ENGINE_NAMES: readonly EngineName[] = ['marginalia', 'lunr', 'flexsearch'];

export function buildEngine(name: EngineName, passages: readonly Passage[]): Engine {
  switch (name) {
    case 'marginalia':
      return marginalia(createIndex(passages), passages);
    case 'lunr':
      return lunrEngine(passages);
    case 'flexsearch':
      return flexsearch(passages);
  }
}

/** Marginalia's passage index exactly as the bot builds and queries it. */
export function marginalia(index: PassageIndex, passages: readonly Passage[]): Engine {
  const find = (typing: boolean) => (query: string, limit: number) => searchPassages(index, passages, { query, limit, typing }).map((h) => h.passage.index);
  return { search: find(false), complete: find(true) };
}

/**
 * Lunr as its README sets it up (English stemmer, stop words, trimmer), queried the way a
 * careful integrator would: words optional (OR), typo tolerance on longer words like ours, and a
 * trailing wildcard on the word being typed. Lunr's query-string parser is not used: readers'
 * colons, tildes and hyphens would be taken as syntax.
 */
function lunrEngine(passages: readonly Passage[]): Engine {
  const index = lunr(function () {
    this.ref('id');
    this.field('text');
    // Positions are only for highlighting; without them the index is smaller and faster.
    this.metadataWhitelist = [];
    for (const p of passages) this.add({ id: String(p.index), text: searchableText(p) });
  });
  const words = (text: string) => lunr.tokenizer(text).map((t) => t.toString()).filter((w) => /[\p{L}\p{N}]/u.test(w));
  const run = (text: string, limit: number, typing: boolean): number[] => {
    const terms = words(text);
    if (!terms.length) return [];
    const results = index.query((q) => {
      terms.forEach((term, i) => {
        q.term(term, { boost: 10 });
        if (term.length >= 5) q.term(term, { editDistance: term.length >= 10 ? 2 : 1, usePipeline: false, boost: 1 });
        if (typing && i === terms.length - 1) q.term(term, { wildcard: lunr.Query.wildcard.TRAILING, usePipeline: false, boost: 3 });
      });
    });
    return results.slice(0, limit).map((r) => Number(r.ref));
  };
  return { search: (q, limit) => run(q, limit, false), complete: (q, limit) => run(q, limit, true) };
}

/**
 * FlexSearch 0.8 with its English language pack (stemmer and stop words) on the balanced Latin
 * encoder, forward tokenisation for prefixes, and `suggest` so that a query with one unknown
 * word still returns the passages that match the rest.
 */
function flexsearch(passages: readonly Passage[]): Engine {
  const index = new Index({ tokenize: 'forward', encoder: new Encoder(Charset.LatinBalance).assign(EnglishPreset), resolution: 9 });
  for (const p of passages) index.add(p.index, searchableText(p));
  const search = (query: string, limit: number) => (index.search(query, { limit, suggest: true }) as number[]).slice(0, limit);
  return { search, complete: search };
}
