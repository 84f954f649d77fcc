/**
 * "Find in the texts", Post and Discuss against the double: the message context menu, the public
 * post it leads to, and the thread a quotation opens, including a channel where the bot may not open one.
 */
import { InteractionResponseType, MessageFlags, PermissionFlagsBits, PermissionsBitField } from 'discord.js';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerCommand } from '../../src/discord/dispatch';
import { decodeAction } from '../../src/render/actions';
import { render } from '../../src/render/render';
import { ALL_PERMISSIONS, type RecordedCallback } from './discord-double';
import { ROOT, startInProcess, type InProcessBot } from './harness';
import { THREAD_PERMISSIONS } from '../../src/discord/threads';

interface Button {
  custom_id: string;
  label?: string;
}
interface MessageData {
  content?: string;
  embeds?: { title?: string; description?: string; footer?: { text: string } }[];
  components?: { components: Button[] }[];
  flags?: number;
  allowed_mentions?: unknown;
}

const dataOf = (callback: RecordedCallback) => (callback.body.data ?? {}) as MessageData;
const buttonsOf = (data: MessageData) => (data.components ?? []).flatMap((row) => row.components);
const buttonLabelled = (data: MessageData, label: string) => {
  const found = buttonsOf(data).find((b) => b.label === label);
  if (!found) throw new Error(`no ${label} button among ${buttonsOf(data).map((b) => b.label).join(', ')}`);
  return found;
};

let h: InProcessBot;

beforeAll(async () => {
  h = await startInProcess();
});
afterAll(async () => {
  await h?.stop();
});

async function send(payload: ReturnType<InProcessBot['double']['slashCommand']>): Promise<RecordedCallback> {
  h.double.dispatchInteraction(payload);
  return h.double.waitForCallback(payload.id);
}

/** The bot's permissions without the named ones. */
const without = (...flags: bigint[]) => new PermissionsBitField(BigInt(ALL_PERMISSIONS)).remove(...flags).bitfield.toString();

