import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { checkCorpus } from '../../src/corpus';
import { detectFormat, importText, slugify, writeMarkdown } from '../../src/import';
import { importBook } from '../../src/import/run';

const run = promisify(execFile);
const FIXTURES = path.join('test', 'fixtures', 'import');
const fixture = (name: string) => readFile(path.join(FIXTURES, name), 'utf8');
const out = () => mkdtemp(path.join(tmpdir(), 'marginalia-import-test-'));
const body = (markdown: string) => markdown.slice(markdown.indexOf('\n---\n') + 5);

describe('importText', () => {
  it.each([
    ['mini-gutenberg.txt', 'gutenberg'],
    ['mini.html', 'html'],
    ['corpus-letter.md', 'markdown'],
    ['invalid-notes.txt', 'gutenberg'],
  ])('detects %s as %s', async (name, format) => {
    expect(detectFormat(name, await fixture(name))).toBe(format);
  });

  it.each([
    ['The Small Book', 'the-small-book'],
    ['Démocratie en Amérique', 'democratie-en-amerique'],
    ['On The 80th Anniversary Of The Founding Of The Leon Trotsky-Led Fourth International', 'on-the-80th-anniversary-of-the-founding'],
    ['The Origin of the Family Private Property and the State', 'the-origin-of-the-family-private-property'],
    ['***', 'work'],
  ])('slugifies "%s" as %s', (title, id) => {
    expect(slugify(title)).toBe(id);
    expect(id.length).toBeLessThanOrEqual(48);
  });

  it('reads a Gutenberg text with BOM and CRLF: header, parts, chapters, reflowed paragraphs, numbered and lettered notes', async () => {
    const work = importText('mini-gutenberg.txt', await fixture('mini-gutenberg.txt'));
    expect(work.unplaced).toEqual([]);
    expect(work.meta).toEqual({
      title: 'The Small Book',
      author: 'Jane Author',
      translator: 'Tom Translator',
      license: 'Public domain in the USA; Project Gutenberg License',
    });
    expect(work.leftOut.map((s) => `${s.line}–${s.endLine}: ${s.kind}`)).toEqual([
      '1–9: header',
      '14–19: title page',
      '22–26: contents',
      '63–63: illustration',
      '67–70: licence',
    ]);
    expect(body(writeMarkdown(work, 'small', 'mini-gutenberg.txt'))).toBe(
      [
        '',
        '# BOOK I {bk=1}',
        '',
        '## CHAPTER I {ch=1}',
        '',
        'The first paragraph of the book is hard wrapped across three lines and carries a numbered note.[^1] It ends here.',
        '',
        '[^1]: The first note, at the end of the chapter.',
        '',
        'The second paragraph names Anna Karenina and Anna Karenina again.[^2]',
        '',
        '[^2]: The second note, in the bracketed form.',
        '',
        '## CHAPTER II {ch=2}',
        '',
        'A lettered note sits here,[^a] and the text goes on to its end.',
        '',
        '[^a]: The lettered note, after its paragraph.',
        '',
        'The last paragraph of the book.',
        '',
      ].join('\n'),
    );
  });

  it('reads HTML: headings, anchored notes, no contents or page numbers', async () => {
    const work = importText('mini.html', await fixture('mini.html'));
    expect(work.unplaced).toEqual([]);
    expect(work.meta).toEqual({ title: 'A Web Book', author: 'Ann Writer' });
    expect(body(writeMarkdown(work, 'web', 'mini.html'))).toBe(
      [
        '',
        '# Chapter I. The Start {ch=1}',
        '',
        'The opening paragraph of the web book, with a note[^1] and a page break in the middle.',
        '',
        '[^1]: The note on the opening paragraph.',
        '',
        'A second paragraph with an “entity” and italics.',
        '',
        '# Chapter II. The End {ch=2}',
        '',
        'The closing paragraph, with another note.[^2]',
        '',
        '[^2]: The note on the closing paragraph.',
        '',
      ].join('\n'),
    );
  });

  it('copies corpus Markdown as is', async () => {
    const text = await fixture('corpus-letter.md');
    const work = importText('corpus-letter.md', text);
    expect(work.unplaced).toEqual([]);
    expect(writeMarkdown(work, 'ignored', 'ignored')).toBe(text);
  });

  it('keeps a marker without a note as printed, and a note without a marker as the paragraph it is', async () => {
    const work = importText('invalid-notes.txt', await fixture('invalid-notes.txt'));
    expect(work.unplaced).toEqual([]);
    expect(body(writeMarkdown(work, 'loose', 'invalid-notes.txt'))).toBe(
      ['', '# CHAPTER I {ch=1}', '', 'A paragraph with a marker that has no note.[7]', '', 'Another paragraph.', '', '[3] A note that no marker points to.', ''].join('\n'),
    );
  });

  it('lists a note it cannot close, with its line', () => {
    const work = importText('t.txt', 'CHAPTER I\n\n\nText.[1]\n\n[Footnote 1: never closed\n');
    expect(work.unplaced).toEqual([{ line: 6, message: 'note [1] is never closed with "]"' }]);
  });

  it('pairs a reused note letter with the nearest marker, and a note printed before its marker with the next one', () => {
    const text = 'CHAPTER I\n\n\nOne *a two.\n\na\n[ First.]\n\nThree *a four.\n\na\n[ Second.]\n\nb\n[ Early.]\n\nFive *b six.\n';
    const work = importText('t.txt', text);
    expect(work.unplaced).toEqual([]);
    expect(body(writeMarkdown(work, 't', 't.txt'))).toBe(
      ['', '# CHAPTER I {ch=1}', '', 'One[^a] two.', '', '[^a]: First.', '', 'Three[^a] four.', '', '[^a]: Second.', '', 'Five[^b] six.', '', '[^b]: Early.', ''].join('\n'),
    );
  });
});

