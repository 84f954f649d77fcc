import { Cron } from 'croner';

/** A post more than this late (the bot was down at the time) is skipped rather than posted. */
export const LATE_LIMIT_MS = 60 * 60 * 1000;
/** After this many failed posts in a row the schedule turns itself off. */
export const MAX_FAILURES = 3;

export interface Schedule {
  /** "07:30", in the server's own time zone. */
  time: string;
  /** An IANA zone, as `timeZoneOf` returns it. */
  timezone: string;
  /** When the schedule was set: occurrences before it were never due. */
  since: Date;
}

/** What to do now, and when to look again. */
export interface Plan {
  /** The occurrence to post now (its scheduled instant, which names the claim). */
  post?: Date;
  /** An occurrence missed by more than LATE_LIMIT_MS: recorded, never posted. */
  skip?: Date;
  /** The next occurrence after now. */
  next: Date;
}

const TIME = /^([01]?\d|2[0-3])[:h.]([0-5]\d)$/;

/** "7:30", "07:30", "7h30" → "07:30"; anything else undefined. */
export function parseTime(text: string): string | undefined {
  const match = TIME.exec(text.trim());
  if (!match) return undefined;
  return `${match[1]?.padStart(2, '0')}:${match[2]}`;
}

const ZONE_NAME = /^[A-Za-z]+(?:[/_+-][A-Za-z0-9]+)*$/;

/**
 * The IANA zone named ("europe/paris" → "Europe/Paris"), or undefined if there is none. A newer name
 * that this Node's ICU knows under an older one (Asia/Kolkata, Asia/Calcutta) stays as the reader wrote it.
 */
export function timeZoneOf(text: string): string | undefined {
  const name = text.trim();
  // Intl also takes offsets such as "+02:00", which have no DST and are not IANA zones.
  if (!ZONE_NAME.test(name)) return undefined;
  try {
    const resolved = new Intl.DateTimeFormat('en', { timeZone: name }).resolvedOptions().timeZone;
    return resolved.toLowerCase() === name.toLowerCase() ? resolved : name;
  } catch {
    return undefined;
  }
}

/** Zone names under their current spelling that ICU lists only under an older one. */
const CURRENT_NAMES = ['Asia/Kolkata', 'Europe/Kyiv', 'Asia/Ho_Chi_Minh', 'Asia/Kathmandu', 'Asia/Yangon', 'America/Argentina/Buenos_Aires', 'Pacific/Kanton', 'Atlantic/Faroe', 'America/Nuuk'];

/** Every zone a reader may pick, for autocomplete: what this Node knows, plus current spellings. */
export function knownTimeZones(): string[] {
  return [...new Set(['UTC', ...Intl.supportedValuesOf('timeZone'), ...CURRENT_NAMES.filter((z) => timeZoneOf(z))])];
}

function cron(schedule: Pick<Schedule, 'time' | 'timezone'>): Cron {
  const [hour, minute] = schedule.time.split(':').map(Number);
  // Paused: croner only computes occurrences here; the runner owns the timers so tests can drive the clock.
  return new Cron(`0 ${minute} ${hour} * * *`, { timezone: schedule.timezone, paused: true });
}

/**
 * The pure core of the daily post: given the schedule, the last occurrence already claimed (posted,
 * failed or skipped) and the time now, what to post and when to look again. Croner computes the
 * occurrences in the zone, so a day with a DST change still has exactly one (a time in a spring-forward
 * gap moves to the end of the gap; a time repeated in autumn counts once).
 */
export function plan(schedule: Schedule, lastClaimed: Date | undefined, now: Date): Plan {
  const job = cron(schedule);
  try {
    const next = job.nextRun(now) as Date;
    const [latest] = job.previousRuns(1, new Date(now.getTime() + 1));
    const open = latest && latest >= schedule.since && (!lastClaimed || latest > lastClaimed);
    if (!open) return { next };
    return now.getTime() - latest.getTime() < LATE_LIMIT_MS ? { post: latest, next } : { skip: latest, next };
  } finally {
    job.stop();
  }
}

/** The next occurrence after `now`, for /daily show. */
export function nextOccurrence(schedule: Pick<Schedule, 'time' | 'timezone'>, now: Date): Date {
  const job = cron(schedule);
  try {
    return job.nextRun(now) as Date;
  } finally {
    job.stop();
  }
}