describe('Find in the texts', () => {
  it('finds the passage a message quotes, privately, with a Post button', async () => {
    const content = 'As Serge wrote: "the Spanish anarchists are uncontestably in the majority in Catalonia" — thoughts?';
    const callback = await send(h.double.messageCommand('Find in the texts', { content }));
    expect(callback.body.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    const data = dataOf(callback);
    expect(data.flags).toBe(MessageFlags.Ephemeral);
    expect(data.allowed_mentions).toEqual({ parse: [] });
    expect(data.embeds?.[0]?.title).toBe('Letter to Leon Trotsky');
    expect(data.embeds?.[0]?.description).toContain('**The Spanish anarchists are uncontestably in the majority in Catalonia**');
    expect(data.embeds?.[0]?.footer?.text).toMatch(/^The message quotes this passage\.\n/);
    expect(buttonsOf(data).map((b) => b.label)).toEqual(['Post']);
  });

  it('finds the best match when the message does not quote, and says so', async () => {
    const data = dataOf(await send(h.double.messageCommand('Find in the texts', { content: 'what did he say about Catalonia and the anarchist majority' })));
    expect(data.flags).toBe(MessageFlags.Ephemeral);
    expect(data.embeds?.[0]?.footer?.text).toMatch(/^The passage that best matches the message\.\n/);
  });

  it('finds what a quotation the bot posted quotes, from its embed', async () => {
    const quoted = dataOf(await send(h.double.slashCommand('quote', { query: 'Hernandez press' })));
    const data = dataOf(await send(h.double.messageCommand('Find in the texts', { embeds: quoted.embeds ?? [] })));
    expect(data.embeds?.[0]?.footer?.text).toMatch(/^The message quotes this passage\./);
    const quotedPassage = decodeAction(buttonLabelled(quoted, 'Discuss').custom_id);
    expect(decodeAction(buttonLabelled(data, 'Post').custom_id)).toEqual({ ok: true, action: { ...(quotedPassage.ok ? quotedPassage.action : {}), kind: 'post' } });
  });

  it('a message with no words gets a polite private answer', async () => {
    const data = dataOf(await send(h.double.messageCommand('Find in the texts', { content: '<@123456789012345678> 🙂 https://example.com/x' })));
    expect(data).toMatchObject({ content: 'That message has no words to look for in the texts.', flags: MessageFlags.Ephemeral });
  });

  it('never logs the message content', () => {
    const lines = JSON.stringify(h.logs.lines);
    expect(lines).not.toContain('uncontestably');
    expect(h.logs.lines.filter((l) => l.interaction === 'message command').length).toBeGreaterThanOrEqual(3);
  });

  it('Post shares the passage with the channel, with a Discuss button', async () => {
    const found = dataOf(await send(h.double.messageCommand('Find in the texts', { content: 'the Spanish anarchists are uncontestably in the majority in Catalonia' })));
    const post = buttonLabelled(found, 'Post');
    const callback = await send(h.double.button(post.custom_id, { ...found, flags: MessageFlags.Ephemeral }));
    // A new public message, not an update of the private one.
    expect(callback.body.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    const data = dataOf(callback);
    expect(data.flags ?? 0).toBe(0);
    expect(data.allowed_mentions).toEqual({ parse: [] });
    expect(data.embeds?.[0]?.description).toContain('The Spanish anarchists are uncontestably in the majority in Catalonia');
    expect(buttonsOf(data).map((b) => b.label)).toEqual(['Discuss']);
  });
});

describe('Discuss', () => {
  it('/quote replies carry Discuss; private ones do not', () => {
    const shown = render(answerCommand('quote', { query: 'Hernandez press' }, h.app)).data;
    const hidden = render(answerCommand('quote', { query: 'Hernandez press', public: false }, h.app)).data;
    expect(buttonsOf(shown).map((b) => b.label)).toContain('Discuss');
    expect(buttonsOf(hidden).map((b) => b.label)).not.toContain('Discuss');
  });

  it('opens a public thread named with the citation and posts the citation in it', async () => {
    const quoted = dataOf(await send(h.double.slashCommand('quote', { query: 'Hernandez press' })));
    const messageId = '323456789012345678';
    const callback = await send(h.double.button(buttonLabelled(quoted, 'Discuss').custom_id, { ...quoted, id: messageId }));
    expect(callback.body).toMatchObject({ type: InteractionResponseType.DeferredChannelMessageWithSource, data: { flags: MessageFlags.Ephemeral } });
    const thread = await h.double.waitFor(() => h.double.threads.find((t) => t.id === messageId), { what: 'the thread' });
    expect(thread).toEqual({ id: messageId, parentId: h.double.channelId, name: 'Letter to Leon Trotsky ¶ 4' });
    const first = await h.double.waitFor(() => h.double.posts.find((p) => p.channelId === messageId), { what: 'the first message' });
    expect(first.body).toEqual({
      content: 'Victor Serge · Letter to Leon Trotsky · 10 August 1936 · ¶ 4 · translated by Mitch Abidor · source: Victor Serge, La Lutte contre le stalinisme. Maspéro, Paris, 1977 · licence: Creative Commons Attribution-ShareAlike (CopyLeft 2005)',
      allowed_mentions: { parse: [] },
    });
    const edit = await h.double.waitFor(() => h.double.requests.find((r) => r.method === 'PATCH' && r.path.includes(callback.token)), { what: 'the reply' });
    expect(edit.body).toMatchObject({ content: `Opened a thread for the discussion: <#${messageId}>`, allowed_mentions: { parse: [] } });
  });

  it('a second Discuss on the same message says it already has a thread', async () => {
    const quoted = dataOf(await send(h.double.slashCommand('quote', { query: 'Hernandez press' })));
    const messageId = '323456789012345679';
    const click = () => send(h.double.button(buttonLabelled(quoted, 'Discuss').custom_id, { ...quoted, id: messageId }));
    await click();
    await h.double.waitFor(() => h.double.posts.find((p) => p.channelId === messageId), { what: 'the first thread' });
    const again = await click();
    const edit = await h.double.waitFor(() => h.double.requests.find((r) => r.method === 'PATCH' && r.path.includes(again.token)), { what: 'the reply' });
    expect(edit.body).toMatchObject({ content: 'This message already has a thread: open it from the message.' });
    expect(h.double.threads.filter((t) => t.id === messageId)).toHaveLength(1);
  });

  it.each([
    ['View Channel', [PermissionFlagsBits.ViewChannel], 'I cannot open a thread here: I need the View Channel permission in this channel. Ask someone who manages the server to grant it.'],
    ['Create Public Threads', [PermissionFlagsBits.CreatePublicThreads], 'I cannot open a thread here: I need the Create Public Threads permission in this channel. Ask someone who manages the server to grant it.'],
    ['Send Messages in Threads', [PermissionFlagsBits.SendMessagesInThreads], 'I cannot open a thread here: I need the Send Messages in Threads permission in this channel. Ask someone who manages the server to grant it.'],
    [
      'both',
      [PermissionFlagsBits.CreatePublicThreads, PermissionFlagsBits.SendMessagesInThreads],
      'I cannot open a thread here: I need the Create Public Threads and Send Messages in Threads permissions in this channel. Ask someone who manages the server to grant them.',
    ],
    [
      'all three',
      [PermissionFlagsBits.ViewChannel, PermissionFlagsBits.CreatePublicThreads, PermissionFlagsBits.SendMessagesInThreads],
      'I cannot open a thread here: I need the View Channel, Create Public Threads and Send Messages in Threads permissions in this channel. Ask someone who manages the server to grant them.',
    ],
    // Not needed, so not asked for: Discord starts a thread from a message without it.
    ['Read Message History (nothing missing)', [PermissionFlagsBits.ReadMessageHistory], undefined],
  ])('without %s, the reader is told privately which permission is missing', async (_name, flags, message) => {
    const quoted = dataOf(await send(h.double.slashCommand('quote', { query: 'Hernandez press' })));
    const threads = h.double.threads.length;
    const callback = await send(h.double.button(buttonLabelled(quoted, 'Discuss').custom_id, quoted, { appPermissions: without(...flags) }));
    if (message === undefined) {
      expect(callback.body.type).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
      await h.double.waitFor(() => h.double.threads.length > threads || undefined, { what: 'the thread' });
      return;
    }
    expect(callback.body).toMatchObject({ type: InteractionResponseType.ChannelMessageWithSource, data: { content: message, flags: MessageFlags.Ephemeral, allowed_mentions: { parse: [] } } });
    expect(h.double.threads).toHaveLength(threads);
  });

  it('a refusal from Discord itself (Missing Access) names what a thread needs', async () => {
    const quoted = dataOf(await send(h.double.slashCommand('quote', { query: 'Hernandez press' })));
    h.double.failNext({ method: 'POST', path: /\/threads$/, status: 403, body: { message: 'Missing Access', code: 50001 } });
    const callback = await send(h.double.button(buttonLabelled(quoted, 'Discuss').custom_id, quoted));
    const edit = await h.double.waitFor(() => h.double.requests.find((r) => r.method === 'PATCH' && r.path.includes(callback.token)), { what: 'the reply' });
    expect(edit.body).toMatchObject({ content: 'Discord refused to open a thread here: I need the View Channel, Create Public Threads and Send Messages in Threads permissions in this channel.' });
  });
});

describe('the invite URL', () => {
  it('asks for exactly the permissions the README lists, including those Discuss checks', () => {
    const readme = readFileSync(`${ROOT}/README.md`, 'utf8');
    const asked = /&permissions=(\d+)`/.exec(readme)?.[1];
    const table = readme.slice(readme.indexOf('| Permission | Why |'));
    const listed = [...table.matchAll(/^ {3}\| ([A-Z][\w ]+?) \|/gm)].map((m) => m[1] ?? '').filter((name) => name !== 'Permission');
    const flags = listed.map((name) => PermissionFlagsBits[name.split(' ').map((w) => (w[0] ?? '').toUpperCase() + w.slice(1)).join('') as keyof typeof PermissionFlagsBits]);
    expect(listed).toEqual(['View Channel', 'Send Messages', 'Embed Links', 'Create Public Threads', 'Send Messages in Threads']);
    expect(listed).not.toContain('Read Message History');
    expect(asked).toBe(new PermissionsBitField(flags).bitfield.toString());
    for (const needed of THREAD_PERMISSIONS) expect(listed).toContain(needed.name);
  });
});
