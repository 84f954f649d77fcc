import type { DailyPick, DailySettings, DailyStore } from '../../src/daily/runner';

/** The daily store's contract in memory, for the runner's tests. */
/** Synchronous, like the cache the service reads; the real store's methods return promises. */
type Sync<T> = { [K in keyof T]: T[K] extends (...args: infer A) => infer R ? (...args: A) => Awaited<R> : T[K] };

export function createDailyStore(): Sync<DailyStore> & { claims(guildId: string): { due: string; status: string }[] } {
  const settings = new Map<string, DailySettings>();
  const claims = new Map<string, { due: string; status: string }[]>();
  const used = new Map<string, Set<string>>();
  const claimsOf = (g: string) => claims.get(g) ?? claims.set(g, []).get(g) ?? [];
  const mark = (g: string, due: Date, status: string) => {
    const claim = claimsOf(g).find((c) => c.due === due.toISOString());
    if (claim) claim.status = status;
  };
  return {
    setDaily: (s) => void settings.set(s.guildId, { ...s }),
    claims: (g) => claimsOf(g).map((c) => ({ ...c })),
    allDailies: () => [...settings.values()].map((s) => ({ ...s })),
    daily: (g) => {
      const s = settings.get(g);
      return s && { ...s };
    },
    used: (g) => new Set(used.get(g)),
    lastClaimed(g) {
      const last = claimsOf(g).map((c) => c.due).sort().at(-1);
      return last ? new Date(last) : undefined;
    },
    claim(g, due, pick): DailyPick | false | undefined {
      if (claimsOf(g).some((c) => c.due === due.toISOString())) return false;
      const keys = used.get(g) ?? new Set<string>();
      const picked = pick(keys);
      claimsOf(g).push({ due: due.toISOString(), status: picked ? 'claimed' : 'empty' });
      if (picked) {
        if (picked.reset) keys.clear();
        keys.add(picked.key);
        used.set(g, keys);
      }
      return picked;
    },
    skip: (g, due) => void claimsOf(g).push({ due: due.toISOString(), status: 'skipped' }),
    recordSent(g, due) {
      mark(g, due, 'sent');
      const s = settings.get(g);
      if (s) s.failures = 0;
    },
    recordFailure(g, due) {
      mark(g, due, 'failed');
      const s = settings.get(g);
      if (!s) return 0;
      s.failures++;
      return s.failures;
    },
    disableDaily(g, reason) {
      const s = settings.get(g);
      if (s) Object.assign(s, { enabled: false, disabledReason: reason });
      if (s && !reason) delete s.disabledReason;
    },
  };
}
