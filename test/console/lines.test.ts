import { describe, expect, it } from 'vitest';
import { MAX_LINE, readLines, type InputLine } from '../../src/console/lines';

async function collect(chunks: Iterable<string | Buffer>, max?: number): Promise<InputLine[]> {
  const out: InputLine[] = [];
  async function* source() {
    yield* chunks;
  }
  for await (const line of readLines(source(), max)) out.push(line);
  return out;
}

describe('readLines', () => {
  it.each([
    [['a\nb\n'], ['a', 'b']],
    [['a\nb'], ['a', 'b']],
    [['a\r\nb\r\n'], ['a', 'b']],
    [['a\r', '\nb'], ['a', 'b']],
    [['/footnote 3\r/footnote 7\n/who x\n'], ['/footnote 3\r/footnote 7', '/who x']],
    [['\n\n'], ['', '']],
    [['ab', 'c\nd', 'e'], ['abc', 'de']],
    [[], []],
  ])('%j → %j: only \\n and \\r\\n end a line; a lone \\r stays inside it', async (chunks, lines) => {
    expect(await collect(chunks)).toEqual(lines.map((text) => ({ text })));
  });

  it('decodes UTF-8 split across chunks', async () => {
    const bytes = Buffer.from('é🙂\n');
    expect(await collect([bytes.subarray(0, 1), bytes.subarray(1, 3), bytes.subarray(3)])).toEqual([{ text: 'é🙂' }]);
  });

  it('a line over the limit comes out as its length alone, and the next line is read as usual', async () => {
    expect(await collect(['x'.repeat(10), '\r\nok\n'], 10)).toEqual([{ text: 'x'.repeat(10) }, { text: 'ok' }]);
    expect(await collect(['x'.repeat(6), 'x'.repeat(5), '\r\nok\n'], 10)).toEqual([{ tooLong: 11 }, { text: 'ok' }]);
    const chunk = 'y'.repeat(64 * 1024);
    const huge = Array.from({ length: 320 }, () => chunk);
    expect(await collect([...huge, '\n/help\n'])).toEqual([{ tooLong: 320 * chunk.length }, { text: '/help' }]);
    expect(MAX_LINE).toBe(8192);
  });
});
