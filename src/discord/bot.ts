import {
  Client,
  Events,
  GatewayIntentBits,
  MessageFlags,
  Options,
  PermissionFlagsBits,
  type Interaction,
} from 'discord.js';
import { notice, type Answer } from '../answers';
import { DEFAULT_CONNECT_TIMEOUT_MS, type Config } from '../config';
import type { Logger } from '../logger';
import { renderChoices } from '../render/choices';
import { render } from '../render/render';
import { decodeAction } from '../render/actions';
import { answerButton, guildContext, INTERNAL_ERROR, isUnguarded, unknownCommand, type AppContext } from './dispatch';
import { discuss } from './threads';
import { createDaily } from './daily';
import type { DailyRunner } from '../daily/runner';
import type { Store } from '../store';
import { cacheDailies } from '../daily/cache';
import { optionsOf, replyWith, toReplyOptions, updateWith } from './respond';
import { ConnectionWatchdog } from './watchdog';

/** Discord's own API, unless DISCORD_API_URL points elsewhere. */
const DISCORD_API = 'https://discord.com/api';

/** Guilds only, and caches that hold nothing per user: memory stays flat however many people ask. */
export function createClient(config: Pick<Config, 'discordApiUrl'>, watchdog?: ConnectionWatchdog): Client {
  return new Client({
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: { parse: [] },
    rest: { ...(config.discordApiUrl ? { api: config.discordApiUrl } : {}), ...watchdog?.restOptions },
    ...(watchdog ? { ws: watchdog.wsOptions } : {}),
    makeCache: Options.cacheWithLimits({
      ...Options.DefaultMakeCacheSettings,
      MessageManager: 0,
      ThreadMemberManager: 0,
      ReactionManager: 0,
      ReactionUserManager: 0,
      PresenceManager: 0,
      VoiceStateManager: 0,
      GuildEmojiManager: 0,
      GuildStickerManager: 0,
      GuildScheduledEventManager: 0,
      GuildInviteManager: 0,
      GuildBanManager: 0,
      StageInstanceManager: 0,
      AutoModerationRuleManager: 0,
      GuildMemberManager: { maxSize: 0, keepOverLimit: (member) => member.id === member.client.user.id },
      UserManager: { maxSize: 0, keepOverLimit: (user) => user.id === user.client.user.id },
    }),
    sweepers: {
      ...Options.DefaultSweeperSettings,
      threads: { interval: 3600, lifetime: 3600 },
    },
  });
}

const outcomeOf = (answer: Answer | undefined) => (answer ? (answer.kind === 'notice' ? `${answer.tone}` : answer.kind) : 'none');

