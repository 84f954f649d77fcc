import type { Footnote, Work } from '../corpus';
import { keyOf, lookupName, suggestNames, type Mention } from '../search/names';
import { attribution, footnoteView, quotation, type Library } from './library';
import { cleanText, isNotice, MAX_NAME_LENGTH, notice, resolveWork, tooLong } from './input';
import { memoizeBy } from './memo';
import type { Answer, Credit, Quotation, WhoAnswer } from './types';

/** How many mentions a /who reply quotes; the rest are counted. */
export const SHOWN_MENTIONS = 3;
const SUGGESTIONS = 5;

export interface WhoRequest {
  name?: string;
  work?: string;
}

/**
 * Who someone is, from the texts alone, within one work if asked: the footnotes that gloss the
 * name, the passages and notes that mention it (the form the reader typed first), the works it is
 * in, and the works the metadata says they wrote or translated. A name the texts do not hold, or
 * hold only as something not near-certainly meant, gets suggestions, never another person.
 */
export function who(library: Library, request: WhoRequest): Answer {
  const work = resolveWork(library, request.work);
  if (isNotice(work)) return work;
  const name = cleanText(request.name);
  if (!name) return notice('error', 'Tell me a name, for example: /who Hernandez');
  const long = tooLong('name', name, MAX_NAME_LENGTH);
  if (long) return long;

  const scope = work?.meta.id;
  const match = lookupName(library.names, name, scope);
  const credits = creditsFor(library.corpus.works, name, scope);
  if (!match && credits.length === 0) {
    const elsewhere = work ? lookupName(library.names, name) : undefined;
    if (work && (elsewhere?.kind === 'exact' || elsewhere?.kind === 'part')) {
      return notice('empty', `${elsewhere.entries[0]?.name ?? name} is not mentioned in ${work.meta.title}.`);
    }
    const suggestions = suggestNames(library.names, name, SUGGESTIONS, scope).map((g) => g.name);
    return notice('empty', `No one named “${name}” appears in ${work ? work.meta.title : 'the texts'}.`, suggestions);
  }

  // The work that mentions the name most leads; within it, the form the reader typed.
  const entries = [...(match?.entries ?? [])].sort((a, b) => b.mentions.length - a.mentions.length);
  const typed = keyOf(name);
  const quoted: { quotation: Quotation; typed: boolean }[] = [];
  const taken = { typed: 0, other: 0 };
  const perWork: { workId: string; title: string; mentions: number }[] = [];
  let mentionCount = 0;
  let passageCount = 0;
  let noteCount = 0;
  const glosses: WhoAnswer['glosses'] = [];
  for (const entry of entries) {
    const entryWork = library.works.get(entry.workId);
    if (!entryWork) continue;
    for (const key of entry.glosses) {
      const note = entryWork.footnotes.find((f) => f.key === key);
      if (!note) continue;
      const view = footnoteView(entryWork, note);
      glosses.push({ footnote: view, attribution: noteAttribution(entryWork, note) });
    }
    for (const later of entry.later ?? []) library.held?.add(later);
    const typedForm = entry.keys.indexOf(typed);
    const { mentions: all } = entry;
    let inWork = 0;
    // A text's mentions stand side by side: each run of one passage's (or note's) mentions is one text.
    for (let next = 0; next < all.length; ) {
      const from = next;
      const first = all[from] as Mention;
      let isTyped = false;
      for (; next < all.length && all[next]?.seq === first.seq && all[next]?.note === first.note; next++) {
        if (all[next]?.form === typedForm) isTyped = true;
      }
      const to = next;
      if (first.note !== undefined && entry.glosses.includes(first.note)) continue;
      inWork += to - from;
      if (first.note === undefined) passageCount++;
      else noteCount++;
      if ((isTyped ? taken.typed : taken.other) >= SHOWN_MENTIONS) continue;
      const ref: TextRef = first.note === undefined ? { seq: first.seq ?? 0 } : { note: first.note };
      const q = mentionQuotation(library, entryWork, ref, all.slice(from, to));
      if (!q) continue;
      quoted.push({ quotation: q, typed: isTyped });
      taken[isTyped ? 'typed' : 'other']++;
    }
    mentionCount += inWork;
    if (inWork > 0) perWork.push({ workId: entry.workId, title: entryWork.meta.shortTitle ?? entryWork.meta.title, mentions: inWork });
  }
  const mentions = [...quoted.filter((q) => q.typed), ...quoted.filter((q) => !q.typed)].slice(0, SHOWN_MENTIONS).map((q) => q.quotation);
  const lead = entries[0];
  const shown = lead?.name ?? credits[0]?.name ?? name;
  const aliases = [...new Set(entries.flatMap((e) => [e.name, ...e.aliases]))].filter((a) => a !== shown);
  return {
    kind: 'who',
    query: name,
    name: shown,
    exact: match?.kind !== 'typo',
    aliases,
    glosses,
    mentions,
    mentionCount,
    passageCount,
    noteCount,
    works: perWork.sort((a, b) => b.mentions - a.mentions),
    credits,
  };
}

