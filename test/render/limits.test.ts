import { describe, expect, it } from 'vitest';
import { clip, excerptRange } from '../../src/render/limits';

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
