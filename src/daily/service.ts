import { passageQuote, type DailyAnswer, type Library } from '../answers';
import { dailyCandidates, dailyPicker } from './pick';
import type { CachedDailyStore } from './cache';
import type { DailyRunner, DailySettings } from './runner';
import { nextOccurrence } from './schedule';

/** What /daily needs: the store to read and write a server's schedule, and the runner (if any) to re-plan. */
export interface DailyService {
  show(guildId: string): DailyAnswer;
  /** Replaces the schedule and re-plans at once: a time already past today waits for tomorrow. */
  set(settings: Pick<DailySettings, 'guildId' | 'channelId' | 'time' | 'timezone' | 'workId'>): Promise<DailyAnswer>;
  off(guildId: string): Promise<DailyAnswer>;
  /**
   * Only where this process runs no schedule (the console): /daily show with what the next post
   * would be, chosen from `library` (the server's view) as the scheduler chooses, claiming nothing.
   */
  preview?(guildId: string, library: Library): Promise<DailyAnswer>;
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
  const preview = async (guildId: string, seen: Library): Promise<DailyAnswer> => {
    const settings = store.cached(guildId);
    const answer: DailyAnswer = { kind: 'daily', schedule: view(settings), preview: {} };
    if (!settings?.enabled) return answer;
    if (!settings.workId) return { ...answer, preview: { random: true } };
    const pick = dailyPicker(dailyCandidates(seen, settings.workId), settings)(await store.used(guildId));
    const [workId = '', seq = ''] = pick?.key.split(':') ?? [];
    const next = pick && passageQuote(seen, { workId, seq: Number(seq) });
    return next?.kind === 'quote' ? { ...answer, preview: { next: next.quotation.attribution } } : answer;
  };
  return {
    ...(options.runner ? {} : { preview }),
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
