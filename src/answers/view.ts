import type { Chapter, Passage, Work } from '../corpus';
import { assembleNameIndex, keyOf, type NameEntry, type NameGroup, type NameIndex, type WorkNameEntry } from '../search/names';
import type { PassageIndex } from '../search/passages';
import type { Library } from './library';
import type { Answer, HeldBack } from './types';

/** A reading mark as the store keeps it: how far one server's group has read in one work. */
export interface MarkSetting {
  workId: string;
  /** The locator read through, as the work cites it: "ch. 12", "bk. 9 ch. 3". */
  through: string;
  /** That section's 1-based index when the mark was set: used if the locator no longer resolves. */
  section: number;
}

/** What one server chose: its works (undefined: every work) and its reading marks. */
export interface ServerSettings {
  works?: readonly string[];
  marks: readonly MarkSetting[];
}

/** A mark resolved against the corpus in use. */
export interface ResolvedMark {
  work: Work;
  /** The section named, as the work cites it. */
  through: string;
  /** The last section shown: the one named, or its last subsection ("bk. 9" includes "bk. 9 ch. 3"). */
  lastSection: number;
  /** How many of the work's passages are shown: they are always the first ones. */
  shown: number;
}

/**
 * One server's view of the library: only its works, and in each nothing past its reading mark.
 * `library` and `unguarded` are ordinary libraries, so every answer, choice and button answers from
 * them unchanged and cannot reach a passage the view leaves out; the spoiler guard is here alone.
 */
export interface LibraryView {
  /** Every work the bot carries: what a server may add to its library. */
  whole: Library;
  /** The server's works, each cut at its mark. */
  library: Library;
  /** The server's works, whole: for a reader who asks for spoilers. */
  unguarded: Library;
  marks: readonly ResolvedMark[];
  visible(passage: Passage): boolean;
}

/** The last section a mark on `section` shows: the section itself and every section nested in it. */
function lastSectionOf(work: Work, section: Chapter): number {
  let last = section.n;
  const prefix = `${section.locator} `;
  for (const c of work.chapters.slice(section.n)) {
    if (!section.locator || !c.locator.startsWith(prefix)) break;
    last = c.n;
  }
  return last;
}

export function resolveMark(work: Work, mark: Pick<MarkSetting, 'through' | 'section'>): ResolvedMark | undefined {
  const section = work.chapters.find((c) => c.locator === mark.through) ?? work.chapters[mark.section - 1];
  if (!section) return undefined;
  const lastSection = lastSectionOf(work, section);
  const after = work.passages.findIndex((p) => p.chapter > lastSection);
  return { work, through: section.locator || mark.through, lastSection, shown: after === -1 ? work.passages.length : after };
}

const views = new WeakMap<Library, WeakMap<ServerSettings, LibraryView>>();
const wholeViews = new WeakMap<Library, LibraryView>();

/** The view of a server with these settings, built once per library and settings object. */
export function libraryView(library: Library, settings?: ServerSettings): LibraryView {
  if (!settings || (!settings.works && settings.marks.length === 0)) {
    let whole = wholeViews.get(library);
    if (!whole) wholeViews.set(library, (whole = { whole: library, library, unguarded: library, marks: [], visible: () => true }));
    return whole;
  }
  let byLibrary = views.get(library);
  if (!byLibrary) views.set(library, (byLibrary = new WeakMap()));
  let view = byLibrary.get(settings);
  if (!view) byLibrary.set(settings, (view = buildView(library, settings)));
  return view;
}

function buildView(library: Library, settings: ServerSettings): LibraryView {
  const chosen = settings.works ? new Set(settings.works) : undefined;
  const works = library.corpus.works.filter((w) => !chosen || chosen.has(w.meta.id));
  const marks = settings.marks.flatMap((m) => {
    const work = works.find((w) => w.meta.id === m.workId);
    const resolved = work && resolveMark(work, m);
    return resolved ? [resolved] : [];
  });
  const shownOf = new Map<string, number>([...works.map((w): [string, number] => [w.meta.id, w.passages.length]), ...marks.map((m): [string, number] => [m.work.meta.id, m.shown])]);
  const visible = (p: Passage) => p.seq < (shownOf.get(p.workId) ?? 0);
  const unguarded = restrict(library, works, new Map());
  const guarded = marks.length ? restrict(library, works, new Map(marks.map((m) => [m.work.meta.id, m]))) : unguarded;
  return { whole: library, library: guarded, unguarded, marks, visible };
}

