import { DiscordAPIError, RESTJSONErrorCodes, Routes, type REST } from 'discord.js';
import { passageQuote, type Library } from '../answers';
import { dailyCandidates, dailyPicker } from '../daily/pick';
import type { Passage } from '../corpus';
import { DailyRunner, DeliveryError, type Clock, type DailySettings, type DailyStore } from '../daily/runner';
import type { CachedDailyStore } from '../daily/cache';
import { createDailyService, type DailyService } from '../daily/service';
import type { Logger } from '../logger';
import { render } from '../render/render';

/** What Discord's refusals mean for a daily post, in words for /daily show. */
const REFUSALS: Partial<Record<number, string>> = {
  [RESTJSONErrorCodes.UnknownChannel]: 'the channel no longer exists',
  [RESTJSONErrorCodes.MissingAccess]: 'Marginalia cannot see the channel (it needs View Channel there)',
  [RESTJSONErrorCodes.MissingPermissions]: 'Marginalia may not post in the channel (it needs Send Messages and Embed Links there)',
};

export interface DailyOptions {
  store: DailyStore;
  /** The whole library as it is now: a reload replaces it. */
  library: () => Library;
  rest: REST;
  logger: Logger;
  clock?: Clock;
  /** The library as the server sees it: its works, each cut at its reading mark. */
  view?: (guildId: string) => Promise<Library>;
  random?: () => number;
}

/** The daily runner wired to Discord: it picks from the server's passages and posts through REST. */
export function createDaily(options: DailyOptions & { store: CachedDailyStore }): { runner: DailyRunner; service: DailyService } {
  const { library, rest } = options;
  // Read at each use, never kept: a reload swaps the library.
  // With a work: its passages up to the mark, in order. Without: every passage the group has read.
  const candidates = async (guildId: string, workId?: string): Promise<readonly Passage[]> =>
    dailyCandidates(options.view ? await options.view(guildId) : library(), workId);
  const runner = new DailyRunner({
    store: options.store,
    logger: options.logger,
    ...(options.clock ? { clock: options.clock } : {}),
    async picker(settings: DailySettings) {
      return dailyPicker(await candidates(settings.guildId, settings.workId), settings, options.random);
    },
    async deliver(settings, key) {
      const [workId = '', seq = ''] = key.split(':');
      const answer = passageQuote(library(), { workId, seq: Number(seq) }, 'daily');
      if (answer.kind !== 'quote') throw new DeliveryError('the passage chosen is no longer in the texts');
      try {
        await rest.post(Routes.channelMessages(settings.channelId), { body: render(answer).data });
      } catch (err) {
        const refusal = err instanceof DiscordAPIError && typeof err.code === 'number' ? REFUSALS[err.code] : undefined;
        if (refusal) throw new DeliveryError(refusal);
        throw err;
      }
    },
  });
  return { runner, service: createDailyService({ store: options.store, library, runner, ...(options.clock ? { now: () => options.clock?.now() ?? new Date() } : {}) }) };
}
