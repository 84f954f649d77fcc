import { bootstrap } from './console/main';
import { runConsole } from './console/run';
import { libraryReloader } from './app';
import { atMost, startBot } from './discord/bot';
import { ConnectError } from './discord/watchdog';
import { writePidFile } from './pidfile';

const { config, logger, app } = await bootstrap((c) => (c.discordToken ? 'info' : 'warn'));

/** Time a shutdown may take before the process exits anyway: every fatal path ends within 5 s of its message. */
const SHUTDOWN_WAIT_MS = 3_000;

process.on('unhandledRejection', (err) => logger.error({ err }, 'unhandled rejection'));
process.on('uncaughtException', (err) => logger.error({ err }, 'uncaught exception'));

if (!config.discordToken) {
  process.stderr.write('DISCORD_TOKEN is not set, so Marginalia opens its local console instead of connecting to Discord.\nType /help, or /quote, /who Hernandez, /footnote 3. Ctrl-D quits.\n');
  await runConsole(app, logger, { json: false, input: process.stdin, output: process.stdout, interactive: Boolean(process.stdin.isTTY) });
} else {
  const token = config.discordToken;
  // SIGHUP (or `npm run reload`, which sends it) reads the corpus again without a restart.
  const reloader = libraryReloader(app, config, logger);
  process.on('SIGHUP', () => void reloader.reload());
  await writePidFile(config.indexCacheDir).catch((err: unknown) => logger.warn({ err }, 'could not write the pid file; npm run reload will not find this process (send it SIGHUP)'));
  try {
    const bot = await startBot({ ...config, discordToken: token }, app, logger);
    let stopping = false;
    const stop = (signal: string) => {
      // One shutdown, however many signals: tsx relays a signal again when its child is slow to acknowledge
      // it, and with no listener left the repeat would kill the process mid-shutdown (exit 143).
      if (stopping) return;
      stopping = true;
      logger.info({ signal }, 'shutting down');
      void atMost(bot.stop(), SHUTDOWN_WAIT_MS).then(() => process.exit(0));
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    // Without this the process would idle forever, connected to nothing, after e.g. a token reset.
    void bot.lost.then(({ code }) => {
      process.stderr.write(`Discord closed the gateway for good (close code ${code}). Check DISCORD_TOKEN and the bot's intents.\n`);
      void atMost(bot.stop(), SHUTDOWN_WAIT_MS).then(() => process.exit(1));
    });
  } catch (err) {
    // startBot has closed its client by now; exit straight away.
    logger.fatal({ err }, 'could not connect to Discord');
    const hint = err instanceof ConnectError ? '' : 'Check DISCORD_TOKEN (and DISCORD_API_URL, if set).\n';
    process.stderr.write(`Could not connect to Discord: ${err instanceof Error ? err.message : String(err)}\n${hint}`);
    process.exit(1);
  }
}
