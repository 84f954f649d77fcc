import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus, type Corpus } from '../../src/corpus';
import { evaluate } from '../../src/search/evaluate';
import { createIndex, searchPassages, type PassageIndex } from '../../src/search/passages';
import { seedQueries } from '../fixtures/seed-queries';
import { SEED_DIR } from '../helpers/library';

let corpus: Corpus;
let index: PassageIndex;
beforeAll(async () => {
  corpus = await loadCorpus(SEED_DIR);
  index = createIndex(corpus.passages);
});

const rank = (query: string) => searchPassages(index, corpus.passages, { query, limit: 5 }).map((h) => h.passage);

describe('retrieval quality on the labelled seed queries', () => {
  it('has at least 30 queries, each naming a passage that exists', () => {
    expect(seedQueries.length).toBeGreaterThanOrEqual(30);
    for (const q of seedQueries) {
      expect(corpus.passages.some((p) => p.workId === q.workId && p.n === q.paragraph), q.query).toBe(true);
    }
  });

  it('ranks the expected passage first for at least 90% of queries (hit@1) and MRR@5 ≥ 0.9', () => {
    const quality = evaluate(seedQueries, rank);
    process.stderr.write(
      `seed quality: hit@1 ${quality.hitAt1.toFixed(3)}, MRR@5 ${quality.mrrAt5.toFixed(3)} over ${seedQueries.length} queries; misses: ${JSON.stringify(quality.misses)}\n`,
    );
    expect(quality.hitAt1).toBeGreaterThanOrEqual(0.9);
    expect(quality.mrrAt5).toBeGreaterThanOrEqual(0.9);
  });

  it('scores a ranker that always answers the same passage low, so the metric can fail', () => {
    const first = corpus.passages[0];
    const quality = evaluate(seedQueries, () => (first ? [first] : []));
    expect(quality.hitAt1).toBeLessThan(0.2);
  });
});
