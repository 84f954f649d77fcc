import type { DailyAnswer, Library } from '../answers';
import type { CachedDailyStore } from './cache';
import type { DailyRunner, DailySettings } from './runner';
import { nextOccurrence } from './schedule';

/** What /daily needs: the store to read and write a server's schedule, and the runner (if any) to re-plan. */
export interface DailyService {
  show(guildId: string): DailyAnswer;
  /** Replaces the schedule and re-plans at once: a time already past today waits for tomorrow. */
  set(settings: Pick<DailySettings, 'guildId' | 'channelId' | 'time' | 'timezone' | 'workId'>): Promise<DailyAnswer>;
  off(guildId: string): Promise<DailyAnswer>;
}

export function createDailyService(options: { store: CachedDailyStore; library: () => Library; runner?: DailyRunner; now?: () => Date }): DailyService {
  const { store, library } = options;
  const now = options.now ?? (() => new Date());
  const view = (settings: DailySettings | undefined): DailyAnswer['schedule'] => {
    if (!settings) return undefined;
    const workTitle = settings.workId ? library().works.get(settings.workId)?.meta.title : undefined;
    return {
      channelId: settings.channelId,
      time: settings.time,
      timezone: settings.timezone,
      ...(workTitle ? { workTitle } : {}),
      enabled: settings.enabled,
      ...(settings.disabledReason ? { disabledReason: settings.disabledReason } : {}),
      ...(settings.enabled ? { next: nextOccurrence(settings, now()) } : {}),
    };
  };
  return {
    show: (guildId) => ({ kind: 'daily', schedule: view(store.cached(guildId)) }),
    async set(settings) {
      await store.setDaily({ ...settings, since: now(), enabled: true, failures: 0 });
      await options.runner?.reschedule(settings.guildId);
      return { kind: 'daily', change: 'set', schedule: view(store.cached(settings.guildId)) };
    },
    async off(guildId) {
      await store.disableDaily(guildId);
      await options.runner?.reschedule(guildId);
      return { kind: 'daily', change: 'off', schedule: view(store.cached(guildId)) };
    },
  };
}
