/**
 * The real entry point, compiled and run with plain node as `npm start` runs it, as a child process
 * against the double: how it ends, how it reloads its corpus, and that what makes discord.js itself
 * throw is logged rather than fatal.
 * Tests wait for events (a line on stderr, the exit), never for a guessed time: start-up can take
 * many seconds on a loaded machine, and only the test's own timeout bounds a hang.
 */
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { GatewayOpcodes } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiscordDouble, type DoubleOptions } from './discord-double';
import { APPLICATION_ID, cleanup, CORPUS_DIR, killSpawned, primedCacheDir, ROOT, spawnScript, tempCacheDir, TOKEN, WRONG_TOKEN, type SpawnedProcess } from './harness';

/** What the product promises: a fatal message is followed by the exit within this long. */
const EXIT_AFTER_MESSAGE_MS = 5_000;

let cache: Awaited<ReturnType<typeof primedCacheDir>>;
beforeAll(async () => {
  // Read-only for the bots: with indexes and proofs in place, none of them writes to it.
  cache = await primedCacheDir();
});
afterAll(async () => {
  killSpawned();
  await cache.remove();
});

/** Starts a double and `src/main.ts` against it, runs `check`, and cleans up whatever happens. */
async function withBot(
  token: string,
  options: Partial<DoubleOptions>,
  check: (double: DiscordDouble, proc: SpawnedProcess) => Promise<void>,
  env: Record<string, string> = {},
): Promise<void> {
  const double = await DiscordDouble.start({ token: TOKEN, applicationId: APPLICATION_ID, ...options });
  // A store each: bots side by side must not share (and race to create) one SQLite file.
  const data = await tempCacheDir();
  const proc = spawnScript('src/main.ts', {
    DATA_DIR: data.dir,
    DISCORD_TOKEN: token,
    DISCORD_CLIENT_ID: APPLICATION_ID,
    DISCORD_GUILD_ID: '',
    DISCORD_API_URL: double.apiUrl,
    CORPUS_DIR,
    INDEX_CACHE_DIR: cache.dir,
    LOG_LEVEL: 'info',
    ...env,
  }, { runner: 'compiled' });
  try {
    await check(double, proc);
  } finally {
    cleanup(proc);
    await double.close();
    await data.remove();
  }
}

/** Waits for the fatal message and the exit: exit 1, promptly after the message. */
async function expectFatal(proc: SpawnedProcess, message: string): Promise<void> {
  const { code, msAfter } = await proc.exitAfter(message);
  expect(code).toBe(1);
  expect(msAfter).toBeLessThan(EXIT_AFTER_MESSAGE_MS);
}

/** A hang's backstop, not a measurement: how long a start-up may take on a machine under heavy load. */
const START_UP_BACKSTOP_MS = 80_000;

const connected = (double: DiscordDouble, proc: SpawnedProcess) =>
  double.waitFor(() => proc.stderr().includes('"msg":"connected to Discord"'), { timeout: START_UP_BACKSTOP_MS, what: 'the bot to connect' });

/** Pino's JSON lines from the child's stderr. */
const logLines = (proc: SpawnedProcess) =>
  proc
    .stderr()
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);

const without = (payload: Record<string, unknown>, key: string) => Object.fromEntries(Object.entries(payload).filter(([k]) => k !== key));

