/** `npm run deploy-commands` as a real process against the double: what it PUTs, where, and how it fails. */
import { beforeAll, describe, expect, it } from 'vitest';
import { commandBodies, loadAllCommands } from '../../src/discord/registry';
import { DiscordDouble } from './discord-double';
import { APPLICATION_ID, cleanup, GUILD_ID, spawnScript, TOKEN, WRONG_TOKEN, type SpawnedProcess } from './harness';

const SCRIPT = 'src/cli/deploy-commands.ts';

let expected: unknown[];

beforeAll(async () => {
  // What Discord must receive: every command file's builder, serialised, in registry order, message commands last.
  expected = JSON.parse(JSON.stringify(commandBodies(await loadAllCommands()))) as unknown[];
});

/** Runs the script against a fresh double (prepared by `before`) and hands both to `check`. */
async function deploy(
  env: { token?: string; guild?: string },
  check: (double: DiscordDouble, proc: SpawnedProcess) => Promise<void>,
  before: (double: DiscordDouble) => void = () => {},
): Promise<void> {
  const double = await DiscordDouble.start({ token: TOKEN, applicationId: APPLICATION_ID });
  before(double);
  const proc = spawnScript(SCRIPT, {
    DISCORD_TOKEN: env.token ?? TOKEN,
    DISCORD_CLIENT_ID: APPLICATION_ID,
    // Blank rather than absent, so a developer's .env cannot fill it in.
    DISCORD_GUILD_ID: env.guild ?? '',
    DISCORD_API_URL: double.apiUrl,
  });
  try {
    await check(double, proc);
  } finally {
    cleanup(proc);
    await double.close();
  }
}

// Each test has its own double and process, so they can run side by side.
describe.concurrent('deploy-commands', () => {
  it('PUTs every command to the guild when DISCORD_GUILD_ID is set', () =>
    deploy({ guild: GUILD_ID }, async (double, proc) => {
      expect(await proc.exited()).toBe(0);
      expect(double.requests).toHaveLength(1);
      expect(double.requests[0]).toMatchObject({
        method: 'PUT',
        path: `/applications/${APPLICATION_ID}/guilds/${GUILD_ID}/commands`,
        authorization: `Bot ${TOKEN}`,
        status: 200,
      });
      expect(double.requests[0]?.body).toEqual(expected);
      expect(expected.length).toBeGreaterThanOrEqual(6);
      // Manage Server (0x20) by default on exactly the commands that change settings; the others are for everyone.
      const permissions = Object.fromEntries((double.requests[0]?.body as { name: string; default_member_permissions?: string | null }[]).map((c) => [c.name, c.default_member_permissions ?? null]));
      expect(Object.entries(permissions).filter(([, p]) => p !== null)).toEqual([['daily', '32'], ['library', '32'], ['reading', '32']]);
      expect(permissions).toMatchObject({ quote: null, who: null, footnote: null, search: null, works: null, help: null, 'Find in the texts': null });
      expect(proc.stdout()).toMatch(new RegExp(`^Registered ${expected.length} commands for guild ${GUILD_ID}: /daily, /footnote, /help, /library, /quote, .*“Find in the texts” \\(message menu\\)\n$`));
    }));

  it('PUTs them globally when DISCORD_GUILD_ID is unset', () =>
    deploy({}, async (double, proc) => {
      expect(await proc.exited()).toBe(0);
      expect(double.requests.map((r) => `${r.method} ${r.path}`)).toEqual([`PUT /applications/${APPLICATION_ID}/commands`]);
      expect(double.requests[0]?.body).toEqual(expected);
      expect(proc.stdout()).toContain('for all guilds');
    }));

  it('exits non-zero with a message when Discord refuses the token (401)', () =>
    deploy({ token: WRONG_TOKEN, guild: GUILD_ID }, async (double, proc) => {
      expect(await proc.exited()).not.toBe(0);
      expect(double.requests.map((r) => r.status)).toEqual([401]);
      expect(proc.stderr()).toMatch(/^Could not deploy commands: .*Unauthorized/m);
      expect(proc.stderr()).not.toContain(WRONG_TOKEN);
    }));

  it('exits non-zero when Discord keeps failing (500), after the client’s retries', () =>
    deploy(
      { guild: GUILD_ID },
      async (double, proc) => {
        expect(await proc.exited()).not.toBe(0);
        // @discordjs/rest retries a 5xx before giving up.
        expect(double.requests.length).toBeGreaterThan(1);
        expect(double.requests.every((r) => r.status === 500)).toBe(true);
        expect(proc.stderr()).toMatch(/^Could not deploy commands: /m);
        expect(proc.stdout()).not.toContain('Registered');
      },
      (double) => double.failNext({ method: 'PUT', path: /\/commands$/, status: 500, body: { message: 'Internal Server Error', code: 0 } }, 10),
    ));
});
