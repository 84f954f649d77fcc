import type { Corpus } from '../src/corpus';
import type { LabelledQuery } from '../src/search/evaluate';
import { seedQueries } from '../test/fixtures/seed-queries';

/**
 * Readers' questions about the long books, each with the passage that answers it. Together with
 * the seed's labelled set they score all three engines on the same footing.
 */
export const bookQueries: LabelledQuery[] = [];

/** The labelled queries whose works are in this corpus. */
export function labelledQueries(corpus: Corpus): LabelledQuery[] {
  const ids = new Set(corpus.works.map((w) => w.meta.id));
  return [...seedQueries, ...bookQueries].filter((q) => ids.has(q.workId));
}
