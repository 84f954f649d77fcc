import { lookupName, suggestNames, type Mention, type NameEntry } from '../search/names';
import { attribution, footnoteView, quotation, type Library } from './library';
import { cleanText, isNotice, MAX_NAME_LENGTH, notice, resolveWork, tooLong } from './input';
import type { Answer } from './types';

/** How many mentions a /who reply quotes; the rest are counted. */
export const SHOWN_MENTIONS = 3;
const SUGGESTIONS = 5;

export interface WhoRequest {
  name?: string;
  work?: string;
}

export function who(library: Library, request: WhoRequest): Answer {
  const work = resolveWork(library, request.work);
  if (isNotice(work)) return work;
  const name = cleanText(request.name);
  if (!name) return notice('error', 'Tell me a name, for example: /who Hernandez');
  const long = tooLong('name', name, MAX_NAME_LENGTH);
  if (long) return long;

  const match = lookupName(library.names, name);
  if (!match) {
    const suggestions = suggestNames(library.names, name, SUGGESTIONS).map((e) => e.name);
    return notice('empty', `No one named “${name}” appears in the texts.`, suggestions);
  }
  const { entry } = match;
  const exact = match.exact || partOfOneName(library, entry, name);
  const inScope = (workId: string) => !work || workId === work.meta.id;

  const byPassage = new Map<number, Mention[]>();
  for (const mention of entry.mentions) {
    if (mention.passageIndex === undefined) continue;
    const passage = library.corpus.passages[mention.passageIndex];
    if (!passage || !inScope(passage.workId)) continue;
    byPassage.set(mention.passageIndex, [...(byPassage.get(mention.passageIndex) ?? []), mention]);
  }
  const glosses = entry.glosses.flatMap((g) => {
    const glossWork = library.works.get(g.workId);
    const note = glossWork?.footnotes.find((f) => f.key === g.key);
    if (!glossWork || !note || !inScope(g.workId)) return [];
    const view = footnoteView(glossWork, note);
    return [{ footnote: view, attribution: attribution(glossWork, view.locator) }];
  });
  if (byPassage.size === 0 && glosses.length === 0) {
    return notice('empty', `${entry.name} is not mentioned in ${work?.meta.title ?? 'the texts'}.`);
  }

  const mentions = [...byPassage].slice(0, SHOWN_MENTIONS).flatMap(([index, spans]) => {
    const passage = library.corpus.passages[index];
    if (!passage) return [];
    const highlights = spans.map(({ start, end }) => ({ start, end }));
    return [quotation(library, passage, { highlights, ...(highlights[0] ? { focus: highlights[0] } : {}) })];
  });
  return {
    kind: 'who',
    query: name,
    name: entry.name,
    exact,
    aliases: entry.aliases.filter((a) => a !== entry.name),
    glosses,
    mentions,
    mentionCount: [...byPassage.values()].reduce((n, spans) => n + spans.length, 0),
    passageCount: byPassage.size,
  };
}

/**
 * "Natalia" or "Leon" is part of one person's name as the texts write it, not a misspelling: true
 * when the query's words, exactly, are among the names of `entry` and of no other entry.
 */
function partOfOneName(library: Library, entry: NameEntry, query: string): boolean {
  const holders = library.names.search.search(query, { combineWith: 'AND', prefix: false, fuzzy: false });
  return holders.length === 1 && holders[0]?.id === entry.id;
}
