/**
 * `npm run bench`: Marginalia, Lunr and FlexSearch on the same passages and queries, each in a
 * process of its own, plus the bot's start with and without its index cache, run as production
 * runs it (compiled, plain node). Two runs: the benchmark corpus (bench/corpus), and the library
 * (every book of the regression set in test/books, the seed and the benchmark corpus). Prints a
 * side-by-side table per run and writes bench/results.json.
 *
 * `npm run bench -- DIR` measures one corpus folder instead.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ENGINE_NAMES } from './engines';
import { assembleLibrary, LIBRARY_FOLDERS } from './library';
import { writeManyNotesCorpus } from './many-notes';
import type { Latency, Memory } from './stats';

const COLD_RUNS = 3;
const MANY_NOTES = 20_000;

interface Run {
  stdout: string;
  wallMs: number;
}

function run(command: string, args: string[], env: Record<string, string> = {}): Promise<Run> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve({ stdout, wallMs: performance.now() - started }) : reject(new Error(`${args.join(' ')} exited with ${code}`))));
  });
}

const tsx = (args: string[], env: Record<string, string> = {}) => run(process.execPath, ['--expose-gc', '--import', 'tsx', ...args], env);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

interface ColdStarts {
  /** The first start: no index cache and no proofs, so every work is proven and indexed. */
  withoutCacheMs: number;
  withCacheMs: number;
  readyInProcessMs: { without: number; with: number };
  /** CPU time to ready (user and system): what the wall times would be on an idle machine, near enough. */
  cpuMs: { without: number; with: number };
  /** The bot's own memory once ready: corpus, indexes, commands and discord.js loaded. */
  memoryWhenReady: Memory;
}

/** Process start to ready, compiled as `npm start` runs it: once with an empty cache folder, then from the cache. */
async function coldStarts(corpusDir: string): Promise<ColdStarts> {
  const cacheDir = await mkdtemp(path.join(os.tmpdir(), 'marginalia-bench-cache-'));
  const env = { CORPUS_DIR: corpusDir, INDEX_CACHE_DIR: cacheDir, LOG_LEVEL: 'silent' };
  const start = () => run(process.execPath, ['--expose-gc', 'dist/bench/cold-start.js'], env);
  try {
    const cold = await start();
    const warm: Run[] = [];
    for (let i = 0; i < COLD_RUNS; i++) warm.push(await start());
    const report = (r: Run) => JSON.parse(r.stdout) as { readyMs: number; cpuMs: number; memory: Memory };
    const last = warm.at(-1) ?? cold;
    return {
      withoutCacheMs: Math.round(cold.wallMs),
      withCacheMs: Math.round(median(warm.map((r) => r.wallMs))),
      readyInProcessMs: { without: report(cold).readyMs, with: median(warm.map((r) => report(r).readyMs)) },
      cpuMs: { without: report(cold).cpuMs, with: median(warm.map((r) => report(r).cpuMs)) },
      memoryWhenReady: report(last).memory,
    };
  } finally {
    await rm(cacheDir, { recursive: true, force: true });
  }
}

type Measured = {
  engine: string;
  passages: number;
  queries: Record<string, number>;
  buildMs: number;
  memory: { baseline: Memory; corpus: Memory; loaded: Memory; afterQueries?: Memory };
  search: Latency;
  complete: Latency;
  quality: { hitAt1: number; mrrAt5: number; misses: number };
  answers?: Record<string, Latency | number>;
  /** The same answers asked in a server, through the store: its settings and its view. */
  answersWithStore?: Record<string, Latency>;
  /** The same in a server with a reading mark half-way through its longest work: the spoiler guard. */
  answersWithMark?: Record<string, Latency>;
  markedServer?: { work: string; through: string };
};

