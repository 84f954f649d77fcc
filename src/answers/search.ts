import { countedSearch, hasSearchableWords } from '../search/passages';
import { cleanText, isNotice, MAX_QUERY_LENGTH, notice, resolveWork, tooLong } from './input';
import { hitQuotation, type Library } from './library';
import { MAX_MATCHES } from './quote';
import type { Answer } from './types';

export const SEARCH_PAGE_SIZE = 5;

export interface SearchRequest {
  query?: string;
  work?: string;
  /** 0-based page of results. */
  page?: number;
}

export function search(library: Library, request: SearchRequest): Answer {
  const work = resolveWork(library, request.work);
  if (isNotice(work)) return work;
  const query = cleanText(request.query);
  if (!query) return notice('error', 'Tell me what to search for, for example: /search anarchists in Catalonia');
  const long = tooLong('query', query, MAX_QUERY_LENGTH);
  if (long) return long;
  const scope = work ? ` in ${work.meta.title}` : '';
  if (!hasSearchableWords(query)) {
    return notice('empty', `No passage matches “${query}”: it has no words to search for. Try a distinctive word from the text.`);
  }
  const { hits, total: matches } = countedSearch(library.index, library.corpus.passages, { query, workId: work?.meta.id, limit: MAX_MATCHES });
  if (hits.length === 0) return notice('empty', `No passage matches “${query}”${scope}.`);
  const pages = Math.ceil(hits.length / SEARCH_PAGE_SIZE);
  const page = request.page ?? 0;
  if (page >= pages) return notice('error', `“${query}” now has ${pages} page${pages === 1 ? '' : 's'} of results, so page ${page + 1} is no longer there. Run /search again.`);
  const results = hits
    .slice(page * SEARCH_PAGE_SIZE, (page + 1) * SEARCH_PAGE_SIZE)
    .map((h) => hitQuotation(library, h));
  return { kind: 'search', query, ...(work ? { workId: work.meta.id } : {}), results, paging: { index: page, total: pages, matches }, pageSize: SEARCH_PAGE_SIZE };
}
