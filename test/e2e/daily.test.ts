/** /daily against the double: settings with and without Manage Server, a post delivered on time, Discuss on it, and a channel that is gone. */
import { InteractionResponseType, MessageFlags, PermissionFlagsBits, PermissionsBitField } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cacheDailies } from '../../src/daily/cache';
import { FakeClock } from '../helpers/clock';
import { createDailyStore } from '../helpers/daily-store';
import { ALL_PERMISSIONS, type RecordedCallback } from './discord-double';
import { startInProcess, type InProcessBot } from './harness';

interface MessageData {
  content?: string;
  embeds?: { title?: string; description?: string; footer?: { text: string } }[];
  components?: { components: { custom_id: string; label?: string }[] }[];
  flags?: number;
  allowed_mentions?: unknown;
}

const dataOf = (callback: RecordedCallback) => (callback.body.data ?? {}) as MessageData;

let h: InProcessBot;
const clock = new FakeClock('2026-06-01T05:00:00Z');
const store = createDailyStore();

beforeAll(async () => {
  const cached = await cacheDailies(store);
  h = await startInProcess({}, (app) => ({ ...app, dailyStore: cached, clock }));
});
afterAll(async () => {
  await h?.stop();
});

/** A member with Manage Server, which the double's default member lacks. */
const MANAGER = new PermissionsBitField(BigInt(ALL_PERMISSIONS)).add(PermissionFlagsBits.ManageGuild).bitfield.toString();

async function daily(sub: string, options: Record<string, string> = {}, memberPermissions = MANAGER): Promise<MessageData> {
  const payload = h.double.subcommand('daily', sub, options, { memberPermissions });
  h.double.dispatchInteraction(payload);
  return dataOf(await h.double.waitForCallback(payload.id));
}

const advance = (to: string) => clock.advanceTo(to, () => h.bot.daily?.idle() ?? Promise.resolve());

describe('/daily', () => {
  it('show, before anything is set, says so privately', async () => {
    expect(await daily('show')).toMatchObject({
      content: 'No daily passage is set for this server. Someone with Manage Server can start one with /daily set.',
      flags: MessageFlags.Ephemeral,
      allowed_mentions: { parse: [] },
    });
  });

  it('set and off are refused to a member without Manage Server, naming the permission', async () => {
    const member = new PermissionsBitField(BigInt(ALL_PERMISSIONS)).remove(PermissionFlagsBits.ManageGuild).bitfield.toString();
    for (const sub of ['set', 'off']) {
      const data = await daily(sub, { channel: h.double.channelId, time: '07:30', timezone: 'Europe/Paris' }, member);
      expect(data).toMatchObject({ content: `/daily ${sub} needs the Manage Server permission: only members who have it can change the daily passage. /works shows this server’s works and how far the group has read, for anyone.`, flags: MessageFlags.Ephemeral });
    }
    expect(store.daily(h.double.guildId)).toBeUndefined();
  });

  it.each([
    [{ time: '25:00', timezone: 'Europe/Paris' }, '“25:00” is not a time of day: write it as 07:30 (24-hour clock).'],
    [{ time: '07:30', timezone: 'Mars/Olympus' }, '“Mars/Olympus” is not a time zone: pick one such as Europe/Paris or America/New\\_York from the list.'],
  ])('set with %j says what is wrong', async (options, message) => {
    expect(await daily('set', { channel: h.double.channelId, ...options })).toMatchObject({ content: message, flags: MessageFlags.Ephemeral });
  });

  it('the time zone option completes zone names', async () => {
    const payload = h.double.autocomplete('daily', 'timezone', { timezone: 'paris' });
    h.double.dispatchInteraction(payload);
    const callback = await h.double.waitForCallback(payload.id);
    expect((callback.body.data as { choices: { value: string }[] }).choices[0]).toMatchObject({ value: 'Europe/Paris' });
  });

  it('set schedules the post, and show tells when and where', async () => {
    const set = await daily('set', { channel: h.double.channelId, time: '07:30', timezone: 'europe/paris', work: 'serge-letter-1936' });
    const next = Math.floor(new Date('2026-06-01T05:30:00Z').getTime() / 1000);
    expect(set.content).toBe(
      `Daily passage set.\nMarginalia posts the next passage in order from *Letter to Leon Trotsky* every day at 07:30 (Europe/Paris) in <#${h.double.channelId}>, never repeating one until all have been posted.\nNext post: <t:${next}:F>.`,
    );
    expect((await daily('show')).content).toContain(`Next post: <t:${next}:F>.`);
  });

  it('posts the passage of the day to the channel at the time, with Discuss, mentioning no one', async () => {
    await advance('2026-06-01T05:29:59Z');
    expect(h.double.posts).toEqual([]);
    await advance('2026-06-01T05:30:00Z');
    const post = await h.double.waitFor(() => h.double.posts[0], { what: 'the daily post' });
    expect(post.channelId).toBe(h.double.channelId);
    const body = post.body as MessageData;
    expect(body.allowed_mentions).toEqual({ parse: [] });
    expect(body.flags).toBeUndefined();
    expect(body.embeds?.[0]?.title).toBe('Letter to Leon Trotsky');
    expect(body.embeds?.[0]?.footer?.text).toMatch(/^Passage of the day\nVictor Serge · Letter to Leon Trotsky · 10 August 1936 · ¶ 2 ·/);
    const discuss = body.components?.[0]?.components.find((b) => b.label === 'Discuss');
    expect(discuss).toBeDefined();

    // Discuss on the daily post opens a thread on it.
    const click = h.double.button(discuss?.custom_id ?? '', { ...body, id: post.messageId });
    h.double.dispatchInteraction(click);
    expect((await h.double.waitForCallback(click.id)).body.type).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
    const thread = await h.double.waitFor(() => h.double.threads.find((t) => t.id === post.messageId), { what: 'the thread' });
    expect(thread.name).toBe('Letter to Leon Trotsky ¶ 2');
  });

  it('the next day posts the next passage in order', async () => {
    await advance('2026-06-02T06:00:00Z');
    const posts = await h.double.waitFor(() => (h.double.posts.filter((p) => p.channelId === h.double.channelId).length === 2 ? h.double.posts : undefined), { what: 'the second post' });
    expect((posts.at(-1)?.body as MessageData).embeds?.[0]?.footer?.text).toContain('· ¶ 3 ·');
  });

  it('a channel refused, then deleted: after three failures in a row the schedule is off, and show says why', async () => {
    h.double.refusePosts(h.double.channelId);
    await advance('2026-06-03T06:00:00Z');
    h.double.deletedChannels.add(h.double.channelId);
    await advance('2026-06-06T06:00:00Z');
    const failures = h.logs.lines.filter((l) => l.msg === 'daily post failed');
    expect(failures.map((l) => [l.failures, l.reason])).toEqual([
      [1, 'Marginalia may not post in the channel (it needs Send Messages and Embed Links there)'],
      [2, 'the channel no longer exists'],
      [3, 'the channel no longer exists'],
    ]);
    const shown = await daily('show');
    expect(shown.content).toMatch(/^The daily passage is off: 3 posts in a row failed \(the last: the channel no longer exists\)\.\nIt was set to post/);
  });

  it('off turns it off', async () => {
    h.double.deletedChannels.clear();
    await daily('set', { channel: h.double.channelId, time: '07:30', timezone: 'Europe/Paris' });
    expect((await daily('off')).content).toMatch(/^The daily passage is off\.\n/);
    const before = h.double.posts.length;
    await advance('2026-06-08T06:00:00Z');
    expect(h.double.posts).toHaveLength(before);
  });
});
