import { describe, expect, it } from 'vitest';
import { repairDoubleEncoding, sourceText } from '../../src/corpus';

/** What a UTF-8 text becomes when it is read as Latin-1 and written again as UTF-8. */
const doubleEncode = (text: string) => Buffer.from(text, 'utf8').toString('latin1');

describe('repairDoubleEncoding', () => {
  it.each([
    ['Natásha and Anna Pávlovna', 'Natásha and Anna Pávlovna'],
    ['Vàra', 'Vàra'], // à's second byte is U+00A0, which looks like a space
    ['Hernández’s “Œuvres” — 1936', 'Hernández’s “Œuvres” — 1936'],
  ])('decodes %s back to the letters it was', (original, expected) => {
    expect(repairDoubleEncoding(doubleEncode(original))).toBe(expected);
  });

  it.each([['SÃO PAULO'], ['Natásha'], ['price: 5 Â'], ['plain English']])('leaves text that is not double-encoded alone: %s', (text) => {
    expect(repairDoubleEncoding(text)).toBe(text);
  });

  it('repairs a source before its whitespace is collapsed, so a passage in clean letters is found in it', () => {
    expect(sourceText('book.txt', `\uFEFF${doubleEncode('Said Natásha,\r\n  and Vàra laughed.')}`)).toBe('Said Natásha, and Vàra laughed.');
  });
});
