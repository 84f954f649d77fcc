import { cp, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp, libraryReloader } from '../../src/app';
import type { Config } from '../../src/config';
import { answerCommand } from '../../src/discord/dispatch';
import { captureLogs } from '../e2e/harness';
import { SEED_DIR } from '../helpers/library';

const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/import');

async function setUp() {
  const corpusDir = await mkdtemp(path.join(tmpdir(), 'marginalia-reload-'));
  await cp(SEED_DIR, corpusDir, { recursive: true });
  const config: Pick<Config, 'corpusDir' | 'indexCacheDir'> = { corpusDir, indexCacheDir: await mkdtemp(path.join(tmpdir(), 'marginalia-reload-cache-')) };
  const logs = captureLogs();
  const app = await createApp(config, logs.logger, {});
  return { corpusDir, config, logs, app, reloader: libraryReloader(app, config, logs.logger) };
}

const addLetter = async (corpusDir: string) => {
  await cp(path.join(FIXTURE, 'corpus-letter.md'), path.join(corpusDir, 'corpus-letter.md'));
  await cp(path.join(FIXTURE, 'sources/corpus-letter.txt'), path.join(corpusDir, 'sources/corpus-letter.txt'));
};

describe('reloading the library', () => {
  it('keeps answering from the old library until the new one is complete, then swaps it in whole', async () => {
    const { corpusDir, app, reloader, logs } = await setUp();
    const before = app.library;
    await addLetter(corpusDir);
    const reloading = reloader.reload();
    // Started but not finished: whatever is answered now is answered from the library in use.
    expect(app.library).toBe(before);
    expect(answerCommand('works', {}, app)).toEqual(answerCommand('works', {}, { ...app, library: before }));
    expect(await reloading).toBe('reloaded');
    expect(app.library).not.toBe(before);
    expect(app.library.corpus.works.map((w) => w.meta.id)).toContain('corpus-letter');
    expect(before.corpus.works.map((w) => w.meta.id)).not.toContain('corpus-letter');
    expect(logs.lines.find((l) => l.msg === 'library reloaded')).toMatchObject({ works: 3, built: 1, cached: 2, indexed: ['corpus-letter'] });
  });

  it('refuses a corpus with problems, logs them and keeps the library in use', async () => {
    const { corpusDir, app, reloader, logs } = await setUp();
    const before = app.library;
    await writeFile(path.join(corpusDir, 'broken.md'), '---\nid: broken\ntitle: Broken\nsource_file: missing.txt\n---\n\nText.\n');
    expect(await reloader.reload()).toBe('refused');
    expect(app.library).toBe(before);
    const refused = logs.lines.find((l) => l.msg === 'corpus reload refused; the library in use is kept');
    expect(refused).toMatchObject({ level: 50, problems: 1 });
    expect(String(refused?.detail)).toContain(`source_file missing.txt is missing from ${path.join(corpusDir, 'sources')}`);
  });

  it('folds requests made while a reload runs into one more reload after it', async () => {
    const { corpusDir, reloader, logs, app } = await setUp();
    const first = reloader.reload();
    await addLetter(corpusDir);
    const [a, b, c] = await Promise.all([first, reloader.reload(), reloader.reload()]);
    expect([a, b, c]).toEqual(['reloaded', 'reloaded', 'reloaded']);
    expect(logs.lines.filter((l) => l.msg === 'reloading the library')).toHaveLength(2);
    expect(app.library.corpus.works.map((w) => w.meta.id)).toContain('corpus-letter');
  });
});
