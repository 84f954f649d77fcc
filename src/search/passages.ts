import MiniSearch from 'minisearch';
import type { Passage } from '../corpus';
import { passageIndexOptions, type IndexedPassage } from './options';
import { processTerm, wordSpans } from './text';

export type PassageIndex = MiniSearch<IndexedPassage>;

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
  const index = new MiniSearch<IndexedPassage>(passageIndexOptions);
  index.addAll(passages.map((p) => ({ id: p.index, text: searchableText(p) })));
  return index;
}

export function loadIndex(json: string): PassageIndex {
  return MiniSearch.loadJSON<IndexedPassage>(json, passageIndexOptions);
}

export interface PassageQuery {
  query: string;
  workId?: string;
  limit?: number;
}

export function searchPassages(index: PassageIndex, passages: readonly Passage[], { query, workId, limit = 5 }: PassageQuery): PassageHit[] {
  const results = index.search(query, workId ? { filter: (r) => passages[r.id as number]?.workId === workId } : {});
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
