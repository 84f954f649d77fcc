import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { checkCorpus } from '../../src/corpus';
import { mergeFrontMatter } from '../../src/import/front-matter';
import { importBook } from '../../src/import/run';

const run = promisify(execFile);
const FIXTURES = path.join('test', 'fixtures', 'import');
const BOOK = path.join(FIXTURES, 'mini-gutenberg.txt');
const temp = () => mkdtemp(path.join(tmpdir(), 'marginalia-safety-'));

/** Every file under `dir` with its content, to prove a failed import changed nothing. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    const file = path.join(entry.parentPath, entry.name);
    out[path.relative(dir, file)] = entry.isFile() ? await readFile(file, 'utf8') : '(folder)';
  }
  return out;
}

describe('importBook refuses in one sentence', () => {
  it('an --out that names a file', async () => {
    const dir = await temp();
    const file = path.join(dir, 'corpus.txt');
    await writeFile(file, 'x');
    const result = await importBook({ file: BOOK, out: file });
    expect(result).toEqual({ ok: false, report: `Could not import ${BOOK}: --out ${file} names a file, not a folder.\n` });
  });

  it.each([
    ['a missing file', (dir: string) => path.join(dir, 'nowhere.txt'), 'the file does not exist.'],
    ['a folder', (dir: string) => dir, 'it is a folder, not a file.'],
  ])('%s', async (_, input, sentence) => {
    const dir = await temp();
    const file = input(dir);
    expect((await importBook({ file, out: path.join(dir, 'out') })).report).toBe(`Could not import ${file}: ${sentence}\n`);
  });

  it('a binary file', async () => {
    const dir = await temp();
    const file = path.join(dir, 'cover.txt');
    await writeFile(file, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]));
    expect((await importBook({ file, out: path.join(dir, 'out') })).report).toBe(`Could not import ${file}: it is a binary file, not a book in plain text, HTML, Markdown or EPUB.\n`);
  });
});

describe('importBook writes all or nothing, inside its folder only', () => {
  it('changes nothing when the import fails, and leaves no staging folder behind', async () => {
    const out = await temp();
    expect((await importBook({ file: BOOK, out })).ok).toBe(true);
    const before = await snapshot(out);
    const failed = await importBook({ file: path.join(FIXTURES, 'unclosed-note.txt'), out });
    expect(failed.ok).toBe(false);
    expect(await snapshot(out)).toEqual(before);
  });

  it('refuses corpus Markdown whose source_file climbs out of the folder, and writes nothing anywhere', async () => {
    const root = await temp();
    const out = path.join(root, 'a', 'b', 'corpus');
    await mkdir(out, { recursive: true });
    await writeFile(path.join(root, 'victim.txt'), 'precious');
    const md = path.join(root, 'a', 'evil.md');
    await writeFile(md, '---\nid: evil\ntitle: Evil\nsource_file: ../../../victim.txt\n---\n\nWords.\n');
    const before = await snapshot(root);
    const result = await importBook({ file: md, out });
    expect(result.report).toBe(`Could not import ${md}:\n  1 thing could not be placed:\n    line 4: front matter: "source_file" must be a bare file name in sources/, without a folder or ".."\n`);
    expect(await snapshot(root)).toEqual(before);
  });

  it('gives a second source of the same file name a name of its own', async () => {
    const out = await temp();
    const other = path.join(await temp(), 'mini-gutenberg.txt');
    await writeFile(other, (await readFile(BOOK, 'utf8')).replace(/The Small Book/g, 'Another Small Book').replace(/THE SMALL BOOK/g, 'ANOTHER SMALL BOOK'));
    expect((await importBook({ file: BOOK, out })).ok).toBe(true);
    const second = await importBook({ file: other, out });
    expect(second.ok).toBe(true);
    expect(await readFile(second.written ?? '', 'utf8')).toContain('source_file: mini-gutenberg-2.txt');
    expect((await readdir(path.join(out, 'sources'))).sort()).toEqual(['mini-gutenberg-2.txt', 'mini-gutenberg.txt']);
    expect(await readFile(path.join(out, 'sources', 'mini-gutenberg-2.txt'), 'utf8')).toContain('ANOTHER SMALL BOOK');
    // Each import again finds its own source and rewrites its own file.
    expect((await importBook({ file: other, out })).written).toBe(second.written);
    expect((await checkCorpus(out)).problems).toEqual([]);
  });
});

describe('the id of an imported book', () => {
  const longTitled = async () => {
    const file = path.join(await temp(), 'mini-gutenberg.txt');
    await writeFile(file, (await readFile(BOOK, 'utf8')).replace('Title: The Small Book', 'Title: An Inquiry into the Nature and Causes of the Small Book'));
    return file;
  };

  it('comes from the short title, never cut on a dangling word', async () => {
    const imported = await importBook({ file: await longTitled(), out: await temp() });
    expect(path.basename(imported.written ?? '')).toBe('the-small-book.md');
  });

  it('stays what it was when the same book is imported again, whatever the title now gives', async () => {
    const out = await temp();
    const file = await longTitled();
    const first = await importBook({ file, out, id: 'small' });
    expect(path.basename(first.written ?? '')).toBe('small.md');
    const again = await importBook({ file, out });
    expect(again.written).toBe(first.written);
    expect((await readdir(out)).filter((n) => n.endsWith('.md'))).toEqual(['small.md']);
  });
});

describe('re-importing a book', () => {
  it('keeps front-matter fields edited by hand and says so; flags win; --reset-metadata discards the edits', async () => {
    const out = await temp();
    const first = await importBook({ file: BOOK, out });
    const file = first.written ?? '';
    const edited = (await readFile(file, 'utf8')).replace('author: Jane Author', 'author: Jane Q. Author\ndate: "1901"');
    await writeFile(file, edited);

    const again = await importBook({ file: BOOK, out });
    expect(again.report).toContain('  kept:        author, date (edited by hand; --reset-metadata discards them)\n');
    expect(await readFile(file, 'utf8')).toBe(edited);

    const flagged = await importBook({ file: BOOK, out, meta: { author: 'J. Author', license: 'CC0' } });
    expect(flagged.report).toContain('  kept:        date (edited by hand');
    expect(await readFile(file, 'utf8')).toMatch(/\nauthor: J\. Author\ndate: "1901"\ntranslator: Tom Translator\nlicense: CC0\nsource_file:/);

    const reset = await importBook({ file: BOOK, out, resetMetadata: true });
    expect(reset.report).not.toContain('kept:');
    expect(await readFile(file, 'utf8')).toBe(await readFile(first.written ?? '', 'utf8'));
    expect(await readFile(file, 'utf8')).toContain('author: Jane Author\n');
  });

  it.each([
    ['a field the old file lacks is filled in', 'title: T\nsource_file: s.txt', 'title: T\nauthor: A\nsource_file: s.txt', {}, 'title: T\nauthor: A\nsource_file: s.txt', []],
    ['an empty flag removes a field', 'title: T\nauthor: A\nsource_file: s.txt', 'title: T\nauthor: A\nsource_file: s.txt', { author: '' }, 'title: T\nsource_file: s.txt', []],
    ['a short title follows the flag', 'title: T\nsource_file: s.txt', 'title: T\nsource_file: s.txt', { shortTitle: 'S' }, 'title: T\nshort_title: S\nsource_file: s.txt', []],
  ])('%s', (_, old, fresh, flags, expected, kept) => {
    const merged = mergeFrontMatter(`---\n${fresh}\n---\n\nText.\n`, `---\n${old}\n---\n\nText.\n`, flags, false);
    expect(merged).toEqual({ markdown: `---\n${expected}\n---\n\nText.\n`, kept });
  });
});

describe('npm run import flags', () => {
  it('sets attribution from --title, --short-title, --author, --translator, --date, --license, --source and --url', async () => {
    const out = await temp();
    const tsx = path.join('node_modules', '.bin', 'tsx');
    const flags = ['--title', 'A Small Book: Being a Test', '--short-title', 'Small', '--author', 'J. A.', '--translator', 'T. T.', '--date', '1888', '--license', 'CC0', '--source', 'The printer', '--url', 'https://example.org/small'];
    const { stdout } = await run(tsx, ['src/cli/import.ts', BOOK, '--out', out, ...flags]);
    expect(stdout).toContain(`as ${path.join(out, 'small.md')}`); // named by its short title
    const written = await readFile(path.join(out, 'small.md'), 'utf8');
    expect(written.slice(0, written.indexOf('\n---\n'))).toBe(
      [
        '---',
        'id: small',
        'title: "A Small Book: Being a Test"',
        'short_title: Small',
        'author: J. A.',
        'date: "1888"',
        'translator: T. T.',
        'source: The printer',
        'license: CC0',
        'url: https://example.org/small',
        'source_file: mini-gutenberg.txt',
      ].join('\n'),
    );
  });
});
