import type { DailySettings, DailyStore } from './runner';

/** The store with every schedule also held in memory: /daily show reads it at once, and every write goes through it. */
export interface CachedDailyStore extends DailyStore {
  /** The schedule as last written, without asking the store. */
  cached(guildId: string): DailySettings | undefined;
}

/** Loads every schedule once; afterwards each write updates the copy in memory as well as the store. */
export async function cacheDailies(store: DailyStore): Promise<CachedDailyStore> {
  const cache = new Map((await store.allDailies()).map((s) => [s.guildId, { ...s }]));
  const update = (guildId: string, change: Partial<DailySettings>) => {
    const current = cache.get(guildId);
    if (current) cache.set(guildId, { ...current, ...change });
  };
  return {
    cached: (guildId) => {
      const s = cache.get(guildId);
      return s && { ...s };
    },
    allDailies: () => [...cache.values()].map((s) => ({ ...s })),
    daily: (guildId) => {
      const s = cache.get(guildId);
      return s && { ...s };
    },
    used: (guildId) => store.used(guildId),
    lastClaimed: (guildId) => store.lastClaimed(guildId),
    claim: (guildId, due, pick) => store.claim(guildId, due, pick),
    skip: (guildId, due) => store.skip(guildId, due),
    async recordSent(guildId, due) {
      await store.recordSent(guildId, due);
      update(guildId, { failures: 0 });
    },
    async recordFailure(guildId, due, reason) {
      const failures = await store.recordFailure(guildId, due, reason);
      update(guildId, { failures });
      return failures;
    },
    async disableDaily(guildId, reason) {
      await store.disableDaily(guildId, reason);
      const current = cache.get(guildId);
      if (!current) return;
      const next: DailySettings = { ...current, enabled: false };
      if (reason) next.disabledReason = reason;
      else delete next.disabledReason;
      cache.set(guildId, next);
    },
    async setDaily(settings) {
      // In memory first, so the answer to /daily set already shows it; the store follows.
      cache.set(settings.guildId, { ...settings });
      await store.setDaily(settings);
    },
  };
}
