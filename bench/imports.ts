/**
 * `npm run bench:import`: the importer on real books of about 1 MB (Tocqueville's plain text,
 * Moby-Dick's), a 2.5 MB HTML book (The Wealth of Nations) and a 30 MB one made of the test books'
 * texts, each imported by `bench/import.ts` in a process of its own (peak RSS is the process's own).
 * Prints one line per book and the targets, and writes them into bench/results.json as `import`,
 * leaving the rest of the file as `npm run bench` wrote it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { writeBigBook } from './big-book';

interface ImportRun {
  file: string;
  mb: number;
  passages: number;
  importMs: number;
  cpuMs: number;
  peakRssMb: number;
}

const RESULTS = path.join('bench', 'results.json');
const BOOKS = path.join('test', 'books');
const ONE_MB_BOOKS = ['tocqueville-democracy-in-america-v1.txt', 'melville-moby-dick.txt'];
const HTML_BOOK = 'smith-wealth-of-nations.htm';

const measure = (file: string): ImportRun => {
  const child = spawnSync(process.execPath, ['--import', 'tsx', 'bench/import.ts', file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (child.status !== 0) throw new Error(`bench/import.ts ${file} exited with ${String(child.status)}`);
  return JSON.parse(child.stdout) as ImportRun;
};

const dir = await mkdtemp(path.join(os.tmpdir(), 'marginalia-bench-big-'));
try {
  const big = path.join(dir, 'many-books.txt');
  await writeBigBook(BOOKS, big, 30);
  const oneMb = ONE_MB_BOOKS.map((name) => measure(path.join(BOOKS, name)));
  const html = measure(path.join(BOOKS, HTML_BOOK));
  const thirtyMb = measure(big);
  const targets = {
    import1MbUnder2s: oneMb.every((i) => i.importMs < 2000),
    import30MbUnder60s: thirtyMb.importMs < 60_000,
    import30MbPeakRssUnder1Gb: thirtyMb.peakRssMb < 1024,
  };
  const runs = [...oneMb, html, thirtyMb];
  const lines = runs.map((i) => `import ${i.file} (${i.mb} MB, ${i.passages} passages): ${i.importMs} ms (CPU ${i.cpuMs} ms), peak RSS ${i.peakRssMb} MB`);
  lines.push(`targets: ${Object.entries(targets).map(([k, ok]) => `${k} ${ok ? 'met' : 'MISSED'}`).join(', ')}`);
  process.stdout.write(`${lines.join('\n')}\n`);

  const results = JSON.parse(await readFile(RESULTS, 'utf8').catch(() => '{}')) as Record<string, unknown>;
  results.import = { date: new Date().toISOString(), loadAverage: os.loadavg().map((l) => Math.round(l * 10) / 10), runs, targets };
  await writeFile(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
} finally {
  await rm(dir, { recursive: true, force: true });
}
