/** Shared set-up for the end-to-end tests: the double, the bot in this process or as a real process, and its logs. */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from '../../src/app';
import type { Config } from '../../src/config';
import { startBot, type Bot } from '../../src/discord/bot';
import type { AppContext } from '../../src/discord/dispatch';
import { createLogger, type Logger } from '../../src/logger';
import { DiscordDouble, type DoubleOptions } from './discord-double';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The seed fixture, never the live corpus/. */
export const CORPUS_DIR = path.join(ROOT, 'test/fixtures/seed');
export const TSX = path.join(ROOT, 'node_modules/.bin/tsx');

/** Looks like a bot token to the config check; means nothing anywhere else. */
export const TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.Gdoubl.e2e-token-for-the-local-double';
export const WRONG_TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.Gwrong.not-the-token-the-double-wants';
export const APPLICATION_ID = '123456789012345678';
export const GUILD_ID = '223456789012345678';

export async function tempCacheDir(): Promise<{ dir: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'marginalia-e2e-'));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** Log lines kept in memory, parsed: tests assert on them and the test output stays quiet. */
export interface CapturedLogs {
  logger: Logger;
  lines: Record<string, unknown>[];
}

export function captureLogs(level = 'info'): CapturedLogs {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger({ level, destination: { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) } });
  return { logger, lines };
}

export interface InProcessBot {
  double: DiscordDouble;
  bot: Bot;
  app: AppContext;
  logs: CapturedLogs;
  stop(): Promise<void>;
}

/** The double plus the bot as main.ts wires it (createApp, then startBot), in this process for speed. */
export async function startInProcess(
  options: Partial<DoubleOptions> = {},
  adapt: (app: AppContext) => AppContext = (app) => app,
): Promise<InProcessBot> {
  const double = await DiscordDouble.start({ token: TOKEN, applicationId: APPLICATION_ID, guildId: GUILD_ID, ...options });
  const cache = await tempCacheDir();
  const logs = captureLogs();
  const config: Config & { discordToken: string } = {
    discordToken: TOKEN,
    discordClientId: APPLICATION_ID,
    discordApiUrl: double.apiUrl,
    corpusDir: CORPUS_DIR,
    indexCacheDir: cache.dir,
  };
  const app = adapt(await createApp(config, logs.logger));
  const bot = await startBot(config, app, logs.logger);
  return {
    double,
    bot,
    app,
    logs,
    async stop() {
      await bot.stop();
      await double.close();
      await cache.remove();
    },
  };
}

/** The real entry point as a child process, with only the environment given here (no .env leaks in). */
export interface SpawnedProcess {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code (or the signal's name); rejects after `timeout`. */
  exited(timeout?: number): Promise<number | string>;
}

/** How a script is started: the tsx CLI, tsx's loader inside one node process, or its compiled JavaScript. */
export type Runner = 'tsx' | 'node' | 'compiled';

/**
 * `tsx script` by default. `runner: 'node'` loads tsx inside one node process instead: the tsx CLI
 * relays signals to its child and SIGKILLs it if the child takes over 30 ms to acknowledge, a race a
 * loaded test machine can lose, so a signal test needs a single process. `runner: 'compiled'` runs
 * dist/ (built by the global setup) with plain node, as `npm start` does.
 */
export function spawnScript(script: string, env: Record<string, string>, { runner = 'tsx' }: { runner?: Runner } = {}): SpawnedProcess {
  const compiled = path.join('dist', script.replace(/\.ts$/, '.js'));
  const [command, args] = runner === 'tsx' ? [TSX, [script]] : runner === 'node' ? [process.execPath, ['--import', 'tsx', script]] : [process.execPath, [compiled]];
  const child = spawn(command, args, {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NODE_NO_WARNINGS: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group: tsx runs the script in a child of its own, and cleanup must reach both.
    detached: true,
  });
  let out = '';
  let err = '';
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exit = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)));
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    exited: (timeout = 10_000) =>
      Promise.race([
        exit,
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`process still running after ${timeout} ms; stderr:\n${err}`)), timeout).unref()),
      ]),
  };
}

/** Kills a spawned process (and the script tsx started under it) that a failed test left running. */
export function cleanup(proc: SpawnedProcess | undefined): void {
  const pid = proc?.child.pid;
  if (!pid) return;
  try {
    // The whole group: an exited tsx may have left its child running.
    process.kill(-pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
  proc.child.stdout?.destroy();
  proc.child.stderr?.destroy();
}
