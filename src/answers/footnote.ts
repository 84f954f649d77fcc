import { FOOTNOTE_LABEL_CHARS, MAX_FOOTNOTE_LABEL, type Footnote, type Work } from '../corpus';
import { sentenceSpans } from '../search/text';
import { chapterScopedLabels, footnoteView, quotation, type Library } from './library';
import { cleanText, isNotice, notice, resolveWork } from './input';
import type { Answer } from './types';

/** `[^label]` for the longest label the corpus accepts. */
const MAX_FOOTNOTE_INPUT = MAX_FOOTNOTE_LABEL + 3;
/**
 * "3", "n. 3", "note 3", "[3]", "[^3]", "a", "ch. 2 n. 3", and "ch. 4 n. m (2nd)" for a letter a chapter uses twice.
 * The label's characters are the corpus's own rule, so every label the corpus accepts can be asked for.
 */
const FOOTNOTE_INPUT = new RegExp(
  `^(?:ch(?:apter)?\\.?\\s*(\\d+)\\s*,?\\s*)?(?:n(?:ote)?\\.?\\s*|#\\s*)?\\[?\\^?([${FOOTNOTE_LABEL_CHARS}]+?)\\]?\\.?(?:\\s*\\(?(\\d+)(?:st|nd|rd|th)\\)?)?$`,
  'iu',
);

export interface FootnoteRequest {
  number?: string;
  work?: string;
  chapter?: number;
}

export function footnote(library: Library, request: FootnoteRequest): Answer {
  const work = resolveWork(library, request.work);
  if (isNotice(work)) return work;
  const works = work ? [work] : library.corpus.works;
  const range = describeRanges(works);
  const input = cleanText(request.number);
  if (!input) return notice('error', `Tell me which footnote, for example: /footnote 3. ${range}`);
  if (input.length > MAX_FOOTNOTE_INPUT) return notice('error', `That is not a footnote number. ${range}`);
  const parsed = FOOTNOTE_INPUT.exec(input);
  const label = parsed?.[2];
  if (!parsed || !label) return notice('error', `“${input}” is not a footnote number. ${range}`);
  if (/^-\d+$|^0+$/.test(label) || /^-/.test(input)) return notice('error', `Footnote numbers start at 1. ${range}`);
  const chapter = request.chapter ?? (parsed[1] ? Number(parsed[1]) : undefined);
  const occurrence = parsed[3] ? Number(parsed[3]) : undefined;

  if (chapter !== undefined) {
    const withChapters = works.filter((w) => w.chapters.length > 0);
    if (chapter < 1 || !withChapters.some((w) => chapter <= w.chapters.length)) {
      const sizes = withChapters.map((w) => `${w.meta.title} has chapters 1–${w.chapters.length}`);
      return notice('error', `There is no chapter ${chapter}. ${sizes.length ? `${sizes.join('; ')}.` : 'The texts have no chapters.'}`);
    }
  }

  const candidates = works.flatMap((w) =>
    w.footnotes
      .filter(
        (f) =>
          f.label.toLowerCase() === label.toLowerCase() &&
          (chapter === undefined || f.chapter === chapter) &&
          (occurrence === undefined || f.occurrence === occurrence),
      )
      .map((f) => ({ work: w, note: f })),
  );
  if (candidates.length === 0) {
    const where = chapter !== undefined ? ` in chapter ${chapter}` : work ? ` in ${work.meta.title}` : '';
    const what = /^\d+$/.test(label) ? `There is no footnote ${label}${where}.` : `“${input}” is not a footnote${where}.`;
    return notice('error', `${what} ${range}`);
  }

  const inWorks = [...new Set(candidates.map((c) => c.work))];
  if (inWorks.length > 1) {
    const titles = inWorks.map((w) => `${w.meta.title} (work:${w.meta.id})`).join(', ');
    return notice('error', `Footnote ${label} appears in ${inWorks.length} works: ${titles}. Add work: to choose one.`);
  }
  const chapters = [...new Set(candidates.map((c) => c.note.chapter))];
  if (candidates.length > 1 && chapters.length === 1) {
    // One chapter marks several notes with this letter: name each so the reader can pick.
    const choices = candidates.map((c) => `/footnote ${footnoteView(c.work, c.note).locator}`).join(', ');
    return notice('error', `Chapter ${chapters[0]} of ${inWorks[0]?.meta.title} has ${candidates.length} footnotes marked ${label}. Choose one: ${choices}.`);
  }
  if (candidates.length > 1) {
    return notice(
      'error',
      `${inWorks[0]?.meta.title} has a footnote ${label} in chapters ${chapters.join(', ')}. Add chapter: to choose, for example /footnote ${label} chapter:${chapters[0]}.`,
    );
  }
  const found = candidates[0];
  return found ? footnoteAnswer(library, found.work, found.note) : notice('error', range);
}

