import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { checkCorpus, CorpusError, formatProblems, loadCorpus, PROOFS_FILE, readProofs, writeProofs } from '../../src/corpus';
import { SEED_DIR } from '../helpers/library';

const run = promisify(execFile);

/** `npm run check-corpus DIR` as `node --import tsx`: one process, no npm or tsx wrapper to start and stop. */
const checkCorpusCli = (dir: string, env: Record<string, string> = {}) =>
  run(process.execPath, ['--import', 'tsx', 'src/cli/check-corpus.ts', dir], { env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NODE_NO_WARNINGS: '1', ...env } });

/** A corpus folder of the given files, with one source document. */
async function corpusDir(files: Record<string, string>, source = 'The letter says hello [1] to all.\n\n1. A note.\n'): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'marginalia-corpus-'));
  await mkdir(path.join(dir, 'sources'));
  await writeFile(path.join(dir, 'sources', 'src.txt'), source);
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), text);
  return dir;
}

const work = (id: string, body = 'The letter says hello[^1] to all.\n\n[^1]: A note.') =>
  `---\nid: ${id}\ntitle: Work ${id}\nsource_file: src.txt\n---\n\n${body}\n`;

describe('checkCorpus', () => {
  it('accepts a valid work whose passages and notes stand in its source', async () => {
    const dir = await corpusDir({ 'a.md': work('a') });
    const { problems, corpus } = await checkCorpus(dir);
    expect(problems).toEqual([]);
    expect(corpus.passages.map((p) => p.text)).toEqual(['The letter says hello[1] to all.']);
  });

  it('reports duplicate work ids with both files', async () => {
    const dir = await corpusDir({ 'a.md': work('same'), 'b.md': work('same') });
    const { problems } = await checkCorpus(dir);
    expect(problems).toEqual([{ file: path.join(dir, 'b.md'), line: 2, message: `duplicate work id "same", already used by ${path.join(dir, 'a.md')}` }]);
  });

  it('reports a passage that is not in its source, with its line', async () => {
    const dir = await corpusDir({ 'a.md': work('a', 'The letter says hello[^1] to all.\n\nWords the author never wrote.\n\n[^1]: A note.') });
    const { problems } = await checkCorpus(dir);
    expect(problems).toEqual([{ file: path.join(dir, 'a.md'), line: 9, message: '¶ 2 is not in its source src.txt: "Words the author never wrote."' }]);
  });

  it('reports a footnote whose text is not in the source', async () => {
    const dir = await corpusDir({ 'a.md': work('a', 'The letter says hello[^1] to all.\n\n[^1]: An invented note.') });
    const { problems } = await checkCorpus(dir);
    expect(problems.map((p) => p.message)).toEqual(['footnote [^1] is not in its source src.txt: "An invented note."']);
  });

  it('reports a missing source document', async () => {
    const dir = await corpusDir({ 'a.md': work('a').replace('src.txt', 'gone.txt') });
    const { problems } = await checkCorpus(dir);
    expect(problems.map((p) => p.message)).toEqual([`source_file gone.txt is missing from ${path.join(dir, 'sources')}`]);
  });

  it('refuses prose and unknown keys in people.yml', async () => {
    const dir = await corpusDir({
      'a.md': work('a'),
      'people.yml': '- name: Jesus Hernandez\n  aliases: [Hernandez]\n  bio: leader of the party\n- name: Someone\n  aliases: [a man who led the Spanish Communist Party in 1936]\n',
    });
    const { problems } = await checkCorpus(dir);
    expect(problems.map((p) => `${path.basename(p.file)}:${p.line}: ${p.message}`)).toEqual([
      'people.yml:1: entry 1: only "name" and "aliases" are allowed, not bio',
    ]);
    await writeFile(path.join(dir, 'people.yml'), '- name: Someone\n  aliases: [a man who led the Spanish Communist Party in 1936]\n');
    const second = await checkCorpus(dir);
    expect(second.problems.map((p) => p.message)).toEqual(['entry 1: "a man who led the Spanish Communist Party in 1936" is not a name; this file maps names only']);
  });

  it('loadCorpus refuses an invalid corpus with every problem in its message', async () => {
    const dir = await corpusDir({ 'a.md': work('a', 'Text[^9].') });
    const error = await loadCorpus(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CorpusError);
    expect((error as Error).message).toBe(
      [
        `The corpus in ${dir} has 2 problems:`,
        `  ${path.join(dir, 'a.md')}:7: footnote marker [^9] has no definition`,
        `  ${path.join(dir, 'a.md')}:7: ¶ 1 is not in its source src.txt: "Text[9]."`,
      ].join('\n'),
    );
  });

  it('npm run check-corpus prints file and line and exits non-zero', async () => {
    const dir = await corpusDir({ 'a.md': work('a', 'Text[^9].') });
    const failure = await checkCorpusCli(dir).catch((e: { code: number; stderr: string }) => e);
    expect((failure as { code: number }).code).toBe(1);
    expect((failure as { stderr: string }).stderr).toContain(`${path.join(dir, 'a.md')}:7: footnote marker [^9] has no definition`);
  });

  it('npm run check-corpus ignores a half-configured bot: DISCORD_TOKEN without DISCORD_CLIENT_ID', async () => {
    const dir = await corpusDir({ 'a.md': work('a') });
    const { stdout, stderr } = await checkCorpusCli(dir, { DISCORD_TOKEN: 'MTIzNDU2Nzg5MDEyMzQ1Njc4.Gabcde.fake-token-for-tests-only' });
    expect(stdout).toBe(`${dir}: 1 works, 1 passages, 1 footnotes. All valid.\n`);
    expect(stderr).toBe('');
  });
});

