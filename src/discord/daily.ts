import { DiscordAPIError, RESTJSONErrorCodes, Routes, type REST } from 'discord.js';
import { chooseDaily, dailyKey, passageQuote, type Library } from '../answers';
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
  library: Library;
  rest: REST;
  logger: Logger;
  clock?: Clock;
  /** The passages a server may be shown of a work, or of all its works: up to its reading mark. */
  candidates?: (guildId: string, workId?: string) => readonly Passage[];
  random?: () => number;
}

/** The daily runner wired to Discord: it picks from the server's passages and posts through REST. */
export function createDaily(options: DailyOptions & { store: CachedDailyStore }): { runner: DailyRunner; service: DailyService } {
  const { library, rest } = options;
  const candidates = options.candidates ?? ((_guildId: string, workId?: string) => (workId ? (library.works.get(workId)?.passages ?? []) : library.corpus.passages));
  const runner = new DailyRunner({
    store: options.store,
    logger: options.logger,
    ...(options.clock ? { clock: options.clock } : {}),
    pick(settings: DailySettings, used) {
      const choice = chooseDaily(candidates(settings.guildId, settings.workId), used, settings.workId ? 'next' : 'random', options.random);
      return choice && { key: dailyKey(choice.passage), reset: choice.reset };
    },
    async deliver(settings, key) {
      const [workId = '', seq = ''] = key.split(':');
      const answer = passageQuote(library, { workId, seq: Number(seq) }, 'daily');
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
  return { runner, service: createDailyService({ store: options.store, library, runner, logger: options.logger, ...(options.clock ? { now: () => options.clock?.now() ?? new Date() } : {}) }) };
}
