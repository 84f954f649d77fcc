export interface Latency {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** Nearest-rank percentiles in milliseconds, to the microsecond. */
export function latency(samples: readonly number[]): Latency {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => round(sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? 0);
  return { n: sorted.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: round(sorted.at(-1) ?? 0) };
}

export const round = (ms: number, digits = 3) => Number(ms.toFixed(digits));

/**
 * Each input is timed this many times and its fastest run kept: on a shared machine a run that
 * another process preempted measures the machine, not the code, and that is the p99's whole tail.
 */
const RUNS_PER_INPUT = Number(process.env.BENCH_RUNS_PER_INPUT ?? 3);

/** Times `run` on every input after one untimed pass, so the JIT has seen the code; see RUNS_PER_INPUT. */
export function timeEach<T>(inputs: readonly T[], run: (input: T) => unknown): Latency {
  for (const input of inputs.slice(0, 100)) run(input);
  const samples = inputs.map((input) => {
    let best = Infinity;
    for (let i = 0; i < RUNS_PER_INPUT; i++) {
      const start = performance.now();
      run(input);
      best = Math.min(best, performance.now() - start);
    }
    return best;
  });
  return latency(samples);
}

export interface Memory {
  /** Resident set size: what the machine gives the process. */
  rssMb: number;
  /** Live JavaScript objects: what the process itself holds on to. */
  heapMb: number;
}

/** Memory after a full collection, when the process was started with --expose-gc. */
export function memory(): Memory {
  (globalThis as { gc?: () => void }).gc?.();
  const { rss, heapUsed } = process.memoryUsage();
  return { rssMb: round(rss / 2 ** 20, 1), heapMb: round(heapUsed / 2 ** 20, 1) };
}

/** timeEach for answers that await something first (the store's settings), timed the same way. */
export async function timeEachAsync<T>(inputs: readonly T[], run: (input: T) => Promise<unknown>): Promise<Latency> {
  for (const input of inputs.slice(0, 100)) await run(input);
  const samples: number[] = [];
  for (const input of inputs) {
    let best = Infinity;
    for (let i = 0; i < RUNS_PER_INPUT; i++) {
      const start = performance.now();
      await run(input);
      best = Math.min(best, performance.now() - start);
    }
    samples.push(best);
  }
  return latency(samples);
}
