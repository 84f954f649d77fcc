import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { loadCorpus, writeProofs } from '../../src/corpus';
import { createLogger } from '../../src/logger';
import { buildIndexes, loadOrBuildIndexes } from '../../src/search/build';
import { lookupName } from '../../src/search/names';
import { searchPassages } from '../../src/search/passages';
import { SEED_DIR } from '../helpers/library';

function capturingLogger() {
  const lines: { level: number; msg: string; reason?: string; work?: string }[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _e, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { logger: createLogger({ level: 'debug', destination: sink }), lines };
}

const scratch = () => mkdtemp(path.join(tmpdir(), 'marginalia-cache-'));
const LETTER = 'serge-letter-1936';
const REVIEW = 'life-and-death-review-2018';

/** A copy of the seed to change, and an empty cache folder. */
async function copyOfSeed() {
  const dir = await scratch();
  await cp(SEED_DIR, dir, { recursive: true });
  return { dir, cacheDir: await scratch(), letter: path.join(dir, `${LETTER}.md`) };
}

/** The passages a query finds, with their scores: what must not depend on where the index came from. */
const ranked = (indexes: Awaited<ReturnType<typeof buildIndexes>>, corpus: Awaited<ReturnType<typeof loadCorpus>>, query: string) =>
  searchPassages(indexes.index, corpus.passages, { query }).map((h) => [h.passage.index, h.score]);

describe('index cache', () => {
  it('builds every work on a miss, then loads parts that answer exactly as a fresh build', async () => {
    const corpus = await loadCorpus(SEED_DIR);
    const dir = await scratch();
    const { logger } = capturingLogger();
    const first = await loadOrBuildIndexes(corpus, dir, logger);
    const second = await loadOrBuildIndexes(corpus, dir, logger);
    expect(first.report).toEqual({ built: [REVIEW, LETTER], cached: [], unusable: [] });
    expect(second.report).toEqual({ built: [], cached: [REVIEW, LETTER], unusable: [] });
    const fresh = await buildIndexes(corpus);
    for (const query of ['anarchists Catalonia', 'Hernández', 'trotskys widdow']) {
      expect(ranked(second, corpus, query)).toEqual(ranked(first, corpus, query));
      expect(ranked(second, corpus, query)).toEqual(ranked(fresh, corpus, query));
    }
    expect(second.names.entries).toEqual(fresh.names.entries);
    expect(new Set(lookupName(second.names, 'N.I.')?.entries.map((e) => e.name))).toEqual(new Set(['Natalia Sedova']));
    expect(lookupName(second.names, 'Hernandes')?.entries.map((e) => e.name)).toEqual(['Jesus Hernandez']);
  });

  it('rebuilds only the work whose file changed, and the result matches a fresh build of the changed corpus', async () => {
    const { dir, cacheDir, letter } = await copyOfSeed();
    const { logger, lines } = capturingLogger();
    await loadOrBuildIndexes(await loadCorpus(dir), cacheDir, logger);
    await writeFile(letter, (await readFile(letter, 'utf8')).replace('Dear Leon Davidovich\n\n', ''));
    const after = await loadCorpus(dir);
    const again = await loadOrBuildIndexes(after, cacheDir, logger);
    expect(again.report).toEqual({ built: [LETTER], cached: [REVIEW], unusable: [] });
    expect(lines.filter((l) => l.msg === 'work indexed').map((l) => l.work)).toEqual([REVIEW, LETTER, LETTER]);
    expect(again.index.search.documentCount).toBe(after.passages.length);
    const fresh = await buildIndexes(after);
    for (const query of ['Leon Davidovich', 'anarchists Catalonia', 'Hernandez']) expect(ranked(again, after, query)).toEqual(ranked(fresh, after, query));
    // One part of each kind per work: the letter's old parts are gone.
    expect((await readdir(cacheDir)).filter((f) => f.endsWith('.json')).sort()).toHaveLength(4);
  });

  it('adding a work builds only that work; removing one builds nothing and drops its parts', async () => {
    const { dir, cacheDir, letter } = await copyOfSeed();
    const { logger } = capturingLogger();
    const second = path.join(dir, 'letter-again.md');
    await writeFile(second, (await readFile(letter, 'utf8')).replace(`id: ${LETTER}`, 'id: letter-again'));
    await loadOrBuildIndexes(await loadCorpus(dir), cacheDir, logger);
    await rm(second);
    const removed = await loadOrBuildIndexes(await loadCorpus(dir), cacheDir, logger);
    expect(removed.report).toEqual({ built: [], cached: [REVIEW, LETTER], unusable: [] });
    expect((await readdir(cacheDir)).filter((f) => f.endsWith('.json'))).toHaveLength(4);
    await writeFile(second, (await readFile(letter, 'utf8')).replace(`id: ${LETTER}`, 'id: letter-again'));
    const added = await loadOrBuildIndexes(await loadCorpus(dir), cacheDir, logger);
    expect(added.report).toEqual({ built: ['letter-again'], cached: [REVIEW, LETTER], unusable: [] });
  });

  it('a people.yml change rebuilds the name parts only, and the names follow it', async () => {
    const { dir, cacheDir } = await copyOfSeed();
    const { logger } = capturingLogger();
    await loadOrBuildIndexes(await loadCorpus(dir), cacheDir, logger);
    const before = new Set(await readdir(cacheDir));
    const people = path.join(dir, 'people.yml');
    await writeFile(people, (await readFile(people, 'utf8')).replace('N.I.', 'N. I. S.'));
    const again = await loadOrBuildIndexes(await loadCorpus(dir), cacheDir, logger);
    expect(again.report.built).toEqual([REVIEW, LETTER]);
    const after = await readdir(cacheDir);
    expect(after.filter((f) => f.startsWith('passages-')).every((f) => before.has(f))).toBe(true);
    expect(after.filter((f) => f.startsWith('names-')).some((f) => before.has(f))).toBe(false);
  });

  it('detects a corrupt part, logs why and rebuilds that work alone', async () => {
    const corpus = await loadCorpus(SEED_DIR);
    const dir = await scratch();
    const { logger, lines } = capturingLogger();
    await loadOrBuildIndexes(corpus, dir, logger);
    const parts = (await readdir(dir)).filter((f) => f.startsWith('passages-'));
    const letterPart = await (async () => {
      for (const file of parts) if ((await readFile(path.join(dir, file), 'utf8')).includes(`"workId":"${LETTER}"`)) return path.join(dir, file);
      throw new Error('no part for the letter');
    })();
    const raw = await readFile(letterPart, 'utf8');
    await writeFile(letterPart, raw.replace('"lengths"', '"lengthz"'));
    const again = await loadOrBuildIndexes(corpus, dir, logger);
    expect(again.report).toEqual({ built: [LETTER], cached: [REVIEW], unusable: [LETTER] });
    expect(lines.find((l) => l.level === 40)).toMatchObject({ msg: 'index cache part is unusable; rebuilding it', work: LETTER, reason: 'its checksum does not match: the file is corrupt' });
    await writeFile(letterPart, 'not json\n{}');
    expect((await loadOrBuildIndexes(corpus, dir, logger)).report.unusable).toEqual([LETTER]);
    expect(lines.filter((l) => l.level === 40).at(-1)).toMatchObject({ reason: 'the header is not JSON' });
    expect((await loadOrBuildIndexes(corpus, dir, logger)).report).toEqual({ built: [], cached: [REVIEW, LETTER], unusable: [] });
  });

  it('a cache folder that cannot exist (/proc/self/x, a file) is one warning, and the indexes are built without it', async () => {
    const corpus = await loadCorpus(SEED_DIR);
    const file = path.join(await scratch(), 'a-file');
    await writeFile(file, '');
    for (const cacheDir of ['/proc/self/x', file, path.join(file, 'below')]) {
      const { logger, lines } = capturingLogger();
      const loaded = await loadOrBuildIndexes(corpus, cacheDir, logger);
      expect(loaded.report).toEqual({ built: [LETTER, REVIEW].sort(), cached: [], unusable: [] });
      expect(lines.filter((l) => l.level === 40).map((l) => l.msg)).toEqual(['cannot create the index cache folder; the next start will build again']);
      await expect(writeProofs(cacheDir, ['0'.repeat(64)], new Set())).rejects.toThrow();
    }
  });
});
