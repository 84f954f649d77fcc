import type { Passage } from '../corpus';
import { knownTimeZones, parseTime, timeZoneOf } from '../daily/schedule';
import { isNotice, notice, resolveWork } from './input';
import type { Library } from './library';
import { MAX_CHOICES, type Choice } from './suggest';
import type { NoticeAnswer } from './types';

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max)}…` : text);

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

/** What /daily set asks for, as typed. */
export interface DailyRequest {
  time?: string;
  timezone?: string;
  work?: string;
}

/** The time, zone and work of a /daily set, checked; or a notice saying what is wrong. */
export function checkDaily(library: Library, request: DailyRequest): { time: string; timezone: string; workId?: string } | NoticeAnswer {
  const time = parseTime(request.time ?? '');
  if (!time) return notice('error', `“${clip(request.time ?? '', 40)}” is not a time of day: write it as 07:30 (24-hour clock).`);
  const timezone = timeZoneOf(request.timezone ?? '');
  if (!timezone) return notice('error', `“${clip(request.timezone ?? '', 60)}” is not a time zone: pick one such as Europe/Paris or America/New_York from the list.`);
  const work = resolveWork(library, request.work);
  if (isNotice(work)) return work;
  return { time, timezone, ...(work ? { workId: work.meta.id } : {}) };
}

/** The zones whose name contains what is typed, those starting with it first. */
export function timeZoneChoices(typed: string): Choice[] {
  const wanted = typed.trim().toLowerCase().replace(/\s+/g, '_');
  const zones = knownTimeZones();
  const starting = zones.filter((z) => z.toLowerCase().startsWith(wanted) || z.toLowerCase().split('/').some((part) => part.startsWith(wanted)));
  const containing = zones.filter((z) => z.toLowerCase().includes(wanted) && !starting.includes(z));
  return [...starting, ...containing].slice(0, MAX_CHOICES).map((z) => ({ name: z.replace(/_/g, ' '), value: z }));
}