/** Answers one interaction, whatever happens, and logs one line about it. */
export async function handleInteraction(interaction: Interaction, shared: AppContext, logger: Logger): Promise<void> {
  const started = performance.now();
  // Who asks and where: read from the interaction itself, since a server can override a command's default permissions.
  let app: AppContext = {
    ...shared,
    ...(interaction.guildId ? { guildId: interaction.guildId } : {}),
    canManageServer: interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false,
  };
  const line: Record<string, unknown> = { id: interaction.id, user: interaction.user?.id, guild: interaction.guildId };
  let outcome = 'none';
  try {
    // The server's own view of the library: its works, nothing past its reading marks.
    app = await guildContext(app, interaction.guildId ?? undefined);
    if (interaction.isChatInputCommand()) {
      Object.assign(line, { interaction: 'command', command: interaction.commandName, options: optionsOf(interaction) });
      const command = app.registry.get(interaction.commandName);
      const answer = command ? await command.execute(interaction, app) : unknownCommand(interaction.commandName, app.registry);
      if (!command) await replyWith(interaction, answer);
      outcome = outcomeOf(answer);
    } else if (interaction.isAutocomplete()) {
      const focused = interaction.options.getFocused(true);
      Object.assign(line, { interaction: 'autocomplete', command: interaction.commandName, focused: focused.name, typed: focused.value });
      const command = app.registry.get(interaction.commandName);
      if (command?.autocomplete) await command.autocomplete(interaction, app);
      else await interaction.respond(renderChoices([]).data.choices);
      outcome = 'choices';
    } else if (interaction.isMessageContextMenuCommand()) {
      // The target message's words are never logged: only which message it was.
      Object.assign(line, { interaction: 'message command', command: interaction.commandName, target: interaction.targetId });
      const command = app.messageCommands?.get(interaction.commandName);
      const answer = command ? await command.execute(interaction, app) : unknownCommand(interaction.commandName, app.registry);
      if (!command) await replyWith(interaction, answer);
      outcome = outcomeOf(answer);
    } else if (interaction.isButton()) {
      Object.assign(line, { interaction: 'button', customId: interaction.customId });
      const decoded = decodeAction(interaction.customId);
      const kind = decoded.ok ? decoded.action.kind : undefined;
      if (kind === 'discuss') {
        outcome = outcomeOf(await discuss(interaction, app));
      } else {
        const answer = answerButton(interaction.customId, app);
        const spoilers = isUnguarded(decoded);
        // A stale or broken button says why privately, leaving the message as it was; Post adds a message for
        // everyone, and Cite a private one. An unguarded button only ever updates a private message.
        const onPrivate = interaction.message.flags.has(MessageFlags.Ephemeral);
        if (answer.kind === 'notice' || kind === 'post' || kind === 'cite' || (spoilers && !onPrivate)) await interaction.reply(toReplyOptions(render(answer, { spoilers }).data));
        else await updateWith(interaction, answer, { spoilers });
        outcome = outcomeOf(answer);
      }
    } else {
      Object.assign(line, { interaction: 'other', type: interaction.type });
      outcome = 'ignored';
    }
  } catch (err) {
    outcome = 'failed';
    logger.error({ err, ...line }, 'interaction handler failed');
    await answerFailure(interaction, logger);
  } finally {
    logger.info({ ...line, outcome, ms: Math.round((performance.now() - started) * 10) / 10 }, 'interaction');
  }
}

/** Tells the user something went wrong, by whichever route the interaction still allows. */
async function answerFailure(interaction: Interaction, logger: Logger): Promise<void> {
  try {
    if (interaction.isAutocomplete()) {
      if (!interaction.responded) await interaction.respond([]);
      return;
    }
    if (!interaction.isRepliable()) return;
    const options = toReplyOptions(render(notice('error', INTERNAL_ERROR)).data);
    if (interaction.deferred && !interaction.replied) await interaction.editReply(options);
    else if (interaction.replied || interaction.deferred) await interaction.followUp({ ...options, flags: MessageFlags.Ephemeral });
    else await interaction.reply(options);
  } catch (err) {
    logger.error({ err, id: interaction.id }, 'could not tell the user about a failure');
  }
}

export interface Bot {
  client: Client;
  /** Settles if Discord closes the gateway for good after login; the bot then answers nothing until restarted. */
  lost: Promise<{ code: number }>;
  /** The daily passage's runner, when the app has a store. */
  daily?: DailyRunner;
  stop(): Promise<void>;
}