/** A library holding only `works`, each cut at its mark; indexes are shared, filtered on use. */
function restrict(library: Library, works: readonly Work[], marks: ReadonlyMap<string, ResolvedMark>): Library {
  const cut = works.map((work) => {
    const mark = marks.get(work.meta.id);
    if (!mark) return work;
    return {
      ...work,
      passages: work.passages.slice(0, mark.shown),
      chapters: work.chapters.slice(0, mark.lastSection),
      footnotes: work.footnotes.filter((f) => f.chapter <= mark.lastSection),
    };
  });
  // Passages stay at their corpus index, so the shared search index still finds them; the rest are holes.
  const passages: Passage[] = new Array<Passage>(library.corpus.passages.length);
  for (const work of cut) for (const p of work.passages) passages[p.index] = p;
  const index: PassageIndex = { ...library.index, only: (id) => passages[id] !== undefined };
  return {
    corpus: { ...library.corpus, works: cut, passages },
    index,
    names: restrictNames(library.names, new Map(cut.map((w) => [w.meta.id, w])), marks),
    works: new Map(cut.map((w) => [w.meta.id, w])),
  };
}

/**
 * The name index without the works left out, and without mentions and glosses past a mark. In a work
 * cut at a mark, a person is known only by the forms the group has read: a name, alias or key met
 * only later (a fuller name, people.yml's canonical one) would say who comes later, so it goes, and
 * the lookups are rebuilt over what is left.
 */
function restrictNames(names: NameIndex, works: ReadonlyMap<string, Work>, marks: ReadonlyMap<string, ResolvedMark>): NameIndex {
  if (marks.size === 0) return withoutWorks(names, works);
  const kept: WorkNameEntry[] = [];
  for (const { workId, name, aliases, keys, glosses, mentions } of names.entries) {
    const work = works.get(workId);
    if (!work) continue;
    const entry: WorkNameEntry = { workId, name, aliases, keys, glosses, mentions };
    const mark = marks.get(workId);
    const read = mark ? asRead(entry, work, mark.work) : entry;
    if (read) kept.push(read);
  }
  return assembleNameIndex(kept);
}

/**
 * An entry as far as a cut work shows it: its mentions, glosses, forms and name from what the group
 * has read, and the later passages that mention it, to count; undefined if the group has not met it.
 */
function asRead(entry: WorkNameEntry, work: Work, whole: Work): WorkNameEntry | undefined {
  const notes = new Map(work.footnotes.map((f) => [f.key, f]));
  const shown = work.passages.length;
  const mentions = entry.mentions.filter((m) => (m.note === undefined ? (m.seq ?? 0) < shown : notes.has(m.note)));
  const glosses = entry.glosses.filter((key) => notes.has(key));
  if (mentions.length === 0 && glosses.length === 0) return undefined;
  // The forms the read texts use, renumbered; the text as written there, most used first.
  const used = [...new Set(mentions.map((m) => m.form))].sort((a, b) => a - b);
  const keys = used.flatMap((i) => entry.keys[i] ?? []);
  const renumber = new Map(used.map((old, i) => [old, i]));
  const written = new Map<string, number>();
  for (const m of mentions) {
    const text = m.note === undefined ? work.passages[m.seq ?? 0]?.text : notes.get(m.note)?.text;
    const form = text?.slice(m.start, m.end).replace(/\s+/g, ' ');
    if (form) written.set(form, (written.get(form) ?? 0) + 1);
  }
  const readKeys = new Set(keys);
  const mostWritten = [...written].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length)[0]?.[0];
  // A gloss the group has read names the person in its own words: its name stands, as does one written in the read texts.
  const name = readKeys.has(keyOf(entry.name)) || (glosses.length > 0 && !mostWritten) ? entry.name : (mostWritten ?? entry.name);
  const nameKey = keyOf(name);
  const aliases = [...new Map([...entry.aliases, ...written.keys()].map((a): [string, string] => [keyOf(a), a]).filter(([k]) => readKeys.has(k) && k !== nameKey)).values()];
  const later = [...new Set(entry.mentions.flatMap((m) => (m.note === undefined && (m.seq ?? 0) >= shown ? (whole.passages[m.seq ?? 0]?.index ?? []) : [])))];
  return { ...entry, name, aliases, keys, glosses, mentions: mentions.map((m) => ({ ...m, form: renumber.get(m.form) ?? 0 })), ...(later.length ? { later } : {}) };
}

