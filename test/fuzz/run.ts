/**
 * `npm run fuzz [-- --seconds N] [--seed S]` (or FUZZ_SECONDS, FUZZ_SEED): hostile commands at the
 * console, hostile corpora through check-corpus, and hostile Discord behaviour (odd options,
 * malformed dispatches, bursts, 429s) at the bot on the Discord double. Every reply must keep
 * Discord's limits, allow no mentions and show no live mention; every interaction gets exactly one
 * answer; nothing crashes. The seed is printed: the same seed replays the same run. Exit 1 on any
 * failure, each printed with the input that caused it.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { parseArgs, promisify } from 'node:util';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { answerLine, runConsole } from '../../src/console/run';
import { checkCorpus } from '../../src/corpus';
import { createLogger } from '../../src/logger';
import type { InteractionReply } from '../../src/render/render';
import { render } from '../../src/render/render';
import { ROOT, startInProcess, type InProcessBot } from '../e2e/harness';
import { loadSeed } from '../helpers/library';
import { replyProblems } from '../helpers/limits';

const { values } = parseArgs({ options: { seconds: { type: 'string' }, seed: { type: 'string' } } });
const seconds = Number(values.seconds ?? process.env.FUZZ_SECONDS ?? 60);
const seed = Number(values.seed ?? process.env.FUZZ_SEED ?? 9);
if (!(seconds > 0) || !Number.isInteger(seed)) {
  process.stderr.write('usage: npm run fuzz -- [--seconds N] [--seed S]   (N > 0; S an integer)\n');
  process.exit(2);
}
process.stdout.write(`fuzz: seed ${seed}, ${seconds} s (replay with: npm run fuzz -- --seed ${seed} --seconds ${seconds})\n`);

// ---- randomness, from the seed alone ------------------------------------------------------------

const rng = xoroshiro128plus(seed);
const int = (min: number, max: number): number => uniformInt(rng, min, max);
const pick = <T>(items: readonly T[]): T => items[int(0, items.length - 1)] as T;
const chance = (p: number) => int(0, 999) < p * 1000;

/** What hostile input is made of: every Markdown construct Discord renders, mentions, links, control characters, emoji. */
const PIECES = [
  '**', '__', '*', '_', '~~', '||', '`', '```', '> ', '>>> ', '# ', '## ', '### ', '-# ', '- ', '* ', '1. ', '\\',
  '[x](http://a)', '[Click to verify your account](https://evil.example)', '[a](<https://b>)', '<https://x.example>', 'https://x.example/a_b_',
  '@everyone', '@here', '<@123456789012345678>', '<@!123456789012345678>', '<@&223456789012345678>', '<#323456789012345678>',
  '<:a:', '<a:', '<:blob:423456789012345678>', '<a:dance:523456789012345678>', '<t:0:R>', '</quote:1>',
  '\u0000', '\u0007', '\u001b[31m', '\u001b]52;c;aGVsbG8=\u0007', '\u202e', '\u200b', '\t', '\u0085', '\u2028',
  '😀', '👨‍👩‍👧', '🇫🇷', 'é', 'ß', 'İ', '[^1]', '[3]', 'Hernandez', 'Trotsky', 'anarchists', 'Catalonia', 'revolution', 'Serge',
  '3', '0', '-1', '99999999999999999999', '1e400', 'NaN', 'work:', 'page:2', 'page:-3', 'name:"x y"', '"', "'", ':',
];

function hostile(maxPieces = 12): string {
  const parts = Array.from({ length: int(0, maxPieces) }, () => (chance(0.3) ? ' ' : '') + pick(PIECES));
  let text = parts.join(chance(0.5) ? ' ' : '');
  if (chance(0.05)) text = text.repeat(int(50, 400)); // huge
  return text;
}

// ---- failures -----------------------------------------------------------------------------------

const failures: string[] = [];
const fail = (what: string, input: unknown, problems: string[]) => {
  if (problems.length) failures.push(`${what}: ${problems.join('; ')}\n  input: ${JSON.stringify(input).slice(0, 400)}`);
};
const deadline = (share: number, start: number) => start + share * seconds * 1000;
const counts = { console: 0, consoleStreams: 0, corpora: 0, interactions: 0, malformed: 0, rateLimited: 0 };

// ---- the console --------------------------------------------------------------------------------

