import { quotation, type Library } from './library';
import { notice } from './input';
import type { Work } from '../corpus';
import type { Answer, WorkSummary, WorksAnswer } from './types';
import type { LibraryView } from './view';

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

export interface WorksRequest {
  page?: number;
  /** A server's view: its works come first, each with its reading mark, then the works it does not read. */
  view?: LibraryView;
  /** With a view: the server's works alone (`/library show`). */
  serverOnly?: boolean;
}

/** How a member without Manage Server sees a server's reading: /works, or the settings commands once an admin allows them. */
export const SHOW_FOR_EVERYONE =
  'Anyone can see this server’s works and reading marks with /works. To let members without Manage Server use /library show and /reading show too, an admin allows /library and /reading under Server Settings → Integrations → Marginalia.';

function summary(work: Work, extra: Pick<WorkSummary, 'reading' | 'inLibrary'> = {}): WorkSummary {
  const { id, title, shortTitle, author, date, translator, source, license, url } = work.meta;
  return {
    attribution: { workId: id, title, ...(shortTitle ? { shortTitle } : {}), author, date, translator, source, license, url },
    ...(work.meta.recipient ? { recipient: work.meta.recipient } : {}),
    passages: work.passages.length,
    footnotes: work.footnotes.length,
    chapters: work.chapters.length,
    ...extra,
  };
}

/** The works with their attribution; in a server, its own works first, each with how far the group has read. */
export function works(library: Library, { page = 0, view, serverOnly = false }: WorksRequest = {}): Answer {
  let all: WorkSummary[];
  let server: WorksAnswer['server'];
  if (view) {
    const reads = new Set(view.unguarded.corpus.works.map((w) => w.meta.id));
    const marks = new Map(view.marks.map((m) => [m.work.meta.id, `read through ${m.through}`]));
    const own = view.whole.corpus.works.filter((w) => reads.has(w.meta.id));
    const others = serverOnly ? [] : view.whole.corpus.works.filter((w) => !reads.has(w.meta.id));
    const reading = (w: Work) => marks.get(w.meta.id);
    all = [...own.map((w) => summary(w, { inLibrary: true, ...(reading(w) ? { reading: reading(w) } : {}) })), ...others.map((w) => summary(w, { inLibrary: false }))];
    server = { reads: own.length, ...(serverOnly ? { only: true, note: SHOW_FOR_EVERYONE } : {}) };
  } else all = library.corpus.works.map((w) => summary(w));
  if (all.length === 0) return notice('empty', 'There are no texts yet.');
  const pages = Math.ceil(all.length / WORKS_PAGE_SIZE);
  const again = serverOnly ? '/library show' : '/works';
  if (page < 0 || page >= pages) return notice('error', `There ${pages === 1 ? 'is 1 page' : `are ${pages} pages`} of texts, so page ${page + 1} is not there. Run ${again} again.`);
  return {
    kind: 'works',
    count: all.length,
    paging: { index: page, total: pages },
    works: all.slice(page * WORKS_PAGE_SIZE, (page + 1) * WORKS_PAGE_SIZE),
    ...(server ? { server } : {}),
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