async function benchmark(name: string, corpusDir: string, described = corpusDir) {
  const engines: Measured[] = [];
  for (const engine of ENGINE_NAMES) {
    process.stderr.write(`${name}: measuring ${engine}…\n`);
    engines.push(JSON.parse((await tsx(['bench/measure.ts', engine, corpusDir])).stdout) as Measured);
  }
  process.stderr.write(`${name}: measuring starts…\n`);
  const coldStart = await coldStarts(corpusDir);

  const [ours, ...others] = engines as [Measured, ...Measured[]];
  const answers = ours.answers ?? {};
  const p99 = (answer: string) => (answers[answer] as Latency | undefined)?.p99 ?? NaN;
  // At most 10% more than without a store, or 0.05 ms where 10% is below the timer's noise.
  const within10Percent = (measured: Record<string, Latency> | undefined) =>
    Object.entries(measured ?? {}).every(([answer, l]) => {
      const without = answers[answer] as Latency | undefined;
      return !without || l.p50 <= Math.max(without.p50 * 1.1, without.p50 + 0.05);
    });
  const targets = {
    quoteP99Under5ms: p99('quote') < 5,
    autocompleteP99Under2ms: Math.max(p99('autocompleteQuery'), p99('autocompleteName'), p99('autocompleteFootnote')) < 2,
    startFromCacheUnder1500ms: coldStart.withCacheMs < 1500,
    firstStartUnder10s: coldStart.withoutCacheMs < 10_000,
    rssWhenReadyUnder250Mb: coldStart.memoryWhenReady.rssMb < 250,
    hitAt1AtLeastOthers: others.every((o) => ours.quality.hitAt1 >= o.quality.hitAt1),
    // The store may add at most 10% to an answer, or 0.05 ms where 10% is below the timer's noise.
    storeWithin10Percent: within10Percent(ours.answersWithStore),
    guardWithin10Percent: within10Percent(ours.answersWithMark),
  };
  return { name, corpus: { dir: described, passages: ours.passages }, queries: ours.queries, coldStart, engines, targets };
}

type Result = Awaited<ReturnType<typeof benchmark>>;

// The side-by-side table: each engine's figure, and its ratio to Marginalia's.
function table({ name, engines, coldStart, targets }: Result): string[] {
  const [ours] = engines as [Measured];
  const answers = ours.answers ?? {};
  const rows: [string, (m: Measured) => number][] = [
    ['index build (ms)', (m) => m.buildMs],
    ['RSS after load (MB)', (m) => m.memory.loaded.rssMb],
    ['JS heap after load (MB)', (m) => m.memory.loaded.heapMb],
    ['JS heap for the index (MB)', (m) => Math.round((m.memory.loaded.heapMb - m.memory.corpus.heapMb) * 10) / 10],
    ['search p50 (ms)', (m) => m.search.p50],
    ['search p95 (ms)', (m) => m.search.p95],
    ['search p99 (ms)', (m) => m.search.p99],
    ['as-you-type p50 (ms)', (m) => m.complete.p50],
    ['as-you-type p99 (ms)', (m) => m.complete.p99],
    ['hit@1', (m) => m.quality.hitAt1],
    ['MRR@5', (m) => m.quality.mrrAt5],
  ];
  const pad = (s: string, n: number) => s.padEnd(n);
  const against = (measured: Record<string, Latency> | undefined) =>
    Object.entries(measured ?? {}).map(([answer, l]) => {
      const without = (answers[answer] as Latency | undefined)?.p50;
      const ratio = without ? ` ×${(l.p50 / without).toFixed(2)}` : '';
      return `  ${pad(answer, 40)} ${[l.p50, l.p95, l.p99, l.max].map((v) => pad(String(v), 8)).join(' ')}${ratio}`;
    });
  const cell = (value: number, base: number) => `${value}${base && value !== base ? ` (×${(value / base).toFixed(2)})` : ''}`;
  return [
    `== ${name}: ${ours.passages} passages; ${Object.entries(ours.queries).map(([k, v]) => `${v} ${k}`).join(', ')} (seed fixed)`,
    '',
    [pad('', 28), ...engines.map((e) => pad(e.engine, 22))].join(''),
    ...rows.map(([label, get]) => [pad(label, 28), ...engines.map((e) => pad(cell(get(e), get(ours)), 22))].join('')),
    '',
    'Marginalia answers, rendered (ms):          p50      p95      p99      max',
    ...Object.entries(answers)
      .filter((entry): entry is [string, Latency] => typeof entry[1] === 'object')
      .map(([answer, l]) => `  ${pad(answer, 40)} ${[l.p50, l.p95, l.p99, l.max].map((v) => pad(String(v), 8)).join(' ')}`),
    `  name index build: ${String(answers.namesBuildMs)} ms`,
    '',
    'The same in a server, through the store:   p50      p95      p99      max   (p50 vs without)',
    ...against(ours.answersWithStore),
    ...(ours.markedServer ? ['', `In a server reading ${ours.markedServer.work} through ${ours.markedServer.through} (the spoiler guard):`, ...against(ours.answersWithMark)] : []),
    '',
    `start to ready (compiled): ${coldStart.withoutCacheMs} ms the first time (no cache, no proofs), ${coldStart.withCacheMs} ms from the cache (median of ${COLD_RUNS}); CPU time ${coldStart.cpuMs.without} and ${coldStart.cpuMs.with} ms`,
    `the bot once ready: RSS ${coldStart.memoryWhenReady.rssMb} MB, JS heap ${coldStart.memoryWhenReady.heapMb} MB; after all the queries above: RSS ${String(ours.memory.afterQueries?.rssMb)} MB, JS heap ${String(ours.memory.afterQueries?.heapMb)} MB`,
    '',
    'targets: ' + Object.entries(targets).map(([k, ok]) => `${k} ${ok ? 'met' : 'MISSED'}`).join(', '),
    '',
  ];
}

