/**
 * The daily post against a fake clock: one post per day at the local time through DST changes,
 * restarts, a crash between claiming and sending, downtime, and a channel that is gone.
 */
import { describe, expect, it } from 'vitest';
import { DailyRunner, DeliveryError, type DailySettings } from '../../src/daily/runner';
import { MAX_FAILURES } from '../../src/daily/schedule';
import { FakeClock } from '../helpers/clock';
import { captureLogs } from '../e2e/harness';
import { createDailyStore } from '../helpers/daily-store';

const GUILD = '223456789012345678';
const CHANNEL = '323456789012345678';
const KEYS = Array.from({ length: 40 }, (_, i) => `w:${i}`);

interface World {
  store: ReturnType<typeof createDailyStore>;
  clock: FakeClock;
  /** Every delivery attempt: the occurrence's time as the clock read when sent, and the key. */
  sent: { at: string; key: string }[];
  logs: ReturnType<typeof captureLogs>;
  /** A runner as a (re)started process would build it. */
  runner(deliver?: (key: string) => Promise<void>): DailyRunner;
  /** Moves the clock, letting the runner finish what each timer starts. */
  advance(to: string): Promise<void>;
}

function world(start: string, settings: Partial<DailySettings> = {}): World {
  const clock = new FakeClock(start);
  const store = createDailyStore();
  store.setDaily({ guildId: GUILD, channelId: CHANNEL, time: '07:30', timezone: 'Europe/Paris', since: clock.now(), enabled: true, failures: 0, ...settings });
  const sent: World['sent'] = [];
  const logs = captureLogs('debug');
  let current: DailyRunner | undefined;
  return {
    store,
    clock,
    sent,
    logs,
    runner(deliver) {
      current?.stop();
      current = new DailyRunner({
        store,
        clock,
        logger: logs.logger,
        picker: () => (used) => {
          const key = KEYS.find((k) => !used.has(k));
          return key ? { key, reset: false } : { key: KEYS[0] ?? '', reset: true };
        },
        deliver: deliver ? (_settings, key) => deliver(key) : async (_settings, key) => void sent.push({ at: clock.now().toISOString(), key }),
      });
      return current;
    },
    async advance(to) {
      await clock.advanceTo(to, () => current?.idle() ?? Promise.resolve());
    },
  };
}

/** The local date and time of each post, in the zone. */
const local = (iso: string, timeZone: string) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));

