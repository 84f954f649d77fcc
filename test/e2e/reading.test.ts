/**
 * /library and /reading against the Discord double, and the spoiler guard on every command,
 * autocomplete and button: the real client, a real store, a corpus built from test/fixtures/reading.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MessageFlags, PermissionFlagsBits } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Library } from '../../src/answers';
import { encodeAction } from '../../src/render/actions';
import { Store, storeFile } from '../../src/store';
import { readingLibrary } from '../helpers/reading';
import type { OptionValues, RecordedCallback } from './discord-double';
import { GUILD_ID, startInProcess, type InProcessBot } from './harness';

interface Data {
  content?: string;
  embeds?: { description?: string; footer?: { text: string }; fields?: { value: string }[] }[];
  components?: { components: { label: string; custom_id: string; disabled?: boolean }[] }[];
  flags?: number;
  choices?: { name: string; value: string }[];
}
const dataOf = (c: RecordedCallback) => (c.body.data ?? {}) as Data;
/** What was sent, without the bold that marks matched words. */
const plain = (data: unknown) => JSON.stringify(data).replace(/\*\*/g, '');

const NO_PERMISSIONS = '0';
const MANAGE_SERVER = String(PermissionFlagsBits.ManageGuild);

let h: InProcessBot;
let store: Store;
let library: Library;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'marginalia-reading-'));
  store = await Store.open(storeFile(dir));
  library = readingLibrary();
  h = await startInProcess({}, (app) => ({ ...app, library, store }));
});

afterAll(async () => {
  await h?.stop();
  await store?.close();
  await rm(dir, { recursive: true, force: true });
});

async function send(payload: ReturnType<InProcessBot['double']['slashCommand']>): Promise<Data> {
  h.double.dispatchInteraction(payload);
  return dataOf(await h.double.waitForCallback(payload.id));
}
const ask = (name: string, options: OptionValues = {}) => send(h.double.slashCommand(name, options));
const sub = (name: string, subcommand: string, options: OptionValues = {}, memberPermissions = MANAGE_SERVER) =>
  send(h.double.subcommand(name, subcommand, options, { memberPermissions }));
const complete = (name: string, focused: string, options: OptionValues) => send(h.double.autocomplete(name, focused, options));

