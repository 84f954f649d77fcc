import { sentenceSpans } from '../search/text';

/** Discord's limits, enforced here and nowhere else. */
export const LIMITS = {
  content: 2000,
  embedTitle: 256,
  embedDescription: 4096,
  embedAuthor: 256,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  fields: 25,
  embeds: 10,
  embedTotal: 6000,
  autocompleteChoices: 25,
  choiceName: 100,
  choiceValue: 100,
  customId: 100,
  buttonLabel: 80,
  threadName: 100,
} as const;

export const ELLIPSIS = '[…]';

export interface Excerpt {
  start: number;
  end: number;
}

/**
 * The part of `text` to show within `max` characters: whole sentences around the focus, or, when
 * one sentence is too long, whole words around it. Never cuts inside a word.
 */
export function excerptRange(text: string, max: number, focus?: Excerpt): Excerpt {
  if (text.length <= max) return { start: 0, end: text.length };
  const sentences = sentenceSpans(text);
  const at = focus ? Math.max(0, sentences.findIndex((s) => s.end > focus.start)) : 0;
  const first = sentences[at];
  if (!first) return wordWindow(text, max, focus ?? { start: 0, end: 0 });
  let start = first.start;
  let end = first.end;
  if (focus && focus.end > end) end = sentences.find((s) => s.end >= focus.end)?.end ?? end;
  if (end - start > max) return wordWindow(text, max, focus ?? { start, end: start });
  let before = at - 1;
  let after = sentences.findIndex((s) => s.start >= end);
  // Grow forwards first: a reader wants what follows the match more than what precedes it.
  for (let grew = true; grew; ) {
    grew = false;
    const next = after >= 0 ? sentences[after] : undefined;
    if (next && next.end - start <= max) {
      end = next.end;
      after = after + 1 < sentences.length ? after + 1 : -1;
      grew = true;
    }
    const previous = before >= 0 ? sentences[before] : undefined;
    if (previous && end - previous.start <= max) {
      start = previous.start;
      before--;
      grew = true;
    }
  }
  return { start, end };
}

/** A window of whole words around the focus, for a sentence longer than the room. */
function wordWindow(text: string, max: number, focus: Excerpt): Excerpt {
  const centre = Math.floor((focus.start + focus.end) / 2);
  let start = Math.max(0, Math.min(centre - Math.floor(max / 2), text.length - max));
  let end = Math.min(text.length, start + max);
  // A start just after a space is already a word's first letter; only a start inside a word moves on.
  if (start > 0 && text[start - 1] !== ' ') {
    const space = text.indexOf(' ', start);
    start = space < 0 || space >= end ? start : space + 1;
  }
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    end = space > start ? space : end;
  }
  return { start, end: trimEnd(text, start, end) };
}

function trimEnd(text: string, start: number, end: number): number {
  while (end > start && /\s/.test(text[end - 1] ?? '')) end--;
  return end;
}

/** Shortens text at a word boundary, marked with `mark` ("[…]" where the words are the corpus's own). */
export function clip(text: string, max: number, mark = '…'): string {
  if (text.length <= max) return text;
  const room = max - mark.length - 1;
  const cut = text.lastIndexOf(' ', room);
  // A cut must not split a Markdown escape: an odd run of backslashes at the end loses its last one.
  const kept = text.slice(0, cut > room / 2 ? cut : room).trimEnd().replace(/(?<!\\)((?:\\\\)*)\\$/, '$1');
  return `${kept} ${mark}`;
}
