import MiniSearch, { type SearchOptions } from 'minisearch';
import type { Passage } from '../corpus';
import { distance } from 'fastest-levenshtein';
import { passageIndexOptions, searchOptionsFor, typoAllowance, type IndexedPassage } from './options';
import { processTerm, wordSpans } from './text';

export interface PassageIndex {
  /** MiniSearch over the passages, always built and loaded with `passageIndexOptions`. */
  search: MiniSearch<IndexedPassage>;
  /** How many passages hold each index term. */
  documentFrequency: ReadonlyMap<string, number>;
  /** Only these passages, by corpus index: a server's view of the library. Absent: every passage. */
  only?: (index: number) => boolean;
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

/** The index over these passages, built work by work as the cache builds it. */
export function createIndex(passages: readonly Passage[]): PassageIndex {
  const works = new Map<string, Passage[]>();
  for (const p of passages) works.set(p.workId, [...(works.get(p.workId) ?? []), p]);
  return joinIndexParts([...works.values()].map((own) => ({ part: workIndexPart(own), offset: (own[0]?.index ?? 0) - (own[0]?.seq ?? 0) })));
}

/**
 * One work's part of the passage index, compact enough to read fast: ids are the passages' places
 * in the work (`seq`), so the part holds whatever comes before the work in the corpus.
 */
export interface WorkIndexPart {
  /** Each passage's length in index terms. */
  lengths: number[];
  terms: string[];
  /** How many passages hold each term. */
  sizes: number[];
  /**
   * Which passages hold each term and how often, term after term, flattened: [seq, count, seq,
   * count, …]; the first term's `sizes[0]` pairs, then the next term's. One typed array, so a cached
   * part is read back without building an array per term.
   */
  postings: Int32Array;
}

/** The one field passages are indexed under: parts hold postings for it alone. */
const FIELD = (() => {
  const [field, ...others] = passageIndexOptions.fields;
  if (!field || others.length) throw new Error('index parts hold one field; passageIndexOptions.fields must have exactly one');
  return field;
})();

/** One work's passages indexed alone, as a part. */
export function workIndexPart(passages: readonly Passage[]): WorkIndexPart {
  const search = new MiniSearch<IndexedPassage>(passageIndexOptions);
  search.addAll(workDocuments(passages));
  return indexPart(search);
}

/** The text each of a work's passages is indexed under, with its id in the work's own part. */
export function workDocuments(passages: readonly Passage[]): IndexedPassage[] {
  return passages.map((p) => ({ id: p.seq, text: searchableText(p) }));
}

/**
 * What of MiniSearch's own state (minisearch 7) a part is read from and joined into: its public
 * serialisation is plain objects keyed by strings, which for 20,000 passages cost more to build and
 * read back than the index itself. The cache tests compare joined parts with a fresh build, so a
 * MiniSearch whose state changes shape fails them rather than ranking wrongly.
 */
interface SearchState {
  _index: Iterable<[string, Map<number, Map<number, number>>]> & { set(term: string, data: Map<number, Map<number, number>>): void };
  _documentIds: Map<number, number>;
  _fieldLength: Map<number, number[]>;
}
const stateOf = (search: MiniSearch<IndexedPassage>) => search as unknown as SearchState;

/** A MiniSearch over one work's passages (ids `seq`) as a part. */
export function indexPart(search: MiniSearch<IndexedPassage>): WorkIndexPart {
  const state = stateOf(search);
  const lengths: number[] = [];
  for (const [short, seq] of state._documentIds) lengths[seq] = state._fieldLength.get(short)?.[0] ?? 0;
  const terms: string[] = [];
  const sizes: number[] = [];
  const flat: number[] = [];
  for (const [term, byField] of state._index) {
    const docs = byField.get(0) ?? new Map<number, number>();
    for (const [short, count] of docs) flat.push(state._documentIds.get(short) as number, count);
    terms.push(term);
    sizes.push(docs.size);
  }
  return { lengths, terms, sizes, postings: Int32Array.from(flat) };
}

/**
 * Joins works indexed apart into one index over the corpus: ids moved to the passages' global
 * indexes, postings of a term pooled, lengths averaged over every passage, so ranking is exactly
 * the whole index's and a changed book needs only its own part rebuilt.
 */
export function joinIndexParts(parts: readonly { part: WorkIndexPart; offset: number }[]): PassageIndex {
  const documentIds: Record<number, number> = {};
  const fieldLength: Record<number, number[]> = {};
  let documentCount = 0;
  let totalLength = 0;
  // Two passes: how many passages hold each term, then the postings, straight into their arrays.
  const sizes = new Map<string, number>();
  for (const { part, offset } of parts) {
    part.lengths.forEach((length, seq) => {
      documentIds[offset + seq] = offset + seq;
      fieldLength[offset + seq] = [length];
      totalLength += length;
      documentCount++;
    });
    part.terms.forEach((term, i) => sizes.set(term, (sizes.get(term) ?? 0) + (part.sizes[i] ?? 0)));
  }
  const pooled = new Map<string, { ids: Int32Array; counts: Uint32Array; filled: number }>();
  for (const [term, size] of sizes) pooled.set(term, { ids: new Int32Array(size), counts: new Uint32Array(size), filled: 0 });
  for (const { part, offset } of parts) {
    const flat = part.postings;
    let at = 0;
    part.terms.forEach((term, i) => {
      const into = pooled.get(term) as { ids: Int32Array; counts: Uint32Array; filled: number };
      for (const end = at + 2 * (part.sizes[i] ?? 0); at < end; at += 2) {
        into.ids[into.filled] = offset + (flat[at] as number);
        into.counts[into.filled++] = flat[at + 1] as number;
      }
    });
  }
  const search = MiniSearch.loadJS<IndexedPassage>(
    {
      documentCount,
      nextId: documentCount,
      documentIds,
      fieldIds: { [FIELD]: 0 },
      fieldLength,
      averageFieldLength: [documentCount ? totalLength / documentCount : 0],
      storedFields: {},
      dirtCount: 0,
      index: [],
      serializationVersion: 2,
    },
    passageIndexOptions,
  );
  const terms = stateOf(search)._index;
  const documentFrequency = new Map<string, number>();
  for (const [term, { ids, counts }] of pooled) {
    terms.set(term, new Map([[0, new Postings(ids, counts) as unknown as Map<number, number>]]));
    documentFrequency.set(term, ids.length);
  }
  return { search, documentFrequency };
}

/**
 * One term's postings, read by MiniSearch as the Map of passage → count it builds itself (size,
 * keys, get, has, entries): held in two typed arrays instead, sorted by passage. 776,000 postings
 * of a 20-book library took 58 MB and a third of a start from the cache as Map entries; as arrays
 * they take 6 MB and are filled straight from the cached parts. MiniSearch reads a term's keys in
 * order and asks `get` for each in turn, so `get` first tries where the last one was found.
 */
export class Postings {
  private last = 0;

