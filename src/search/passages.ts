import MiniSearch, { type AsPlainObject, type SearchOptions } from 'minisearch';
import type { Passage } from '../corpus';
import { passageIndexOptions, typingSearchOptions, type IndexedPassage } from './options';
import { processTerm, wordSpans } from './text';

export interface PassageIndex {
  /** MiniSearch over the passages, always built and loaded with `passageIndexOptions`. */
  search: MiniSearch<IndexedPassage>;
  /** How many passages hold each index term. */
  documentFrequency: ReadonlyMap<string, number>;
}

/**
 * A word in more than this share of a large corpus ("not", "she", "prince" in War and Peace)
 * barely changes the ranking, yet scoring its thousands of passages is most of a query's cost,
 * so it is left out when the query has rarer words. Small corpora keep every word.
 */
const COMMON_SHARE = 0.08;
const COMMON_MIN_PASSAGES = 500;

export interface PassageHit {
  passage: Passage;
  score: number;
  /** The index terms that matched; `highlightSpans` turns them into spans for the hit that is shown. */
  terms: ReadonlySet<string>;
}

/** The text the index sees: footnote markers blanked out, offsets kept. */
export function searchableText(passage: Passage): string {
  let text = passage.text;
  for (const ref of passage.footnoteRefs) {
    text = text.slice(0, ref.start) + ' '.repeat(ref.end - ref.start) + text.slice(ref.end);
  }
  return text;
}

export function createIndex(passages: readonly Passage[]): PassageIndex {
  const search = new MiniSearch<IndexedPassage>(passageIndexOptions);
  search.addAll(passages.map((p) => ({ id: p.index, text: searchableText(p) })));
  return passageIndex(search).index;
}

/**
 * Wraps a freshly built MiniSearch. Its plain data is computed once: it counts the terms' passages
 * here, and the cache writes it as it is.
 */
export function passageIndex(search: MiniSearch<IndexedPassage>): { index: PassageIndex; data: AsPlainObject } {
  const data = search.toJSON();
  return { index: { search, documentFrequency: documentFrequencies(data) }, data };
}

export function loadIndex(data: AsPlainObject): PassageIndex {
  return { search: MiniSearch.loadJS<IndexedPassage>(data, passageIndexOptions), documentFrequency: documentFrequencies(data) };
}

/** One work's part of the index, as plain data: its ids are the passages' places in the work (`seq`). */
export interface WorkIndexPart {
  data: AsPlainObject;
  /** The global index of the work's first passage: added to every id when the parts are joined. */
  offset: number;
}

/** The text each of a work's passages is indexed under, with its id in the work's own part of the index. */
export function workDocuments(passages: readonly Passage[]): IndexedPassage[] {
  return passages.map((p) => ({ id: p.seq, text: searchableText(p) }));
}

/**
 * Joins works indexed apart into one index over the whole corpus: ids moved by each part's offset,
 * postings of the same term pooled, lengths averaged over every passage. Ranking is the one index's,
 * so a changed book needs only its own part rebuilt.
 */
export function joinIndexParts(parts: readonly WorkIndexPart[]): PassageIndex {
  const first = parts[0]?.data;
  const fieldIds = first?.fieldIds ?? {};
  const fields = Object.values(fieldIds);
  const documentIds: Record<number, number> = {};
  const fieldLength: Record<number, number[]> = {};
  const storedFields: Record<number, unknown> = {};
  const lengthSums = fields.map(() => 0);
  const postings = new Map<string, Record<string, Record<number, number>>>();
  let documentCount = 0;
  for (const { data, offset } of parts) {
    if (JSON.stringify(data.fieldIds) !== JSON.stringify(fieldIds)) throw new Error('index parts were built with different fields');
    // A part's own short ids become the passages' global indexes, which are also their ids.
    const global = new Map<string, number>();
    for (const [short, id] of Object.entries(data.documentIds)) {
      const to = offset + (id as number);
      global.set(short, to);
      documentIds[to] = to;
      const lengths = data.fieldLength[short] ?? [];
      fieldLength[to] = lengths;
      lengths.forEach((n, f) => (lengthSums[f] = (lengthSums[f] ?? 0) + n));
      if (data.storedFields[short] !== undefined) storedFields[to] = data.storedFields[short];
      documentCount++;
    }
    for (const [term, byField] of data.index) {
      let pooled = postings.get(term);
      if (!pooled) postings.set(term, (pooled = {}));
      for (const [field, docs] of Object.entries(byField)) {
        const into = (pooled[field] ??= {});
        for (const [short, frequency] of Object.entries(docs)) into[global.get(short) as number] = frequency;
      }
    }
  }
  const joined: AsPlainObject = {
    documentCount,
    nextId: documentCount,
    documentIds,
    fieldIds,
    fieldLength,
    averageFieldLength: lengthSums.map((sum) => (documentCount ? sum / documentCount : 0)),
    storedFields: storedFields as AsPlainObject['storedFields'],
    dirtCount: 0,
    index: [...postings],
    serializationVersion: 2,
  };
  return loadIndex(joined);
}

function documentFrequencies(data: AsPlainObject): Map<string, number> {
  const frequency = new Map<string, number>();
  for (const [term, fields] of data.index) {
    let passages = 0;
    for (const postings of Object.values(fields)) passages += Object.keys(postings).length;
    frequency.set(term, passages);
  }
  return frequency;
}

/** The query without its too-common words, unless that would leave nothing to search for. */
function withoutCommonWords(index: PassageIndex, query: string): string {
  const threshold = Math.max(COMMON_MIN_PASSAGES, COMMON_SHARE * index.search.documentCount);
  const words = wordSpans(query).flatMap((span) => {
    const term = processTerm(span.word);
    return term === null ? [] : [{ word: span.word, common: (index.documentFrequency.get(term) ?? 0) > threshold }];
  });
  const rare = words.filter((w) => !w.common);
  return rare.length && rare.length < words.length ? rare.map((w) => w.word).join(' ') : query;
}

export interface PassageQuery {
  query: string;
  workId?: string;
  limit?: number;
  /** Suggestions while the reader is still typing, rather than a finished question. */
  typing?: boolean;
}

export function searchPassages(index: PassageIndex, passages: readonly Passage[], { query, workId, limit = 5, typing = false }: PassageQuery): PassageHit[] {
  const options: SearchOptions = typing ? { ...typingSearchOptions } : {};
  if (workId) options.filter = (r) => passages[r.id as number]?.workId === workId;
  const results = index.search.search(withoutCommonWords(index, query), options);
  return results.slice(0, limit).flatMap((r) => {
    const passage = passages[r.id as number];
    if (!passage) return [];
    return [{ passage, score: r.score, terms: new Set(r.terms) }];
  });
}

/** The words of the passage whose index term is one of `terms`. */
export function highlightSpans(passage: Passage, terms: ReadonlySet<string>): { start: number; end: number }[] {
  return wordSpans(searchableText(passage)).flatMap((span) => {
    const term = processTerm(span.word);
    return term !== null && terms.has(term) ? [{ start: span.start, end: span.end }] : [];
  });
}

/** True when the query holds at least one word the index could match (not only stop words or symbols). */
export function hasSearchableWords(query: string): boolean {
  return wordSpans(query).some((s) => processTerm(s.word) !== null);
}
