import dotenv from 'dotenv';
import { createApp, openStore } from '../app';
import { loadConfig, ConfigError, type Config, type ConfigUse } from '../config';
import { CorpusError } from '../corpus';
import { createLogger, type Logger } from '../logger';
import { StoreError } from '../store';
import { answerLine, formatReply, runConsole } from './run';

/** Config, logger and app with its store, or a clear message on stderr and exit 1. */
export async function bootstrap(
  defaultLogLevel: (config: Config) => string,
  use: ConfigUse = 'bot',
): Promise<{ config: Config; logger: Logger; app: Awaited<ReturnType<typeof createApp>> }> {
  dotenv.config({ quiet: true });
  try {
    const config = loadConfig(process.env, use);
    const logger = createLogger({ level: config.logLevel ?? defaultLogLevel(config) });
    const app = await createApp(config, logger);
    app.store = await openStore(config, logger);
    return { config, logger, app };
  } catch (err) {
    if (err instanceof ConfigError || err instanceof CorpusError || err instanceof StoreError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
}

/** `npm run ask -- [--json] ["/command …"]`: one command from the arguments, or one per line of stdin. */
export async function runConsoleMain(argv: string[]): Promise<void> {
  const json = argv.includes('--json');
  const line = argv.filter((a) => a !== '--json').join(' ');
  const { logger, app } = await bootstrap(() => 'warn', 'corpus');
  if (line.trim()) {
    process.stdout.write(`${formatReply(answerLine(line, app, logger), json, !json && process.stdout.isTTY)}\n`);
    return;
  }
  await runConsole(app, logger, { json, input: process.stdin, output: process.stdout, interactive: Boolean(process.stdin.isTTY) });
}
