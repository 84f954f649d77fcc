import MiniSearch from 'minisearch';
import type { Corpus, Footnote, Passage, PersonAliases, Work } from '../corpus';
import { foldWord, processTerm, tokenize, wordSpans } from './text';

/** Where a name stands: in a passage, or in a footnote. */
export interface Mention {
  passageIndex?: number;
  footnote?: { workId: string; key: string };
  start: number;
  end: number;
}

export interface NameEntry {
  id: number;
  /** How the entry is shown: people.yml's name, a footnote's gloss, or the fullest form in the texts. */
  name: string;
  /** Every form that refers to this entry, as written. */
  aliases: string[];
  /** Footnotes that gloss the name ("Jesus Hernandez, leader of …"). */
  glosses: { workId: string; key: string }[];
  mentions: Mention[];
}

export interface NameIndex {
  entries: NameEntry[];
  /** Folded alias → entry id. */
  byKey: Map<string, number>;
  search: MiniSearch<{ id: number; names: string }>;
}

export interface NameMatch {
  entry: NameEntry;
  exact: boolean;
}

const MONTHS_AND_DAYS = new Set(
  'january february march april may june july august september october november december monday tuesday wednesday thursday friday saturday sunday'.split(' '),
);
/** Particles that may sit inside a name: "Alexis de Tocqueville", "Ludwig van Beethoven". */
const PARTICLES = new Set(['de', 'du', 'des', 'van', 'von', 'der', 'da', 'di', 'le', 'la', 'del', 'y']);
/** A capitalised word of two letters or more; "O’Brien" keeps its apostrophe, "I’ll" is no name. */
const CAPITALISED = /^(?:\p{Lu}['’])?\p{Lu}[\p{Ll}\p{M}-]+(?:\[\p{Ll}+\][\p{Ll}]*)?$/u;
const GLOSS = /^((?:\p{Lu}[\p{L}\p{M}'’.-]*)(?:\s+(?:(?:de|van|von|la|le|du)\s+)?\p{Lu}[\p{L}\p{M}'’.-]*)+)\s*(?:[,.;:(]|$)/u;

const keyOf = (form: string) => tokenize(form).map(foldWord).filter(Boolean).join(' ');
const nameSearchOptions = {
  fields: ['names'],
  storeFields: [],
  processTerm: (term: string) => foldWord(term) || null,
  tokenize,
  searchOptions: { prefix: true, fuzzy: 0.34 },
};

/**
 * Builds the name index from the texts alone: people.yml aliases, the names footnotes gloss
 * (linked to the word their marker sits on), and capitalised names in passages. Each work's names
 * are found in that work alone and then joined, as the index cache joins its per-work parts.
 */
export function createNameIndex(corpus: Corpus): NameIndex {
  return joinNameParts(corpus.works.map((work) => ({ data: workNameData(work, corpus.people), offset: work.passages[0]?.index ?? 0 })));
}

/**
 * One work's names, found in it alone, with each mention's `passageIndex` counted from the work's
 * first passage: a part of the name index that holds whatever else the corpus contains.
 */
export function workNameData(work: Work, people: PersonAliases[]): NameIndexData {
  const base = work.passages[0]?.index ?? 0;
  const data = findNames({ works: [work], passages: work.passages, people });
  for (const entry of data.entries) for (const m of entry.mentions) if (m.passageIndex !== undefined) m.passageIndex -= base;
  return data;
}

/** One work's part of the name index and the global index of its first passage. */
export interface NamePart {
  data: NameIndexData;
  offset: number;
}

/**
 * Joins the works' names into one index: entries that share a form ("Hernandez") become one,
 * named by a footnote's gloss where a work has one; mentions are moved to global passage indexes.
 */
export function joinNameParts(parts: readonly NamePart[]): NameIndex {
  const entries: NameEntry[] = [];
  const byKey = new Map<string, number>();
  for (const { data, offset } of parts) {
    const keysOf = new Map<number, string[]>();
    for (const [key, id] of data.keys) keysOf.set(id, [...(keysOf.get(id) ?? []), key]);
    for (const entry of data.entries) {
      const keys = keysOf.get(entry.id) ?? [];
      const mentions = entry.mentions.map((m) => (m.passageIndex === undefined ? m : { ...m, passageIndex: m.passageIndex + offset }));
      const known = keys.map((k) => byKey.get(k)).find((id) => id !== undefined);
      let target = known === undefined ? undefined : entries[known];
      if (!target) {
        target = { id: entries.length, name: entry.name, aliases: [], glosses: [], mentions: [] };
        entries.push(target);
      } else if (!target.glosses.length && entry.glosses.length) target.name = entry.name;
      for (const alias of entry.aliases) if (!target.aliases.includes(alias)) target.aliases.push(alias);
      target.glosses.push(...entry.glosses);
      target.mentions.push(...mentions);
      for (const key of keys) if (!byKey.has(key)) byKey.set(key, target.id);
    }
  }
  return assembleNameIndex(entries, byKey);
}

function findNames(corpus: Pick<Corpus, 'works' | 'passages' | 'people'>): NameIndexData {
  const entries: NameEntry[] = [];
  const byKey = new Map<string, number>();
  const entryFor = (name: string): NameEntry => {
    const existing = byKey.get(keyOf(name));
    if (existing !== undefined) return entries[existing] as NameEntry;
    const entry: NameEntry = { id: entries.length, name, aliases: [], glosses: [], mentions: [] };
    entries.push(entry);
    addAlias(entry, name);
    return entry;
  };
  const addAlias = (entry: NameEntry, form: string) => {
    const key = keyOf(form);
    if (!key || byKey.has(key)) return;
    byKey.set(key, entry.id);
    entry.aliases.push(form);
  };

  const listed = new Set<number>();
  for (const person of corpus.people) {
    const entry = entryFor(person.name);
    listed.add(entry.id);
    for (const alias of person.aliases) addAlias(entry, alias);
  }

  const footnotes = new Map<string, Footnote>();
  for (const work of corpus.works) for (const f of work.footnotes) footnotes.set(`${work.meta.id}\u0000${f.key}`, f);
  for (const passage of corpus.passages) {
    for (const ref of passage.footnoteRefs) {
      const footnote = footnotes.get(`${passage.workId}\u0000${ref.key}`);
      const glossed = footnote && GLOSS.exec(footnote.text)?.[1];
      if (!footnote || !glossed) continue;
      const entry = entryFor(glossed);
      if (!entry.glosses.some((g) => g.workId === footnote.workId && g.key === footnote.key)) {
        entry.glosses.push({ workId: footnote.workId, key: footnote.key });
      }
      const marked = markedName(passage, ref.start);
      if (marked) addAlias(entry, marked);
    }
  }

  for (const form of capitalisedNames(corpus.passages)) {
    if (!byKey.has(keyOf(form))) entryFor(form);
  }
  foldSurnames(entries, byKey, listed);
  collectMentions(corpus, entries, byKey);

  const kept = entries.filter((e) => e.mentions.length > 0 || e.glosses.length > 0);
  const renumbered = new Map(kept.map((e, i) => [e.id, i]));
  kept.forEach((e, i) => (e.id = i));
  const keys = new Map<string, number>();
  for (const [key, id] of byKey) {
    const to = renumbered.get(id);
    if (to !== undefined) keys.set(key, to);
  }
  return { entries: kept, keys: [...keys] };
}

/** The serialisable part of a name index; the fuzzy search over it is rebuilt on load. */
export interface NameIndexData {
  entries: NameEntry[];
  keys: [string, number][];
}

function assembleNameIndex(entries: NameEntry[], byKey: Map<string, number>): NameIndex {
  const search = new MiniSearch<{ id: number; names: string }>(nameSearchOptions);
  search.addAll(entries.map((e) => ({ id: e.id, names: e.aliases.join(' ') })));
  return { entries, byKey, search };
}

/** The name a footnote marker is attached to: the capitalised words or initials just before it. */
function markedName(passage: Passage, markerStart: number): string | undefined {
  const before = passage.text.slice(Math.max(0, markerStart - 60), markerStart).trimEnd();
  const m = /((?:\p{Lu}\.){2,}|(?:\p{Lu}[\p{L}\p{M}'’-]*\s+)*\p{Lu}[\p{L}\p{M}'’-]*)$/u.exec(before);
  return m?.[1];
}

/**
 * Capitalised words that are names rather than sentence openers: a single word must appear
 * capitalised mid-sentence and never in lower case; a run of several is a name as it stands.
 */
function capitalisedNames(passages: readonly Passage[]): string[] {
  const lowercase = new Set<string>();
  const midSentence = new Set<string>();
  const runs: { words: string[]; sentenceStart: boolean }[] = [];
  for (const passage of passages) {
    const spans = wordSpans(passage.text);
    let run: string[] = [];
    let runStartsSentence = false;
    let previousEnd = 0;
    // "1. We revolutionary Marxists": a word right after a leading number opens a sentence.
    const numbered = /^\s*\d+\.\s*/.exec(passage.text)?.[0].length;
    const endRun = () => {
      if (run.length) runs.push({ words: run, sentenceStart: runStartsSentence });
      run = [];
    };
    for (const span of spans) {
      const gap = passage.text.slice(previousEnd, span.start);
      const sentenceStart = previousEnd === 0 || /[.!?:"“]\s*$/.test(gap) || span.start === numbered;
      previousEnd = span.end;
      const possessive = /['’]s$/.test(span.word);
      const word = span.word.replace(/['’]s$/, '');
      const folded = foldWord(word);
      if (!CAPITALISED.test(word) || MONTHS_AND_DAYS.has(folded)) {
        if (/^\p{Ll}/u.test(word)) lowercase.add(folded);
        if (run.length && PARTICLES.has(word) && !/[,;.!?]/.test(gap)) {
          run.push(word);
          continue;
        }
        endRun();
        continue;
      }
      if (run.length && /[^\s]/.test(gap)) endRun();
      if (!run.length) runStartsSentence = sentenceStart;
      if (!sentenceStart) midSentence.add(folded);
      run.push(word);
      if (possessive) endRun();
    }
    endRun();
  }
  const names = new Map<string, number>();
  // Runs are trimmed of stop words ("The"); a lone word must also never appear in lower case ("Revolution").
  const isName = (w: string) => processTerm(w) !== null && !PARTICLES.has(w);
  for (const { words, sentenceStart } of runs) {
    let start = 0;
    // "Dear Leon", "Although Serge": a sentence's first word is only part of a name if it is capitalised elsewhere too.
    // "Sometimes Pierre": a sentence's first word that is also written in lower case is no part of a name either.
    const first = foldWord(words[0] ?? '');
    if (sentenceStart && words.length > 1 && (!midSentence.has(first) || lowercase.has(first))) start = 1;
    while (start < words.length && !isName(words[start] ?? '')) start++;
    let end = words.length;
    while (end > start && !isName(words[end - 1] ?? '')) end--;
    const name = words.slice(start, end);
    if (name.length === 0) continue;
    const lone = foldWord(name[0] ?? '');
    if (name.length === 1 && (!midSentence.has(lone) || lowercase.has(lone))) continue;
    // "Why The President Of The United States Does Not Require…": title case, not a name.
    if (name.length > LONGEST_NAME_WORDS) continue;
    const joined = name.join(' ');
    names.set(joined, (names.get(joined) ?? 0) + 1);
  }
  // "In Moscow Pierre found…": two names side by side, each far more often alone, are not one name.
  const adjacent = (name: string, count: number) => {
    const words = name.split(' ');
    return words.length > 1 && words.every((w) => (names.get(w) ?? 0) >= ADJACENT_NAMES_RATIO * count);
  };
  return [...names].filter(([name, count]) => !adjacent(name, count)).map(([name]) => name);
}

/** "Prince Nicholas Andréevich Bolkónski" has four; a longer run of capitals is a title. */
const LONGEST_NAME_WORDS = 5;

/** How much more often each part must stand alone for a run of names to count as separate names. */
const ADJACENT_NAMES_RATIO = 5;

/**
 * A lone surname with exactly one glossed or listed person ending in it ("Hernandez", "Jesus Hernandez")
 * is that person. Unglossed runs are left apart: "Stalinist" is not "Spanish Stalinist".
 */
function foldSurnames(entries: NameEntry[], byKey: Map<string, number>, listed: ReadonlySet<number>): void {
  const byLastWord = new Map<string, NameEntry[]>();
  for (const entry of entries) {
    if (!listed.has(entry.id) && entry.glosses.length === 0) continue;
    for (const alias of entry.aliases) {
      const words = keyOf(alias).split(' ');
      const last = words.at(-1);
      if (words.length > 1 && last) byLastWord.set(last, [...(byLastWord.get(last) ?? []), entry]);
    }
  }
  for (const entry of entries) {
    const key = keyOf(entry.name);
    if (key.includes(' ') || entry.glosses.length || entry.aliases.length > 1) continue;
    const fuller = [...new Set(byLastWord.get(key) ?? [])].filter((e) => e !== entry);
    const target = fuller[0];
    if (fuller.length !== 1 || !target) continue;
    target.aliases.push(...entry.aliases);
    for (const alias of entry.aliases) byKey.set(keyOf(alias), target.id);
    entry.aliases = [];
  }
}

/** Finds every alias in passages and footnotes, longest first, so "Natalia Trotsky" is not counted as "Trotsky". */
function collectMentions(corpus: Pick<Corpus, 'works' | 'passages'>, entries: NameEntry[], byKey: Map<string, number>): void {
  const byFirstWord = new Map<string, string[][]>();
  for (const key of byKey.keys()) {
    const words = key.split(' ');
    const first = words[0] ?? '';
    byFirstWord.set(first, [...(byFirstWord.get(first) ?? []), words]);
  }
  for (const list of byFirstWord.values()) list.sort((a, b) => b.length - a.length);

  const scan = (text: string, at: Omit<Mention, 'start' | 'end'>) => {
    const spans = wordSpans(text);
    const folded = spans.map((s) => foldWord(s.word));
    for (let i = 0; i < spans.length; i++) {
      const candidates = byFirstWord.get(folded[i] ?? '');
      if (!candidates || !/^\p{Lu}/u.test(spans[i]?.word ?? '')) continue;
      const words = candidates.find((c) => c.every((w, j) => folded[i + j] === w));
      if (!words) continue;
      const id = byKey.get(words.join(' '));
      const last = spans[i + words.length - 1];
      if (id === undefined || !last) continue;
      entries[id]?.mentions.push({ ...at, start: spans[i]?.start ?? 0, end: last.end });
      i += words.length - 1;
    }
  };
  for (const passage of corpus.passages) scan(passage.text, { passageIndex: passage.index });
  for (const work of corpus.works) {
    for (const f of work.footnotes) scan(f.text, { footnote: { workId: work.meta.id, key: f.key } });
  }
}

/** The entry a reader means: an exact (folded) name first, then the closest spelling. */
export function lookupName(index: NameIndex, query: string): NameMatch | undefined {
  const exact = index.byKey.get(keyOf(query));
  if (exact !== undefined) {
    const entry = index.entries[exact];
    return entry && { entry, exact: true };
  }
  const best = index.search.search(query, { combineWith: 'AND' })[0] ?? index.search.search(query)[0];
  const entry = best && index.entries[best.id as number];
  return entry && { entry, exact: false };
}

/**
 * Names like the query, for suggestions and autocomplete, accent blind: first the names that begin
 * as typed, most mentioned first ("nata" offers Natásha before Natalie), then look-alikes for typos.
 */
export function suggestNames(index: NameIndex, query: string, limit: number): NameEntry[] {
  const byMentions = (a: NameEntry, b: NameEntry) => b.mentions.length - a.mentions.length;
  if (!keyOf(query)) return [...index.entries].sort(byMentions).slice(0, limit);
  const entriesOf = (results: { id: unknown }[]) => results.flatMap((r) => index.entries[r.id as number] ?? []);
  const begins = entriesOf(index.search.search(query, { prefix: true, fuzzy: false, combineWith: 'AND' })).sort(byMentions);
  const alike = entriesOf(index.search.search(query, { fuzzy: 0.45 }).slice(0, limit));
  return [...new Set([...begins, ...alike])].slice(0, limit);
}
