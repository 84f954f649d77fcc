import { countedSearch, hasSearchableWords } from '../search/passages';
import { cleanText, isNotice, MAX_QUERY_LENGTH, notice, resolveWork, tooLong } from './input';
import type { Corpus, Passage } from '../corpus';
import { hitQuotation, quotation, type Library } from './library';
import { memoizeBy } from './memo';
import type { Answer } from './types';

/** How many ranked matches the buttons can page through. */
export const MAX_MATCHES = 50;
/** A random quote skips salutations and one-line headings. */
const MIN_RANDOM_WORDS = 12;

export interface QuoteRequest {
  query?: string;
  work?: string;
  /** 0-based match to show; buttons page with it. */
  page?: number;
  private?: boolean;
}

export function quote(library: Library, request: QuoteRequest, random: () => number = Math.random): Answer {
  const work = resolveWork(library, request.work);
  if (isNotice(work)) return work;
  const query = cleanText(request.query);
  const scope = work ? ` in ${work.meta.title}` : '';
  const isPrivate = request.private ?? false;

  if (!query) {
    const from = randomPool(library.corpus, work?.meta.id);
    const passage = from[Math.floor(random() * from.length)];
    if (!passage) return notice('empty', `There are no passages${scope} to quote.`);
    return { kind: 'quote', ...(work ? { workId: work.meta.id } : {}), quotation: quotation(library, passage), private: isPrivate };
  }

  const long = tooLong('query', query, MAX_QUERY_LENGTH);
  if (long) return long;
  if (!hasSearchableWords(query)) {
    return notice('empty', `No passage matches “${query}”: it has no words to search for. Try a distinctive word from the text.`);
  }
  const { hits, total: matches } = countedSearch(library.index, library.corpus.passages, { query, workId: work?.meta.id, limit: MAX_MATCHES });
  if (hits.length === 0) return notice('empty', `No passage matches “${query}”${scope}.`);
  const page = request.page ?? 0;
  const hit = hits[page];
  if (!hit) {
    return notice('error', `“${query}” now has ${hits.length} match${hits.length === 1 ? '' : 'es'}, so match ${page + 1} is no longer there. Run /quote again.`);
  }
  return {
    kind: 'quote',
    query,
    ...(work ? { workId: work.meta.id } : {}),
    quotation: hitQuotation(library, hit),
    paging: { index: page, total: hits.length, matches },
    private: isPrivate,
  };
}

const poolsOf = memoizeBy((_corpus: Corpus) => new Map<string, Passage[]>());

/** The passages a random quote draws from, in one work or all, computed once per corpus. */
function randomPool(corpus: Corpus, workId = ''): Passage[] {
  const pools = poolsOf(corpus);
  let pool = pools.get(workId);
  if (!pool) {
    const all = corpus.passages.filter((p) => !workId || p.workId === workId);
    const long = all.filter((p) => p.text.split(/\s+/).length >= MIN_RANDOM_WORDS);
    pool = long.length ? long : all;
    pools.set(workId, pool);
  }
  return pool;
}