type TextRef = { seq: number; note?: undefined } | { seq?: undefined; note: string };

function mentionQuotation(library: Library, work: Work, ref: TextRef, spans: Mention[]): Quotation | undefined {
  const highlights = spans.map(({ start, end }) => ({ start, end }));
  const focus = highlights[0];
  if (ref.note === undefined) {
    const passage = work.passages[ref.seq];
    return passage && quotation(library, passage, { highlights, ...(focus ? { focus } : {}) });
  }
  const note = work.footnotes.find((f) => f.key === ref.note);
  if (!note) return undefined;
  // A note is quoted as itself, cited by its number; its seq is the passage that carries its marker.
  const carrier = work.passages.find((p) => p.footnoteRefs.some((r) => r.key === note.key));
  return {
    workId: work.meta.id,
    seq: carrier?.seq ?? 0,
    text: note.text,
    highlights,
    ...(focus ? { focus } : {}),
    footnotes: [],
    attribution: noteAttribution(work, note),
  };
}

/** A note's citation: its number, its section, and whose words it is. */
function noteAttribution(work: Work, note: Footnote) {
  return attribution(work, footnoteView(work, note).locator, { chapter: note.chapter, ...(note.role ? { role: note.role } : {}) });
}

/** Every name a work's metadata credits (author, translator, section authors), with the works that credit it. */
export const creditedNames = memoizeBy((works: readonly Work[]): { name: string; words: string[]; workIds: string[] }[] => {
  const credited = new Map<string, string[]>();
  for (const work of works) {
    const names = [work.meta.author, work.meta.translator, ...work.chapters.map((c) => c.author)];
    for (const name of names) if (name && !credited.get(name)?.includes(work.meta.id)) credited.set(name, [...(credited.get(name) ?? []), work.meta.id]);
  }
  return [...credited].map(([name, workIds]) => ({ name, words: keyOf(name).split(' '), workIds }));
});

/** Words that join names in a credit ("Louise and Aylmer Maude"), never a name themselves. */
const CREDIT_JOINERS = new Set(['and', 'with']);

/**
 * The works whose metadata names the reader's words as author or translator, or as the author of
 * sections (a Federalist paper): every word typed is a word of the credit as written ("Abidor",
 * "Mitch Abidor", "Aylmer Maude").
 */
function creditsFor(works: readonly Work[], query: string, workId?: string): Credit[] {
  const words = keyOf(query).split(' ').filter((w) => w && !CREDIT_JOINERS.has(w));
  if (words.length === 0) return [];
  const names = (credit: string) => words.every((w) => keyOf(credit).split(' ').includes(w));
  const credits: Credit[] = [];
  for (const work of works) {
    if (workId && work.meta.id !== workId) continue;
    const title = work.meta.shortTitle ?? work.meta.title;
    const { author, translator } = work.meta;
    if (author && names(author)) credits.push({ role: 'author', name: author, workId: work.meta.id, title });
    const sections = new Map<string, string[]>();
    for (const chapter of work.chapters) {
      if (!chapter.author || chapter.author === author || !names(chapter.author)) continue;
      sections.set(chapter.author, [...(sections.get(chapter.author) ?? []), chapter.locator || chapter.title]);
    }
    for (const [name, located] of sections) credits.push({ role: 'author', name, workId: work.meta.id, title, sections: located });
    if (translator && names(translator)) credits.push({ role: 'translator', name: translator, workId: work.meta.id, title });
  }
  return credits;
}
