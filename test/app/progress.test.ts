import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp, terminalProgress } from '../../src/app';
import { captureLogs } from '../e2e/harness';
import { SEED_DIR } from '../helpers/library';

/** A stream that says it is (or is not) a terminal and keeps what is written to it. */
function stream(isTTY: boolean) {
  const written: string[] = [];
  return { written, stream: { isTTY, write: (s: string) => written.push(s) > 0 } as unknown as NodeJS.WriteStream };
}

describe('start-up progress', () => {
  it('on a terminal, one line rewritten per work as it is parsed, proven and indexed, cleared at the end', async () => {
    const { written, stream: tty } = stream(true);
    const logs = captureLogs();
    const indexCacheDir = await mkdtemp(path.join(tmpdir(), 'marginalia-progress-'));
    await createApp({ corpusDir: SEED_DIR, indexCacheDir }, logs.logger, terminalProgress(tty));
    const lines = written.map((w) => w.replace('\r\u001b[K', ''));
    expect(lines).toEqual([
      'Reading the corpus: 1/2 parsing life-and-death-review-2018.md',
      'Reading the corpus: 1/2 proving life-and-death-review-2018.md',
      'Reading the corpus: 2/2 parsing serge-letter-1936.md',
      'Reading the corpus: 2/2 proving serge-letter-1936.md',
      expect.stringMatching(/^Indexing: \d+\/\d+ passages \(\d+%\) life-and-death-review-2018$/),
      expect.stringMatching(/^Indexing: (\d+)\/\1 passages \(100%\) serge-letter-1936$/),
      '',
    ]);
    written.length = 0;
    // From the cache, and with the proofs recorded: nothing to prove, every work still counted.
    await createApp({ corpusDir: SEED_DIR, indexCacheDir }, logs.logger, terminalProgress(tty));
    expect(written.filter((w) => w.includes('proving'))).toEqual([]);
    expect(written.filter((w) => w.includes('Indexing'))).toHaveLength(2);
  });

  it('otherwise nothing on the stream, and info lines with counts in the log', async () => {
    const { written, stream: piped } = stream(false);
    const logs = captureLogs();
    const indexCacheDir = await mkdtemp(path.join(tmpdir(), 'marginalia-progress-'));
    const app = await createApp({ corpusDir: SEED_DIR, indexCacheDir }, logs.logger, terminalProgress(piped));
    expect(written).toEqual([]);
    const passages = app.library.corpus.passages.length;
    expect(logs.lines.filter((l) => l.level === 30).map((l) => l.msg)).toEqual(['corpus read', 'corpus loaded']);
    expect(logs.lines.find((l) => l.msg === 'corpus read')).toMatchObject({ works: 2, passages, proved: 2 });
    expect(logs.lines.find((l) => l.msg === 'corpus loaded')).toMatchObject({ works: 2, passages, built: 2, cached: 0 });
  });
});