process.stderr.write('building dist/…\n');
await run(process.execPath, ['scripts/build.mjs']);

const runs: Result[] = [];
const only = process.argv[2];
if (only) runs.push(await benchmark(only, only));
else {
  runs.push(await benchmark('bench corpus', 'bench/corpus'));
  const libraryDir = await mkdtemp(path.join(os.tmpdir(), 'marginalia-bench-library-'));
  try {
    const { works, folders } = await assembleLibrary(LIBRARY_FOLDERS, libraryDir);
    process.stderr.write(`library: ${works.length} works from ${folders.join(', ')}\n`);
    runs.push(await benchmark('library', libraryDir, `${works.length} works from ${folders.join(' + ')}`));
  } finally {
    await rm(libraryDir, { recursive: true, force: true });
  }
}

// Start-up must not grow with the number of notes once they are proven: a generated work with 20,000.
process.stderr.write(`measuring starts with ${MANY_NOTES} footnotes…\n`);
const manyNotesDir = await writeManyNotesCorpus(MANY_NOTES);
const manyNotes = await coldStarts(manyNotesDir).finally(() => rm(manyNotesDir, { recursive: true, force: true }));

// The importer's figures are npm run bench:import's: kept as that run wrote them.
const previous = JSON.parse(await readFile('bench/results.json', 'utf8').catch(() => '{}')) as { import?: unknown };
const results = {
  date: new Date().toISOString(),
  machine: { node: process.version, cpus: os.cpus().length, cpu: os.cpus()[0]?.model, memoryGb: Math.round(os.totalmem() / 2 ** 30), loadAverage: os.loadavg().map((l) => Math.round(l * 10) / 10) },
  runs,
  manyNotes: { footnotes: MANY_NOTES, ...manyNotes, targets: { manyNotesCachedReadyUnder1000ms: manyNotes.readyInProcessMs.with < 1000 } },
  ...(previous.import ? { import: previous.import } : {}),
};
await writeFile('bench/results.json', `${JSON.stringify(results, null, 2)}\n`);
process.stdout.write(`${runs.flatMap(table).join('\n')}\n`);
process.stdout.write(
  `a work with ${MANY_NOTES} footnotes: ready in ${manyNotes.readyInProcessMs.without} ms unproven and uncached, ${manyNotes.readyInProcessMs.with} ms proven and cached (target under 1000 ms ${manyNotes.readyInProcessMs.with < 1000 ? 'met' : 'MISSED'})\n`,
);
