import type { Corpus, Footnote, MatterRole, Passage, Work } from '../corpus';
import { createIndex, highlightSpans, type PassageHit, type PassageIndex } from '../search/passages';
import { createNameIndex, type NameIndex } from '../search/names';
import { foldWord, sentenceSpans } from '../search/text';
import { memoizeBy } from './memo';
import type { Attribution, FootnoteView, Quotation, Span } from './types';

/** Everything the answers read: the corpus and its indexes, built once. */
export interface Library {
  corpus: Corpus;
  index: PassageIndex;
  names: NameIndex;
  works: Map<string, Work>;
  /**
   * In a server's view, for one answer: the passages (by corpus index) that matched but lie past a
   * reading mark. Searches and /who add to it as they go, so the reply can say how many were held
   * back without answering twice.
   */
  held?: Set<number>;
}

export interface BuiltIndexes {
  index: PassageIndex;
  names: NameIndex;
}

export function createLibrary(corpus: Corpus, built?: BuiltIndexes): Library {
  return {
    corpus,
    index: built?.index ?? createIndex(corpus.passages),
    names: built?.names ?? createNameIndex(corpus),
    works: new Map(corpus.works.map((w) => [w.meta.id, w])),
  };
}

/** Labels that more than one chapter defines: notes numbered afresh in each chapter. */
export const chapterScopedLabels = memoizeBy((work: Work): Set<string> => {
  const seen = new Map<string, number>();
  for (const f of work.footnotes) seen.set(f.label, (seen.get(f.label) ?? 0) + 1);
  return new Set([...seen].filter(([, n]) => n > 1).map(([label]) => label));
});

/** The section's locator ("bk. 9 ch. 3"), or "" for a passage outside any. */
export function sectionLocator(work: Work, chapter: number): string {
  return (chapter > 0 && work.chapters[chapter - 1]?.locator) || '';
}

/** "bk. 9 ch. 3 ¶ 4", "ch. 3 ¶ 12" or "¶ 4". */
export function passageLocator(work: Work, passage: Passage): string {
  const section = sectionLocator(work, passage.chapter);
  return section ? `${section} ¶ ${passage.n}` : `¶ ${passage.n}`;
}

/** "chapter:label" of the labels a chapter uses for more than one note. */
const repeatedInChapter = memoizeBy(
  (work: Work): Set<string> => new Set(work.footnotes.filter((f) => f.occurrence > 1).map((f) => `${f.chapter}:${f.label}`)),
);

const ordinal = (n: number) => `${n}${n % 10 === 1 && n % 100 !== 11 ? 'st' : n % 10 === 2 && n % 100 !== 12 ? 'nd' : n % 10 === 3 && n % 100 !== 13 ? 'rd' : 'th'}`;

export function footnoteView(work: Work, footnote: Footnote): FootnoteView {
  const scoped = footnote.chapter > 0 && chapterScopedLabels(work).has(footnote.label);
  const section = sectionLocator(work, footnote.chapter);
  const base = scoped && section ? `${section} n. ${footnote.label}` : `n. ${footnote.label}`;
  const repeated = repeatedInChapter(work).has(`${footnote.chapter}:${footnote.label}`);
  return {
    workId: work.meta.id,
    key: footnote.key,
    label: footnote.label,
    chapter: footnote.chapter,
    locator: repeated ? `${base} (${ordinal(footnote.occurrence)})` : base,
    text: footnote.text,
    ...(footnote.role ? { role: footnote.role } : {}),
  };
}

/** Where a passage or note sits, for its attribution: its section's title, whose words it is, and by whom. */
export interface Placement {
  chapter?: number;
  role?: MatterRole;
  author?: string;
  /** The sub-headings inside the section a passage stands under. */
  subheading?: string;
}

export function attribution(work: Work, locator: string, placement: Placement = {}): Attribution {
  const { id, title, shortTitle, author, date, translator, source, license, url } = work.meta;
  const section = placement.chapter ? work.chapters[placement.chapter - 1]?.title : undefined;
  const by = placement.author ?? author;
  return {
    workId: id,
    title,
    ...(shortTitle ? { shortTitle } : {}),
    ...(by ? { author: by } : {}),
    date,
    translator,
    source,
    license,
    url,
    locator,
    ...(section ? { section } : {}),
    ...(section && placement.subheading ? { subheading: placement.subheading } : {}),
    ...(placement.role ? { role: placement.role } : {}),
  };
}

export function quotation(library: Library, passage: Passage, extra: { highlights?: Span[]; focus?: Span; focusOnly?: boolean } = {}): Quotation {
  const work = library.works.get(passage.workId) as Work;
  const footnotes = passage.footnoteRefs.flatMap((ref) => {
    const note = work.footnotes.find((f) => f.key === ref.key);
    return note ? [footnoteView(work, note)] : [];
  });
  return {
    workId: passage.workId,
    seq: passage.seq,
    text: passage.text,
    highlights: extra.highlights ?? [],
    ...(extra.focus ? { focus: extra.focus } : {}),
    ...(extra.focusOnly ? { focusOnly: true } : {}),
    footnotes: [...new Map(footnotes.map((f) => [f.key, f])).values()],
    attribution: attribution(work, passageLocator(work, passage), passage),
  };
}

/** A search hit quoted with its matched words in bold, excerpted around its best-matching sentence. */
export function hitQuotation(library: Library, hit: PassageHit): Quotation {
  const highlights = highlightSpans(hit.passage, hit.terms);
  const focus = bestSentence(hit.passage.text, highlights);
  return quotation(library, hit.passage, { highlights, ...(focus ? { focus } : {}) });
}

/** The sentence holding the most different matched words (then the most matches): what an excerpt must show. */
function bestSentence(text: string, highlights: Span[]): Span | undefined {
  let best: { span: Span; distinct: number; count: number } | undefined;
  for (const span of sentenceSpans(text)) {
    const inside = highlights.filter((h) => h.start >= span.start && h.end <= span.end);
    if (!inside.length) continue;
    const distinct = new Set(inside.map((h) => foldWord(text.slice(h.start, h.end)))).size;
    if (!best || distinct > best.distinct || (distinct === best.distinct && inside.length > best.count)) best = { span, distinct, count: inside.length };
  }
  return best?.span ?? highlights[0];
}
