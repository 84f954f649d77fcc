import type { Passage } from '../corpus';
import { searchPassages } from '../search/passages';
import { foldWord, wordSpans, type WordSpan } from '../search/text';
import { notice } from './input';
import { hitQuotation, quotation, type Library } from './library';
import type { Answer, Span } from './types';

/** How many of the search's best passages are compared word by word with the message. */
const CANDIDATES = 50;
/** A run of this many words in common (or the whole message, if shorter) means the message quotes the passage. */
const QUOTED_WORDS = 5;
/** The message's words that go to the search: enough to rank, few enough to stay fast. */
const QUERY_WORDS = 40;

export interface FindRequest {
  /** The message's text and its embeds' text, as Discord sent them; never stored. */
  text: string;
  /** Only passages this returns true for may be shown (the server's works, up to its reading mark). */
  allowed?: (passage: Passage) => boolean;
}

/** Words of a message, without what Discord adds around them: mentions, custom emoji, links. */
function messageWords(text: string): WordSpan[] {
  const plain = text.replace(/<[^<>\s]*>/g, ' ').replace(/https?:\/\/\S+/g, ' ');
  return wordSpans(plain).filter((w) => foldWord(w.word) !== '');
}

/** The longest run of words the message and the passage share, in the passage's offsets. */
function longestSharedRun(message: readonly string[], passage: Passage): { length: number; span?: Span } {
  const words = wordSpans(passage.text);
  const folded = words.map((w) => foldWord(w.word));
  let best = { length: 0, end: -1 };
  // Classic longest common substring over words, one row at a time.
  let previous = new Uint16Array(folded.length + 1);
  for (const word of message) {
    const row = new Uint16Array(folded.length + 1);
    for (let j = 1; j <= folded.length; j++) {
      if (folded[j - 1] === word) {
        row[j] = (previous[j - 1] ?? 0) + 1;
        if ((row[j] ?? 0) > best.length) best = { length: row[j] ?? 0, end: j - 1 };
      }
    }
    previous = row;
  }
  const first = words[best.end - best.length + 1];
  const last = words[best.end];
  return first && last ? { length: best.length, span: { start: first.start, end: last.end } } : { length: 0 };
}

/**
 * The passage a message quotes (a run of its words verbatim, case and accents aside), or failing
 * that the one that best matches it. Ephemeral, with a button that posts it for everyone.
 */
export function find(library: Library, request: FindRequest): Answer {
  const words = messageWords(request.text);
  if (words.length === 0) return notice('empty', 'That message has no words to look for in the texts.');
  const folded = words.map((w) => foldWord(w.word));
  const allowed = request.allowed ?? (() => true);
  // Each word once: a long message repeating itself still brings its other words to the search.
  const distinct = [...new Map(words.map((w, i) => [folded[i], w.word])).values()];
  const query = distinct.slice(0, QUERY_WORDS).join(' ');
  const hits = searchPassages(library.index, library.corpus.passages, { query, limit: CANDIDATES * 4 })
    .filter((hit) => allowed(hit.passage))
    .slice(0, CANDIDATES);
  const [best] = hits;
  if (!best) return notice('empty', 'No passage in the texts matches that message.');
  const needed = Math.min(QUOTED_WORDS, folded.length);
  let quoted: { passage: Passage; length: number; span: Span } | undefined;
  for (const hit of hits) {
    const run = longestSharedRun(folded, hit.passage);
    if (run.span && run.length >= needed && run.length > (quoted?.length ?? 0)) quoted = { passage: hit.passage, length: run.length, span: run.span };
  }
  const base = { kind: 'quote', private: true, mode: 'find' } as const;
  if (quoted) {
    return { ...base, found: 'quoted', quotation: quotation(library, quoted.passage, { highlights: [quoted.span], focus: quoted.span }) };
  }
  return { ...base, found: 'matched', quotation: hitQuotation(library, best) };
}
