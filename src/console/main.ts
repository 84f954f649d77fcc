import dotenv from 'dotenv';
import { createApp, openStore } from '../app';
import { cacheDailies } from '../daily/cache';
import { createDailyService } from '../daily/service';
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
    // /daily reads and writes the same store here; only the bot runs the schedules.
    app.daily = createDailyService({ store: await cacheDailies(app.store.daily), library: () => app.library });
    return { config, logger, app };
  } catch (err) {
    if (err instanceof ConfigError || err instanceof CorpusError || err instanceof StoreError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
}

/** `--json` and `--guild ID` out of the arguments; the rest is the command line. */
export function consoleArguments(argv: readonly string[]): { json: boolean; guildId?: string; line: string } | { error: string } {
  const rest: string[] = [];
  let json = false;
  let guildId: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--json') json = true;
    else if (arg === '--guild' || arg.startsWith('--guild=')) {
      guildId = arg === '--guild' ? argv[++i] : arg.slice('--guild='.length);
      if (!guildId || !/^[\w-]{1,40}$/.test(guildId)) return { error: '--guild needs a server id, for example --guild 223456789012345678.' };
    } else rest.push(arg);
  }
  return { json, ...(guildId ? { guildId } : {}), line: rest.join(' ') };
}

/**
 * `npm run ask -- [--json] [--guild ID] ["/command …"]`: one command from the arguments, or one per
 * line of stdin, as a member with Manage Server of server ID (default a local one), in the bot's store.
 */
export async function runConsoleMain(argv: string[]): Promise<void> {
  const args = consoleArguments(argv);
  if ('error' in args) {
    process.stderr.write(`${args.error}\n`);
    process.exit(1);
  }
  const { json, guildId, line } = args;
  const { logger, app } = await bootstrap(() => 'warn', 'corpus');
  try {
    if (line.trim()) {
      process.stdout.write(`${formatReply(await answerLine(line, app, logger, guildId), json, !json && process.stdout.isTTY)}\n`);
      return;
    }
    await runConsole(app, logger, { json, input: process.stdin, output: process.stdout, interactive: Boolean(process.stdin.isTTY), ...(guildId ? { guildId } : {}) });
  } finally {
    await app.store?.close();
  }
}