/** The Prince's passages and notes past ch. 2: no reply may hold a word of them once the mark is set. */
const later = () => {
  const prince = library.works.get('the-prince');
  const passages = prince?.passages.filter((p) => p.chapter > 2).map((p) => p.text) ?? [];
  const notes = prince?.footnotes.filter((f) => f.chapter > 2).map((f) => f.text) ?? [];
  return [...passages, ...notes];
};
/** Any run of eight words of a later passage, found anywhere in what the bot sent. */
function expectNothingLater(data: Data): void {
  const sent = JSON.stringify(data).replace(/\\n|\*\*|\\"/g, ' ');
  for (const text of later()) {
    const words = text.split(/\s+/);
    for (let i = 0; i + 8 <= words.length; i += 4) expect(sent, `leaks: ${text}`).not.toContain(words.slice(i, i + 8).join(' '));
  }
}

describe('settings commands and permissions', () => {
  it('refuse a member without Manage Server privately, naming the permission, and change nothing', async () => {
    const after = 'needs the Manage Server permission: only members who have it can';
    const works = '/works shows this server’s works and how far the group has read, for anyone.';
    for (const [command, subcommand, options, what] of [
      ['library', 'remove', { work: 'serge-letter-1936' }, 'change this server\'s library'],
      ['library', 'add', { work: 'serge-letter-1936' }, 'change this server\'s library'],
      ['reading', 'set', { work: 'the-prince', through: 'ch. 2' }, 'change how far the group has read'],
      ['reading', 'next', { work: 'the-prince' }, 'change how far the group has read'],
      ['reading', 'clear', { work: 'the-prince' }, 'change how far the group has read'],
    ] as const) {
      const reply = await sub(command, subcommand, options, NO_PERMISSIONS);
      expect(reply.flags).toBe(MessageFlags.Ephemeral);
      expect(reply.content).toBe(`/${command} ${subcommand} ${after} ${what}. ${works}`);
    }
    expect(await store.guilds.settings(GUILD_ID)).toEqual({ guildId: GUILD_ID, marks: [] });
  });

  it('/reading set marks how far the group has read; /reading show is for anyone', async () => {
    const set = await sub('reading', 'set', { work: 'the-prince', through: 'chapter 2' });
    expect(set.content).toBe('The group has read The Prince through ch. 2. Replies now leave out its 4 later passages.');
    expect((await store.guilds.settings(GUILD_ID)).marks).toEqual([{ workId: 'the-prince', through: 'ch. 2', section: 2 }]);
    const shown = await sub('reading', 'show', {}, NO_PERMISSIONS);
    expect(shown.content).toContain('The Prince: read through ch. 2 (CHAPTER II — CONCERNING HEREDITARY PRINCIPALITIES); 4 later passages held back.');
    expect(shown.content).toContain('an admin allows /library and /reading under Server Settings → Integrations → Marginalia.');
  });

  it('/reading set refuses a section the work does not have, naming its range', async () => {
    const reply = await sub('reading', 'set', { work: 'the-prince', through: 'ch. 9' });
    expect(reply.content).toBe('The Prince has no section “ch. 9”. The Prince runs from ch. 1 to ch. 4.');
  });

  it('offers the work’s own sections as `through` is typed', async () => {
    const reply = await complete('reading', 'through', { work: 'the-prince', through: 'ch' });
    expect(reply.choices?.map((c) => c.value)).toEqual(['ch. 1', 'ch. 2', 'ch. 3', 'ch. 4']);
  });
});

describe('the spoiler guard, with the group through ch. 2 of The Prince', () => {
  it('/quote and /search show only earlier passages and say how many later ones are hidden', async () => {
    for (const reply of [await ask('quote', { query: 'Milan' }), await ask('search', { query: 'Milan' })]) {
      expectNothingLater(reply);
      expect(reply.embeds?.[0]?.footer?.text).toContain('2 later passages are hidden: the group has read through ch. 2.');
      expect(plain(reply)).toContain('as was Milan to Francesco Sforza');
    }
  });

  it('/who and /footnote say what is held back instead of answering from later chapters', async () => {
    const who = await ask('who', { name: 'Lodovico' });
    expect(who.content).toBe('Nothing in what the group has read yet: 2 later passages are hidden: the group has read through ch. 2. Add spoilers:true to see it, privately.');
    const note = await ask('footnote', { number: '1', work: 'the-prince' });
    expect(note.content).toBe('Nothing in what the group has read yet: that is past where the group has read through ch. 2. Add spoilers:true to see it, privately.');
    expectNothingLater(who);
    expectNothingLater(note);
  });

  it('autocomplete offers nothing from later chapters', async () => {
    for (const [command, focused, options] of [
      ['quote', 'query', { query: 'Milan' }],
      ['search', 'query', { query: 'Alexander' }],
      ['who', 'name', { name: 'Lodo' }],
      ['footnote', 'number', { number: '' }],
    ] as const) {
      const reply = await complete(command, focused, options);
      expectNothingLater(reply);
      expect(JSON.stringify(reply.choices)).not.toMatch(/Lodovico|Alexander|Louis/);
    }
  });

  it('buttons: Context stops at the mark and a later passage’s context is held back', async () => {
    const context = await send(h.double.button(encodeAction({ kind: 'context', workId: 'the-prince', seq: 3 })));
    expectNothingLater(context);
    const later = context.components?.[0]?.components.find((b) => b.label === 'Later');
    expect(later?.disabled).toBe(true);
    const hidden = await send(h.double.button(encodeAction({ kind: 'context', workId: 'the-prince', seq: 5 })));
    expect(hidden.flags).toBe(MessageFlags.Ephemeral);
    expectNothingLater(hidden);
    const next = await send(h.double.button(encodeAction({ kind: 'quote', page: 1, query: 'Milan' })));
    expectNothingLater(next);
  });

  it('other works are unaffected', async () => {
    const reply = await ask('quote', { query: 'anarchists majority Catalonia' });
    expect(plain(reply.embeds?.[0]?.description)).toContain('The Spanish anarchists are uncontestably in the majority in Catalonia');
    expect(reply.embeds?.[0]?.footer?.text).not.toContain('hidden');
  });

  it('spoilers:true answers one reader privately, unguarded', async () => {
    const reply = await ask('quote', { query: 'Louis the Twelfth', spoilers: true });
    expect(reply.flags).toBe(MessageFlags.Ephemeral);
    expect(plain(reply.embeds?.[0]?.description)).toContain('Louis the Twelfth, King of France');
  });

  it('the buttons of a spoilers:true reply stay unguarded for that reader; a guarded reply’s stay guarded', async () => {
    const reply = await ask('quote', { query: 'Louis the Twelfth', spoilers: true });
    const buttons = reply.components?.flatMap((r) => r.components) ?? [];
    expect(buttons.map((b) => b.label)).toEqual(expect.arrayContaining(['Context', 'Cite']));
    // Every button that can be clicked answers unguarded; none shares the reply with the channel.
    expect(buttons.filter((b) => !b.disabled).map((b) => b.custom_id.slice(0, 4))).toEqual(buttons.filter((b) => !b.disabled).map(() => 'm1u|'));
    expect(buttons.map((b) => b.label)).not.toContain('Discuss');
    const click = async (label: string) => {
      const id = buttons.find((b) => b.label === label)?.custom_id ?? '';
      const payload = h.double.button(id, { embeds: reply.embeds ?? [], components: reply.components ?? [], flags: MessageFlags.Ephemeral });
      h.double.dispatchInteraction(payload);
      return (await h.double.waitForCallback(payload.id)).body;
    };
    const context = await click('Context');
    expect(context.type).toBe(7);
    expect(plain(context.data)).toContain('Louis the Twelfth, King of France');
    const contextButtons = ((context.data as Data).components ?? []).flatMap((r) => r.components);
    expect(contextButtons.length).toBeGreaterThan(0);
    expect(contextButtons.filter((b) => !b.disabled).every((b) => b.custom_id.startsWith('m1u|'))).toBe(true);
    const cite = await click('Cite');
    expect(cite.data?.flags).toBe(MessageFlags.Ephemeral);
    expect(plain(cite.data)).toContain('ch. 3 ¶ 1');
    // The same buttons without the spoilers mark answer guarded.
    const guarded = await send(h.double.button(encodeAction({ kind: 'context', workId: 'the-prince', seq: 4 })));
    expect(guarded.flags).toBe(MessageFlags.Ephemeral);
    expectNothingLater(guarded);
    const guardedQuote = await ask('quote', { query: 'Milan' });
    for (const row of guardedQuote.components ?? []) for (const b of row.components) expect(b.custom_id).toMatch(/^m1\|/);
  });

  it('Next match on a spoilers:true reply pages through every match, later chapters included', async () => {
    let reply = await ask('quote', { query: 'Milan', spoilers: true });
    const seen: string[] = [plain(reply.embeds)];
    for (;;) {
      const next = reply.components?.flatMap((r) => r.components).find((b) => b.label === 'Next match');
      if (!next || next.disabled) break;
      expect(next.custom_id).toMatch(/^m1u\|q\|/);
      const payload = h.double.button(next.custom_id, { embeds: reply.embeds ?? [], components: reply.components ?? [], flags: MessageFlags.Ephemeral });
      h.double.dispatchInteraction(payload);
      const callback = (await h.double.waitForCallback(payload.id)).body;
      expect(callback.type).toBe(7);
      reply = callback.data as Data;
      seen.push(plain(reply.embeds));
    }
    // Both of chapter III's passages on Milan: at most one is the first reply, so a button showed the other.
    expect(seen.join(' ')).toContain('Louis the Twelfth, King of France, quickly occupied Milan');
    expect(seen.join(' ')).toContain('Thus to cause France to lose Milan');
  });

  it('an unguarded button on a public message answers privately, and only answering buttons can be unguarded', async () => {
    const id = encodeAction({ kind: 'context', workId: 'the-prince', seq: 4, spoilers: true });
    const payload = h.double.button(id);
    h.double.dispatchInteraction(payload);
    const callback = (await h.double.waitForCallback(payload.id)).body;
    expect(callback.type).toBe(4);
    expect(callback.data?.flags).toBe(MessageFlags.Ephemeral);
    expect(plain(callback.data)).toContain('Louis the Twelfth, King of France');
    for (const stale of ['m1u|p|the-prince|4', 'm1u|d|the-prince|4', 'm1u|w|0']) {
      expect((await send(h.double.button(stale))).content).toBe('This button comes from an older version of Marginalia and no longer works. Run the command again.');
    }
  });

  it('/reading next moves the mark one chapter on', async () => {
    const reply = await sub('reading', 'next', { work: 'the-prince' });
    expect(reply.content).toBe('The group has read The Prince through ch. 3. Replies now leave out its 2 later passages.');
    expect(plain(await ask('quote', { query: 'Louis the Twelfth' }))).toContain('Louis the Twelfth, King of France');
  });
});

describe('/library', () => {
  it('remove and add choose the server’s works; show and every answer follow', async () => {
    const removed = await sub('library', 'remove', { work: 'serge-letter-1936' });
    expect(removed.content).toBe('Removed Letter to Leon Trotsky from this server\'s library: it now reads 2 works.');
    const shown = await sub('library', 'show', {}, NO_PERMISSIONS);
    expect(JSON.stringify(shown)).not.toContain('Letter to Leon Trotsky');
    expect(shown.embeds?.[0]?.description).toContain('This server reads 2 texts. Anyone can see this server’s works and reading marks with /works.');
    // /works is for everyone: the server's works first, each with its mark, then the one it does not read.
    const listed = (await ask('works')).embeds?.[0];
    expect(listed?.description).toBe('Marginalia quotes 3 texts, word for word. This server reads 2 of them, listed first; its commands answer from those alone. Use work: with any command to search just one.');
    const fields = (listed as { fields?: { name: string; value: string }[] }).fields ?? [];
    expect(fields.map((f) => f.name)).toEqual(['The Prince', expect.stringMatching(/^On The 80th Anniversary/), 'Letter to Leon Trotsky']);
    expect(fields[0]?.value).toContain('**This server has read through ch. 3.**');
    expect(fields[1]?.value).not.toContain('read through');
    expect(fields[2]?.value).toContain('*Not in this server’s library.*');
    expect((await ask('quote', { query: 'uncontestably', work: 'serge-letter-1936' })).content).toBe('There is no work called “serge-letter-1936”. Use /works to see the texts and their ids.');
    const choices = await complete('quote', 'work', { work: '' });
    expect(choices.choices?.map((c) => c.value)).not.toContain('serge-letter-1936');
    const added = await sub('library', 'add', { work: 'serge-letter-1936' });
    expect(added.content).toBe('Added Letter to Leon Trotsky to this server\'s library: it now reads every work.');
    expect((await store.guilds.settings(GUILD_ID)).works).toBeUndefined();
  });
});

describe('leaving a server', () => {
  /** Re-reads the store until `check` holds: the gateway event is handled asynchronously. */
  async function eventually<T>(read: () => Promise<T>, check: (value: T) => boolean): Promise<T> {
    const deadline = Date.now() + 5_000;
    for (;;) {
      const value = await read();
      if (check(value) || Date.now() > deadline) return value;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  it('records when the bot is removed, and forgets it when the bot is added back', async () => {
    const before = Date.now();
    h.double.dispatch('GUILD_DELETE', { id: GUILD_ID });
    const leftAt = await eventually(() => store.guilds.leftAt(GUILD_ID), (t) => t !== undefined);
    expect(leftAt).toBeGreaterThanOrEqual(before);
    h.double.dispatch('GUILD_CREATE', { id: GUILD_ID, name: 'Reading group', unavailable: false, roles: [], channels: [], members: [], emojis: [], stickers: [], features: [] });
    expect(await eventually(() => store.guilds.leftAt(GUILD_ID), (t) => t === undefined)).toBeUndefined();
  });
});
