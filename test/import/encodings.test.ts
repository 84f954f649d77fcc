import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { checkCorpus } from '../../src/corpus';
import { importBook } from '../../src/import/run';

/** Imports `bytes` saved as `name`, and returns the corpus's passages and the written Markdown. */
async function imported(name: string, bytes: Buffer) {
  const dir = await mkdtemp(path.join(tmpdir(), 'marginalia-encodings-'));
  const file = path.join(dir, name);
  await writeFile(file, bytes);
  const result = await importBook({ file, out: path.join(dir, 'corpus') });
  expect(result.report).toContain('Imported');
  const { corpus, problems } = await checkCorpus(path.join(dir, 'corpus'));
  expect(problems).toEqual([]);
  return { passages: corpus.passages.map((p) => p.text), markdown: await readFile(result.written ?? '', 'utf8') };
}

describe('importing books in legacy encodings', () => {
  it('reads a Latin-1 Gutenberg text as Latin-1, and writes UTF-8', async () => {
    const text = [
      'Title: An Inquiry into the Nature and Causes of the Wealth of Nations',
      '',
      'Author: Adam Smith',
      '',
      '*** START OF THE PROJECT GUTENBERG EBOOK WEALTH OF NATIONS ***',
      '',
      '',
      'CHAPTER XI.',
      '',
      '',
      'In 1561 the price of wheat was upwards of £3:18s. the quarter, and the',
      'café owners of Paris complained.',
      '',
      '*** END OF THE PROJECT GUTENBERG EBOOK WEALTH OF NATIONS ***',
    ].join('\n');
    const { passages, markdown } = await imported('wealth.txt', iconv.encode(text, 'latin1'));
    expect(passages).toEqual(['In 1561 the price of wheat was upwards of £3:18s. the quarter, and the café owners of Paris complained.']);
    expect(markdown).toContain('short_title: The Wealth of Nations\n');
    expect(markdown).not.toContain('\uFFFD');
  });

  it('reads HTML that declares iso-8859-1', async () => {
    const html = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"><title>Walden</title></head><body><h2>Economy</h2><p>The soirées of the village were dull.</p></body></html>';
    const { passages } = await imported('walden.htm', iconv.encode(html, 'latin1'));
    expect(passages).toEqual(['The soirées of the village were dull.']);
  });
});
