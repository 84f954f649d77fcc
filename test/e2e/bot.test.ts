/**
 * The real discord.js client, wired as main.ts wires it (createApp, then startBot), logged in to
 * the local double: what Discord would receive for each kind of interaction.
 */
import { GatewayOpcodes, InteractionResponseType, MessageFlags, SlashCommandBuilder } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus, type Corpus } from '../../src/corpus';
import { answerButton, answerCommand, INTERNAL_ERROR, type AppContext } from '../../src/discord/dispatch';
import { render } from '../../src/render/render';
import type { RecordedCallback } from './discord-double';
import { markdownFragments } from '../helpers/quoted';
import { APPLICATION_ID, CORPUS_DIR, startInProcess, TOKEN, type InProcessBot } from './harness';

interface Embed {
  title?: string;
  description?: string;
  fields?: { name: string; value: string }[];
}
interface Button {
  type: number;
  custom_id: string;
  label: string;
  disabled?: boolean;
}
interface MessageData {
  content?: string;
  embeds?: Embed[];
  components?: { components: Button[] }[];
  flags?: number;
  allowed_mentions?: unknown;
  choices?: { name: string; value: string }[];
}

const dataOf = (callback: RecordedCallback) => (callback.body.data ?? {}) as MessageData;

let h: InProcessBot;
let corpus: Corpus;

/** Every passage and footnote as written: what a quotation must be cut from. */
const corpusTexts = () => [...corpus.passages.map((p) => p.text), ...corpus.works.flatMap((w) => w.footnotes.map((f) => f.text))];

/** Each quoted line of `markdown` (those starting with "> "), cut at "[…]", is verbatim corpus text. */
function expectVerbatim(markdown: string | undefined, texts = corpusTexts()): string[] {
  const pieces = markdownFragments(markdown ?? '');
  expect(pieces.length, `no quotation in ${markdown}`).toBeGreaterThan(0);
  for (const piece of pieces) expect(texts.some((t) => t.includes(piece)), `not verbatim in the corpus: ${piece}`).toBe(true);
  return pieces;
}

async function ask(name: string, options: Record<string, string | number | boolean> = {}): Promise<RecordedCallback> {
  const payload = h.double.slashCommand(name, options);
  h.double.dispatchInteraction(payload);
  return h.double.waitForCallback(payload.id);
}

beforeAll(async () => {
  [h, corpus] = await Promise.all([startInProcess(), loadCorpus(CORPUS_DIR)]);
});

afterAll(async () => {
  await h?.stop();
});

describe('login', () => {
  it('identifies with the configured token and the Guilds intent only', () => {
    const identify = h.double.framesWith(GatewayOpcodes.Identify);
    expect(identify).toHaveLength(1);
    expect(identify[0]?.d).toMatchObject({ token: TOKEN, intents: 1 });
    // The gateway URL was discovered through REST, with the bot's own authorization.
    expect(h.double.requests[0]).toMatchObject({ method: 'GET', path: '/gateway/bot', authorization: `Bot ${TOKEN}`, status: 200 });
    expect(h.bot.client.isReady()).toBe(true);
    expect(h.logs.lines.find((l) => l.msg === 'connected to Discord')).toMatchObject({ application: APPLICATION_ID, guilds: 1 });
  });
});

describe('slash commands', () => {
  it('/quote answers with the best passage, verbatim, and its buttons', async () => {
    const callback = await ask('quote', { query: 'anarchists majority Catalonia' });
    const expected = render(answerCommand('quote', { query: 'anarchists majority Catalonia' }, h.app));
    expect(callback.body).toMatchObject({ type: InteractionResponseType.ChannelMessageWithSource, data: expected.data });
    expect(callback.query).toEqual({ with_response: 'false' });
    const embed = dataOf(callback).embeds?.[0];
    const [passage] = expectVerbatim(embed?.description);
    expect(passage).toContain('The Spanish anarchists are uncontestably in the majority in Catalonia');
    expect(embed?.title).toBe('Letter to Leon Trotsky');
    expect(dataOf(callback).flags ?? 0).toBe(0);
  });

  it('/who Hernandez answers with the glossing footnote and the passage naming him, verbatim', async () => {
    const callback = await ask('who', { name: 'Hernandez' });
    expect(callback.body).toMatchObject({ type: 4, data: render(answerCommand('who', { name: 'Hernandez' }, h.app)).data });
    const embed = dataOf(callback).embeds?.[0];
    expect(embed?.title).toBe('Jesus Hernandez');
    const serge = corpus.works.find((w) => w.meta.id === 'serge-letter-1936');
    expect(expectVerbatim(embed?.description, serge?.footnotes.map((f) => f.text))).toEqual(['Jesus Hernandez, leader of the Spanish Communist Party.']);
    const [field] = embed?.fields ?? [];
    expect(field?.name).toBe('Letter to Leon Trotsky, ¶ 4');
    const mentions = expectVerbatim(field?.value, serge?.passages.filter((p) => p.n === 4).map((p) => p.text));
    expect(mentions.join(' ')).toContain('Hernandez [2] made to the press');
  });

  it('/footnote 3 answers with the note and the sentence it is attached to, verbatim', async () => {
    const callback = await ask('footnote', { number: '3' });
    expect(callback.body).toMatchObject({ type: 4, data: render(answerCommand('footnote', { number: '3' }, h.app)).data });
    const embed = dataOf(callback).embeds?.[0];
    expect(embed?.title).toBe('Footnote 3 — Letter to Leon Trotsky');
    const note = corpus.works.find((w) => w.meta.id === 'serge-letter-1936')?.footnotes.find((f) => f.label === '3');
    expect(expectVerbatim(embed?.description)).toEqual([note?.text]);
    expect(expectVerbatim(embed?.fields?.[0]?.value)).toEqual(['The editor wants me to send him the translation[3] little by little.']);
  });

  it('an unknown command gets a private answer naming the real ones', async () => {
    const callback = await ask('nonexistent');
    expect(callback.body.type).toBe(4);
    expect(dataOf(callback).flags).toBe(MessageFlags.Ephemeral);
    expect(dataOf(callback).content).toMatch(/^There is no command “\/nonexistent”\. The commands are \/daily, \/footnote, \/help, \/library, \/quote/);
  });
});