async function fuzzConsole(until: number): Promise<void> {
  const { app } = await loadSeed();
  const logger = createLogger({ level: 'silent' });
  const names = [...app.registry.keys(), 'bogus', 'QUOTE', ''];
  const line = () => {
    const options = Array.from({ length: int(0, 3) }, () => `${pick(['work', 'page', 'number', 'name', 'query', 'bogus', 'page'])}:${hostile(3)}`);
    return `${chance(0.9) ? '/' : ''}${pick(names)} ${hostile()} ${options.join(' ')}`;
  };
  while (Date.now() < until) {
    const input = line();
    try {
      const reply = render(await answerLine(input, app, logger));
      fail('console reply', input, replyProblems(reply));
      counts.console++;
    } catch (err) {
      fail('console crashed', input, [String(err)]);
    }
    // Exactly one answer per line, in order, through the same loop as `npm run ask -- --json`.
    if (counts.console % 50 === 0) {
      const lines = Array.from({ length: int(1, 20) }, () => line().replace(/[\r\n\u0085\u2028\u2029]/g, ' '));
      const input = new PassThrough();
      const output = new PassThrough();
      let out = '';
      output.on('data', (chunk: Buffer) => (out += chunk.toString()));
      input.end(`${lines.join('\n')}\n`);
      await runConsole(app, logger, { json: true, input, output, interactive: false });
      const answers = out.split('\n').filter(Boolean);
      fail('console stream', lines, answers.length === lines.length ? [] : [`${answers.length} answers to ${lines.length} lines`]);
      for (const answer of answers) fail('console stream reply', lines, replyProblems(JSON.parse(answer) as InteractionReply));
      counts.consoleStreams++;
    }
  }
}

// ---- corpora ------------------------------------------------------------------------------------

const YAML_PIECES = ['id: a', 'id: &x a', 'title: *x', 'title: 123', 'title: [a, b]', 'title: !!binary aGk=', 'url: "javascript:alert(1)"', 'source_file: src.txt', 'source_file: ../../etc/passwd', 'date: 1936', 'a: &a [x, x, x, x, x, x, x, x]', 'b: &b [*a, *a, *a, *a, *a, *a, *a, *a]', 'c: [*b, *b, *b, *b, *b, *b, *b, *b]', '\tid: tab', ': :', '- x', 'id: a\nid: b', '"unterminated', 'author: ' + 'x'.repeat(3000)];
const BODY_PIECES = ['Text[^1].', '[^1]: A note.', '[^1]:', '[^this.is.a.label]', '[^1]', '## Chapter', '# Part', '## {#bad', '\\# not a heading', '> quoted', '```', '<!-- x -->', '\u0000', '\uFEFF', 'The letter says hello [1] to all.'];

async function hostileCorpus(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'marginalia-fuzz-corpus-'));
  await mkdir(path.join(dir, 'sources'));
  await writeFile(path.join(dir, 'sources', 'src.txt'), chance(0.2) ? Buffer.from([0xff, 0xfe, 0x00, 0x41]) : 'The letter says hello [1] to all.\n\n1. A note.\n');
  for (let i = int(0, 3); i > 0; i--) {
    const front = Array.from({ length: int(0, 6) }, () => pick(YAML_PIECES)).join('\n');
    const body = Array.from({ length: int(0, 12) }, () => (chance(0.5) ? pick(BODY_PIECES) : hostile(4))).join(chance(0.5) ? '\n\n' : '\n');
    await writeFile(path.join(dir, `${chance(0.1) ? 'README' : `w${i}`}.md`), `${chance(0.9) ? '---\n' : ''}${front}\n${chance(0.9) ? '---\n' : ''}${body}\n`);
  }
  if (chance(0.2)) await mkdir(path.join(dir, 'x.md'));
  if (chance(0.3)) await writeFile(path.join(dir, 'people.yml'), Array.from({ length: int(0, 5) }, () => pick([...YAML_PIECES, '- name: A', '  aliases: [B]', '- name: *a'])).join('\n'));
  return dir;
}

/** Each problem is one line naming a file and a line: never a stack, never a throw. */
const problemShape = (problems: { file: string; line: number; message: string }[]) =>
  problems.flatMap((p) => (typeof p.file === 'string' && Number.isInteger(p.line) && typeof p.message === 'string' && !p.message.includes('\n    at ') ? [] : [`malformed problem ${JSON.stringify(p)}`]));

async function fuzzCorpora(until: number): Promise<void> {
  let last: string | undefined;
  while (Date.now() < until) {
    const dir = await hostileCorpus();
    try {
      const { problems } = await checkCorpus(dir);
      fail('check-corpus problem', dir, problemShape(problems));
      counts.corpora++;
    } catch (err) {
      fail('check-corpus crashed', dir, [String(err)]);
    }
    if (last) await rm(last, { recursive: true, force: true });
    last = dir;
  }
  if (!last) return;
  // Once through the real command too: exit 0 or 1 with its report, never a stack.
  const result = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/cli/check-corpus.ts', last], { cwd: ROOT, env: { PATH: process.env.PATH ?? '' } }).then(
    (r) => ({ code: 0, stderr: r.stderr }),
    (e: { code: number; stderr: string }) => ({ code: e.code, stderr: e.stderr }),
  );
  fail('npm run check-corpus', last, [...(result.code > 1 ? [`exit ${result.code}`] : []), ...(/\n\s+at /.test(result.stderr) ? ['a stack on stderr'] : [])]);
  await rm(last, { recursive: true, force: true });
}

