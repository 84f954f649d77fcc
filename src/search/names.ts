import { continents, countries } from 'countries-list';
import MiniSearch from 'minisearch';
import type { Corpus, PersonAliases, Work } from '../corpus';
import { foldWord, isStopWord, tokenize, wordSpans } from './text';

/** Where a name stands in its work: a passage (by its position in the work) or a footnote (by its key). */
export interface Mention {
  seq?: number;
  note?: string;
  start: number;
  end: number;
  /** Index into the entry's `keys`: the form the text uses here ("Dear Leon Davidovich" → "leon davidovich"). */
  form: number;
}

/** One person in one work. The same name in two works is two entries: books do not share people. */
export interface NameEntry {
  id: number;
  workId: string;
  /** How the entry is shown: people.yml's name, a footnote's gloss, or the fullest form in the text. */
  name: string;
  /** The forms the text writes, most used first, and people.yml's aliases; not `name` itself. */
  aliases: string[];
  /** Every folded form that refers to this entry, titled ("prince kutuzov") or not ("kutuzov"). */
  keys: string[];
  /** Keys of this work's footnotes that gloss the name ("Jesus Hernandez, leader of …"). */
  glosses: string[];
  mentions: Mention[];
  /** In a server's view: the passages past its reading mark that mention this person, by corpus index. Counted, never shown. */
  later?: number[];
}

/** The entries of one work, before they are numbered: what a per-work cache can keep. */
export type WorkNameEntry = Omit<NameEntry, 'id'>;

/** One shown name across works: what autocomplete and suggestions offer. */
export interface NameGroup {
  id: number;
  name: string;
  entries: number[];
  mentions: number;
}

export interface NameIndex {
  entries: NameEntry[];
  /** Folded form → the entries (at most one per work) it names. */
  byKey: Map<string, number[]>;
  groups: NameGroup[];
  /** Folded forms by length, for the one-typo search. */
  byLength: Map<number, string[]>;
  /** Fuzzy and prefix search over the groups' forms. */
  search: MiniSearch<{ id: number; names: string }>;
}

/** How a reader's words found a name: exactly, as part of one name, or by one typo. */
export type NameMatchKind = 'exact' | 'part' | 'typo';

export interface NameMatch {
  entries: NameEntry[];
  kind: NameMatchKind;
}

const MONTHS_AND_DAYS = new Set(
  'january february march april may june july august september october november december monday tuesday wednesday thursday friday saturday sunday'.split(' '),
);
/** Particles that may sit inside a name: "Alexis de Tocqueville", "Ludwig van Beethoven". */
const PARTICLES = new Set(['de', 'du', 'des', 'van', 'von', 'der', 'da', 'di', 'le', 'la', 'del', 'y']);
/**
 * Honorifics and titles: they join the name they precede ("General Kutúzov" is Kutúzov) and are
 * never a name alone ("Mr"). Abbreviations may carry a full stop that ends no sentence.
 */
const TITLES = new Set(
  `mr mrs ms miss mister messrs madame mme mademoiselle mlle monsieur m dr doctor st saint sir dame lord lady king queen
  prince princess count countess baron baroness duke duchess marquis marquess marquise earl viscount emperor empress
  tsar tsarina czar czarina tsarevich general gen colonel col captain capt major lieutenant lt admiral marshal sergeant
  corporal commander ensign governor president senator judge bishop archbishop cardinal pope rev reverend professor prof
  herr frau signor signora comrade citizen uncle aunt qu hon`.split(/\s+/),
);
/**
 * Titles that say whether a man or a woman is meant: "Mrs. Hussey" is not "Mr. Hosea Hussey", her
 * husband, though both end in Hussey; "Madame Kollontai" is Alexandra Kollontai.
 */
const MEN_TITLES = new Set('mr mister messrs monsieur m sir lord king prince count baron duke marquis marquess earl viscount emperor tsar czar tsarevich herr signor uncle'.split(' '));
const WOMEN_TITLES = new Set('mrs ms miss madame mme mademoiselle mlle dame lady queen princess countess baroness duchess marquise empress tsarina czarina frau signora aunt'.split(' '));
/** Titles written short, whose full stop ends no sentence: "Mr. Starbuck", "St. Petersburg". */
const ABBREVIATED_TITLES = new Set('mr mrs ms messrs mme mlle dr st qu rev prof gen col capt lt sgt hon'.split(' '));
const TITLE_PAIRS = new Set(['field marshal', 'grand duke', 'grand duchess', 'lieutenant general', 'major general', 'lieutenant colonel']);
/** Words before a name that make it a thing, a place or a people, not a person: "the United States", "in Moscow". */
const DETERMINERS = new Set('the a an this these those our their its every each some any all his her my your whose'.split(' '));
/** Stands before a run in place of "of" when a place noun precedes it: "the State of Virginia", "the people of Ohio". */
const OF_A_PLACE = 'of a place';
const PLACE_WORDS = new Set([...'in into from near through across throughout within beyond outside inside'.split(' '), OF_A_PLACE]);
const PLACE_NOUNS = new Set(
  `state states colony colonies city cities town towns province provinces county counties kingdom republic empire territory territories
  coast coasts shores banks island islands isle river valley bay gulf port capital duchy principality district parish village
  inhabitants citizens natives people population legislature governor`.split(/\s+/),
);
/** Words that begin the name of a place, never a person's: "New York", "South Carolina", "West Indies". */
const PLACE_QUALIFIERS = new Set('new north south east west northern southern eastern western upper lower'.split(' '));
/** "At" is half a sign: readers look at people ("looked at Pierre") and fight at places. */
const HALF_PLACE_WORDS = new Set(['at']);
/** Marks a run that follows a capitalised possessive ("Patriarch’s Ponds"): the run is a thing owned. */
const POSSESSOR = "'s";
/** Words for peoples, creeds and tongues rather than persons: "Stalinists", "Socialism", "Italians", "English". */
const GROUP_WORD = /(?:ists|isms?|[ie]ans|cans|ish|ese)$/;
/**
 * The countries and continents of the world, folded as name keys ("portugal", "united states",
 * "south america"), and "America": places whatever the text around them shows. Built on first use.
 */
