/**
 * The real entry point as a child process against the double, under tsx and compiled as `npm start`
 * runs it: how it ends, and that what makes discord.js itself throw is logged rather than fatal.
 */
import { GatewayOpcodes } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { DiscordDouble, type DoubleOptions } from './discord-double';
import { APPLICATION_ID, cleanup, CORPUS_DIR, spawnScript, tempCacheDir, TOKEN, WRONG_TOKEN, type Runner, type SpawnedProcess } from './harness';

/** Starts a double and `src/main.ts` against it, runs `check`, and cleans up whatever happens. */
async function withBot(
  token: string,
  options: Partial<DoubleOptions>,
  check: (double: DiscordDouble, proc: SpawnedProcess) => Promise<void>,
  runner: Runner = 'tsx',
): Promise<void> {
  const double = await DiscordDouble.start({ token: TOKEN, applicationId: APPLICATION_ID, ...options });
  const cache = await tempCacheDir();
  const proc = spawnScript('src/main.ts', {
    DISCORD_TOKEN: token,
    DISCORD_CLIENT_ID: APPLICATION_ID,
    DISCORD_GUILD_ID: '',
    DISCORD_API_URL: double.apiUrl,
    CORPUS_DIR,
    INDEX_CACHE_DIR: cache.dir,
    LOG_LEVEL: 'info',
  }, { runner });
  try {
    await check(double, proc);
  } finally {
    cleanup(proc);
    await double.close();
    await cache.remove();
  }
}

const connected = (double: DiscordDouble, proc: SpawnedProcess) =>
  double.waitFor(() => proc.stderr().includes('"msg":"connected to Discord"'), { timeout: 15_000, what: 'the bot to connect' });

/** Pino's JSON lines from the child's stderr. */
const logLines = (proc: SpawnedProcess) =>
  proc
    .stderr()
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);

const without = (payload: Record<string, unknown>, key: string) => Object.fromEntries(Object.entries(payload).filter(([k]) => k !== key));

describe.concurrent('the real process', () => {
  it('gives up on a token the gateway rejects (4004) with a clear error and exit 1, without a reconnect loop', () =>
    // REST lets the wrong token through, so the failure is the gateway's own close code.
    withBot(WRONG_TOKEN, { checkRestToken: false }, async (double, proc) => {
      expect(await proc.exited(10_000)).toBe(1);
      expect(double.framesWith(GatewayOpcodes.Identify)).toHaveLength(1);
      expect(double.framesWith(GatewayOpcodes.Identify)[0]?.d).toMatchObject({ token: WRONG_TOKEN });
      expect(double.connections).toHaveLength(1);
      expect(proc.stderr()).toContain('Could not connect to Discord: Authentication failed');
      expect(proc.stderr()).not.toContain(WRONG_TOKEN);
    }));

  it('gives up on a token REST rejects (401) with a clear error and exit 1, before the gateway', () =>
    withBot(WRONG_TOKEN, {}, async (double, proc) => {
      expect(await proc.exited(10_000)).toBe(1);
      expect(double.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual(['GET /gateway/bot 401']);
      expect(double.connections).toHaveLength(0);
      expect(proc.stderr()).toContain('Could not connect to Discord: An invalid token was provided.');
      expect(proc.stderr()).not.toContain(WRONG_TOKEN);
    }));

  it('exits 1 when the gateway later closes for good (4004 after a token reset), rather than idling unconnected', () =>
    withBot(TOKEN, {}, async (double, proc) => {
      await connected(double, proc);
      double.closeGateway(4004, 'Authentication failed.');
      expect(await proc.exited(10_000)).toBe(1);
      expect(double.connections).toHaveLength(1);
      expect(proc.stderr()).toContain('Discord closed the gateway for good (close code 4004)');
    }));

  it('exits 0 on SIGTERM, closing the gateway connection normally (compiled, as npm start runs it)', () =>
    withBot(TOKEN, {}, async (double, proc) => {
      await connected(double, proc);
      const payload = double.slashCommand('who', { name: 'Hernandez' });
      double.dispatchInteraction(payload);
      expect((await double.waitForCallback(payload.id)).body.type).toBe(4);
      proc.child.kill('SIGTERM');
      expect(await proc.exited(10_000)).toBe(0);
      expect(double.connected).toBe(false);
      expect(logLines(proc).find((l) => l.msg === 'shutting down')).toMatchObject({ signal: 'SIGTERM' });
    }, 'compiled'));

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
});