describe.concurrent('the real process', { timeout: START_UP_BACKSTOP_MS + 10_000 }, () => {
  it('gives up on a token the gateway rejects (4004) with a clear error and exit 1, without a reconnect loop', () =>
    // REST lets the wrong token through, so the failure is the gateway's own close code.
    withBot(WRONG_TOKEN, { checkRestToken: false }, async (double, proc) => {
      await expectFatal(proc, 'Could not connect to Discord: Authentication failed');
      expect(double.framesWith(GatewayOpcodes.Identify)).toHaveLength(1);
      expect(double.framesWith(GatewayOpcodes.Identify)[0]?.d).toMatchObject({ token: WRONG_TOKEN });
      expect(double.connections).toHaveLength(1);
      expect(proc.stderr()).toContain('Could not connect to Discord: Authentication failed');
      expect(proc.stderr()).not.toContain(WRONG_TOKEN);
    }));

  it('gives up on a token REST rejects (401) with a clear error and exit 1, before the gateway', () =>
    withBot(WRONG_TOKEN, {}, async (double, proc) => {
      await expectFatal(proc, 'Could not connect to Discord: An invalid token was provided.');
      expect(double.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual(['GET /gateway/bot 401']);
      expect(double.connections).toHaveLength(0);
      expect(proc.stderr()).toContain('Could not connect to Discord: An invalid token was provided.');
      expect(proc.stderr()).not.toContain(WRONG_TOKEN);
    }));

  it('exits 1 when the gateway later closes for good (4004 after a token reset), rather than idling unconnected', () =>
    withBot(TOKEN, {}, async (double, proc) => {
      await connected(double, proc);
      double.closeGateway(4004, 'Authentication failed.');
      await expectFatal(proc, 'Discord closed the gateway for good (close code 4004)');
      expect(double.connections).toHaveLength(1);
      expect(proc.stderr()).toContain('Discord closed the gateway for good (close code 4004)');
    }));

  it('exits 0 on SIGTERM, closing the gateway connection normally', () =>
    withBot(TOKEN, {}, async (double, proc) => {
      await connected(double, proc);
      const payload = double.slashCommand('who', { name: 'Hernandez' });
      double.dispatchInteraction(payload);
      expect((await double.waitForCallback(payload.id)).body.type).toBe(4);
      proc.child.kill('SIGTERM');
      expect(await proc.exited()).toBe(0);
      expect(double.connected).toBe(false);
      expect(logLines(proc).find((l) => l.msg === 'shutting down')).toMatchObject({ signal: 'SIGTERM' });
    }));

  it('logs malformed INTERACTION_CREATE dispatches, keeps running and answers the next interaction', () =>
    withBot(TOKEN, {}, async (double, proc) => {
      await connected(double, proc);
      double.dispatchInteraction(without(double.slashCommand('who', { name: 'Hernandez' }), 'data'));
      double.dispatchInteraction(without(double.slashCommand('who', { name: 'Hernandez' }), 'entitlements'));
      double.dispatchInteraction(null);
      double.dispatchInteraction('garbage');
      double.dispatchInteraction({ ...double.slashCommand('who', { name: 'Hernandez' }), type: 99 });
      double.sendRaw('not json at all {');

      const next = double.slashCommand('footnote', { number: '3' });
      double.dispatchInteraction(next);
      expect((await double.waitForCallback(next.id)).body.type).toBe(4);
      const failures = await double.waitFor(() => {
        const lines = logLines(proc).filter((l) => l.msg === 'unhandled rejection' || l.msg === 'interaction dropped by discord.js');
        return lines.length >= 5 && lines;
      }, { what: 'five log lines about the malformed interactions' });
      expect(failures.map((l) => l.msg).sort()).toEqual([
        'interaction dropped by discord.js',
        'interaction dropped by discord.js',
        'unhandled rejection',
        'unhandled rejection',
        'unhandled rejection',
      ]);
      expect(proc.child.exitCode).toBeNull();
      expect(double.framesWith(GatewayOpcodes.Identify)).toHaveLength(1);
    }));

  it('exits 1 naming the rate limit when Discord rate-limits start-up for an hour (global 429), instead of waiting silently', () =>
    withBot(TOKEN, {}, async (double, proc) => {
      double.rateLimitGlobally(3600);
      await expectFatal(
        proc,
        'Could not connect to Discord: Discord rate-limited start-up for 3600 s (a global limit) on GET /gateway/bot, longer than the 60 s Marginalia waits; start it again once the limit has passed.',
      );
      expect(double.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual(['GET /gateway/bot 429']);
      expect(logLines(proc).find((l) => l.msg === 'Discord rate-limited a start-up request')).toMatchObject({ level: 40, global: true, retryAfterS: 3600 });
      expect(double.connections).toHaveLength(0);
    }));

  it('says which request timed out when the API never answers, after DISCORD_CONNECT_TIMEOUT_MS', () =>
    withBot(TOKEN, { answerRest: false }, async (double, proc) => {
      await expectFatal(proc, `Could not connect to Discord: Discord's API at ${double.apiUrl} did not answer GET /gateway/bot within 1 s.`);
      expect(double.requests.map((r) => `${r.method} ${r.path}`)).toContain('GET /gateway/bot');
      expect(double.connections).toHaveLength(0);
    }, { DISCORD_CONNECT_TIMEOUT_MS: '1000' }));

  it('retries a gateway that never says HELLO, with growing pauses, and exits 1 after 5 connections', () =>
    withBot(TOKEN, { hello: false }, async (double, proc) => {
      await expectFatal(proc, `Could not connect to Discord: The Discord gateway at ${double.gatewayUrl} never said HELLO: 5 connections each waited 0.4 s.`);
      expect(double.connections).toEqual(Array(5).fill('/gateway'));
      const lines = logLines(proc);
      expect(lines.filter((l) => l.msg === 'the gateway sent no HELLO; closing this connection').map((l) => [l.attempt, l.of, l.level])).toEqual([1, 2, 3, 4, 5].map((n) => [n, 5, 40]));
      // A twentieth of the timeout, doubling: 20, 40, 80, 160 ms.
      expect(lines.filter((l) => l.msg === 'connecting again after a pause').map((l) => l.inMs)).toEqual([20, 40, 80, 160]);
      expect(lines.filter((l) => l.msg === 'connecting to the gateway').map((l) => l.level)).toEqual(Array(5).fill(30));
      expect(lines.find((l) => l.msg === 'gateway said HELLO')).toBeUndefined();
    }, { DISCORD_CONNECT_TIMEOUT_MS: '400' }));

  it('logs each step of connecting at info: API reached, gateway URL, HELLO, READY', () =>
    withBot(TOKEN, {}, async (double, proc) => {
      await connected(double, proc);
      const steps = logLines(proc)
        .filter((l) => l.level === 30)
        .map((l) => l.msg);
      // Only the connection's steps: loading the corpus and opening the store come before them.
      expect(steps.slice(steps.indexOf('connecting to Discord'))).toEqual(['connecting to Discord', 'Discord API reached', 'gateway URL obtained', 'connecting to the gateway', 'gateway said HELLO', 'gateway said READY', 'connected to Discord']);
      expect(logLines(proc).find((l) => l.msg === 'Discord API reached')).toMatchObject({ request: 'GET /gateway/bot', status: 200 });
      expect(logLines(proc).find((l) => l.msg === 'gateway URL obtained')).toMatchObject({ url: double.gatewayUrl });
    }));

  it('reloads the corpus on SIGHUP and on npm run reload: a new book answers, a broken corpus is refused and the old library kept', async () => {
    // A corpus and a cache of its own: a reload writes index parts, and the shared cache stays read-only.
    const corpusDir = await mkdtemp(path.join(tmpdir(), 'marginalia-reload-'));
    const own = await tempCacheDir();
    await cp(CORPUS_DIR, corpusDir, { recursive: true });
    const fixture = path.join(ROOT, 'test/fixtures/import');
    const words = 'already written in the corpus format';
    const asked = async (double: DiscordDouble) => {
      const payload = double.slashCommand('quote', { query: words });
      double.dispatchInteraction(payload);
      return JSON.stringify((await double.waitForCallback(payload.id, 10_000)).body);
    };
    const logged = (proc: SpawnedProcess, msg: string, count = 1) =>
      new Promise<Record<string, unknown>>((resolve, reject) => {
        const check = () => {
          const lines = logLines(proc).filter((l) => l.msg === msg);
          if (lines.length >= count) return resolve(lines[count - 1] as Record<string, unknown>);
          if (proc.child.exitCode !== null) return reject(new Error(`the bot exited before logging "${msg}":\n${proc.stderr()}`));
          proc.child.stderr?.once('data', check);
        };
        check();
      });
    try {
      await withBot(TOKEN, {}, async (double, proc) => {
        await connected(double, proc);
        expect(await asked(double)).not.toContain('Dear friend');

        await cp(path.join(fixture, 'corpus-letter.md'), path.join(corpusDir, 'corpus-letter.md'));
        await cp(path.join(fixture, 'sources/corpus-letter.txt'), path.join(corpusDir, 'sources/corpus-letter.txt'));
        proc.child.kill('SIGHUP');
        expect(await logged(proc, 'library reloaded')).toMatchObject({ works: 3, built: 1, cached: 2, indexed: ['corpus-letter'] });
        expect(await asked(double)).toContain('Dear friend');

        // A work whose passage is not in its source: refused, and the three works still answer.
        await writeFile(path.join(corpusDir, 'broken.md'), '---\nid: broken\ntitle: Broken\nsource_file: corpus-letter.txt\n---\n\nWords the source never had.\n');
        const reload = spawnScript('src/cli/reload.ts', { CORPUS_DIR: corpusDir, INDEX_CACHE_DIR: own.dir }, { runner: 'compiled' });
        expect(await reload.exited()).toBe(0);
        expect(reload.stdout()).toMatch(/^Asked the bot \(pid \d+\) to reload /);
        expect(await logged(proc, 'corpus reload refused; the library in use is kept')).toMatchObject({ problems: 1 });
        expect(await asked(double)).toContain('Dear friend');
        expect(proc.child.exitCode).toBeNull();
      }, { CORPUS_DIR: corpusDir, INDEX_CACHE_DIR: own.dir });
    } finally {
      await rm(corpusDir, { recursive: true, force: true });
      await own.remove();
    }
  });
});