  constructor(
    private readonly ids: Int32Array,
    private readonly counts: Uint32Array,
  ) {
    for (let i = 1; i < ids.length; i++) {
      if ((ids[i] as number) <= (ids[i - 1] as number)) {
        const order = Array.from(ids.keys()).sort((a, b) => (ids[a] as number) - (ids[b] as number));
        this.ids = Int32Array.from(order, (k) => ids[k] as number);
        this.counts = Uint32Array.from(order, (k) => counts[k] as number);
        break;
      }
    }
  }

  get size(): number {
    return this.ids.length;
  }

  get(id: number): number | undefined {
    const at = this.indexOf(id);
    return at < 0 ? undefined : this.counts[at];
  }

  has(id: number): boolean {
    return this.indexOf(id) >= 0;
  }

  keys(): IterableIterator<number> {
    return this.ids.values();
  }

  *entries(): IterableIterator<[number, number]> {
    for (let i = 0; i < this.ids.length; i++) yield [this.ids[i] as number, this.counts[i] as number];
  }

  [Symbol.iterator](): IterableIterator<[number, number]> {
    return this.entries();
  }

  forEach(callback: (count: number, id: number) => void): void {
    for (let i = 0; i < this.ids.length; i++) callback(this.counts[i] as number, this.ids[i] as number);
  }