describe('autocomplete', () => {
  it.each([
    ['who', 'name', { name: 'Her' }, 'Jesus Hernandez'],
    ['quote', 'query', { query: 'the revolution' }, undefined],
    ['footnote', 'number', { number: '' }, undefined],
    ['quote', 'work', { work: '' }, undefined],
  ])('/%s %s answers with at most 25 choices', async (command, focused, options, includes) => {
    const payload = h.double.autocomplete(command, focused, options);
    h.double.dispatchInteraction(payload);
    const callback = await h.double.waitForCallback(payload.id);
    expect(callback.body.type).toBe(InteractionResponseType.ApplicationCommandAutocompleteResult);
    const choices = dataOf(callback).choices ?? [];
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(25);
    for (const choice of choices) {
      expect(choice.name.length).toBeLessThanOrEqual(100);
      expect(String(choice.value).length).toBeLessThanOrEqual(100);
    }
    if (includes) expect(choices.map((c) => c.name).join('\n')).toContain(includes);
  });
});

describe('buttons', () => {
  it('the buttons of a /quote reply update that message in place', async () => {
    const reply = dataOf(await ask('quote', { query: 'anarchists majority Catalonia' }));
    const buttons = (reply.components ?? []).flatMap((row) => row.components);
    const next = buttons.find((b) => b.label === 'Next match');
    const context = buttons.find((b) => b.label === 'Context');
    expect(next?.disabled).toBe(false);
    expect(context).toBeDefined();

    for (const button of [next, context]) {
      const customId = button?.custom_id ?? '';
      const payload = h.double.button(customId, { embeds: reply.embeds ?? [], components: reply.components ?? [] });
      h.double.dispatchInteraction(payload);
      const callback = await h.double.waitForCallback(payload.id);
      expect(callback.body.type, customId).toBe(InteractionResponseType.UpdateMessage);
      expect(callback.body.data).toMatchObject(render(answerButton(customId, h.app), { update: true }).data);
      expect(dataOf(callback).flags).toBeUndefined();
      for (const embed of dataOf(callback).embeds ?? []) if (embed.description?.startsWith('>')) expectVerbatim(embed.description);
    }
  });

  it('a stale button says so privately and leaves the message alone', async () => {
    const payload = h.double.button('m0|q|1||old format');
    h.double.dispatchInteraction(payload);
    const callback = await h.double.waitForCallback(payload.id);
    expect(callback.body.type).toBe(4);
    expect(dataOf(callback).flags).toBe(MessageFlags.Ephemeral);
  });
});