describe('the seed corpus', () => {
  it('is valid', async () => {
    const { problems } = await checkCorpus(SEED_DIR);
    expect(problems).toEqual([]);
  });

  it('quotes every passage and footnote verbatim from its source, allowing only whitespace and markers', async () => {
    const corpus = await loadCorpus(SEED_DIR);
    const source = (await readFile(path.join(SEED_DIR, 'sources/serge-trotsky-letter-and-review.txt'), 'utf8')).replace(/\s+/g, ' ');
    for (const passage of corpus.passages) {
      // The seed's markers are written "[2]" in both the source and the reply.
      expect(source, passage.text.slice(0, 40)).toContain(passage.text);
    }
    for (const note of corpus.works.flatMap((w) => w.footnotes)) expect(source).toContain(note.text);
  });

  it('keeps the source document exactly as received', async () => {
    const kept = await readFile(path.join(SEED_DIR, 'sources/serge-trotsky-letter-and-review.txt'));
    expect(kept.subarray(0, 26).toString()).toBe('Saturday, October 27, 2018');
    expect(kept.toString().endsWith('Post a Comment')).toBe(true);
  });

  it('transcribes the two works with their attribution and nothing invented', async () => {
    const corpus = await loadCorpus(SEED_DIR);
    const [review, letter] = [corpus.works.find((w) => w.meta.id === 'life-and-death-review-2018'), corpus.works.find((w) => w.meta.id === 'serge-letter-1936')];
    expect(review?.meta.title.startsWith('On The 80th Anniversary')).toBe(true);
    expect(review?.meta.author).toBeUndefined();
    expect(review?.meta.date).toBe('2018-10-27');
    expect(letter?.meta).toMatchObject({
      title: 'Letter to Leon Trotsky',
      author: 'Victor Serge',
      date: '1936-08-10',
      translator: 'Mitch Abidor',
      source: 'Victor Serge, La Lutte contre le stalinisme. Maspéro, Paris, 1977',
    });
    expect(letter?.meta.license).toContain('Creative Commons Attribution-ShareAlike');
    expect(letter?.footnotes.map((f) => f.label)).toEqual(['1', '2', '3', '4']);
    const texts = corpus.passages.map((p) => p.text);
    expect(texts.some((t) => t.startsWith('1. We revolutionary Marxists'))).toBe(true);
    for (const notPassage of ['No comments', 'Post a Comment', 'Source:', 'Translated:', 'CopyLeft', 'Jesus Hernandez, leader']) {
      expect(texts.some((t) => t.includes(notPassage)), notPassage).toBe(false);
    }
    const markers = letter?.passages.flatMap((p) => p.footnoteRefs.map((r) => p.text.slice(r.start - 1, r.end)));
    expect(markers).toEqual(['P[1]', ' [2]', 'n[3]', '.[4]']);
  });
});