// ---- Discord ------------------------------------------------------------------------------------

async function fuzzDiscord(until: number): Promise<void> {
  const h: InProcessBot = await startInProcess();
  // As main.ts does: what discord.js itself throws on a malformed dispatch is logged, not fatal.
  const logged = (err: unknown) => h.logs.logger.error({ err }, 'unhandled rejection');
  process.on('unhandledRejection', logged);
  const names = [...h.app.registry.keys(), 'bogus'];
  const asked: string[] = [];
  try {
    while (Date.now() < until) {
      const batch: string[] = [];
      if (chance(0.2)) {
        const times = int(1, 3);
        h.double.rateLimitCallbacks(times, 0.05);
        counts.rateLimited += times;
      }
      for (let i = int(1, chance(0.2) ? 60 : 8); i > 0; i--) {
        const name = pick(names);
        const options = { [pick(['query', 'name', 'number', 'work', 'page', 'bogus'])]: chance(0.2) ? int(-5, 99999) : hostile() };
        const payload =
          chance(0.6) ? h.double.slashCommand(name, options)
          : chance(0.5) ? h.double.autocomplete(name, Object.keys(options)[0] ?? 'query', Object.fromEntries(Object.entries(options).map(([k, v]) => [k, String(v)])))
          : h.double.button(hostile(3).slice(0, 100) || 'x', { embeds: [{ title: hostile(2) }] });
        batch.push(payload.id);
        h.double.dispatchInteraction(payload);
      }
      if (chance(0.3)) {
        const base = h.double.slashCommand('who', { name: 'Hernandez' });
        h.double.dispatchInteraction(pick([null, 'garbage', 42, { ...base, type: 99 }, { ...base, data: undefined }, { id: 'x' }]));
        counts.malformed++;
      }
      await h.double.waitFor(() => batch.every((id) => h.double.callbacksFor(id).length > 0), { timeout: 60_000, what: `answers to ${batch.length} interactions` });
      asked.push(...batch);
      counts.interactions += batch.length;
    }
    // Late duplicates would show only after a settle: ask once more, then count.
    const last = h.double.slashCommand('help');
    h.double.dispatchInteraction(last);
    await h.double.waitForCallback(last.id, 60_000);
    for (const id of asked) {
      const callbacks = h.double.callbacksFor(id);
      fail('interaction', id, callbacks.length === 1 ? [] : [`${callbacks.length} answers`]);
      const body = callbacks[0]?.body;
      // A deferral (5) carries no message: its edit, a webhook PATCH, is checked below.
      if (body?.data && body.type !== 5) fail('interaction reply', body, replyProblems(body as unknown as InteractionReply));
    }
    for (const request of h.double.requests) {
      if ((request.method === 'PATCH' || request.method === 'POST') && request.path.startsWith('/webhooks/') && request.body) {
        fail('webhook message', request.body, replyProblems({ type: 4, data: request.body } as unknown as InteractionReply));
      }
    }
    const crashed = h.logs.lines.filter((l) => l.msg === 'interaction handler failed');
    fail('handler', crashed.map((l) => l.id), crashed.length ? [`${crashed.length} handlers threw`] : []);
  } finally {
    process.off('unhandledRejection', logged);
    await h.stop();
  }
}

// ---- the run ------------------------------------------------------------------------------------

const start = Date.now();
try {
  await fuzzConsole(deadline(0.4, start));
  await fuzzCorpora(deadline(0.6, start));
  await fuzzDiscord(deadline(1, start));
} catch (err) {
  failures.push(`the fuzz itself failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
}
process.stdout.write(
  `fuzz: ${counts.console} console commands, ${counts.consoleStreams} console streams, ${counts.corpora} corpora, ${counts.interactions} interactions (${counts.malformed} malformed dispatches, ${counts.rateLimited} 429s) in ${((Date.now() - start) / 1000).toFixed(1)} s\n`,
);
if (failures.length) {
  process.stdout.write(`${failures.length} failures (seed ${seed}):\n${failures.slice(0, 30).join('\n')}\n`);
  process.exit(1);
}
process.stdout.write('fuzz: no failures\n');
