import { describe, expect, it } from 'vitest';
import type { ContextAnswer, Quotation, WorkSummary } from '../../src/answers';
import { clip, excerptRange } from '../../src/render/limits';
import { embedLength, render } from '../../src/render/render';

const show = (text: string, max: number, focusWord?: string) => {
  const at = focusWord === undefined ? -1 : text.indexOf(focusWord);
  const r = excerptRange(text, max, at < 0 ? undefined : { start: at, end: at + (focusWord?.length ?? 0) });
  return text.slice(r.start, r.end);
};

describe('excerptRange', () => {
  const text = 'One two three. Four five six seven. Eight nine.';
  it.each([
    [100, undefined, text],
    [text.length, undefined, text],
    [35, undefined, 'One two three. Four five six seven.'],
    [20, 'Four', 'Four five six seven.'],
    [35, 'Eight', 'Four five six seven. Eight nine.'],
    [14, 'Eight', 'Eight nine.'],
    // A sentence longer than the room: whole words around the focus.
    [12, 'six', 'five six'],
    // Centred on the focus; words the window only half covers are dropped.
    [9, 'Four', 'Four'],
  ])('room %i, focus %j → %j', (max, focus, expected) => {
    const shown = show(text, max, focus);
    expect(shown).toBe(expected);
    expect(shown.length).toBeLessThanOrEqual(max);
  });

  it('never cuts inside a word, even in one long sentence', () => {
    const long = 'Antidisestablishmentarianism is long, and so is floccinaucinihilipilification indeed';
    for (let max = 30; max < long.length; max++) {
      const r = excerptRange(long, max);
      expect(r.end - r.start).toBeLessThanOrEqual(max);
      expect(r.start === 0 || long[r.start - 1] === ' ').toBe(true);
      expect(r.end === long.length || long[r.end] === ' ').toBe(true);
    }
  });
});

describe('clip', () => {
  it.each([
    ['short', 10, '…', 'short'],
    ['one two three four', 12, '…', 'one two …'],
    ['one two three four', 12, '[…]', 'one two […]'],
    ['onetwothreefour', 8, '…', 'onetwo …'],
  ])('%j to %i with %j → %j', (text, max, mark, expected) => {
    expect(clip(text, max, mark)).toBe(expected);
    expect(clip(text, max, mark).length).toBeLessThanOrEqual(max);
  });
});

describe('the 6000-character embed total', () => {
  const long = (word: string, n: number) => Array.from({ length: n }, (_, i) => `${word}${i}`).join(' ');
  const attribution = {
    workId: 'w',
    title: long('Title', 30).slice(0, 228),
    author: long('Author', 20),
    date: '1936-08-10',
    locator: '¶ 2',
    translator: long('Translator', 40),
    source: long('Source', 120),
    license: long('Licence', 80),
  };
  const passage = (seq: number): Quotation => ({
    workId: 'w',
    seq,
    text: long(`Sentence of passage ${seq} with word. And more`, 60),
    highlights: [],
    footnotes: [],
    attribution: { ...attribution, locator: `¶ ${seq + 1}` },
  });

  it('holds for the context view with a long title and attribution: the passages share what is left', () => {
    const answer: ContextAnswer = { kind: 'context', passages: [passage(0), passage(1), passage(2)], centre: 1 };
    const embed = render(answer).data.embeds?.[0];
    expect(embedLength(embed ?? {})).toBeLessThanOrEqual(6000);
    expect(embed?.description?.split('\n').filter((l) => l.startsWith('> ')).length).toBe(3);
    // The footer is as long as Discord allows: the passages made room, not the attribution.
    expect(embed?.footer?.text.length).toBeGreaterThan(2040);
  });

  it('/works drops whole works before its “…and N more” field, which always shows the count', () => {
    const works: WorkSummary[] = Array.from({ length: 30 }, (_, i) => ({
      attribution: { ...attribution, workId: `w${i}`, title: `Work ${i}`, source: long('Source', 60) },
      passages: 10,
      footnotes: 2,
      chapters: 0,
    }));
    const embed = render({ kind: 'works', works, count: 30, paging: { index: 0, total: 1 } }).data.embeds?.[0];
    const fields = embed?.fields ?? [];
    expect(embedLength(embed ?? {})).toBeLessThanOrEqual(6000);
    expect(fields.length).toBeLessThan(25);
    expect(fields.at(-1)).toEqual({ name: 'More', value: `…and ${30 - (fields.length - 1)} more.` });
    expect(fields.slice(0, -1).map((f) => f.name)).toEqual(works.slice(0, fields.length - 1).map((w) => w.attribution.title));
  });
});
