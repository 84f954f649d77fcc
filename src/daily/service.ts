import type { DailyAnswer, Library } from '../answers';
import type { Logger } from '../logger';
import type { CachedDailyStore } from './cache';
import type { DailyRunner, DailySettings } from './runner';
import { nextOccurrence } from './schedule';

/** What /daily needs: the store to read and write a server's schedule, and the runner (if any) to re-plan. */
export interface DailyService {
  show(guildId: string): DailyAnswer;
  /** Replaces the schedule and re-plans at once: a time already past today waits for tomorrow. */
  set(settings: Pick<DailySettings, 'guildId' | 'channelId' | 'time' | 'timezone' | 'workId'>): DailyAnswer;
  off(guildId: string): DailyAnswer;
}

export function createDailyService(options: { store: CachedDailyStore; library: Library; logger: Logger; runner?: DailyRunner; now?: () => Date }): DailyService {
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
  /** Once the store has the change, the runner plans from it; a write that fails is logged. */
  const then = async (guildId: string, written: unknown) => {
    try {
      await written;
      await options.runner?.reschedule(guildId);
    } catch (err) {
      options.logger.error({ err, guild: guildId }, 'could not save the daily schedule');
    }
  };
  return {
    show: (guildId) => ({ kind: 'daily', schedule: view(store.cached(guildId)) }),
    set(settings) {
      const written = store.setDaily({ ...settings, since: now(), enabled: true, failures: 0 });
      void then(settings.guildId, written);
      return { kind: 'daily', change: 'set', schedule: view(store.cached(settings.guildId)) };
    },
    off(guildId) {
      const written = store.disableDaily(guildId);
      const answer: DailyAnswer = { kind: 'daily', change: 'off', schedule: view(store.cached(guildId) && { ...(store.cached(guildId) as DailySettings), enabled: false }) };
      void then(guildId, written);
      return answer;
    },
  };
}