  private indexOf(id: number): number {
    const { ids } = this;
    if (ids[this.last] === id) return this.last;
    if (ids[this.last + 1] === id) return ++this.last;
    let low = 0;
    let high = ids.length - 1;
    while (low <= high) {
      const mid = (low + high) >>> 1;
      const found = ids[mid] as number;
      if (found === id) return (this.last = mid);
      if (found < id) low = mid + 1;
      else high = mid - 1;
    }
    return -1;
  }
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

export function searchPassages(index: PassageIndex, passages: readonly Passage[], request: PassageQuery): PassageHit[] {
  return countedSearch(index, passages, request).hits;
}

/** What MiniSearch's query step gives for one passage, before `search` makes, filters and sorts every result. */
interface RawResult {
  score: number;
  /** The query terms that matched. */
  terms: string[];
  /** The index terms that matched, each with its fields. */
  match: Record<string, unknown>;
}
type QueryStep = { executeQuery(query: string, options: SearchOptions): Map<number, RawResult> };

/**
 * The best `limit` hits, and how many passages match in all. A common word matches thousands of
 * passages; MiniSearch's `search` would make a result object for each and sort them all, while a
 * reply needs the best few: they are kept as the raw results stream by, scored as `search` scores
 * them (times the number of query terms matched) and, at equal scores, in its order. The search
 * tests compare this with MiniSearch's own `search`.
 */
export function countedSearch(index: PassageIndex, passages: readonly Passage[], { query, workId, limit = 5, typing = false }: PassageQuery): { hits: PassageHit[]; total: number } {
  const { only } = index;
  // The work first: a view's `only` may count what it holds back, and must see only this work's matches.
  const wanted = (id: number) => (!workId || passages[id]?.workId === workId) && (!only || only(id));
  const searched = withoutCommonWords(index, query);
  const raw = (index.search as unknown as QueryStep).executeQuery(searched, searchOptionsFor((term) => index.documentFrequency.has(term), typing));
  const ids = stateOf(index.search)._documentIds;
  const best: { id: number; score: number; match: Record<string, unknown> }[] = [];
  let total = 0;
  for (const [short, result] of raw) {
    const id = ids.get(short);
    if (id === undefined || !wanted(id)) continue;
    total++;
    const score = result.score * (result.terms.length || 1);
    if (best.length >= limit && !(score > (best[limit - 1]?.score ?? -Infinity))) continue;
    let at = best.length;
    while (at > 0 && (best[at - 1]?.score ?? Infinity) < score) at--;
    best.splice(at, 0, { id, score, match: result.match });
    if (best.length > limit) best.pop();
  }
  const queryTerms = [...new Set(wordSpans(searched).flatMap((s) => processTerm(s.word) ?? []))];
  const hits = best.flatMap(({ id, score, match }) => {
    const passage = passages[id];
    if (!passage) return [];
    return [{ passage, score, terms: new Set(Object.keys(match).filter((t) => meantBy(index, queryTerms, t))) }];
  });
  return { hits, total };
}

/**
 * Whether a matched term is one the reader meant: a query word itself, a word it begins, or, for a
 * query word the texts never use (a typo), a word within its typo allowance. "woman" is in the
 * texts, so its fuzzy neighbour "roman" matched but is not what the reader asked for.
 */
function meantBy(index: PassageIndex, queryTerms: readonly string[], term: string): boolean {
  return queryTerms.some(
    (q) => q === term || (q.length >= 4 && term.startsWith(q)) || (!index.documentFrequency.has(q) && distance(q, term) <= typoAllowance(q)),
  );
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