/** Waits for `promise`, but no longer than `ms`: a fatal path must end even if a close hangs. */
export function atMost(promise: Promise<unknown>, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    void promise.catch(() => {}).finally(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** How long destroying a client may take when start-up gives up. */
const DESTROY_WAIT_MS = 2_000;

/**
 * Logs in and answers interactions until stopped. Rejects if Discord refuses the login, or with a
 * ConnectError when start-up would otherwise hang (see watchdog.ts); the client is closed then.
 */
export async function startBot(config: Config & { discordToken: string }, app: AppContext, logger: Logger): Promise<Bot> {
  const apiUrl = config.discordApiUrl ?? DISCORD_API;
  const watchdog = new ConnectionWatchdog(logger, { apiUrl, timeoutMs: config.discordConnectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS });
  // The daily schedules are read once here, then kept in memory and written through.
  // Set on the app itself, never a copy: a reload swaps the app's library in place.
  if (!app.dailyStore && app.store) app.dailyStore = await cacheDailies(app.store.daily);
  const { client, lost, daily } = wireClient(config, app, logger, watchdog);
  logger.info({ api: apiUrl }, 'connecting to Discord');
  try {
    await watchdog.login(client, config.discordToken);
  } catch (err) {
    daily?.stop();
    await atMost(client.destroy(), DESTROY_WAIT_MS);
    throw err;
  }
  return {
    client,
    lost,
    ...(daily ? { daily } : {}),
    stop: () => {
      daily?.stop();
      return client.destroy();
    },
  };
}

/** A client with every handler the bot needs, and the promise that settles if Discord closes its gateway for good. */
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Records when the bot leaves a server, so its data goes 30 days later (purged at start and daily),
 * and forgets the leave if it comes back. An outage is GuildUnavailable in discord.js, not a leave.
 */
function watchMembership(client: Client, store: Store, logger: Logger): void {
  const failed = (what: string) => (err: unknown) => logger.error({ err }, what);
  client.on(Events.GuildDelete, (guild) => void store.guilds.left(guild.id).catch(failed('could not record leaving a server')));
  client.on(Events.GuildCreate, (guild) => void store.guilds.present(guild.id).catch(failed('could not record being in a server')));
  const purge = setInterval(() => {
    store.guilds
      .purge()
      .then((gone) => gone.length && logger.info({ guilds: gone }, 'purged the data of servers the bot left over 30 days ago'))
      .catch(failed('could not purge the data of servers the bot left'));
  }, DAY_MS);
  purge.unref();
}

function wireClient(config: Config, app: AppContext, logger: Logger, watchdog: ConnectionWatchdog): { client: Client; lost: Promise<{ code: number }>; daily?: DailyRunner } {
  const client = createClient(config, watchdog);
  const daily = app.dailyStore
    ? createDaily({
        store: app.dailyStore,
        library: () => app.library,
        view: async (guildId) => (await guildContext(app, guildId)).library,
        rest: client.rest,
        logger,
        ...(app.clock ? { clock: app.clock } : {}),
      })
    : undefined;
  if (daily) app.daily = daily.service;
  client.on(Events.InteractionCreate, (interaction) => void handleInteraction(interaction, app, logger));
  client.once(Events.ClientReady, (ready) => {
    // Posts due while the bot was down go out now, if less than an hour late.
    void daily?.runner.start();
    logger.info({ user: ready.user.tag, application: ready.application.id, guilds: ready.guilds.cache.size }, 'connected to Discord');
    if (config.discordClientId && ready.application.id !== config.discordClientId) {
      logger.warn({ configured: config.discordClientId, actual: ready.application.id }, 'DISCORD_CLIENT_ID differs from the application this token belongs to');
    }
  });
  client.on(Events.Error, (err) => logger.error({ err }, 'discord client error'));
  client.on(Events.Warn, (message) => logger.warn({ message }, 'discord client warning'));
  // discord.js drops an interaction it cannot classify and says so only on its debug channel.
  client.on(Events.Debug, (message) => {
    if (message.startsWith('[INTERACTION]')) logger.warn({ message }, 'interaction dropped by discord.js');
  });
  // discord.js emits this only for close codes it will not recover from (4004 bad token, 4014 disallowed intents…).
  let onLost: (event: { code: number }) => void = () => {};
  const lost = new Promise<{ code: number }>((resolve) => (onLost = resolve));
  client.on(Events.ShardDisconnect, (event, shard) => {
    logger.error({ code: event.code, shard }, 'gateway closed for good; discord.js will not reconnect');
    onLost({ code: event.code });
  });
  client.on(Events.ShardResume, (shard, replayed) => logger.info({ shard, replayed }, 'gateway resumed'));
  if (app.store) watchMembership(client, app.store, logger);
  return { client, lost, ...(daily ? { daily: daily.runner } : {}) };
}
