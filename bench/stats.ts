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

/** Times `run` on every input after one untimed pass, so the JIT has seen the code. */
export function timeEach<T>(inputs: readonly T[], run: (input: T) => unknown): Latency {
  for (const input of inputs.slice(0, 100)) run(input);
  const samples = inputs.map((input) => {
    const start = performance.now();
    run(input);
    return performance.now() - start;
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
