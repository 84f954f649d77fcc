import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { checkCorpus, decodeText, parseWork, sourceDocumentText } from '../../src/corpus';
import { epub3, zipEpub } from '../helpers/epub';

const latin1 = (text: string) => iconv.encode(text, 'latin1');

describe('decodeText', () => {
  it.each([
    ['a UTF-8 byte-order mark', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Hernández', 'utf8')]), 'Hernández', 'utf-8'],
    ['a UTF-16 byte-order mark', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Hernández', 'utf16le')]), 'Hernández', 'utf-16le'],
    ['valid UTF-8', Buffer.from('soirées', 'utf8'), 'soirées', 'utf-8'],
    // Wealth of Nations, Book I ch. XI: the pound sign is byte A3 in Latin-1.
    ['Latin-1 with no declaration', latin1('upwards of £3:18s. the quarter'), 'upwards of £3:18s. the quarter', 'windows-1252'],
    ['Windows-1252 quotation marks', Buffer.from([0x93, 0x48, 0x69, 0x94]), '“Hi”', 'windows-1252'],
    ['an HTML meta declaring iso-8859-1', Buffer.concat([Buffer.from('<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"></head><body>'), latin1('soirées')]), 'soirées', 'windows-1252'],
    ['an XML declaration naming windows-1251', Buffer.concat([Buffer.from('<?xml version="1.0" encoding="windows-1251"?><p>'), iconv.encode('Война', 'windows-1251')]), 'Война', 'windows-1251'],
    ['a file re-saved as UTF-8 that still declares iso-8859-1', Buffer.from('<?xml version="1.0" encoding="iso-8859-1"?><p>soirées</p>', 'utf8'), 'soirées', 'utf-8'],
  ])('reads %s', (_, bytes, expected, encoding) => {
    const decoded = decodeText(bytes);
    expect(decoded.text).toContain(expected);
    expect(decoded.encoding).toBe(encoding);
    expect(decoded.text).not.toContain('\uFFFD');
  });

  it('reads the five bytes Windows-1252 leaves undefined as Latin-1 does, never as U+FFFD', () => {
    expect(decodeText(Buffer.from([0x41, 0x81, 0xe9])).text).toBe('A\u0081é');
  });
});

/** A corpus folder with one work file (given as bytes) and one source. */
async function corpus(md: Uint8Array | string, source: Uint8Array | string, sourceName = 'src.txt'): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'marginalia-encoding-'));
  await mkdir(path.join(dir, 'sources'));
  await writeFile(path.join(dir, 'sources', sourceName), source);
  await writeFile(path.join(dir, 'a.md'), md);
  return dir;
}
const work = (body: string, sourceFile = 'src.txt') => `---\nid: a\ntitle: A\nsource_file: ${sourceFile}\n---\n\n${body}\n`;

describe('checkCorpus and encodings', () => {
  it('refuses a corpus file that is not UTF-8, with file and line', async () => {
    const dir = await corpus(latin1(work('The letter names Jesús Hernández.')), 'The letter names Jesús Hernández.');
    const { problems } = await checkCorpus(dir);
    expect(problems).toEqual([{ file: path.join(dir, 'a.md'), line: 7, message: 'byte 0xFA is not UTF-8; save the file as UTF-8' }]);
  });

  it('refuses a corpus file holding U+FFFD, with file and line', async () => {
    const dir = await corpus(work('One line.\n\nThe letter names Hern\uFFFDndez.'), 'One line. The letter names Hern\uFFFDndez.');
    const { problems } = await checkCorpus(dir);
    expect(problems).toEqual([{ file: path.join(dir, 'a.md'), line: 9, message: 'U+FFFD (\uFFFD) stands for a character lost in an earlier conversion; restore it from the source' }]);
  });

  it('refuses a people.yml that is not UTF-8, with file and line', async () => {
    const dir = await corpus(work('The letter names Hernández.'), 'The letter names Hernández.');
    await writeFile(path.join(dir, 'people.yml'), latin1('- name: Jesús Hernández\n'));
    const { problems } = await checkCorpus(dir);
    expect(problems).toEqual([{ file: path.join(dir, 'people.yml'), line: 1, message: 'byte 0xFA is not UTF-8; save the file as UTF-8' }]);
  });

  it('proves passages against a Latin-1 source read as Latin-1', async () => {
    const dir = await corpus(work('The price was upwards of £3:18s. the quarter, said Hernández.'), latin1('The price was upwards\nof £3:18s. the quarter, said Hernández.\n'));
    const { problems, corpus: loaded } = await checkCorpus(dir);
    expect(problems).toEqual([]);
    expect(loaded.passages[0]?.text).toContain('£3:18s.');
  });

  it('proves passages against an EPUB source, its documents read in spine order', async () => {
    const book = epub3({
      metadata: '<dc:title>T</dc:title>',
      chapters: [
        { file: 'b.xhtml', body: '<section><h2>II</h2><p>The second chapter’s words.</p></section>' },
        { file: 'a.xhtml', body: '<section><h2>I</h2><p>The first chapter’s words.</p></section>' },
      ],
      nav: '<nav epub:type="toc"><ol><li><a href="text/b.xhtml">II</a></li></ol></nav>',
    });
    expect(sourceDocumentText('book.epub', book)).toBe('II The second chapter’s words. I The first chapter’s words.');
    const dir = await corpus(work('The second chapter’s words.\n\nThe first chapter’s words.', 'book.epub'), book, 'book.epub');
    expect((await checkCorpus(dir)).problems).toEqual([]);
  });

  it('reports an EPUB source it cannot read in one sentence', async () => {
    const dir = await corpus(work('Words.', 'book.epub'), zipEpub({ 'OEBPS/x.xhtml': '<p>Words.</p>' }), 'book.epub');
    const { problems } = await checkCorpus(dir);
    expect(problems).toEqual([{ file: path.join(dir, 'a.md'), line: 1, message: 'source_file book.epub cannot be read: it has no META-INF/container.xml, so it is not an EPUB' }]);
  });
});

describe('source_file', () => {
  it.each(['../../x', 'sources/x.txt', '..', 'a\\b.txt'])('must be a bare file name, not %s', (name) => {
    const { problems } = parseWork(work('Words.', JSON.stringify(name)), 'a.md');
    expect(problems).toEqual([{ file: 'a.md', line: 4, message: 'front matter: "source_file" must be a bare file name in sources/, without a folder or ".."' }]);
  });
});
