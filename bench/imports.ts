/**
 * `npm run bench:import`: the importer on a real 1 MB book and on a 30 MB one made of the test
 * books' texts, each imported by `bench/import.ts` in a process of its own (peak RSS is the
 * process's own). Prints one line per book and the targets.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { writeBigBook } from './big-book';

interface ImportRun {
  file: string;
  mb: number;
  passages: number;
  importMs: number;
  peakRssMb: number;
}

const measure = (file: string): ImportRun => {
  const child = spawnSync(process.execPath, ['--import', 'tsx', 'bench/import.ts', file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (child.status !== 0) throw new Error(`bench/import.ts ${file} exited with ${String(child.status)}`);
  return JSON.parse(child.stdout) as ImportRun;
};

const dir = await mkdtemp(path.join(os.tmpdir(), 'marginalia-bench-big-'));
try {
  const big = path.join(dir, 'many-books.txt');
  await writeBigBook(path.join('test', 'books'), big, 30);
  const [oneMb, thirtyMb] = [measure(path.join('test', 'books', 'melville-moby-dick.txt')), measure(big)];
  const targets = {
    import1MbUnder2s: oneMb.importMs < 2000,
    import30MbUnder60s: thirtyMb.importMs < 60_000,
    import30MbPeakRssUnder1Gb: thirtyMb.peakRssMb < 1024,
  };
  const lines = [oneMb, thirtyMb].map((i) => `import ${i.file} (${i.mb} MB, ${i.passages} passages): ${i.importMs} ms, peak RSS ${i.peakRssMb} MB`);
  lines.push(`targets: ${Object.entries(targets).map(([k, ok]) => `${k} ${ok ? 'met' : 'MISSED'}`).join(', ')}`);
  process.stdout.write(`${lines.join('\n')}\n`);
} finally {
  await rm(dir, { recursive: true, force: true });
}
