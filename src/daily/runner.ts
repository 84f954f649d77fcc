import type { Logger } from '../logger';
import { MAX_FAILURES, plan } from './schedule';

/** One server's daily post, as the store keeps it. */
export interface DailySettings {
  guildId: string;
  channelId: string;
  /** "07:30" in `timezone`. */
  time: string;
  timezone: string;
  workId?: string;
  /** When /daily set was run: earlier occurrences were never due. */
  since: Date;
  enabled: boolean;
  /** Posts that failed in a row. */
  failures: number;
  /** Why the schedule turned itself off, for /daily show. */
  disabledReason?: string;
}

/** What a claimed occurrence posts, chosen inside the claim's transaction. */
export interface DailyPick {
  key: string;
  /** Every candidate had been posted: forget them all before remembering this one. */
  reset: boolean;
}

type MaybePromise<T> = T | Promise<T>;

/** What the runner needs of the store. Each method is one transaction; any may be asynchronous (Kysely's are). */
export interface DailyStore {
  /** Every server's schedule, on or off. */
  allDailies(): MaybePromise<DailySettings[]>;
  daily(guildId: string): MaybePromise<DailySettings | undefined>;
  /** The keys of the passages this round has posted: read only, to show what comes next. */
  used(guildId: string): MaybePromise<ReadonlySet<string>>;
  /** The latest occurrence claimed (posted, failed or skipped), if any. */
  lastClaimed(guildId: string): MaybePromise<Date | undefined>;
  /**
   * Claims occurrence `due` unless a claim for it exists, choosing what it posts from the keys
   * already used, and records the choice as used. False when another claim got there first.
   */
  claim(guildId: string, due: Date, pick: (used: ReadonlySet<string>) => DailyPick | undefined): MaybePromise<DailyPick | false | undefined>;
  /** Records an occurrence missed by too much, so it is never posted. */
  skip(guildId: string, due: Date): MaybePromise<void>;
  recordSent(guildId: string, due: Date): MaybePromise<void>;
  /** Counts a failure; returns how many in a row. */
  recordFailure(guildId: string, due: Date, reason: string): MaybePromise<number>;
  /** Turns the schedule off; a reason says it turned itself off. */
  disableDaily(guildId: string, reason?: string): MaybePromise<void>;
  /** Creates or replaces a server's schedule (failures back to 0, enabled, no reason). */
  setDaily(settings: DailySettings): MaybePromise<void>;
}

/** Time, injectable: tests drive a fake one. */
export interface Clock {
  now(): Date;
  setTimer(ms: number, run: () => void): { cancel(): void };
}

export const systemClock: Clock = {
  now: () => new Date(),
  setTimer(ms, run) {
    // Node's timers stop at about 24.8 days; a daily schedule never waits that long, but stay safe.
    const timer = setTimeout(run, Math.min(Math.max(0, ms), 2 ** 31 - 1));
    timer.unref();
    return { cancel: () => clearTimeout(timer) };
  },
};

/** Why a post could not be delivered, in words for the log and /daily show. */
export class DeliveryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DeliveryError';
  }
}

export interface DailyRunnerOptions {
  store: DailyStore;
  clock?: Clock;
  logger: Logger;
  /**
   * How to choose the passage of the day for a server, given the keys already used. Asked before the
   * claim (reading the server's view may be asynchronous); the choice itself is made inside it.
   */
  picker(settings: DailySettings): MaybePromise<(used: ReadonlySet<string>) => DailyPick | undefined>;
  /** Posts the passage with this key to the channel; throws (a DeliveryError, ideally) if it cannot. */
  deliver(settings: DailySettings, key: string): Promise<void>;
}

/**
 * The thin, stateful part of the daily post: one timer per server, armed for the next occurrence.
 * Every decision is the pure `plan`'s; every claim is the store's, in a transaction, before sending,
 * so a crash after claiming leaves a claim and never a second post.
 */
export class DailyRunner {
  private readonly timers = new Map<string, { cancel(): void }>();
  private readonly queues = new Map<string, Promise<void>>();
  private readonly clock: Clock;
  private stopped = false;

