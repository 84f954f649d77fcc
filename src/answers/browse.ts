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

export function works(library: Library): Answer {
  if (library.corpus.works.length === 0) return notice('empty', 'There are no texts yet.');
  return {
    kind: 'works',
    works: library.corpus.works.map((w) => {
      const { id, title, author, date, translator, source, license, url } = w.meta;
      return {
        attribution: { workId: id, title, author, date, translator, source, license, url },
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
