import type { Attribution, Quotation } from '../answers';
import { collapseWhitespace, type MatterRole } from '../corpus';
import { escapeMarkdown } from './escape';
import { clip, ELLIPSIS, excerptRange, type Excerpt } from './limits';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "1936-08-10" reads as "10 August 1936"; anything else stays as written. */
export function formatDate(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const month = m && MONTHS[Number(m[2]) - 1];
  return m && month ? `${Number(m[3])} ${month} ${m[1]}` : date;
}

const ROLE_WORDS: Record<MatterRole, string> = {
  author: 'by the author',
  editor: 'by the editor',
  translator: 'by the translator',
  transcriber: 'by the transcriber',
  publisher: 'by the publisher',
};

/** "the translator's note", said of a note whose words are not the author's. */
export const noteRoleLabel = (role: MatterRole) => `${role}'s note`;

/**
 * Whose words these are, as the reply names them: the author, or for matter that is not the
 * author's (an editor's introduction), the section and its role, so the author is never credited.
 */
export function voice(a: Pick<Attribution, 'author' | 'role' | 'section'>): string | undefined {
  if (!a.role || a.role === 'author') return a.author;
  return `${a.section ? `${a.section} ` : ''}${ROLE_WORDS[a.role]}`.replace(/^./, (c) => c.toUpperCase());
}

/** The title replies use in headings and footers: the work's short title, on one line; /works keeps the full one. */
export const shortTitle = (a: Pick<Attribution, 'title' | 'shortTitle'>) => collapseWhitespace(a.shortTitle ?? a.title);

/**
 * A quotation's heading: the work, then the section it sits in and the sub-heading it stands under
 * ("Moby-Dick — CHAPTER 1. Loomings", "Democracy in America — Chapter XV: … — Tyranny Of The Majority").
 */
export const citationHeading = (a: Pick<Attribution, 'title' | 'shortTitle' | 'section' | 'subheading'>) =>
  [shortTitle(a), a.section, a.section && a.subheading].filter(Boolean).join(' — ');

/** Author, work, date, locator, translator, source and licence, in the bot's plain words. */
export function attributionLine(a: Attribution, { locator = true } = {}): string {
  return [
    voice(a),
    shortTitle(a),
    a.date && formatDate(a.date),
    locator && a.locator,
    a.translator && `translated by ${a.translator}`,
    a.source && `source: ${a.source}`,
    a.license && `licence: ${a.license}`,
  ]
    .filter(Boolean)
    .join(' · ');
}

/**
 * A quotation as Markdown within `max` characters: a block quote of the passage's own words,
 * excerpted at sentence (or, failing that, word) boundaries with […], matched words in bold.
 */
export type QuotedText = Pick<Quotation, 'text'> & Partial<Pick<Quotation, 'highlights' | 'focus' | 'focusOnly'>>;

export function quoteMarkdown(q: QuotedText, max: number): string {
  const within: Excerpt = q.focusOnly && q.focus ? q.focus : { start: 0, end: q.text.length };
  let room = max;
  for (let attempt = 0; attempt < 8 && room > 20; attempt++) {
    const local = excerptRange(q.text.slice(within.start, within.end), room - 2 * (ELLIPSIS.length + 1) - 2, shift(q.focus && !q.focusOnly ? q.focus : undefined, -within.start));
    const range = { start: local.start + within.start, end: local.end + within.start };
    const markdown = `> ${range.start > 0 ? `${ELLIPSIS} ` : ''}${boldSpans(q.text, range, q.highlights ?? [])}${range.end < q.text.length ? ` ${ELLIPSIS}` : ''}`;
    if (markdown.length <= max) return markdown;
    room -= markdown.length - max + 8;
  }
  return `> ${ELLIPSIS}`;
}

function shift(span: Excerpt | undefined, by: number): Excerpt | undefined {
  return span && { start: Math.max(0, span.start + by), end: Math.max(0, span.end + by) };
}

function boldSpans(text: string, range: Excerpt, highlights: readonly Excerpt[]): string {
  let out = '';
  let at = range.start;
  const spans = highlights
    .map((h) => ({ start: Math.max(h.start, range.start), end: Math.min(h.end, range.end) }))
    .filter((h) => h.end > h.start)
    .sort((a, b) => a.start - b.start);
  for (const span of spans) {
    if (span.start < at) continue;
    out += escapeMarkdown(text.slice(at, span.start));
    out += `**${escapeMarkdown(text.slice(span.start, span.end))}**`;
    at = span.end;
  }
  return out + escapeMarkdown(text.slice(at, range.end));
}

/**
 * Bot-written Markdown text (titles, field names) that may carry corpus words: clipped, then escaped,
 * so a cut never splits an escape; escapes lengthen the text, so the room shrinks until it fits.
 */
export function markdownLine(text: string, max: number): string {
  for (let room = max; ; ) {
    const markdown = escapeMarkdown(clip(text, room));
    if (markdown.length <= max || room <= 8) return markdown.length <= max ? markdown : clip(markdown, max);
    room -= markdown.length - max;
  }
}