  constructor(private readonly options: DailyRunnerOptions) {
    this.clock = options.clock ?? systemClock;
  }

  /** Looks at every enabled schedule now: posts what is due (or less than an hour late) and arms the timers. */
  async start(): Promise<void> {
    try {
      for (const settings of await this.options.store.allDailies()) if (settings.enabled) void this.check(settings.guildId);
    } catch (err) {
      this.options.logger.error({ err }, 'could not read the daily schedules');
    }
    return this.idle();
  }

  /** After /daily set or off: forget the old timer and plan from the settings as they now are. */
  reschedule(guildId: string): Promise<void> {
    return this.check(guildId);
  }

  stop(): void {
    this.stopped = true;
    for (const timer of this.timers.values()) timer.cancel();
    this.timers.clear();
  }

  /** Settles when no server's check is running: what tests wait on instead of sleeping. */
  async idle(): Promise<void> {
    while (this.queues.size) await Promise.all(this.queues.values());
  }

  /** Checks one server, one check at a time per server. */
  check(guildId: string): Promise<void> {
    const previous = this.queues.get(guildId) ?? Promise.resolve();
    const next = previous.then(() => this.run(guildId));
    this.queues.set(guildId, next);
    void next.finally(() => {
      if (this.queues.get(guildId) === next) this.queues.delete(guildId);
    });
    return next;
  }

  private async run(guildId: string): Promise<void> {
    this.timers.get(guildId)?.cancel();
    this.timers.delete(guildId);
    if (this.stopped) return;
    const { store, logger } = this.options;
    try {
      const settings = await store.daily(guildId);
      if (!settings?.enabled) return;
      const now = this.clock.now();
      const decision = plan(settings, await store.lastClaimed(guildId), now);
      if (decision.skip) {
        await store.skip(guildId, decision.skip);
        logger.warn({ guild: guildId, due: decision.skip.toISOString(), late: now.getTime() - decision.skip.getTime() }, 'daily post skipped: more than an hour late');
      }
      if (decision.post) await this.post(settings, decision.post);
      if (!this.stopped && (await store.daily(guildId))?.enabled) {
        this.timers.set(guildId, this.clock.setTimer(decision.next.getTime() - now.getTime(), () => void this.check(guildId)));
      }
    } catch (err) {
      logger.error({ err, guild: guildId }, 'daily check failed');
    }
  }

  private async post(settings: DailySettings, due: Date): Promise<void> {
    const { store, logger } = this.options;
    const pick = await this.options.picker(settings);
    const claimed = await store.claim(settings.guildId, due, pick);
    if (claimed === false) return;
    const line = { guild: settings.guildId, channel: settings.channelId, due: due.toISOString() };
    if (!claimed) {
      await this.fail(settings, due, 'there is no passage to post: the works chosen have none the group has read');
      return;
    }
    let failure: string | undefined;
    try {
      await this.options.deliver(settings, claimed.key);
    } catch (err) {
      failure = err instanceof DeliveryError ? err.message : 'Discord did not accept the post';
      if (!(err instanceof DeliveryError)) logger.error({ err, ...line }, 'daily post failed');
    }
    if (failure) return this.fail(settings, due, failure);
    await store.recordSent(settings.guildId, due);
    logger.info({ ...line, passage: claimed.key }, 'daily post sent');
  }

  private async fail(settings: DailySettings, due: Date, reason: string): Promise<void> {
    const { store, logger } = this.options;
    const failures = await store.recordFailure(settings.guildId, due, reason);
    logger.warn({ guild: settings.guildId, channel: settings.channelId, due: due.toISOString(), failures, reason }, 'daily post failed');
    if (failures >= MAX_FAILURES) {
      await store.disableDaily(settings.guildId, `${MAX_FAILURES} posts in a row failed (the last: ${reason})`);
      logger.warn({ guild: settings.guildId, channel: settings.channelId }, 'daily post turned off after repeated failures');
    }
  }
}