function footnoteAnswer(library: Library, work: Work, note: Footnote): Answer {
  const view = footnoteView(work, note);
  for (const passage of work.passages) {
    const ref = passage.footnoteRefs.find((r) => r.key === note.key);
    if (!ref) continue;
    const anchor = quotation(library, passage, { highlights: [{ start: ref.start, end: ref.end }], focus: markerSentence(passage.text, ref), focusOnly: true });
    return { kind: 'footnote', footnote: view, anchor };
  }
  // The validator guarantees every note is referenced; this only guards a hand-built corpus.
  return notice('error', `Footnote ${note.label} of ${work.meta.title} is not attached to any passage.`);
}

/** A sentence shorter than this says too little alone: the one before it is shown too. */
const MIN_SENTENCE_WORDS = 8;
/** How far an emphasis mark may be from the sentence and still be the other half of its pair. */
const MAX_EMPHASIS_REACH = 200;
/** What may stand between a sentence's end and a marker that still belongs to it: closing quotes, brackets, emphasis. */
const CLOSERS = /^[\s"'”’»)\]_*]*$/;
const TRAILING_CLOSERS = /^[.,;:!?"'”’»)\]_*]+/;

/**
 * The sentence a footnote marker hangs on: the one the marker closes. A marker after `.`, `!`, `?`,
 * a closing quote or an abbreviation ("N.I.[1]") belongs to the sentence before it, which the
 * segmenter would otherwise end before the marker. A short sentence brings the one before it, and
 * the span never cuts a pair of the text's own emphasis marks in half.
 */
export function markerSentence(text: string, ref: { start: number; end: number }): { start: number; end: number } {
  const sentences = sentenceSpans(text);
  let at = sentences.findIndex((s) => s.start <= ref.start && ref.start < s.end);
  if (at < 0) at = sentences.length - 1;
  const own = sentences[at];
  if (!own) return { start: 0, end: text.length };
  if (at > 0 && CLOSERS.test(text.slice(own.start, ref.start))) at--;
  let start = sentences[at]?.start ?? own.start;
  let end = Math.max(sentences[at]?.end ?? own.end, ref.end);
  if (end === ref.end) end += TRAILING_CLOSERS.exec(text.slice(end))?.[0].length ?? 0;
  const words = (from: number) => text.slice(from, end).split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  for (let before = at - 1; before >= 0 && words(start) < MIN_SENTENCE_WORDS; before--) start = sentences[before]?.start ?? start;
  // A short sentence that opens its passage ("“Gott, wie naiv!”[18]") is read with the words that follow it.
  for (let after = at + 1; after < sentences.length && words(start) < MIN_SENTENCE_WORDS; after++) end = Math.max(end, sentences[after]?.end ?? end);
  // The text's own `_italics_` stay whole: an odd count means the span cuts a pair. (`*` is no pair in
  // these books: it marks notes, "*r".) A pair further off than a sentence's length is not this one.
  if ((text.slice(start, end).split('_').length - 1) % 2 === 1) {
    const opening = text.lastIndexOf('_', start - 1);
    const closing = text.indexOf('_', end);
    const near = (at: number, from: number) => at >= 0 && Math.abs(at - from) <= MAX_EMPHASIS_REACH;
    if (near(opening, start) && (!near(closing, end) || start - opening <= closing - end)) start = Math.max(0, text.lastIndexOf(' ', opening) + 1);
    else if (near(closing, end)) end = closing + 1;
  }
  return { start, end: end > text.length ? text.length : end };
}

/** "Letter to Leon Trotsky has footnotes 1–4." for each work in scope. */
export function describeRanges(works: readonly Work[]): string {
  const parts = works.filter((w) => w.footnotes.length).map((w) => {
    const labels = [...new Set(w.footnotes.map((f) => f.label))];
    const list = describeLabels(labels);
    return chapterScopedLabels(w).size
      ? `${w.meta.title} numbers its footnotes afresh in each chapter (${list})`
      : `${w.meta.title} has footnote${labels.length === 1 ? '' : 's'} ${list}`;
  });
  if (parts.length) return `${parts.join('; ')}.`;
  const only = works.length === 1 ? works[0] : undefined;
  return only ? `${only.meta.title} has no footnotes.` : 'The texts have no footnotes.';
}

function describeLabels(labels: string[]): string {
  const numbers = labels.map(Number);
  if (numbers.every((n) => Number.isInteger(n))) {
    const sorted = [...numbers].sort((a, b) => a - b);
    const first = sorted[0];
    const last = sorted.at(-1);
    if (first !== undefined && last !== undefined && last - first + 1 === sorted.length) {
      return first === last ? `${first}` : `${first}–${last}`;
    }
    return sorted.length > 12 ? `${sorted.slice(0, 12).join(', ')}, …` : sorted.join(', ');
  }
  return labels.length > 12 ? `${labels.slice(0, 12).join(', ')}, …` : labels.join(', ');
}
