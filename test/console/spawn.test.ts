import { spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, it } from 'vitest';
import { answerLine } from '../../src/console/run';
import { createLogger } from '../../src/logger';
import { render } from '../../src/render/render';
import { replyToText } from '../../src/render/text';
import { loadSeed, SEED_DIR, type Seed } from '../helpers/library';

const ROOT = path.resolve(import.meta.dirname, '../..');
/** tsx's loader inside one node process: the tsx CLI would start a second one, twice the work on a loaded machine. */
const TSX_LOADER = pathToFileURL(path.join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

let cwd: string;
let seed: Seed;
beforeAll(async () => {
  // An empty working directory: no .env for dotenv to find, whatever the checkout holds.
  cwd = await mkdtemp(path.join(tmpdir(), 'marginalia-console-'));
  seed = await loadSeed();
});

let runs = 0;

function run(script: string, args: string[], stdin: string): Promise<Run> {
  const unset = new Set(['DISCORD_TOKEN', 'DISCORD_CLIENT_ID', 'DISCORD_GUILD_ID', 'DISCORD_API_URL', 'LOG_LEVEL']);
  const env: NodeJS.ProcessEnv = {
    ...Object.fromEntries(Object.entries(process.env).filter(([key]) => !unset.has(key))),
    CORPUS_DIR: SEED_DIR,
    INDEX_CACHE_DIR: path.join(cwd, 'cache'),
    // A store each: the processes run side by side, and each opens (and on first use creates) its own.
    DATA_DIR: path.join(cwd, `data-${++runs}`),
  };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', TSX_LOADER, path.join(ROOT, script), ...args], { cwd, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

/** What the console prints for a line, computed in this process with the same registry and renderer. */
const inProcess = async (line: string) => render(await answerLine(line, seed.app, createLogger({ level: 'silent' })));

/** A hang's backstop, not a measurement: a spawned console may take this long on a heavily loaded machine. */
const SPAWN_BACKSTOP = { timeout: 90_000 };

// Each test spawns its own process; they run side by side.
describe.concurrent('npm run ask (src/console/ask.ts)', SPAWN_BACKSTOP, () => {
  it('--json with a command argument prints exactly one line: the reply render produces in-process', async ({ expect }) => {
    const { code, stdout, stderr } = await run('src/console/ask.ts', ['--json', '/who Hernandez'], '');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const lines = stdout.split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toBe('');
    expect(JSON.parse(lines[0] ?? '')).toEqual(JSON.parse(JSON.stringify(await inProcess('/who Hernandez'))));
  });

  it('--json over stdin: one JSON line per input line, in order, blank, bad and hostile lines included', async ({ expect }) => {
    const hostile = '/who \u001b]52;c;cm0gLXJmIC8=\u0007x\u001b[2J\u009b31m\u007f';
    const input = ['/footnote 3', '/footnote 7', '/bogus', '', '/who Hernandez', 'no slash', '/search anarchists page:2', hostile];
    // A lone \r stays inside its line; \r\n ends one; a line over 8192 characters gets one error.
    const tail = `/footnote 3\r/footnote 7\r\n/quote ${'a'.repeat(2_000_000)}\n/help\n`;
    const { code, stdout } = await run('src/console/ask.ts', ['--json'], `${input.join('\n')}\n${tail}`);
    expect(code).toBe(0);
    // eslint-disable-next-line no-control-regex
    expect(stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    const lines = stdout.split('\n');
    expect(lines.pop()).toBe('');
    const replies = lines.map((l) => JSON.parse(l) as unknown);
    const tooLong = { type: 4, data: { content: 'That line is 2000007 characters long; the console reads lines of up to 8192 characters.', flags: 64, allowed_mentions: { parse: [] } } };
    const expected = await Promise.all([...input.map(inProcess), inProcess('/footnote 3 /footnote 7'), tooLong, inProcess('/help')]);
    expect(replies).toEqual(expected.map((r) => JSON.parse(JSON.stringify(r))));
    // The blank line is answered, so answers stay in step with lines: a notice asking for a command.
    expect(replies[3]).toEqual({ type: 4, data: { content: 'Type a command, for example /quote anarchists in Catalonia, or /help.', flags: 64, allowed_mentions: { parse: [] } } });
    expect((replies[1] as { data: { content: string } }).data.content).toBe('There is no footnote 7. Letter to Leon Trotsky has footnotes 1–4.');
  });

  it('human-readable: each reply as a reader sees it, separated by a blank line, no colour codes when piped', async ({ expect }) => {
    const input = ['/footnote 7', '/who Hernandez', '/who \u001b]52;c;cm0gLXJmIC8=\u0007x\u001b[2J\u009b31m'];
    const { code, stdout } = await run('src/console/ask.ts', [], `${input.join('\n')}\n`);
    expect(code).toBe(0);
    expect(stdout).toBe((await Promise.all(input.map(async (line) => `${replyToText(await inProcess(line))}\n\n`))).join(''));
    expect(stdout.startsWith('(only you can see this)\nThere is no footnote 7. Letter to Leon Trotsky has footnotes 1–4.\n\n')).toBe(true);
    expect(stdout).not.toContain('\u001b[');
    // Control characters in the input are shown, not obeyed: OSC 52 would write to the clipboard.
    expect(stdout).toContain('␛]52;c;cm0gLXJmIC8=␇x␛[2J\uFFFD31m');
    // eslint-disable-next-line no-control-regex
    expect(stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
  });
});

describe.concurrent('npm start (src/main.ts) without DISCORD_TOKEN', SPAWN_BACKSTOP, () => {
  it('opens the console: the reason on stderr, only the answer on stdout, exit 0 at end of input', async ({ expect }) => {
    const { code, stdout, stderr } = await run('src/main.ts', [], '/footnote 3\n');
    expect(code).toBe(0);
    expect(stderr).toMatch(/DISCORD_TOKEN is not set/);
    expect(stdout).toBe(`${replyToText(await inProcess('/footnote 3'))}\n\n`);
    expect(stdout).toContain('> Translation of the revolution betrayed.');
    expect(stdout).not.toMatch(/DISCORD_TOKEN|marginalia>/);
  });
});