let knownPlaces: Set<string> | undefined;
const isKnownPlace = (key: string) =>
  (knownPlaces ??= new Set([...Object.values(countries).map((c) => c.name), ...Object.values(continents), 'America'].map((name) => keyOf(name)))).has(key);
/** Abstract nouns, in any text: "Christianity", "Providence" aside, no person is called "…ness" or "…tion". */
const ABSTRACT_NOUN = /(?:ity|ities|ness|[st]ions?)$/;
const NATIONS = new Set('french dutch greek swiss welsh scotch scots norse latin'.split(' '));
/** "Roman" beside "Romans", "Communist" beside "Communists": a people or a party, not a person. */
const PEOPLE_SINGULAR = /(?:[ie]an|can|man|.{4}ist)$/;
/** Capitalised words that are never anyone: archaic pronouns, scholarly abbreviations. */
const NEVER_NAMES = new Set(
  `thou thy thee thine ye tis twas ibid id nos viz cf vol pp op cit etc vide firstly secondly thirdly fourthly fifthly sixthly seventhly eighthly ninthly tenthly lastly
  author editor translator transcriber publisher appendix chapter section note notes preface introduction volume book part page`.split(/\s+/),
);
/**
 * A word before a number: "Deut. 11. 19", "Mat. 24", "Section 14", "Geo. III" (a statute) cite a book, a
 * part or a law, not a person; "Henry VIII", with no full stop, is a king.
 */
const BEFORE_A_NUMBER = /^(?:[.,]?\s*\d|\.\s*[IVXLC]+\b)/;
/** The share of a word's uses that cite something ("Mat. 24. 24") that makes it a reference, not a name. */
const REFERENCE_SHARE = 0.5;
/**
 * A text that capitalises its nouns, as English did into the 18th century (Leviathan: 15% of its
 * words are capitalised mid-sentence, against 2–5% in later books), gives capitals little weight:
 * there a lone word with the ending of an abstract noun or an adjective is no one ("Philosophy",
 * "Idolatry", "Temporall", "Judicature", "Christianity").
 */
const CAPITALISING_SHARE = 0.1;
const CAPITALISING_MIN_WORDS = 5000;
const COMMON_NOUN_ENDING = /(?:ity|ities|isme?s?|ness|[st]ions?|ures?|ments?|all|iques?|ated|i[sz]e|ous|phy|try|logy|ers)$/;
/** Shares of a form's plain occurrences after determiners, or after place words, that make it no person. */
const DETERMINER_SHARE = 0.3;
const PLACE_SHARE = 0.18;