describe('importBook', () => {
  it.each(['mini-gutenberg.txt', 'mini.html', 'corpus-letter.md'])('writes %s so that checkCorpus passes, byte-identical when run twice', async (name) => {
    const dir = await out();
    const first = await importBook({ file: path.join(FIXTURES, name), out: dir });
    expect(first.ok).toBe(true);
    const written = await readFile(first.written ?? '', 'utf8');
    const second = await importBook({ file: path.join(FIXTURES, name), out: dir });
    expect(second.ok).toBe(true);
    expect(await readFile(second.written ?? '', 'utf8')).toBe(written);
    const { problems, corpus } = await checkCorpus(dir);
    expect(problems).toEqual([]);
    expect(corpus.passages.length).toBeGreaterThan(0);
    const sources = await readdir(path.join(dir, 'sources'));
    expect(sources).toHaveLength(1);
    const source = name.endsWith('.md') ? path.join(FIXTURES, 'sources', sources[0] ?? '') : path.join(FIXTURES, name);
    expect(await readFile(path.join(dir, 'sources', sources[0] ?? ''))).toEqual(await readFile(source));
  });

  it('refuses an id that another work in the corpus already has, or that names a work from another source', async () => {
    const dir = await out();
    const first = await importBook({ file: path.join(FIXTURES, 'mini-gutenberg.txt'), out: dir, id: 'book' });
    expect(first.ok).toBe(true);
    const other = await importBook({ file: path.join(FIXTURES, 'mini.html'), out: dir, id: 'book' });
    expect(other.report).toMatch(/book\.md already holds ".+", from mini-gutenberg\.txt; choose another --id\.\n$/);
    await writeFile(path.join(dir, 'renamed.md'), await readFile(path.join(dir, 'book.md')));
    const again = await importBook({ file: path.join(FIXTURES, 'mini-gutenberg.txt'), out: dir, id: 'book' });
    expect(again.report).toContain(`${path.join(dir, 'renamed.md')} already has the id "book"; choose another --id`);
    expect(await readdir(path.join(dir, 'sources'))).toEqual(['mini-gutenberg.txt']);
  });

  it('writes nothing when a note cannot be placed', async () => {
    const dir = await out();
    const file = path.join(await out(), 'unclosed.txt');
    await writeFile(file, 'CHAPTER I\n\n\nText.[1]\n\n[Footnote 1: never closed\n');
    const result = await importBook({ file, out: dir });
    expect(result.ok).toBe(false);
    expect(result.report).toContain('line 6: note [1] is never closed with "]"');
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('npm run import', () => {
  // tsx's loader inside one node process, not the tsx CLI's two.
  const importCli = (...args: string[]) => run(process.execPath, ['--import', 'tsx', 'src/cli/import.ts', ...args]);
  it('prints a summary and exits 0, or lists the unplaced notes and exits 1', async () => {
    const dir = await out();
    const ok = await importCli(path.join(FIXTURES, 'mini-gutenberg.txt'), '--out', dir);
    expect(ok.stdout).toContain(`as ${path.join(dir, 'the-small-book.md')}`);
    expect(ok.stdout).toMatch(/title: +The Small Book\n {2}author: +Jane Author\n {2}translator: +Tom Translator\n {2}sections: +3 \(bk\. 1 … bk\. 1 ch\. 2\)\n {2}passages: +4\n {2}footnotes: +3\n {2}names found: 1 \(top: Anna Karenina \(2\)\)/);
    expect(ok.stdout).toContain('unplaced:    none');

    const unclosed = path.join(await out(), 'unclosed.txt');
    await writeFile(unclosed, 'CHAPTER I\n\n\nText.[1]\n\n[Footnote 1: never closed\n\n[Footnote 2: nor this\n');
    const failed = await importCli(unclosed, '--out', dir).catch((e: { code: number; stderr: string }) => e);
    expect('code' in failed ? failed.code : 0).toBe(1);
    expect('stderr' in failed ? failed.stderr : '').toContain('2 things could not be placed:\n    line 6: note [1] is never closed with "]"\n    line 8: note [2] is never closed with "]"');
    expect((await readdir(dir)).sort()).toEqual(['sources', 'the-small-book.md']);
  });
});

describe('parseWork and reused note labels', () => {
  it('accepts a label defined again after a new marker, and still refuses a label defined twice in a row', async () => {
    const { parseWork } = await import('../../src/corpus');
    const front = '---\nid: t\ntitle: T\nsource_file: s.txt\n---\n\n## One\n\n';
    const reused = parseWork(`${front}A[^a].\n\n[^a]: First.\n\nB[^a].\n\n[^a]: Second.\n`, 't.md');
    expect(reused.problems).toEqual([]);
    expect(reused.work?.passages.map((p) => p.footnoteRefs.map((r) => r.key))).toEqual([['1:a'], ['1:a:2']]);
    const twice = parseWork(`${front}A[^a].\n\n[^a]: First.\n\n[^a]: Second.\n`, 't.md');
    expect(twice.problems.map((p) => p.message)).toEqual(['footnote [^a] is defined twice in chapter 1']);
  });
});
