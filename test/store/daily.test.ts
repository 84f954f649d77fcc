/** The daily passage's repository on a real SQLite file: claims are exclusive across processes, rounds never repeat, and a crash never posts twice. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cacheDailies } from '../../src/daily/cache';
import { DailyRunner, type DailySettings } from '../../src/daily/runner';
import { Store, storeFile } from '../../src/store';
import { captureLogs } from '../e2e/harness';
import { FakeClock } from '../helpers/clock';

const GUILD = '223456789012345678';
let dir: string;
const opened: Store[] = [];
const open = async () => {
  const store = await Store.open(storeFile(dir));
  opened.push(store);
  return store;
};

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'marginalia-daily-'));
});
afterEach(async () => {
  await Promise.all(opened.splice(0).map((s) => s.close()));
  await rm(dir, { recursive: true, force: true });
});

const schedule = (since: Date): DailySettings => ({ guildId: GUILD, channelId: '323456789012345678', time: '07:30', timezone: 'Europe/Paris', workId: 'w', since, enabled: true, failures: 0 });
const nextKey = (used: ReadonlySet<string>) => {
  const key = ['w:1', 'w:2', 'w:3'].find((k) => !used.has(k));
  return key ? { key, reset: false } : { key: 'w:1', reset: true };
};

describe('the daily repository', () => {
  it('keeps a schedule as set, and turns it off with or without a reason', async () => {
    const store = await open();
    const since = new Date('2026-06-01T00:00:00Z');
    await store.daily.setDaily(schedule(since));
    expect(await store.daily.daily(GUILD)).toEqual(schedule(since));
    await store.daily.disableDaily(GUILD, 'three failures');
    expect(await store.daily.daily(GUILD)).toMatchObject({ enabled: false, disabledReason: 'three failures' });
    await store.daily.setDaily(schedule(since));
    expect(await store.daily.allDailies()).toEqual([schedule(since)]);
  });

  it('two connections claiming one occurrence: only the first gets it, whatever the second believed', async () => {
    // (Truly simultaneous claims are serialised by SQLite's write lock; within one process two
    // connections would wait on each other, so the second claims after the first here.)
    const [a, b] = [await open(), await open()];
    await a.daily.setDaily(schedule(new Date(0)));
    const due = new Date('2026-06-01T05:30:00Z');
    const results = [await a.daily.claim(GUILD, due, nextKey), await b.daily.claim(GUILD, due, nextKey)];
    expect(results.filter((r) => r === false)).toHaveLength(1);
    expect(results.filter((r) => r && r.key === 'w:1')).toHaveLength(1);
    expect(await b.daily.lastClaimed(GUILD)).toEqual(due);
  });

  it('never repeats a passage until all have been used, across restarts', async () => {
    const keys: string[] = [];
    for (let day = 1; day <= 5; day++) {
      const store = await open();
      const picked = await store.daily.claim(GUILD, new Date(Date.UTC(2026, 5, day, 5, 30)), nextKey);
      if (picked) keys.push(picked.key);
      await store.close();
      opened.pop();
    }
    expect(keys).toEqual(['w:1', 'w:2', 'w:3', 'w:1', 'w:2']);
  });

  it('counts failures in a row, and a success starts again', async () => {
    const store = await open();
    await store.daily.setDaily(schedule(new Date(0)));
    const due = (d: number) => new Date(Date.UTC(2026, 5, d, 5, 30));
    for (const d of [1, 2]) await store.daily.claim(GUILD, due(d), nextKey);
    expect(await store.daily.recordFailure(GUILD, due(1), 'gone')).toBe(1);
    expect(await store.daily.recordFailure(GUILD, due(2), 'gone')).toBe(2);
    await store.daily.recordSent(GUILD, due(2));
    expect((await store.daily.daily(GUILD))?.failures).toBe(0);
  });

  it('a crash between claim and send, then a restart on the same file: that occurrence is never posted', async () => {
    const clock = new FakeClock('2026-06-01T05:29:00Z');
    const logs = captureLogs();
    const sent: string[] = [];
    const first = await open();
    await first.daily.setDaily(schedule(new Date('2026-06-01T00:00:00Z')));
    let attempted = false;
    const crashing = new DailyRunner({
      store: await cacheDailies(first.daily),
      clock,
      logger: logs.logger,
      picker: () => nextKey,
      deliver: () => {
        attempted = true;
        return new Promise(() => {});
      },
    });
    await crashing.start();
    void clock.advanceTo('2026-06-01T05:30:00Z', async () => {});
    await expect.poll(() => attempted).toBe(true);
    crashing.stop();

    const second = await open();
    const runner = new DailyRunner({ store: await cacheDailies(second.daily), clock, logger: logs.logger, picker: () => nextKey, deliver: async (_s, key) => void sent.push(key) });
    await runner.start();
    await clock.advanceTo('2026-06-02T06:00:00Z', () => runner.idle());
    runner.stop();
    // The crashed day's passage counts as used: the next day posts the next one.
    expect(sent).toEqual(['w:2']);
  });

  it('is deleted with the server when the server is purged', async () => {
    const store = await open();
    await store.daily.setDaily(schedule(new Date(0)));
    await store.daily.claim(GUILD, new Date('2026-06-01T05:30:00Z'), nextKey);
    await store.guilds.left(GUILD, 0);
    await store.guilds.purge();
    expect(await store.daily.allDailies()).toEqual([]);
    expect(await store.daily.lastClaimed(GUILD)).toBeUndefined();
  });
});
