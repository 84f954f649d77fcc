import { collapseWhitespace, type Work } from '../corpus';
import { foldPhrase } from '../search/text';
import type { Library } from './library';
import type { NoticeAnswer } from './types';

export const MAX_QUERY_LENGTH = 200;
export const MAX_NAME_LENGTH = 100;

export const notice = (tone: NoticeAnswer['tone'], message: string, suggestions?: string[]): NoticeAnswer => ({
  kind: 'notice',
  tone,
  message,
  ...(suggestions?.length ? { suggestions } : {}),
});

/** Collapses whitespace; an absent or blank value is undefined. */
export function cleanText(value: string | undefined): string | undefined {
  const text = value === undefined ? undefined : collapseWhitespace(value);
  return text ? text : undefined;
}

export function tooLong(what: string, text: string, max: number): NoticeAnswer | undefined {
  return text.length > max
    ? notice('error', `That ${what} is ${text.length} characters long; please keep it to ${max} or fewer.`)
    : undefined;
}

/** A work named by id (as autocomplete sends it) or by title, exactly or by a unique beginning. */
export function resolveWork(library: Library, input: string | undefined): Work | NoticeAnswer | undefined {
  const wanted = cleanText(input);
  if (!wanted) return undefined;
  const byId = library.works.get(wanted) ?? library.works.get(wanted.toLowerCase());
  if (byId) return byId;
  const folded = foldPhrase(wanted);
  const works = library.corpus.works;
  const exact = works.find((w) => foldPhrase(w.meta.title) === folded);
  if (exact) return exact;
  const starting = works.filter((w) => folded && foldPhrase(w.meta.title).startsWith(folded));
  if (starting.length === 1) return starting[0];
  return notice('error', `There is no work called “${wanted}”. Use /works to see the texts and their ids.`);
}

export const isNotice = (value: unknown): value is NoticeAnswer =>
  typeof value === 'object' && value !== null && (value as { kind?: string }).kind === 'notice';
