import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chooseDaily, dailyKey } from '../../src/answers';
import type { Passage } from '../../src/corpus';
import { LATE_LIMIT_MS, nextOccurrence, parseTime, plan, timeZoneOf } from '../../src/daily/schedule';

describe('parseTime', () => {
  it.each([
    ['07:30', '07:30'],
    ['7:30', '07:30'],
    [' 7h05 ', '07:05'],
    ['23.59', '23:59'],
    ['0:00', '00:00'],
  ])('%j reads as %s', (text, time) => expect(parseTime(text)).toBe(time));

  it.each(['24:00', '7:60', '730', 'seven', '', '07:30 pm', '-1:00'])('%j is not a time', (text) => expect(parseTime(text)).toBeUndefined());
});

describe('timeZoneOf', () => {
  it.each([
    ['Europe/Paris', 'Europe/Paris'],
    ['europe/paris', 'Europe/Paris'],
    ['America/Argentina/Buenos_Aires', 'America/Argentina/Buenos_Aires'],
    ['Asia/Kolkata', 'Asia/Kolkata'],
    ['asia/calcutta', 'Asia/Calcutta'],
    ['UTC', 'UTC'],
  ])('%j is the zone %s', (text, zone) => expect(timeZoneOf(text)).toBe(zone));

  it.each(['Mars/Olympus', '+02:00', 'GMT+2', '', 'Europe/Paris; rm -rf', '<@123>'])('%j is not an IANA zone', (text) => expect(timeZoneOf(text)).toBeUndefined());
});

describe('plan', () => {
  const schedule = { time: '07:30', timezone: 'Europe/Paris', since: new Date('2026-06-01T00:00:00Z') };
  const due = new Date('2026-06-01T05:30:00Z');

  it.each([
    ['before the time', '2026-06-01T05:29:59Z', undefined, {}],
    ['at the time', '2026-06-01T05:30:00Z', undefined, { post: due }],
    ['59 minutes late', '2026-06-01T06:29:59Z', undefined, { post: due }],
    ['an hour late', '2026-06-01T06:30:00Z', undefined, { skip: due }],
    ['already claimed', '2026-06-01T05:31:00Z', due, {}],
  ])('%s', (_what, now, last, expected) => {
    const result = plan(schedule, last, new Date(now));
    expect({ post: result.post, skip: result.skip }).toEqual({ post: undefined, skip: undefined, ...expected });
    expect(result.next.getTime()).toBeGreaterThan(new Date(now).getTime());
  });

  it('an occurrence before the schedule was set is never due', () => {
    expect(plan({ ...schedule, since: new Date('2026-06-01T06:00:00Z') }, undefined, new Date('2026-06-01T06:05:00Z'))).toEqual({ next: new Date('2026-06-02T05:30:00Z') });
  });

  it('whatever the time and zone, it never both posts and skips, posts only within the hour, and looks again within a day and an hour', () => {
    const zones = ['Europe/Paris', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kolkata', 'Pacific/Chatham', 'UTC'];
    fc.assert(
      fc.property(fc.constantFrom(...zones), fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), fc.integer({ min: 0, max: 400 * 86_400 }), (timezone, h, m, offset) => {
        const now = new Date(Date.UTC(2026, 0, 1) + offset * 1000);
        const result = plan({ time: `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`, timezone, since: new Date(0) }, undefined, now);
        expect(result.post && result.skip).toBeFalsy();
        if (result.post) expect(now.getTime() - result.post.getTime()).toBeLessThan(LATE_LIMIT_MS);
        expect(result.next.getTime() - now.getTime()).toBeLessThanOrEqual(25 * 3_600_000);
      }),
      { numRuns: 300 },
    );
  });

  it('shows the next occurrence in the zone', () => {
    expect(nextOccurrence({ time: '02:30', timezone: 'Europe/Berlin' }, new Date('2026-03-28T12:00:00Z'))).toEqual(new Date('2026-03-29T01:00:00Z'));
  });
});

describe('chooseDaily', () => {
  const passage = (seq: number, words = 20): Passage =>
    ({ index: seq, workId: 'w', chapter: 0, n: seq + 1, seq, text: Array.from({ length: words }, () => 'word').join(' '), footnoteRefs: [], line: seq }) as Passage;
  const passages = [passage(0, 3), passage(1), passage(2), passage(3)];

  it('in order: the next unposted passage, skipping one-line headings, then starts again', () => {
    const used = new Set<string>();
    const order: number[] = [];
    for (let i = 0; i < 5; i++) {
      const choice = chooseDaily(passages, used, 'next');
      if (!choice) throw new Error('no choice');
      if (choice.reset) used.clear();
      used.add(dailyKey(choice.passage));
      order.push(choice.passage.seq);
    }
    expect(order).toEqual([1, 2, 3, 1, 2]);
  });

  it('at random: never a repeat until every candidate has been posted', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 0.999, noNaN: true }), { minLength: 3, maxLength: 3 }), (draws) => {
        const used = new Set<string>();
        for (const draw of draws) {
          const choice = chooseDaily(passages, used, 'random', () => draw);
          expect(choice?.reset).toBe(false);
          used.add(dailyKey(choice?.passage ?? passage(9)));
        }
        expect(used.size).toBe(3);
        expect(chooseDaily(passages, used, 'random', () => 0)?.reset).toBe(true);
      }),
    );
  });

  it('nothing to choose from is nothing', () => expect(chooseDaily([], new Set(), 'next')).toBeUndefined());
});