/** The name index without the works left out: nothing is cut, so every entry stays as it is. */
function withoutWorks(names: NameIndex, works: ReadonlyMap<string, Work>): NameIndex {
  const entries: NameEntry[] = new Array<NameEntry>(names.entries.length);
  for (const entry of names.entries) if (works.has(entry.workId)) entries[entry.id] = entry;
  const groups: NameGroup[] = new Array<NameGroup>(names.groups.length);
  for (const group of names.groups) {
    const kept = group.entries.filter((id) => entries[id]);
    if (kept.length === 0) continue;
    groups[group.id] = { ...group, entries: kept, mentions: kept.reduce((n, id) => n + (entries[id]?.mentions.length ?? 0), 0) };
  }
  const byKey = new Map<string, number[]>();
  for (const [key, ids] of names.byKey) {
    const kept = ids.filter((id) => entries[id]);
    if (kept.length) byKey.set(key, kept);
  }
  return { ...names, entries, groups, byKey };
}

/** How many results an answer counts: what a guarded answer may have fewer of than an unguarded one. */
function resultCount(answer: Answer): number | undefined {
  switch (answer.kind) {
    case 'quote':
      return answer.query ? (answer.paging?.matches ?? answer.paging?.total ?? 1) : undefined;
    case 'search':
      return answer.paging.matches ?? answer.results.length;
    case 'who':
      return answer.passageCount;
    default:
      return undefined;
  }
}

/** "the group has read through ch. 12", naming the work when several are marked. */
export function markPhrase(marks: readonly ResolvedMark[]): string {
  if (marks.length === 1 && marks[0]) return `the group has read through ${marks[0].through}`;
  return `the group has read ${marks.map((m) => `${m.work.meta.shortTitle ?? m.work.meta.title} through ${m.through}`).join(', ')}`;
}

export function heldBackPhrase(held: HeldBack): string {
  return `${held.count === 1 ? '1 later passage is' : `${held.count} later passages are`} hidden: ${held.marks}`;
}

/**
 * A copy of the view's guarded library for one answer, which notes the passages its marks hold back
 * as searches and /who meet them: the reply counts them without answering a second time.
 */
function counting(view: LibraryView): Library {
  const held = new Set<number>();
  const { library, unguarded } = view;
  const shown = library.index.only ?? (() => true);
  const inWorks = unguarded.index.only ?? (() => true);
  const only = (id: number) => {
    if (shown(id)) return true;
    if (inWorks(id)) held.add(id);
    return false;
  };
  return { ...library, index: { ...library.index, only }, held };
}

/**
 * Answers in the server's view. With reading marks, the answer counts what they held back as it
 * goes; only an answer with nothing to show is worked out again unguarded, to say whether the marks
 * hid it.
 */
export function answerInView(view: LibraryView, run: (library: Library) => Answer, { spoilers = false } = {}): Answer {
  if (spoilers || view.marks.length === 0) return run(spoilers ? view.unguarded : view.library);
  const library = counting(view);
  const shown = run(library);
  const count = library.held?.size ?? 0;
  const marks = markPhrase(view.marks);
  if (shown.kind !== 'notice') {
    if (count === 0 || resultCount(shown) === undefined) return shown;
    return shown.kind === 'quote' || shown.kind === 'search' || shown.kind === 'who' ? { ...shown, heldBack: { count, marks } } : shown;
  }
  const full = count ? undefined : run(view.unguarded);
  if (full?.kind === 'notice') return shown;
  const before = count || (full && resultCount(full));
  const what = before ? heldBackPhrase({ count: before, marks }) : `that is past where ${marks}`;
  return { kind: 'notice', tone: 'empty', message: `Nothing in what the group has read yet: ${what}. Add spoilers:true to see it, privately.` };
}