/** A capitalised word of two letters or more; "O’Brien" keeps its apostrophe, "I’ll" is no name. */
const CAPITALISED = /^(?:\p{Lu}['’])?\p{Lu}[\p{Ll}\p{M}-]+(?:\[\p{Ll}+\][\p{Ll}]*)?$/u;
/** A word in capitals ("PUBLIUS"); Roman numerals are numbers. */
const ALL_CAPS = /^\p{Lu}[\p{Lu}\p{M}'’-]*\p{Lu}$/u;
const ROMAN = /^[IVXLCDM]+$/;
const POSSESSIVE = /['’]s$/;
const POSSESSIVE_INSIDE = /['’]s\s/;
const BLANK = /^\s+$/;
const SENTENCE_END = /[.!?:"“]\s*$/;
const GLOSS = /^((?:\p{Lu}[\p{L}\p{M}'’.-]*)(?:\s+(?:(?:de|van|von|la|le|du)\s+)?\p{Lu}[\p{L}\p{M}'’.-]*)+)\s*(?:[,.;:(]|$)/u;

/** "Prince Nicholas Andréevich Bolkónski" has four; a longer run of capitals is a title. */
const LONGEST_NAME_WORDS = 5;
/** How much more often each part must stand alone for a run of names to count as separate names. */
const ADJACENT_NAMES_RATIO = 5;

export const keyOf = (form: string) => tokenize(form).map(foldWord).filter(Boolean).join(' ');
const nameSearchOptions = {
  fields: ['names'],
  storeFields: [],
  processTerm: (term: string) => foldWord(term) || null,
  tokenize,
  searchOptions: { prefix: true, fuzzy: 0.34 },
};

type Kind = 'cap' | 'caps' | 'initial' | 'particle';

interface Token {
  folded: string;
  start: number;
  /** End of the name's letters: a possessive 's is not part of the name. */
  end: number;
  kind: Kind;
  possessive: boolean;
}

interface TextRef {
  seq?: number;
  note?: string;
}

/** Capitalised words side by side, as one text writes them. */
interface Run {
  at: TextRef;
  text: string;
  tokens: Token[];
  sentenceStart: boolean;
  /** The folded word just before the run, when only spaces part them. */
  before?: string;
  /** The run is all the text holds: a signature ("PUBLIUS"). */
  whole: boolean;
}

/** What one work's texts say about its words' case, and its runs of capitals. */
interface Scan {
  runs: Run[];
  /** Words written in lower case somewhere: "general", "revolution". */
  lowercase: Set<string>;
  /** Capitalised words seen where no sentence starts. */
  midSentence: Set<string>;
  /** How often each capitalised word stands just before a number, as a reference does ("Deut. 11"). */
  beforeNumber: Map<string, number>;
  /** Words in all, and capitalised words where no sentence starts: how much the text capitalises. */
  words: number;
  capitalisedMidSentence: number;
}

const titleLength = (tokens: readonly Token[], i: number): number => {
  const first = tokens[i];
  const second = tokens[i + 1];
  if (!first || first.kind === 'particle') return 0;
  if (second && TITLE_PAIRS.has(`${first.folded} ${second.folded}`)) return 2;
  return TITLES.has(first.folded) ? 1 : 0;
};

function scanText(text: string, at: TextRef, scan: Scan): void {
  const spans = wordSpans(text);
  let run: Token[] = [];
  let runSentenceStart = false;
  let runBefore: string | undefined;
  let previousEnd = 0;
  let previous: Token | undefined;
  let previousFolded: string | undefined;
  let wordBeforePrevious: string | undefined;
  const firstRun = scan.runs.length;
  const endRun = () => {
    if (run.length) scan.runs.push({ at, text, tokens: run, sentenceStart: runSentenceStart, ...(runBefore ? { before: runBefore } : {}), whole: false });
    run = [];
  };
  scan.words += spans.length;
  for (const span of spans) {
    const gap = text.slice(previousEnd, span.start);
    // "Mr. Starbuck", "N.I.": a title's or an initial's full stop ends no sentence and breaks no name.
    const abbreviated = previous !== undefined && (previous.kind === 'initial' || ABBREVIATED_TITLES.has(previous.folded)) && /^\.\s*$/.test(gap) && run.length > 0;
    const sentenceStart = previousEnd === 0 || (!abbreviated && SENTENCE_END.test(gap));
    const possessive = POSSESSIVE.test(span.word);
    const word = possessive ? span.word.slice(0, -2) : span.word;
    const folded = foldWord(word);
    let kind: Kind | undefined;
    if (CAPITALISED.test(word)) kind = MONTHS_AND_DAYS.has(folded) ? undefined : 'cap';
    else if (ALL_CAPS.test(word)) kind = ROMAN.test(word) ? undefined : 'caps';
    // A lone capital with a full stop is an initial; "I" only within initials ("N.I."), else it is the pronoun.
    else if (/^\p{Lu}$/u.test(word) && text[span.end] === '.' && (word !== 'I' || (previous?.kind === 'initial' && gap === '.'))) kind = 'initial';
    const blank = BLANK.test(gap);
    if (!kind) {
      if (/^\p{Ll}/u.test(word)) scan.lowercase.add(folded);
      if (run.length && PARTICLES.has(word) && blank) {
        previous = { folded, start: span.start, end: span.start + word.length, kind: 'particle', possessive };
        run.push(previous);
      } else {
        endRun();
        previous = undefined;
      }
      wordBeforePrevious = previousFolded;
      previousFolded = folded;
      previousEnd = span.end;
      continue;
    }
    if (kind === 'cap' && !sentenceStart) {
      scan.midSentence.add(folded);
      scan.capitalisedMidSentence++;
    }
    if (kind === 'cap' && BEFORE_A_NUMBER.test(text.slice(span.end, span.end + 4))) scan.beforeNumber.set(folded, (scan.beforeNumber.get(folded) ?? 0) + 1);
    const continues = run.length > 0 && (blank || abbreviated) && !previous?.possessive;
    if (!continues) {
      const possessor = previous?.possessive && previous.kind !== 'particle' && blank;
      endRun();
      runSentenceStart = sentenceStart;
      const ofAPlace = previousFolded === 'of' && PLACE_NOUNS.has(wordBeforePrevious ?? '');
      runBefore = possessor ? POSSESSOR : blank ? (ofAPlace ? OF_A_PLACE : previousFolded) : undefined;
    }
    previous = { folded, start: span.start, end: span.start + word.length, kind, possessive };
    run.push(previous);
    wordBeforePrevious = previousFolded;
    previousFolded = folded;
    previousEnd = span.end;
  }
  endRun();
  for (let i = firstRun; i < scan.runs.length; i++) {
    const r = scan.runs[i] as Run;
    r.whole = r.tokens.length === spans.length;
  }
}

/** A capitalised run read as a name: the title words, the core name, and what stood before it. */
interface Reading {
  /** Offsets into the run's tokens: the name as written from `from` (its titles), its core from `core` to `end`. */
  from: number;
  core: number;
  end: number;
  determiner: boolean;
  /** 1 after "in", "from"…; 0.5 after "at". */
  place: number;
}

/** Counts for one core name in one work. */
interface Candidate {
  coreWords: number;
  /** Every time the core stands as a name, titled or not. */
  total: number;
  /** Plain occurrences (no title, no possessive) and how many follow a determiner or a place word. */
  plain: number;
  determiner: number;
  place: number;
  titled: number;
  /** Written in capitals where capitals may be a name ("PUBLIUS" signing a paper). */
  caps: boolean;
  forms: Set<string>;
}

const placeLike = (c: Candidate | undefined) =>
  c !== undefined && c.plain > 0 && (c.determiner / c.plain >= DETERMINER_SHARE || c.place / c.plain >= PLACE_SHARE);

/**
 * Builds one work's name entries from its passages and notes alone: people.yml aliases, the names
 * footnotes gloss, and capitalised names (titles joined to them, places and peoples left out).
 */
export function workNameEntries(work: Work, people: readonly PersonAliases[]): WorkNameEntry[] {
  const scan: Scan = { runs: [], lowercase: new Set(), midSentence: new Set(), beforeNumber: new Map(), words: 0, capitalisedMidSentence: 0 };
  // A lettered marker ("States[g]") would read as part of the word: markers are blanked, offsets kept.
  const unmarked = (text: string, refs: readonly { start: number; end: number }[]) =>
    refs.reduce((t, r) => t.slice(0, r.start) + ' '.repeat(r.end - r.start) + t.slice(r.end), text);
  for (const passage of work.passages) scanText(unmarked(passage.text, passage.footnoteRefs), { seq: passage.seq }, scan);
  for (const note of work.footnotes) scanText(note.text, { note: note.key }, scan);

  const { lowercase, midSentence } = scan;
  const capsName = (t: Token, run: Run) => !lowercase.has(t.folded) && (run.whole || midSentence.has(t.folded));
  const candidates = new Map<string, Candidate>();

  const formOf = (run: Run, tokens: Token[], from: number, end: number) =>
    run.text.slice(tokens[from]?.start ?? 0, tokens[end - 1]?.end ?? 0).replace(/\s+/g, ' ');
  // Each reading is counted as it is made, not kept: a 30 MB book has millions of them.
  const count = (run: Run, tokens: Token[], reading: Reading) => {
    const { from, core, end } = reading;
    const coreTokens = tokens.slice(core, end);
    const key = coreTokens.map((t) => t.folded).join(' ');
    let c = candidates.get(key);
    if (!c) candidates.set(key, (c = { coreWords: coreTokens.length, total: 0, plain: 0, determiner: 0, place: 0, titled: 0, caps: false, forms: new Set() }));
    c.total++;
    const titled = core > from;
    if (titled) c.titled++;
    else if (!tokens[end - 1]?.possessive) {
      c.plain++;
      if (reading.determiner) c.determiner++;
      c.place += reading.place;
    }
    if (coreTokens.every((t) => t.kind === 'caps')) c.caps = true;
    c.forms.add(formOf(run, tokens, from, end));
  };

  for (const run of scan.runs) {
    // "Why The President Of The United States…", "Jesus Is The Christ": title case, not a name.
    if (run.tokens.some((t, i) => i > 0 && t.kind !== 'particle' && isStopWord(t.folded))) continue;
    let segment: Token[] = [];
    let first = true;
    const flush = () => {
      const reading = segment.length ? readRun(segment, first && run.sentenceStart, first ? run.before : undefined) : undefined;
      if (reading) count(run, segment, reading);
      segment = [];
      first = false;
    };
    for (const token of run.tokens) {
      // Capitals that are emphasis ("the UNION") cut a run; a signature or a name in capitals stays.
      if (token.kind === 'caps' && !capsName(token, run)) {
        flush();
        continue;
      }
      // "Hetzelsdorf Prince Andrew": a title after a name starts another.
      const named = segment.some((t) => t.kind !== 'particle' && !isStopWord(t.folded) && !TITLES.has(t.folded));
      const last = segment.at(-1);
      if (named && last && !TITLES.has(last.folded) && titleLength([token], 0)) flush();
      segment.push(token);
    }
    flush();
  }

  function readRun(tokens: Token[], sentenceStart: boolean, before: string | undefined): Reading | undefined {
    let from = 0;
    let determiner = before !== undefined && (DETERMINERS.has(before) || before === POSSESSOR);
    const placeWeight = (word: string) => (PLACE_WORDS.has(word) ? 1 : HALF_PLACE_WORDS.has(word) ? 0.5 : 0);
    let place = before === undefined ? 0 : placeWeight(before);
    // "The Americans", "In Paris": a leading function word is read as the word before.
    while (from < tokens.length && tokens[from]?.kind !== 'particle' && isStopWord(tokens[from]?.folded ?? '')) {
      const folded = tokens[from]?.folded ?? '';
      determiner ||= DETERMINERS.has(folded);
      place = Math.max(place, placeWeight(folded));
      from++;
    }
    // "Dear Leon", "Sometimes Pierre": a sentence's first word is part of a name only if it is capitalised elsewhere and never lower case.
    const opener = tokens[0];
    if (sentenceStart && from === 0 && opener && tokens.length > 1 && !titleLength(tokens, 0) && !PLACE_QUALIFIERS.has(opener.folded) && (!midSentence.has(opener.folded) || lowercase.has(opener.folded))) from = 1;
    let core = from;
    for (let t = titleLength(tokens, core); t > 0; t = titleLength(tokens, core)) core += t;
    let end = tokens.length;
    while (end > core && (tokens[end - 1]?.kind === 'particle' || isStopWord(tokens[end - 1]?.folded ?? ''))) end--;
    // "Old Ahab", "Adjutant General Balashëv": words written in lower case elsewhere are epithets, not the name.
    // "New York" and "South Carolina" keep their first word: it makes them places.
    while (core < end - 1 && (tokens[core]?.kind === 'particle' || (lowercase.has(tokens[core]?.folded ?? '') && !PLACE_QUALIFIERS.has(tokens[core]?.folded ?? '')) || titleLength(tokens, core))) core++;
    if (core >= end || end - core > LONGEST_NAME_WORDS) return undefined;
    if (tokens.slice(core, end).every((t) => t.kind === 'initial')) return undefined;
    // The form keeps the titles just before the core ("General Kutúzov"), not the epithets ("Old").
    let titles = core;
    while (titles > from && TITLES.has(tokens[titles - 1]?.folded ?? '')) titles--;
    if (titles > from && TITLE_PAIRS.has(`${tokens[titles - 1]?.folded} ${tokens[titles]?.folded}`)) titles--;
    return { from: titles, core, end, determiner, place };
  }

  const pluralOf = (word: string, known: (one: string) => boolean) =>
    /[^s]s$/.test(word) &&
    [word.slice(0, -1), ...(word.endsWith('es') ? [word.slice(0, -2)] : []), ...(word.endsWith('ies') ? [`${word.slice(0, -3)}y`] : [])].some(known);
  /** "Mat. 24. 24": a book of the Bible cited, not a person. */
  const reference = (word: string) => {
    const cited = scan.beforeNumber.get(word) ?? 0;
    return cited > 0 && cited >= REFERENCE_SHARE * (candidates.get(word)?.total ?? cited);
  };
  /**
   * A lone word that is no one, whatever its capitals: a reference, a people, or, where a text
   * capitalises its nouns, the plural of a word it writes in lower case or of a title ("Princes",
   * "Bishops", "Ghosts"): a kind of people, not one person. A title makes it a name again ("Mr. Woods").
   */
  const capitalising = scan.words >= CAPITALISING_MIN_WORDS && scan.capitalisedMidSentence >= CAPITALISING_SHARE * scan.words;
  const noOneAlone = (word: string, c: Candidate) =>
    isKnownPlace(word) ||
    reference(word) ||
    peopleWord(word) ||
    (c.titled === 0 && (pluralOf(word, (one) => lowercase.has(one) || TITLES.has(one)) || (capitalising && COMMON_NOUN_ENDING.test(word))));
  const peopleWord = (word: string) =>
    GROUP_WORD.test(word) || ABSTRACT_NOUN.test(word) || NATIONS.has(word) || NEVER_NAMES.has(word) || (PEOPLE_SINGULAR.test(word) && candidates.has(`${word}s`));
  const accepted = (key: string, c: Candidate): boolean => {
    if (placeLike(c) || isKnownPlace(key)) return false;
    const words = key.split(' ');
    if (words.some(peopleWord)) return false;
    if (c.coreWords === 1) {
      if (noOneAlone(key, c)) return false;
      // A lone word is a name when never written in lower case, and titled, in capitals, or capitalised mid-sentence.
      return !lowercase.has(key) && (c.titled > 0 || c.caps || midSentence.has(key));
    }
    // "Ethnique Princes", "S. Matth. 16": a kind of people, or a reference, however it is qualified.
    const last = words.at(-1) ?? '';
    if (reference(last) || (pluralOf(last, (one) => TITLES.has(one)) && c.titled === 0)) return false;
    if (PLACE_QUALIFIERS.has(words[0] ?? '')) return false;
    // "Moscow Pierre", "Spanish Stalinist": a place or a people before a name is not part of it.
    if (placeLike(candidates.get(words[0] ?? ''))) return false;
    // "In Moscow Pierre found…": two names side by side, each far more often alone, are not one name.
    if (words.every((w) => (candidates.get(w)?.total ?? 0) >= ADJACENT_NAMES_RATIO * c.total)) return false;
    return true;
  };

  // Entries: people.yml first, then glossed names, then the names the text capitalises.
  interface Draft {
    listed?: string;
    gloss?: string;
    keys: string[];
    aliases: string[];
    glosses: string[];
    mentions: Mention[];
    written: Map<string, number>;
  }
  const drafts: Draft[] = [];
  const byKey = new Map<string, Draft>();
  const addKey = (draft: Draft, key: string) => {
    if (!key || byKey.has(key)) return;
    byKey.set(key, draft);
    draft.keys.push(key);
  };
  const draftFor = (name: string, extra: Partial<Draft> = {}): Draft => {
    const existing = byKey.get(keyOf(name));
    if (existing) return existing;
    const draft: Draft = { keys: [], aliases: [], glosses: [], mentions: [], written: new Map(), ...extra };
    drafts.push(draft);
    addKey(draft, keyOf(name));
    return draft;
  };

  for (const person of people) {
    const draft = draftFor(person.name, { listed: person.name });
    for (const alias of person.aliases) {
      addKey(draft, keyOf(alias));
      if (!draft.aliases.includes(alias)) draft.aliases.push(alias);
    }
  }

  const notes = new Map(work.footnotes.map((f) => [f.key, f]));
  for (const passage of work.passages) {
    for (const ref of passage.footnoteRefs) {
      const note = notes.get(ref.key);
      // A name's last full stop ends the gloss's sentence: "Dr. Price." is Dr. Price.
      const glossed = note && GLOSS.exec(note.text)?.[1]?.replace(/\.$/, '');
      // "The Americans, as we have seen, …", "See Appendix, …" and "Vide Milton." open a note but gloss no
      // one; nor does "Rousseau’s Emilius.", a book of his.
      const first = glossed && keyOf(glossed).split(' ')[0];
      if (!note || !glossed || !first || isStopWord(first) || NEVER_NAMES.has(first) || lowercase.has(first) || POSSESSIVE_INSIDE.test(glossed) || placeLike(candidates.get(keyOf(glossed)))) continue;
      const draft = draftFor(glossed, { gloss: glossed });
      if (!draft.glosses.includes(note.key)) draft.glosses.push(note.key);
      const marked = markedName(passage.text, ref.start);
      if (marked) addKey(draft, keyOf(marked));
    }
  }

  for (const [key, c] of candidates) {
    if (!accepted(key, c)) continue;
    const formKeys = [...c.forms].map(keyOf);
    const draft = byKey.get(key) ?? formKeys.map((k) => byKey.get(k)).find(Boolean) ?? draftFor(key);
    addKey(draft, key);
    for (const k of formKeys) addKey(draft, k);
  }

  foldSurnames(drafts, byKey, candidates, lowercase, noOneAlone);
  collectMentions(scan.runs, byKey);

  const kept = drafts.filter((d) => d.mentions.length > 0 || d.glosses.length > 0);
  return kept.map((d) => {
    const written = [...d.written].sort((a, b) => b[1] - a[1]);
    const coreWords = (form: string) => {
      const words = keyOf(form).split(' ');
      let i = 0;
      while (i < words.length - 1 && TITLES.has(words[i] ?? '')) i++;
      return words.length - i;
    };
    const titleWords = (form: string) => keyOf(form).split(' ').length - coreWords(form);
    let shown = d.listed ?? d.gloss;
    if (!shown) {
      // The form the text uses most, in capitals only if it has no other; of equals, the fullest name
      // ("Robert Louzon" over "Louzon"), untitled ("Kutúzov" over "Prince Kutúzov"), unabbreviated ("Queen", not "Qu.").
      const capitals = (form: string) => (form === form.toUpperCase() ? 1 : 0);
      const best = [...written].sort((a, b) => capitals(a[0]) - capitals(b[0]) || b[1] - a[1] || coreWords(b[0]) - coreWords(a[0]) || titleWords(a[0]) - titleWords(b[0]) || b[0].length - a[0].length)[0];
      shown = best?.[0] ?? d.keys[0] ?? '';
    }
    const shownKey = keyOf(shown);
    const aliases: string[] = [];
    const seen = new Set([shownKey]);
    for (const form of [...written.map(([w]) => w), ...d.aliases]) {
      const key = keyOf(form);
      if (seen.has(key)) continue;
      seen.add(key);
      aliases.push(form);
    }
    return { workId: work.meta.id, name: shown, aliases, keys: d.keys, glosses: d.glosses, mentions: d.mentions };
  });

  /**
   * A lone surname is the one fuller name in the work that ends in it: "Louzon, too." is Robert
   * Louzon. Listed and glossed names keep their own aliases.
   */
  function foldSurnames(all: Draft[], keys: Map<string, Draft>, counts: Map<string, Candidate>, lower: Set<string>, noOne: (word: string, c: Candidate) => boolean): void {
    const owners = new Map<string, Set<Draft>>();
    for (const draft of all) {
      for (const key of draft.keys) {
        const words = key.split(' ');
        const last = words.at(-1);
        if (words.length < 2 || !last || TITLES.has(words[0] ?? '')) continue;
        let set = owners.get(last);
        if (!set) owners.set(last, (set = new Set()));
        set.add(draft);
      }
    }
    const titledAs = (draft: Draft, titles: Set<string>) => draft.keys.some((k) => titles.has(k.split(' ')[0] ?? ''));
    const oneSex = (a: Draft, b: Draft) => !((titledAs(a, MEN_TITLES) && titledAs(b, WOMEN_TITLES)) || (titledAs(a, WOMEN_TITLES) && titledAs(b, MEN_TITLES)));
    const ownerOf = (word: string, self?: Draft) => {
      const found = [...(owners.get(word) ?? [])].filter((d) => d !== self);
      return found.length === 1 && (!self || oneSex(self, found[0] as Draft)) ? found[0] : undefined;
    };
    for (const draft of all) {
      if (draft.listed || draft.gloss || draft.keys.length === 0) continue;
      const core = draft.keys.find((k) => !k.includes(' '));
      if (!core || draft.keys.some((k) => k.includes(' ') && !TITLES.has(k.split(' ')[0] ?? ''))) continue;
      const owner = ownerOf(core, draft);
      if (!owner) continue;
      for (const key of draft.keys) {
        keys.set(key, owner);
        owner.keys.push(key);
      }
      draft.keys = [];
    }
    // Words seen alone only where sentences start ("Louzon, too."): a surname when one fuller name ends in them.
    for (const [word, c] of counts) {
      if (c.coreWords !== 1 || keys.has(word) || lower.has(word) || placeLike(c) || noOne(word, c)) continue;
      const owner = ownerOf(word);
      if (!owner) continue;
      keys.set(word, owner);
      owner.keys.push(word);
    }
  }

  /** Finds every key in the runs of capitals, longest first, so "Natalia Trotsky" is not counted as "Trotsky". */
  function collectMentions(runs: readonly Run[], keys: Map<string, Draft>): void {
    const byFirstWord = new Map<string, string[][]>();
    for (const key of keys.keys()) {
      const words = key.split(' ');
      const first = words[0] ?? '';
      let list = byFirstWord.get(first);
      if (!list) byFirstWord.set(first, (list = []));
      list.push(words);
    }
    for (const list of byFirstWord.values()) list.sort((a, b) => b.length - a.length);
    for (const run of runs) {
      const { tokens } = run;
      for (let i = 0; i < tokens.length; i++) {
        const token = tokens[i] as Token;
        const candidatesHere = token.kind === 'particle' ? undefined : byFirstWord.get(token.folded);
        if (!candidatesHere) continue;
        const words = candidatesHere.find((c) => c.every((w, j) => tokens[i + j]?.folded === w));
        if (!words) continue;
        const key = words.join(' ');
        const draft = keys.get(key);
        const last = tokens[i + words.length - 1];
        if (!draft || !last) continue;
        draft.mentions.push({ ...run.at, start: token.start, end: last.end, form: draft.keys.indexOf(key) });
        const written = run.text.slice(token.start, last.end).replace(/\s+/g, ' ');
        draft.written.set(written, (draft.written.get(written) ?? 0) + 1);
        i += words.length - 1;
      }
    }
  }
}

/** The name a footnote marker is attached to: the capitalised words or initials just before it. */
function markedName(text: string, markerStart: number): string | undefined {
  const before = text.slice(Math.max(0, markerStart - 60), markerStart).trimEnd();
  const m = /((?:\p{Lu}\.){2,}|(?:\p{Lu}[\p{L}\p{M}'’-]*\s+)*\p{Lu}[\p{L}\p{M}'’-]*)$/u.exec(before);
  return m?.[1];
}

/** Every work's names, numbered, with the lookups over them. */
export function createNameIndex(corpus: Corpus): NameIndex {
  return assembleNameIndex(corpus.works.flatMap((w) => workNameEntries(w, corpus.people)));
}

/** One work's part of the name index, as the per-work cache keeps it. */
export interface NameIndexData {
  entries: WorkNameEntry[];
}

/** One work's names, found in it alone: mentions are placed by position in the work, so the part holds whatever else the corpus contains. */
export function workNameData(work: Work, people: readonly PersonAliases[]): NameIndexData {
  return { entries: workNameEntries(work, people) };
}

/** One work's part of the name index. `offset` (its first passage's index) is kept for the cache's callers; mentions do not need it. */
export interface NamePart {
  data: NameIndexData;
  offset: number;
}

/** Joins the works' parts into one index; each work keeps its own entries. */
export function joinNameParts(parts: readonly NamePart[]): NameIndex {
  return assembleNameIndex(parts.flatMap((p) => p.data.entries));
}

/** Numbers the entries of every work and builds the lookups: by folded form, and by shown name across works. */
export function assembleNameIndex(workEntries: readonly WorkNameEntry[]): NameIndex {
  const entries: NameEntry[] = workEntries.map((e, id) => ({ id, ...e }));
  const byKey = new Map<string, number[]>();
  const groups: NameGroup[] = [];
  const groupOf = new Map<string, NameGroup>();
  const forms = new Map<number, Set<string>>();
  for (const entry of entries) {
    for (const key of entry.keys) {
      const ids = byKey.get(key);
      if (ids) ids.push(entry.id);
      else byKey.set(key, [entry.id]);
    }
    let group = groupOf.get(entry.name);
    if (!group) {
      group = { id: groups.length, name: entry.name, entries: [], mentions: 0 };
      groups.push(group);
      groupOf.set(entry.name, group);
      forms.set(group.id, new Set());
    }
    group.entries.push(entry.id);
    group.mentions += entry.mentions.length;
    for (const key of entry.keys) forms.get(group.id)?.add(key);
  }
  const search = new MiniSearch<{ id: number; names: string }>(nameSearchOptions);
  search.addAll(groups.map((g) => ({ id: g.id, names: [...(forms.get(g.id) ?? [])].join(' ') })));
  const byLength = new Map<number, string[]>();
  for (const key of byKey.keys()) {
    const list = byLength.get(key.length);
    if (list) list.push(key);
    else byLength.set(key.length, [key]);
  }
  return { entries, byKey, groups, byLength, search };
}

/** Letters a name must have before a single typo in it is read as that name. */
export const MIN_TYPO_LETTERS = 6;

/**
 * The entries a reader means, within one work if given:
 * - exact: the name as a text writes it, up to case, accents and punctuation ("kutuzov");
 * - part: the words are part of exactly one shown name ("Natalia", "Monatte");
 * - typo: near-certain, one edit (a letter added, dropped or changed, or two neighbours swapped)
 *   from exactly one shown name, in a name of at least MIN_TYPO_LETTERS letters ("Hernandes").
 * Anything else is no match: the caller offers suggestions, never an answer about someone else.
 */
export function lookupName(index: NameIndex, query: string, workId?: string): NameMatch | undefined {
  const key = keyOf(query);
  if (!key) return undefined;
  const inScope = (id: number) => {
    const entry = index.entries[id];
    return entry && (!workId || entry.workId === workId) ? [entry] : [];
  };
  const exact = (index.byKey.get(key) ?? []).flatMap(inScope);
  if (exact.length) return { entries: exact, kind: 'exact' };

  const groupsIn = (results: { id: unknown }[]) =>
    results.flatMap((r) => {
      const group = index.groups[r.id as number];
      const entries = group ? group.entries.flatMap(inScope) : [];
      return group && entries.length ? [{ group, entries }] : [];
    });
  const holders = groupsIn(index.search.search(key, { combineWith: 'AND', prefix: false, fuzzy: false }));
  const words = key.split(' ');
  const part = holders.filter(({ entries }) => entries.some((e) => e.keys.some((k) => words.every((w) => k.split(' ').includes(w)))));
  if (part.length === 1 && part[0]) return { entries: part[0].entries, kind: 'part' };
  if (part.length > 1) return undefined;

  if (key.replace(/ /g, '').length < MIN_TYPO_LETTERS) return undefined;
  // Only forms one letter longer or shorter can be one edit away: a few hundred comparisons at most.
  // Grouped by shown name: one person in several works is still one match.
  const near = new Map<string, NameEntry[]>();
  for (const length of [key.length - 1, key.length, key.length + 1]) {
    for (const form of index.byLength.get(length) ?? []) {
      if (!withinOneEdit(key, form)) continue;
      for (const entry of (index.byKey.get(form) ?? []).flatMap(inScope)) {
        const list = near.get(entry.name) ?? [];
        if (!list.includes(entry)) list.push(entry);
        near.set(entry.name, list);
      }
    }
  }
  const [only, ...others] = near.values();
  return only && others.length === 0 ? { entries: only, kind: 'typo' } : undefined;
}

/** True when `a` becomes `b` by at most one letter added, dropped or changed, or two neighbours swapped. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/**
 * Names like the query, for suggestions and autocomplete, accent blind: first the names that begin
 * as typed, most mentioned first ("nata" offers Natásha before Natalie), then look-alikes for typos.
 */
export function suggestNames(index: NameIndex, query: string, limit: number, workId?: string): NameGroup[] {
  const inScope = (g: NameGroup) => !workId || g.entries.some((id) => index.entries[id]?.workId === workId);
  const byMentions = (a: NameGroup, b: NameGroup) => b.mentions - a.mentions;
  if (!keyOf(query)) return index.groups.filter(inScope).sort(byMentions).slice(0, limit);
  const groupsOf = (results: { id: unknown }[]) => results.flatMap((r) => index.groups[r.id as number] ?? []).filter(inScope);
  const begins = groupsOf(index.search.search(query, { prefix: true, fuzzy: false, combineWith: 'AND' })).sort(byMentions);
  const alike = groupsOf(index.search.search(query, { fuzzy: 0.45 })).slice(0, limit);
  return [...new Set([...begins, ...alike])].slice(0, limit);
}
