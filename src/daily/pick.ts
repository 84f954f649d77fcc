import { chooseDaily, dailyKey, type Library } from '../answers';
import type { Passage } from '../corpus';
import type { DailyPick, DailySettings } from './runner';

/**
 * What a server's daily post chooses from, in its view of the library: with a work, that work's
 * passages up to the mark, in order; without, every passage the group has read.
 */
export function dailyCandidates(library: Library, workId?: string): readonly Passage[] {
  return workId ? (library.works.get(workId)?.passages ?? []) : library.corpus.works.flatMap((w) => w.passages);
}

/** The choice a claim makes from the keys already used: the scheduler's, and the console's preview of it. */
export function dailyPicker(from: readonly Passage[], settings: Pick<DailySettings, 'workId'>, random?: () => number): (used: ReadonlySet<string>) => DailyPick | undefined {
  return (used) => {
    const choice = chooseDaily(from, used, settings.workId ? 'next' : 'random', random);
    return choice && { key: dailyKey(choice.passage), reset: choice.reset };
  };
}
