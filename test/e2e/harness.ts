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

/**
 * A cache folder already holding this corpus's indexes and proofs, built once in the test process:
 * a spawned bot then starts without building them, which spares a loaded machine the work.
 */
export async function primedCacheDir(): Promise<{ dir: string; remove(): Promise<void> }> {
  const cache = await tempCacheDir();
  await createApp({ corpusDir: CORPUS_DIR, indexCacheDir: cache.dir }, createLogger({ level: 'silent' }));
  return cache;
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
    dataDir: path.join(cache.dir, 'data'),
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
  /** Resolves with the exit code (or the signal's name) when the process exits. */
  exited(): Promise<number | string>;
  /**
   * Waits for `text` on stderr, then for the exit: the code, and how long after the text it came.
   * Events only: start-up may take long on a loaded machine, the test's own timeout bounds a hang.
   */
  exitAfter(text: string): Promise<{ code: number | string; msAfter: number }>;
}

/** How a script is started: the tsx CLI, tsx's loader inside one node process, or its compiled JavaScript. */
export type Runner = 'tsx' | 'node' | 'compiled';

/** Every process spawned here and not yet reaped: `killSpawned` ends those a timed-out test left behind. */
const running = new Set<SpawnedProcess>();

/**
 * `node --import tsx script` by default: one process. `runner: 'compiled'` runs dist/ (built by the
 * global setup) with plain node, as `npm start` does: no loader at all, the least start-up and exit
 * work. `runner: 'tsx'` goes through the tsx CLI, which starts a second node process and relays
 * signals to it (SIGKILLing a child slow to acknowledge one): twice the work, which a loaded test
 * machine feels.
 */
export function spawnScript(script: string, env: Record<string, string>, { runner = 'node' }: { runner?: Runner } = {}): SpawnedProcess {
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
  const seen = new Map<string, number>();
  const watched = new Set<string>();
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => {
    err += chunk.toString();
    for (const text of watched) if (!seen.has(text) && err.includes(text)) seen.set(text, performance.now());
  });
  const exit = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)));
  const proc: SpawnedProcess = {
    child,
    stdout: () => out,
    stderr: () => err,
    exited: () => exit,
    async exitAfter(text) {
      if (err.includes(text)) seen.set(text, performance.now());
      watched.add(text);
      const code = await exit;
      const at = seen.get(text);
      if (at === undefined) throw new Error(`the process exited (${code}) without printing "${text}"; stderr:\n${err}`);
      return { code, msAfter: performance.now() - at };
    },
  };
  running.add(proc);
  void exit.then(() => running.delete(proc));
  return proc;
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

/** For afterAll: a test that timed out never reached its own cleanup. */
export function killSpawned(): void {
  for (const proc of running) cleanup(proc);
  running.clear();
}
