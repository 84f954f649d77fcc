import { cp, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus';
import { createLogger } from '../../src/logger';
import { indexCacheKey, loadOrBuildIndexes } from '../../src/search/build';
import { lookupName } from '../../src/search/names';
import { searchPassages } from '../../src/search/passages';
import { SEED_DIR } from '../helpers/library';

function capturingLogger() {
  const lines: { level: number; msg: string; reason?: string }[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _e, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { logger: createLogger({ level: 'info', destination: sink }), lines };
}

const scratch = () => mkdtemp(path.join(tmpdir(), 'marginalia-cache-'));

describe('index cache', () => {
  it('builds on a miss, then loads an index that answers exactly as the built one', async () => {
    const corpus = await loadCorpus(SEED_DIR);
    const dir = await scratch();
    const { logger } = capturingLogger();
    const first = await loadOrBuildIndexes(corpus, dir, logger);
    const second = await loadOrBuildIndexes(corpus, dir, logger);
    expect([first.cache, second.cache]).toEqual(['miss', 'hit']);
    for (const query of ['anarchists Catalonia', 'Hernández', 'trotskys widdow']) {
      const ids = (i: typeof first) => searchPassages(i.index, corpus.passages, { query }).map((h) => [h.passage.index, h.score]);
      expect(ids(second)).toEqual(ids(first));
    }
    expect(lookupName(second.names, 'N.I.')?.entry.name).toBe('Natalia Sedova');
    expect(lookupName(second.names, 'Hernandes')?.entry.name).toBe('Jesus Hernandez');
  });

  it('detects a corrupt cache, logs why and rebuilds it', async () => {
    const corpus = await loadCorpus(SEED_DIR);
    const dir = await scratch();
    const { logger, lines } = capturingLogger();
    await loadOrBuildIndexes(corpus, dir, logger);
    const [file] = await readdir(dir);
    const full = path.join(dir, file ?? '');
    const raw = await readFile(full, 'utf8');
    await writeFile(full, raw.replace('"documentCount"', '"documentCounT"'));
    const again = await loadOrBuildIndexes(corpus, dir, logger);
    expect(again.cache).toBe('rebuilt');
    expect(lines.find((l) => l.level === 40)).toMatchObject({ msg: 'index cache is unusable; rebuilding it', reason: 'its checksum does not match: the file is corrupt' });
    expect((await loadOrBuildIndexes(corpus, dir, logger)).cache).toBe('hit');
  });

  it('keys the cache on the corpus: a changed text makes a new key and replaces the old file', async () => {
    const copy = await scratch();
    await cp(SEED_DIR, copy, { recursive: true });
    const before = await loadCorpus(copy);
    const cacheDir = await scratch();
    const { logger } = capturingLogger();
    await loadOrBuildIndexes(before, cacheDir, logger);
    const letter = path.join(copy, 'serge-letter-1936.md');
    await writeFile(letter, (await readFile(letter, 'utf8')).replace('Dear Leon Davidovich\n\n', ''));
    const after = await loadCorpus(copy);
    expect(await indexCacheKey(after)).not.toBe(await indexCacheKey(before));
    const rebuilt = await loadOrBuildIndexes(after, cacheDir, logger);
    expect(rebuilt.cache).toBe('miss');
    expect(rebuilt.index.search.documentCount).toBe(before.passages.length - 1);
    expect(await readdir(cacheDir)).toHaveLength(1);
  });
});
