import { answerInView, cite, context as contextAnswer, libraryView, notice, passageQuote, quote, search, works, type Answer, type LibraryView } from '../answers';
import { answerGuarded } from './guard';
import { decodeAction, type DecodedAction } from '../render/actions';
import type { CommandContext, CommandOptions } from './command';
import type { CachedDailyStore } from '../daily/cache';
import type { Clock } from '../daily/runner';
import type { MessageRegistry, Registry } from './registry';
import type { Store } from '../store';

export interface AppContext extends CommandContext {
  registry: Registry;
  /** Message context-menu commands ("Find in the texts"); the console has none. */
  messageCommands?: MessageRegistry;
  /** Where the daily passage's schedules and claims live; without it /daily says it is unavailable. */
  dailyStore?: CachedDailyStore;
  /** The daily runner's clock: the system's, unless a test drives it. */
  clock?: Clock;
  /** Servers' settings; absent only in tests that need none. */
  store?: Store;
}

export function unknownCommand(name: string, registry: Registry): Answer {
  const names = [...registry.keys()].map((n) => `/${n}`).join(', ');
  return notice('error', `There is no command “/${name}”. The commands are ${names}.`);
}

/**
 * The app as one server sees it: its view of the library from its settings (cached; re-read when
 * another process wrote them). Without a server or a store, the app as it is.
 */
export async function guildContext(app: AppContext, guildId: string | undefined): Promise<AppContext> {
  if (!guildId) return app;
  if (!app.store) return { ...app, guildId };
  app.store.refresh();
  const view = libraryView(app.library, await app.store.guilds.settings(guildId));
  return { ...app, guildId, library: view.library, view, guilds: app.store.guilds };
}

/** A command's answer by name, read-only and guarded: what tests and the in-process console call. */
export function answerCommand(name: string, options: CommandOptions, app: AppContext): Answer {
  const command = app.registry.get(name);
  return command ? answerGuarded((context) => command.answer(options, context), options, app) : unknownCommand(name, app.registry);
}

/** A command's answer by name, settings changes included: what the console awaits, as the bot does. */
export async function performCommand(name: string, options: CommandOptions, app: AppContext): Promise<Answer> {
  const change = app.registry.get(name)?.change?.(options, app);
  return (await change) ?? answerCommand(name, options, app);
}

/**
 * A button's answer, from its custom_id alone, in the clicking server's view: guarded, unless the
 * button is on a reader's private `spoilers:true` answer and says so.
 */
export function answerButton(customId: string, app: AppContext): Answer {
  const { view, ...rest } = app;
  const decoded = decodeAction(customId);
  return view ? answerInView(view, (library) => buttonAnswer(decoded, { ...rest, library }, view), { spoilers: isUnguarded(decoded) }) : buttonAnswer(decoded, app);
}

/** Whether a button was made on a `spoilers:true` answer, to answer its reader unguarded and privately. */
export const isUnguarded = (decoded: DecodedAction): boolean => decoded.ok && 'spoilers' in decoded.action && decoded.action.spoilers === true;

function buttonAnswer(decoded: DecodedAction, app: AppContext, view?: LibraryView): Answer {
  if (!decoded.ok) return notice('error', decoded.reason);
  const { action } = decoded;
  const { library } = app;
  switch (action.kind) {
    case 'quote':
      return quote(library, { query: action.query, work: action.workId, page: action.page }, app.random);
    case 'search':
      return search(library, { query: action.query, work: action.workId, page: action.page });
    case 'random':
      return quote(library, { work: action.workId }, app.random);
    case 'context':
      return contextAnswer(library, { workId: action.workId, seq: action.seq });
    case 'post':
    case 'discuss':
      return passageQuote(library, { workId: action.workId, seq: action.seq });
    case 'cite':
      return cite(library, { workId: action.workId, seq: action.seq });
    case 'works':
      return works(library, { page: action.page, ...(view ? { view, serverOnly: action.server === true } : {}) });
  }
}

export const INTERNAL_ERROR = 'Something went wrong while answering. The error has been logged; please try again.';
