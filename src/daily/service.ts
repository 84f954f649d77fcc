import type { DailyAnswer, Library } from '../answers';
import type { DailyRunner, DailySettings, DailyStore } from './runner';
import { nextOccurrence } from './schedule';

/** What /daily needs: the store to read and write a server's schedule, and the runner (if any) to re-plan. */
export interface DailyService {
  show(guildId: string): DailyAnswer;
  /** Replaces the schedule and re-plans at once: a time already past today waits for tomorrow. */
  set(settings: Pick<DailySettings, 'guildId' | 'channelId' | 'time' | 'timezone' | 'workId'>): DailyAnswer;
  off(guildId: string): DailyAnswer;
}

export function createDailyService(options: { store: DailyStore; library: Library; runner?: DailyRunner; now?: () => Date }): DailyService {
  const { store, library } = options;
  const now = options.now ?? (() => new Date());
  const view = (settings: DailySettings | undefined): DailyAnswer['schedule'] => {
    if (!settings) return undefined;
    const workTitle = settings.workId ? library.works.get(settings.workId)?.meta.title : undefined;
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
    show: (guildId) => ({ kind: 'daily', schedule: view(store.daily(guildId)) }),
    set(settings) {
      store.setDaily({ ...settings, since: now(), enabled: true, failures: 0 });
      void options.runner?.reschedule(settings.guildId);
      return { kind: 'daily', change: 'set', schedule: view(store.daily(settings.guildId)) };
    },
    off(guildId) {
      store.disableDaily(guildId);
      void options.runner?.reschedule(guildId);
      return { kind: 'daily', change: 'off', schedule: view(store.daily(guildId)) };
    },
  };
}