describe('formatProblems', () => {
  const problems = Array.from({ length: 60 }, (_, i) => ({ file: 'corpus/book.md', line: i + 1, message: `problem ${i + 1}` }));

  it('lists every problem for check-corpus', () => {
    const lines = formatProblems('corpus', problems).split('\n');
    expect(lines).toHaveLength(61);
    expect(lines[0]).toBe('The corpus in corpus has 60 problems:');
    expect(lines[60]).toBe('  corpus/book.md:60: problem 60');
  });

  it('shows the first 50 and a count when the bot refuses to start', () => {
    const lines = new CorpusError('corpus', problems).message.split('\n');
    expect(lines).toHaveLength(52);
    expect(lines[50]).toBe('  corpus/book.md:50: problem 50');
    expect(lines[51]).toBe('  … and 10 more: run npm run check-corpus to list them all.');
  });
});

describe('proofs of works proven against their sources', () => {
  it('gives one proof per work that stands in its source, and none for one that does not', async () => {
    const dir = await corpusDir({ 'a.md': work('a'), 'b.md': work('b', 'Words the author never wrote.') });
    const { corpus } = await checkCorpus(dir);
    expect(corpus.proofs).toHaveLength(1);
    expect(corpus.proofs[0]).toMatch(/^[0-9a-f]{64}$/);
  });

  it('never lets an old proof hide a source that has since changed', async () => {
    const dir = await corpusDir({ 'a.md': work('a') });
    const proven = new Set((await checkCorpus(dir)).corpus.proofs);
    await writeFile(path.join(dir, 'sources', 'src.txt'), 'The letter now says goodbye.\n\n1. A note.\n');
    const { problems, corpus } = await checkCorpus(dir, { proven });
    expect(problems.map((p) => p.message)).toEqual(['¶ 1 is not in its source src.txt: "The letter says hello[1] to all."']);
    expect(corpus.proofs).toEqual([]);
  });

  it('are written beside the cache and read back; a corrupt file counts as none', async () => {
    const cacheDir = await mkdtemp(path.join(tmpdir(), 'marginalia-proofs-'));
    expect(await readProofs(cacheDir)).toEqual(new Set());
    const proofs = ['a'.repeat(64), 'b'.repeat(64)];
    await writeProofs(cacheDir, proofs, new Set());
    expect(await readProofs(cacheDir)).toEqual(new Set(proofs));
    await writeFile(path.join(cacheDir, PROOFS_FILE), '["not a proof"]');
    expect(await readProofs(cacheDir)).toEqual(new Set());
    await writeFile(path.join(cacheDir, PROOFS_FILE), '{ half');
    expect(await readProofs(cacheDir)).toEqual(new Set());
  });
});

describe('hostile corpus files get one clear problem each, never a stack', () => {
  it('a folder named like a work (x.md) is reported, not read', async () => {
    const dir = await corpusDir({ 'a.md': work('a') });
    await mkdir(path.join(dir, 'x.md'));
    const { problems } = await checkCorpus(dir);
    expect(problems).toEqual([{ file: path.join(dir, 'x.md'), line: 0, message: 'is a folder, not a work: only Markdown files can be works' }]);
  });

  const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9).fill(`*${String.fromCharCode(97 + i)}`).join(', ')}]`)];
  const reuses = ['- name: Jesus Hernandez', '  aliases: &names [Hernandez]', ...Array.from({ length: 101 }, (_, i) => `- name: Person ${i}\n  aliases: *names`)].join('\n');

  it('an alias bomb, or over 100 alias uses, in people.yml: one problem at the first alias', async () => {
    for (const text of [`${bomb.join('\n')}\n`, `${reuses}\n`]) {
      const dir = await corpusDir({ 'a.md': work('a'), 'people.yml': text });
      const { problems } = await checkCorpus(dir);
      expect(problems).toEqual([{ file: path.join(dir, 'people.yml'), line: text === reuses + '\n' ? 4 : 2, message: 'aliases expand too far (over 100 uses of anchors): write the values out' }]);
    }
  });

  it('an alias bomb in front matter: one problem at the first alias', async () => {
    const front = `---\nid: a\ntitle: &t Work\nsource_file: src.txt\n${bomb.map((l) => `x${l}`).join('\n')}\n---\n\nThe letter says hello[^1] to all.\n\n[^1]: A note.\n`;
    const dir = await corpusDir({ 'a.md': front });
    const { problems } = await checkCorpus(dir);
    expect(problems).toEqual([{ file: path.join(dir, 'a.md'), line: 6, message: 'front matter: aliases expand too far (over 100 uses of anchors): write the values out' }]);
  });
});
