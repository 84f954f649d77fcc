import { findSection, matchSections, type Work } from '../corpus';
import { foldPhrase } from '../search/text';
import { cleanText, isNotice, notice, resolveWork } from './input';
import type { Library } from './library';
import { MAX_CHOICES, type Choice } from './suggest';
import type { Answer, NoticeAnswer } from './types';
import { resolveMark, type LibraryView, type MarkSetting } from './view';
import { SHOW_FOR_EVERYONE } from './browse';

/**
 * What settings commands answer a member without Manage Server, naming the permission: a server may
 * let everyone use the command (Integrations), but its changes stay with Manage Server.
 */
export const needsManageServer = (command: string, what: string): NoticeAnswer =>
  notice('error', `${command} needs the Manage Server permission: only members who have it can ${what}. /works shows this server’s works and how far the group has read, for anyone.`);

const titleOf = (work: Work) => work.meta.shortTitle ?? work.meta.title;

/** A work among every work the bot carries (for /library add), by id or title. */
export function anyWork(view: LibraryView, input: string | undefined): Work | NoticeAnswer {
  const work = resolveWork(view.whole, input);
  return work ?? notice('error', 'Name a work: pick one from the list, or see /works.');
}

/** The ids of the server's works after adding or removing one; undefined means every work again. */
export function changedLibrary(view: LibraryView, work: Work, change: 'add' | 'remove'): { works: string[] | undefined; message: string } | NoticeAnswer {
  const all = view.whole.corpus.works.map((w) => w.meta.id);
  const current = new Set(view.unguarded.corpus.works.map((w) => w.meta.id));
  const id = work.meta.id;
  if (change === 'add' && current.has(id)) return notice('error', `${titleOf(work)} is already in this server's library.`);
  if (change === 'remove' && !current.has(id)) return notice('error', `${titleOf(work)} is not in this server's library.`);
  if (change === 'remove' && current.size === 1) return notice('error', `${titleOf(work)} is the only work in this server's library; add another before removing it.`);
  if (change === 'add') current.add(id);
  else current.delete(id);
  const every = all.every((w) => current.has(w));
  const count = `${current.size} work${current.size === 1 ? '' : 's'}`;
  return {
    works: every ? undefined : all.filter((w) => current.has(w)),
    message: change === 'add' ? `Added ${titleOf(work)} to this server's library: it now reads ${every ? 'every work' : count}.` : `Removed ${titleOf(work)} from this server's library: it now reads ${count}.`,
  };
}

/** The work a /reading command is about: named, or the only one the server reads or has marked. */
function readingWork(view: LibraryView, input: string | undefined): Work | NoticeAnswer {
  const work = resolveWork(view.unguarded, input);
  if (isNotice(work) || work) return work;
  const works = view.unguarded.corpus.works;
  if (works.length === 1 && works[0]) return works[0];
  if (view.marks.length === 1 && view.marks[0]) return view.marks[0].work;
  return notice('error', 'Which work? Add work: to name it.');
}

const sectionExamples = (work: Work) => {
  const located = work.chapters.filter((c) => c.locator);
  const [first, last] = [located[0], located.at(-1)];
  return first && last ? ` ${titleOf(work)} runs from ${first.locator} to ${last.locator}.` : '';
};

/** The mark `/reading set` stores: the section named in the work's own locators. */
export function markFor(view: LibraryView, workInput: string | undefined, through: string | undefined): MarkSetting | NoticeAnswer {
  const work = readingWork(view, workInput);
  if (isNotice(work)) return work;
  const wanted = cleanText(through);
  if (!wanted) return notice('error', `Say how far the group has read, for example through:"ch. 12".${sectionExamples(work)}`);
  if (!work.chapters.some((c) => c.locator)) return notice('error', `${titleOf(work)} has no chapters or sections to mark.`);
  const section = findSection(work, wanted);
  if (!section || !section.locator) {
    const several = matchSections(work, wanted).length > 1;
    return notice('error', `${several ? `“${wanted}” names several sections of ${titleOf(work)}; choose one from the list.` : `${titleOf(work)} has no section “${wanted}”.`}${sectionExamples(work)}`);
  }
  return { workId: work.meta.id, through: section.locator, section: section.n };
}

/** The mark `/reading next` stores: one section on from the current one. */
export function nextMark(view: LibraryView, workInput: string | undefined): MarkSetting | NoticeAnswer {
  const work = readingWork(view, workInput);
  if (isNotice(work)) return work;
  const mark = view.marks.find((m) => m.work.meta.id === work.meta.id);
  const next = mark ? work.chapters.slice(mark.lastSection).find((c) => c.locator) : work.chapters.find((c) => c.locator);
  if (!next) return notice('error', mark ? `The group has read ${titleOf(work)} through ${mark.through}, its last section.` : `${titleOf(work)} has no chapters or sections to mark.`);
  return { workId: work.meta.id, through: next.locator, section: next.n };
}

/** The work a mark is to be cleared from. */
export function markedWork(view: LibraryView, workInput: string | undefined): Work | NoticeAnswer {
  const work = readingWork(view, workInput);
  if (isNotice(work)) return work;
  return view.marks.some((m) => m.work.meta.id === work.meta.id) ? work : notice('error', `There is no reading mark on ${titleOf(work)}.`);
}

export function markSetMessage(view: LibraryView, mark: MarkSetting): string {
  const work = view.whole.works.get(mark.workId);
  const section = work && resolveMark(work, mark);
  const title = work ? titleOf(work) : mark.workId;
  const hidden = work && section ? work.passages.length - section.shown : 0;
  return `The group has read ${title} through ${mark.through}. ${hidden ? `Replies now leave out its ${hidden} later passage${hidden === 1 ? '' : 's'}.` : 'That is the whole work: nothing is held back.'}`;
}

/** /reading show: each reading mark, for anyone. */
export function readingShow(view: LibraryView): Answer {
  if (view.marks.length === 0) return notice('empty', `No reading is set: replies quote every passage of this server’s works. Someone with Manage Server can set one with /reading set.\n${SHOW_FOR_EVERYONE}`);
  const lines = view.marks.map((m) => {
    const section = m.work.chapters[m.lastSection - 1];
    const titled = section?.title ? ` (${section.title})` : '';
    return `${titleOf(m.work)}: read through ${m.through}${titled}; ${m.work.passages.length - m.shown} later passages held back.`;
  });
  return notice('done', [...lines, SHOW_FOR_EVERYONE].join('\n'));
}

/** The sections of a work, for the `through` option as it is typed. */
export function sectionChoices(library: Library, workId: string | undefined, typed: string): Choice[] {
  const works = workId ? [library.works.get(workId)].filter((w): w is Work => Boolean(w)) : library.corpus.works;
  const wanted = foldPhrase(typed);
  const several = works.length > 1;
  return works
    .flatMap((w) => w.chapters.filter((c) => c.locator).map((c) => ({ w, c })))
    .filter(({ c }) => !wanted || foldPhrase(`${c.locator} ${c.title}`).includes(wanted))
    .slice(0, MAX_CHOICES)
    .map(({ w, c }) => ({ name: `${c.locator}${c.title ? ` — ${c.title}` : ''}${several ? ` (${titleOf(w)})` : ''}`, value: c.locator }));
}