describe('a daily schedule', () => {
  it('posts once a day at the local time, never the same passage twice', async () => {
    const w = world('2026-06-01T00:00:00Z');
    await w.runner().start();
    await w.advance('2026-06-11T00:00:00Z');
    expect(w.sent.map((s) => local(s.at, 'Europe/Paris'))).toEqual(Array.from({ length: 10 }, (_, i) => `2026-06-${String(i + 1).padStart(2, '0')} 07:30`));
    expect(new Set(w.sent.map((s) => s.key)).size).toBe(10);
  });

  it('set after today’s time, posts first tomorrow', async () => {
    const w = world('2026-06-01T09:00:00Z');
    await w.runner().start();
    await w.advance('2026-06-02T12:00:00Z');
    expect(w.sent.map((s) => s.at)).toEqual(['2026-06-02T05:30:00.000Z']);
  });

  it.each([
    // Both directions of a DST change, in a zone on each side of the equator and one at a time inside the spring gap.
    ['Europe/Berlin', '02:30', '2026-03-25T00:00:00Z', '2026-04-02T00:00:00Z'],
    ['Europe/Berlin', '02:30', '2026-10-21T00:00:00Z', '2026-10-29T00:00:00Z'],
    ['America/New_York', '01:30', '2026-03-05T12:00:00Z', '2026-03-12T12:00:00Z'],
    ['America/New_York', '01:30', '2026-10-29T12:00:00Z', '2026-11-05T12:00:00Z'],
    ['Australia/Sydney', '02:30', '2026-04-01T00:00:00Z', '2026-04-08T00:00:00Z'],
    ['Australia/Sydney', '02:30', '2026-09-30T00:00:00Z', '2026-10-08T00:00:00Z'],
  ])('in %s at %s, a DST change neither skips nor doubles a post (%s to %s)', async (timezone, time, from, to) => {
    const w = world(from, { timezone, time });
    await w.runner().start();
    await w.advance(to);
    const days = w.sent.map((s) => local(s.at, timezone).slice(0, 10));
    const expected = Math.round((new Date(to).getTime() - new Date(from).getTime()) / 86_400_000);
    expect(days).toHaveLength(expected);
    expect(new Set(days).size).toBe(expected);
    // Every post at the time asked for, except on the day that time does not exist: then at the end of the gap.
    for (const s of w.sent) expect([time, '03:00']).toContain(local(s.at, timezone).slice(11));
    expect(w.sent.filter((s) => local(s.at, timezone).slice(11) !== time).length).toBeLessThanOrEqual(1);
  });

  it('a restart mid-day posts nothing more that day, and the next day as usual', async () => {
    const w = world('2026-06-01T00:00:00Z');
    await w.runner().start();
    await w.advance('2026-06-01T10:00:00Z');
    w.runner().stop();
    await w.runner().start();
    await w.advance('2026-06-02T10:00:00Z');
    expect(w.sent.map((s) => s.at)).toEqual(['2026-06-01T05:30:00.000Z', '2026-06-02T05:30:00.000Z']);
  });

  it('a crash between claiming and sending never posts that occurrence, even after a restart', async () => {
    const w = world('2026-06-01T00:00:00Z');
    // The first process claims, then dies while the post is on its way: the send never completes.
    let attempted = false;
    const crashing = w.runner(() => {
      attempted = true;
      return new Promise<void>(() => {});
    });
    await crashing.start();
    void w.clock.advanceTo('2026-06-01T05:30:00Z', async () => {});
    await expect.poll(() => attempted).toBe(true);
    crashing.stop();
    expect(w.store.claims(GUILD)).toEqual([{ due: '2026-06-01T05:30:00.000Z', status: 'claimed' }]);

    // Restarted within the hour: the claim stands, so no second post.
    await w.runner().start();
    await w.advance('2026-06-01T06:00:00Z');
    expect(w.sent).toEqual([]);
    await w.advance('2026-06-02T06:00:00Z');
    expect(w.sent.map((s) => s.at)).toEqual(['2026-06-02T05:30:00.000Z']);
  });

  it('two processes that both think the post is due: the claim lets only one post', async () => {
    const w = world('2026-06-01T05:30:00Z');
    const first = w.runner();
    await first.start();
    // A second process that read before the first one's claim: it plans to post as well.
    const second = new DailyRunner({
      store: { ...w.store, lastClaimed: () => undefined },
      clock: w.clock,
      logger: w.logs.logger,
      picker: () => (used) => ({ key: KEYS.find((k) => !used.has(k)) ?? '', reset: false }),
      deliver: async (_settings, key) => void w.sent.push({ at: w.clock.now().toISOString(), key }),
    });
    await second.start();
    second.stop();
    expect(w.sent).toHaveLength(1);
    expect(w.store.claims(GUILD)).toEqual([{ due: '2026-06-01T05:30:00.000Z', status: 'sent' }]);
    expect(w.store.daily(GUILD)?.failures).toBe(0);
  });

  it('down for 30 minutes at the time: posts once on start, late', async () => {
    const w = world('2026-06-01T00:00:00Z');
    await w.runner().start();
    await w.advance('2026-06-01T05:00:00Z');
    w.runner().stop();
    await w.clock.advanceTo('2026-06-01T06:00:00Z', async () => {});
    await w.runner().start();
    // Started again ten minutes later: still once.
    await w.clock.advanceTo('2026-06-01T06:10:00Z', async () => {});
    await w.runner().start();
    expect(w.sent.map((s) => s.at)).toEqual(['2026-06-01T06:00:00.000Z']);
  });

  it('down for 3 hours at the time: skips it, says so in the log, and posts the next day', async () => {
    const w = world('2026-06-01T00:00:00Z');
    await w.runner().start();
    await w.advance('2026-06-01T05:00:00Z');
    w.runner().stop();
    await w.clock.advanceTo('2026-06-01T08:30:00Z', async () => {});
    await w.runner().start();
    expect(w.sent).toEqual([]);
    expect(w.logs.lines.find((l) => l.msg === 'daily post skipped: more than an hour late')).toMatchObject({ guild: GUILD, due: '2026-06-01T05:30:00.000Z' });
    await w.advance('2026-06-02T06:00:00Z');
    expect(w.sent.map((s) => s.at)).toEqual(['2026-06-02T05:30:00.000Z']);
  });

  it(`a deleted channel: each failure is logged, and after ${MAX_FAILURES} in a row the schedule turns off`, async () => {
    const w = world('2026-06-01T00:00:00Z');
    let attempts = 0;
    const gone = async () => {
      attempts++;
      throw new DeliveryError('the channel no longer exists');
    };
    await w.runner(gone).start();
    await w.advance('2026-06-10T00:00:00Z');
    expect(attempts).toBe(MAX_FAILURES);
    expect(w.store.daily(GUILD)).toMatchObject({ enabled: false, failures: MAX_FAILURES, disabledReason: '3 posts in a row failed (the last: the channel no longer exists)' });
    expect(w.logs.lines.filter((l) => l.msg === 'daily post failed').map((l) => l.failures)).toEqual([1, 2, 3]);
    expect(w.logs.lines.some((l) => l.msg === 'daily post turned off after repeated failures')).toBe(true);
    expect(w.clock.pending).toBe(0);
  });

  it('a post that succeeds between failures starts the count again', async () => {
    const w = world('2026-06-01T00:00:00Z');
    const outcomes = [false, false, true, false, false, true];
    await w.runner(async (key) => {
      if (!outcomes.shift()) throw new DeliveryError('Missing Permissions');
      w.sent.push({ at: w.clock.now().toISOString(), key });
    }).start();
    await w.advance('2026-06-07T00:00:00Z');
    expect(w.store.daily(GUILD)).toMatchObject({ enabled: true });
    expect(w.sent).toHaveLength(2);
  });

  it('a schedule turned off posts nothing', async () => {
    const w = world('2026-06-01T00:00:00Z', { enabled: false });
    await w.runner().start();
    await w.advance('2026-06-05T00:00:00Z');
    expect(w.sent).toEqual([]);
    expect(w.clock.pending).toBe(0);
  });
});
