/** A reader's question and the passage that answers it, for measuring retrieval quality. */
export interface LabelledQuery {
  query: string;
  workId: string;
  /** The ¶ locator. */
  paragraph: number;
  /** The chapter, in works that have them. */
  chapter?: number;
}

export interface PassageKey {
  workId: string;
  chapter: number;
  n: number;
}

export interface Quality {
  /** Share of queries whose expected passage ranks first. */
  hitAt1: number;
  /** Mean reciprocal rank of the expected passage within the first five, 0 beyond. */
  mrrAt5: number;
  misses: { query: string; rank: number | undefined }[];
}

/** Scores any ranker (Marginalia's, Lunr's, FlexSearch's) on the same labelled queries. */
export function evaluate(queries: readonly LabelledQuery[], rank: (query: string) => readonly PassageKey[]): Quality {
  let hits = 0;
  let reciprocal = 0;
  const misses: Quality['misses'] = [];
  for (const q of queries) {
    const ranked = rank(q.query).slice(0, 5);
    const at = ranked.findIndex((p) => p.workId === q.workId && p.n === q.paragraph && (q.chapter === undefined || p.chapter === q.chapter));
    if (at === 0) hits++;
    else misses.push({ query: q.query, rank: at < 0 ? undefined : at + 1 });
    if (at >= 0) reciprocal += 1 / (at + 1);
  }
  return { hitAt1: hits / queries.length, mrrAt5: reciprocal / queries.length, misses };
}