describe('the gateway and the REST API misbehaving', () => {
  it('resumes the session after a 4000 close and answers what arrived meanwhile and after', async () => {
    const before = h.double.session;
    const connections = h.double.connections.length;
    h.double.closeGateway(4000, 'Unknown error');
    await h.double.waitFor(() => !h.double.connected, { what: 'the close' });
    // Sent while the bot is away: Discord replays it on RESUME.
    const missed = h.double.slashCommand('who', { name: 'Hernandez' });
    h.double.dispatchInteraction(missed);

    const resume = await h.double.waitFor(() => h.double.framesWith(GatewayOpcodes.Resume)[0], { what: 'RESUME' });
    expect(resume.d).toEqual({ token: TOKEN, session_id: before.id, seq: before.sequence });
    expect(h.double.connections.slice(connections)).toEqual(['/resume']);
    expect(h.double.framesWith(GatewayOpcodes.Identify)).toHaveLength(1);
    expect((await h.double.waitForCallback(missed.id)).body.type).toBe(4);

    const after = await ask('footnote', { number: '3' });
    expect(after.body.type).toBe(4);
    expect(h.logs.lines.some((l) => l.msg === 'gateway resumed')).toBe(true);
  });

  it('retries a callback rate-limited with 429 and answers exactly once', async () => {
    h.double.rateLimitCallbacks(1, 0.1);
    const payload = h.double.slashCommand('who', { name: 'Hernandez' });
    h.double.dispatchInteraction(payload);
    await h.double.waitForCallback(payload.id);
    // A later interaction answered means the queue has moved on: no late duplicate is coming.
    await ask('help');
    const attempts = h.double.requests.filter((r) => r.path.startsWith(`/interactions/${payload.id}/`));
    expect(attempts.map((r) => r.status)).toEqual([429, 204]);
    expect(h.double.callbacksFor(payload.id)).toHaveLength(1);
  });

  it('answers each of 200 interactions in a burst exactly once', { timeout: 30_000 }, async () => {
    const commands: [string, Record<string, string>][] = [
      ['quote', { query: 'anarchists majority Catalonia' }],
      ['who', { name: 'Hernandez' }],
      ['footnote', { number: '3' }],
      ['search', { query: 'revolution' }],
      ['works', {}],
    ];
    const payloads = Array.from({ length: 200 }, (_, i) => {
      const [name, options] = commands[i % commands.length] ?? ['help', {}];
      return h.double.slashCommand(name, options);
    });
    for (const payload of payloads) h.double.dispatchInteraction(payload);
    const ids = new Set(payloads.map((p) => p.id));
    // Finished, not only called back: a deferred answer's edit and its log line come after the callback.
    const answered = await h.double.waitFor(
      () => {
        const lines = h.logs.lines.filter((l) => l.msg === 'interaction' && ids.has(String(l.id)));
        return lines.length >= 200 && lines;
      },
      { timeout: 25_000, what: '200 interactions handled' },
    );
    await ask('help');

    for (const payload of payloads) {
      const callbacks = h.double.callbacksFor(payload.id);
      expect(callbacks, payload.id).toHaveLength(1);
      // Under load an old interaction may be deferred first; then exactly one edit must follow.
      if (callbacks[0]?.body.type === InteractionResponseType.DeferredChannelMessageWithSource) {
        const edits = h.double.requests.filter((r) => r.method === 'PATCH' && r.path === `/webhooks/${APPLICATION_ID}/${payload.token}/messages/@original`);
        expect(edits, payload.id).toHaveLength(1);
      } else {
        expect(callbacks[0]?.body.type).toBe(4);
      }
    }
    expect(answered).toHaveLength(200);
    expect(answered.filter((l) => l.outcome === 'failed')).toEqual([]);
  });

  it('a malformed interaction of a type discord.js does not know is logged, and the next one answered', async () => {
    // The malformed shapes that make discord.js itself throw are covered against the real process.
    h.double.dispatchInteraction({ ...h.double.slashCommand('who', { name: 'x' }), type: 99 });
    h.double.dispatchInteraction('garbage');
    const callback = await ask('who', { name: 'Hernandez' });
    expect(callback.body.type).toBe(4);
    const dropped = h.logs.lines.filter((l) => l.msg === 'interaction dropped by discord.js');
    expect(dropped.map((l) => l.message)).toEqual([
      '[INTERACTION] Received interaction with unknown type: 99',
      '[INTERACTION] Received interaction with unknown type: undefined',
    ]);
  });
});

describe('what every message carries', () => {
  it('every message callback and webhook message allows no mentions', () => {
    const messages = [
      ...h.double.callbacks.filter((c) => c.body.type === 4 || c.body.type === 7).map((c) => c.body.data),
      ...h.double.requests.filter((r) => r.path.startsWith('/webhooks/') && r.method !== 'GET').map((r) => r.body),
    ];
    expect(messages.length).toBeGreaterThan(10);
    for (const message of messages) expect((message as MessageData).allowed_mentions).toEqual({ parse: [] });
  });
});

describe('a handler that throws', () => {
  let broken: InProcessBot;
  const explode = {
    data: new SlashCommandBuilder().setName('explode').setDescription('Throws'),
    answer: () => {
      throw new Error('kaboom');
    },
    execute: () => Promise.reject(new Error('kaboom')),
  };
  const withExplode = (app: AppContext): AppContext => ({ ...app, registry: new Map([...app.registry, ['explode', explode]]) });

  beforeAll(async () => {
    broken = await startInProcess({}, withExplode);
  });
  afterAll(async () => {
    await broken?.stop();
  });

  it('gets a private apology, and the error is logged', async () => {
    const payload = broken.double.slashCommand('explode');
    broken.double.dispatchInteraction(payload);
    const callback = await broken.double.waitForCallback(payload.id);
    expect(callback.body).toMatchObject({ type: 4, data: { content: INTERNAL_ERROR, flags: MessageFlags.Ephemeral, allowed_mentions: { parse: [] } } });
    const failed = await broken.double.waitFor(() => broken.logs.lines.find((l) => l.msg === 'interaction handler failed'));
    expect(failed).toMatchObject({ command: 'explode', err: { message: 'kaboom' } });
    const line = await broken.double.waitFor(() => broken.logs.lines.find((l) => l.msg === 'interaction' && l.id === payload.id));
    expect(line).toMatchObject({ outcome: 'failed' });
  });
});
