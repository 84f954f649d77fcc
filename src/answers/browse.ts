import { quotation, type Library } from './library';
import { notice } from './input';
import type { Answer } from './types';

export interface ContextRequest {
  workId: string;
  seq: number;
}

/** The paragraphs before and after a passage. */
export function context(library: Library, { workId, seq }: ContextRequest): Answer {
  const work = library.works.get(workId);
  if (!work) return notice('error', 'This button refers to a work that is no longer in the texts, so it cannot show the context. Run the command again.');
  const passage = work.passages[seq];
  if (!passage) return notice('error', `This button refers to a passage that is no longer in ${work.meta.title}, so it cannot show the context. Run the command again.`);
  const around = work.passages.slice(Math.max(0, seq - 1), seq + 2);
  return { kind: 'context', passages: around.map((p) => quotation(library, p)), centre: around.indexOf(passage) };
}

/** One passage as a quotation, for a button that names it: Post shares it, Discuss cites it. */
export function passageQuote(library: Library, { workId, seq }: ContextRequest, mode: 'shared' | 'daily' = 'shared'): Answer {
  const work = library.works.get(workId);
  if (!work) return notice('error', 'This button refers to a work that is no longer in the texts. Run the command again.');
  const passage = work.passages[seq];
  if (!passage) return notice('error', `This button refers to a passage that is no longer in ${work.meta.title}. Run the command again.`);
  return { kind: 'quote', quotation: quotation(library, passage), private: false, mode };
}

/** How many works one page of /works shows: each is a field, and an embed holds 25. */
export const WORKS_PAGE_SIZE = 10;

export function works(library: Library, { page = 0 }: { page?: number } = {}): Answer {
  const all = library.corpus.works;
  if (all.length === 0) return notice('empty', 'There are no texts yet.');
  const pages = Math.ceil(all.length / WORKS_PAGE_SIZE);
  if (page < 0 || page >= pages) return notice('error', `There ${pages === 1 ? 'is 1 page' : `are ${pages} pages`} of texts, so page ${page + 1} is not there. Run /works again.`);
  return {
    kind: 'works',
    count: all.length,
    paging: { index: page, total: pages },
    works: all.slice(page * WORKS_PAGE_SIZE, (page + 1) * WORKS_PAGE_SIZE).map((w) => {
      const { id, title, shortTitle, author, date, translator, source, license, url } = w.meta;
      return {
        attribution: { workId: id, title, ...(shortTitle ? { shortTitle } : {}), author, date, translator, source, license, url },
        ...(w.meta.recipient ? { recipient: w.meta.recipient } : {}),
        passages: w.passages.length,
        footnotes: w.footnotes.length,
        chapters: w.chapters.length,
      };
    }),
  };
}

export interface CommandSummary {
  name: string;
  description: string;
  usage: string;
}

export function help(commands: readonly CommandSummary[]): Answer {
  return { kind: 'help', commands: [...commands] };
}
