/**
 * `npm run bench`: Marginalia, Lunr and FlexSearch on the same passages and queries, each in a
 * process of its own, plus the bot's cold start with and without its index cache. Prints a
 * side-by-side table and writes bench/results.json.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ENGINE_NAMES } from './engines';
import { writeManyNotesCorpus } from './many-notes';
import type { Latency, Memory } from './stats';

const corpusDir = process.argv[2] ?? 'bench/corpus';
const COLD_RUNS = 3;
const MANY_NOTES = 20_000;

interface Run {
  stdout: string;
  wallMs: number;
}

function run(args: string[], env: Record<string, string> = {}): Promise<Run> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    // Started as `npm start` starts the bot: one node process with tsx's loader.
    const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve({ stdout, wallMs: performance.now() - started }) : reject(new Error(`${args.join(' ')} exited with ${code}`))));
  });
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

interface ColdStarts {
  withoutCacheMs: number;
  withCacheMs: number;
  readyInProcessMs: { without: number; with: number };
  /** The bot's own memory once ready: corpus, indexes, commands and discord.js loaded. */
  memoryWhenReady: Memory;
}

async function coldStarts(dir = corpusDir): Promise<ColdStarts> {
  const cacheDir = await mkdtemp(path.join(os.tmpdir(), 'marginalia-bench-cache-'));
  const env = { CORPUS_DIR: dir, INDEX_CACHE_DIR: cacheDir, LOG_LEVEL: 'silent' };
  try {
    const cold = await run(['bench/cold-start.ts'], env);
    const warm: Run[] = [];
    for (let i = 0; i < COLD_RUNS; i++) warm.push(await run(['bench/cold-start.ts'], env));
    const report = (r: Run) => JSON.parse(r.stdout) as { readyMs: number; memory: Memory };
    const last = warm.at(-1) ?? cold;
    return {
      withoutCacheMs: Math.round(cold.wallMs),
      withCacheMs: Math.round(median(warm.map((r) => r.wallMs))),
      readyInProcessMs: { without: report(cold).readyMs, with: median(warm.map((r) => report(r).readyMs)) },
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
};

const engines: Measured[] = [];
for (const name of ENGINE_NAMES) {
  process.stderr.write(`measuring ${name}…\n`);
  engines.push(JSON.parse((await run(['bench/measure.ts', name, corpusDir])).stdout) as Measured);
}
process.stderr.write('measuring cold starts…\n');
const coldStart = await coldStarts();
// Start-up must not grow with the number of notes once they are proven: a generated work with 20,000.
process.stderr.write(`measuring cold starts with ${MANY_NOTES} footnotes…\n`);
const manyNotesDir = await writeManyNotesCorpus(MANY_NOTES);
const manyNotes = await coldStarts(manyNotesDir).finally(() => rm(manyNotesDir, { recursive: true, force: true }));

const [ours, ...others] = engines as [Measured, ...Measured[]];
const answers = ours.answers ?? {};
const p99 = (name: string) => (answers[name] as Latency | undefined)?.p99 ?? NaN;
const targets = {
  quoteP99Under5ms: p99('quote') < 5,
  autocompleteP99Under2ms: Math.max(p99('autocompleteQuery'), p99('autocompleteName'), p99('autocompleteFootnote')) < 2,
  cachedColdStartUnder1500ms: coldStart.withCacheMs < 1500,
  manyNotesCachedReadyUnder1000ms: manyNotes.readyInProcessMs.with < 1000,
  rssUnder300Mb: coldStart.memoryWhenReady.rssMb < 300,
  qualityAtLeastOthers: others.every((o) => ours.quality.hitAt1 >= o.quality.hitAt1 && ours.quality.mrrAt5 >= o.quality.mrrAt5),
};

const results = {
  date: new Date().toISOString(),
  machine: { node: process.version, cpus: os.cpus().length, cpu: os.cpus()[0]?.model, memoryGb: Math.round(os.totalmem() / 2 ** 30) },
  corpus: { dir: corpusDir, passages: ours.passages },
  queries: ours.queries,
  coldStart,
  manyNotes: { footnotes: MANY_NOTES, ...manyNotes },
  engines,
  targets,
};
await writeFile('bench/results.json', `${JSON.stringify(results, null, 2)}\n`);

// The side-by-side table: each engine's figure, and its ratio to Marginalia's.
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
const cell = (value: number, base: number) => `${value}${base && value !== base ? ` (×${(value / base).toFixed(2)})` : ''}`;
const lines = [
  `${ours.passages} passages; ${Object.entries(ours.queries).map(([k, v]) => `${v} ${k}`).join(', ')} (seed fixed)`,
  '',
  [pad('', 28), ...engines.map((e) => pad(e.engine, 22))].join(''),
  ...rows.map(([label, get]) => [pad(label, 28), ...engines.map((e) => pad(cell(get(e), get(ours)), 22))].join('')),
  '',
  'Marginalia answers, rendered (ms):          p50      p95      p99      max',
  ...Object.entries(answers)
    .filter((entry): entry is [string, Latency] => typeof entry[1] === 'object')
    .map(([name, l]) => `  ${pad(name, 40)} ${[l.p50, l.p95, l.p99, l.max].map((v) => pad(String(v), 8)).join(' ')}`),
  `  name index build: ${String(answers.namesBuildMs)} ms`,
  '',
  `cold start to ready: ${coldStart.withoutCacheMs} ms without the cache, ${coldStart.withCacheMs} ms with it (median of ${COLD_RUNS})`,
  `${MANY_NOTES} footnotes: ready ${manyNotes.readyInProcessMs.without} ms from process start unproven and uncached, ${manyNotes.readyInProcessMs.with} ms proven and cached (wall ${manyNotes.withoutCacheMs} / ${manyNotes.withCacheMs} ms)`,
  `the bot once ready: RSS ${coldStart.memoryWhenReady.rssMb} MB, JS heap ${coldStart.memoryWhenReady.heapMb} MB; after all the queries above: RSS ${String(ours.memory.afterQueries?.rssMb)} MB, JS heap ${String(ours.memory.afterQueries?.heapMb)} MB`,
  '',
  'targets: ' + Object.entries(targets).map(([k, ok]) => `${k} ${ok ? 'met' : 'MISSED'}`).join(', '),
];
process.stdout.write(`${lines.join('\n')}\n`);
