import { bootstrap } from './console/main';
import { runConsole } from './console/run';
import { startBot } from './discord/bot';

const { config, logger, app } = await bootstrap((c) => (c.discordToken ? 'info' : 'warn'));

process.on('unhandledRejection', (err) => logger.error({ err }, 'unhandled rejection'));
process.on('uncaughtException', (err) => logger.error({ err }, 'uncaught exception'));

if (!config.discordToken) {
  process.stderr.write('DISCORD_TOKEN is not set, so Marginalia opens its local console instead of connecting to Discord.\nType /help, or /quote, /who Hernandez, /footnote 3. Ctrl-D quits.\n');
  await runConsole(app, logger, { json: false, input: process.stdin, output: process.stdout, interactive: Boolean(process.stdin.isTTY) });
} else {
  const token = config.discordToken;
  try {
    const bot = await startBot({ ...config, discordToken: token }, app, logger);
    const stop = (signal: string) => {
      logger.info({ signal }, 'shutting down');
      bot.stop().finally(() => process.exit(0));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  } catch (err) {
    logger.fatal({ err }, 'could not connect to Discord');
    process.stderr.write(`Could not connect to Discord: ${err instanceof Error ? err.message : String(err)}\nCheck DISCORD_TOKEN (and DISCORD_API_URL, if set).\n`);
    process.exit(1);
  }
}
