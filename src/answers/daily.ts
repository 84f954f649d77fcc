import type { Passage } from '../corpus';

/** A daily post skips salutations and one-line headings, as a random quote does, unless nothing else is left. */
const MIN_DAILY_WORDS = 12;

/** How the passage of the day is chosen: the next unposted one in order, or any unposted one. */
export type DailyOrder = 'next' | 'random';

export interface DailyChoice {
  passage: Passage;
  /** Every candidate had been posted: the round starts again, and what was posted is forgotten. */
  reset: boolean;
}

/** The key a posted passage is remembered by. */
export const dailyKey = (passage: Pick<Passage, 'workId' | 'seq'>) => `${passage.workId}:${passage.seq}`;

/**
 * The passage of the day among `candidates` (the passages the group has read, in reading order),
 * never one already in `used` until every candidate has been posted.
 */
export function chooseDaily(candidates: readonly Passage[], used: ReadonlySet<string>, order: DailyOrder, random: () => number = Math.random): DailyChoice | undefined {
  const long = candidates.filter((p) => p.text.split(/\s+/).length >= MIN_DAILY_WORDS);
  const pool = long.length ? long : candidates;
  if (pool.length === 0) return undefined;
  const fresh = pool.filter((p) => !used.has(dailyKey(p)));
  const reset = fresh.length === 0;
  const from = reset ? pool : fresh;
  const passage = order === 'next' ? from[0] : from[Math.floor(random() * from.length)];
  return passage && { passage, reset };
}
