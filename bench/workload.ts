import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { Corpus } from '../src/corpus';
import type { NameIndex } from '../src/search/names';
import { wordSpans } from '../src/search/text';

/** Fixed, so that every run and every engine sees the same queries. */
export const SEED = 20261126;

export interface Workload {
  /** Words taken from the texts, some with typos, some names: what /quote and /search receive. */
  searches: string[];
  /** Prefixes of those searches, as autocomplete sees them while a reader types. */
  typing: string[];
  /** Names as readers type them for /who, some misspelt, some absent from the texts. */
  names: string[];
  /** Footnote numbers as typed for /footnote, some out of range. */
  footnotes: { number: string; work?: string; chapter?: number }[];
}

type Rng = () => (from: number, to: number) => number;

const generator: Rng = () => {
  const rng = xoroshiro128plus(SEED);
  return (from, to) => uniformInt(rng, from, to);
};

/** One edit a hurried reader makes: a letter dropped, doubled, swapped or mistyped. */
function misspell(word: string, int: (from: number, to: number) => number): string {
  const at = int(1, word.length - 2);
  switch (int(0, 3)) {
    case 0:
      return word.slice(0, at) + word.slice(at + 1);
    case 1:
      return word.slice(0, at) + (word[at] ?? '') + word.slice(at);
    case 2:
      return word.slice(0, at) + (word[at + 1] ?? '') + (word[at] ?? '') + word.slice(at + 2);
    default:
      return word.slice(0, at) + String.fromCharCode(97 + int(0, 25)) + word.slice(at + 1);
  }
}

export function createWorkload(corpus: Corpus, names: NameIndex, size = { searches: 1200, names: 400, footnotes: 300 }): Workload {
  const int = generator();
  const pick = <T>(items: readonly T[]): T => items[int(0, items.length - 1)] as T;
  const passages = corpus.passages.filter((p) => wordSpans(p.text).length >= 8);

  const searches: string[] = [];
  for (let i = 0; i < size.searches; i++) {
    const words = wordSpans(pick(passages).text).map((s) => s.word);
    const length = int(2, 5);
    const start = int(0, words.length - length);
    const phrase = words.slice(start, start + length);
    // A third of the queries carry a typo in one longer word.
    if (i % 3 === 1) {
      const long = phrase.findIndex((w) => w.length >= 6);
      if (long >= 0) phrase[long] = misspell(phrase[long] as string, int);
    }
    // Every sixth query is a person's name, as readers also search for people.
    searches.push(i % 6 === 5 && names.entries.length ? pick(names.entries).name : phrase.join(' '));
  }

  const typing = searches.map((q) => q.slice(0, int(Math.min(3, q.length), q.length)));

  const people = names.entries.filter((e) => e.mentions.length > 0 || e.glosses.length > 0);
  const nameQueries: string[] = [];
  for (let i = 0; i < size.names; i++) {
    const entry = pick(people);
    const form = pick(entry.aliases.length ? entry.aliases : [entry.name]);
    nameQueries.push(i % 4 === 1 && form.length >= 6 ? misspell(form, int) : i % 10 === 9 ? `Nobody${int(0, 999)} Unheard` : form);
  }

  const notes = corpus.works.flatMap((w) => w.footnotes.map((f) => ({ work: w.meta.id, label: f.label, chapter: f.chapter })));
  const footnotes: Workload['footnotes'] = [];
  for (let i = 0; notes.length && i < size.footnotes; i++) {
    const note = pick(notes);
    if (i % 10 === 9) footnotes.push({ number: String(int(500, 5000)) });
    else footnotes.push({ number: note.label, work: note.work, ...(note.chapter ? { chapter: note.chapter } : {}) });
  }
  return { searches, typing, names: nameQueries, footnotes };
}
