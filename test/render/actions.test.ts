import { describe, expect, it } from 'vitest';
import { decodeAction, encodeAction, type ButtonAction } from '../../src/render/actions';
import { render } from '../../src/render/render';
import { answerButton } from '../../src/discord/dispatch';
import { beforeAll } from 'vitest';
import { loadSeed, type Seed } from '../helpers/library';

const STALE = 'This button comes from an older version of Marginalia and no longer works. Run the command again.';

describe('custom_id', () => {
  it.each<ButtonAction>([
    { kind: 'quote', page: 0, query: 'anarchists Catalonia' },
    { kind: 'quote', page: 3, workId: 'serge-letter-1936', query: 'a|b || c' },
    { kind: 'search', page: 12, query: 'Hernández “déclaration” 🙂' },
    { kind: 'search', page: 0, workId: 'life-and-death-review-2018', query: '@everyone **x**' },
    { kind: 'random' },
    { kind: 'random', workId: 'serge-letter-1936' },
    { kind: 'context', workId: 'serge-letter-1936', seq: 0 },
    { kind: 'context', workId: 'serge-letter-1936', seq: 15 },
    { kind: 'post', workId: 'serge-letter-1936', seq: 3 },
    { kind: 'discuss', workId: 'life-and-death-review-2018', seq: 0 },
    { kind: 'works', page: 2, server: true },
    { kind: 'quote', page: 1, query: 'Louis', spoilers: true },
    { kind: 'search', page: 0, workId: 'the-prince', query: 'Milan', spoilers: true },
    { kind: 'random', spoilers: true },
    { kind: 'context', workId: 'the-prince', seq: 4, spoilers: true },
    { kind: 'cite', workId: 'the-prince', seq: 4, spoilers: true },
  ])('%j round-trips within 100 characters', (action) => {
    const id = encodeAction(action);
    expect(id.length).toBeLessThanOrEqual(100);
    expect(decodeAction(id)).toEqual({ ok: true, action });
  });

  it.each([
    ['words', `${'anarchists '.repeat(30)}end`],
    ['unicode words', `${'Révolution 🙂 '.repeat(20)}fin`],
    ['one long word', 'x'.repeat(300)],
    ['one long emoji run', '🙂'.repeat(150)],
  ])('a long query (%s) is cut at a word, to a prefix that still decodes', (_what, query) => {
    for (const page of [4, 10]) expect(decodesToPrefix({ kind: 'search', page, workId: 'life-and-death-review-2018', query })).toBe(true);
    for (const page of [4, 10]) expect(decodesToPrefix({ kind: 'quote', page, query })).toBe(true);
  });

  function decodesToPrefix(action: Extract<ButtonAction, { query: string }>): boolean {
    const query = action.query;
    const id = encodeAction(action);
    expect(id.length).toBeLessThanOrEqual(100);
    expect(id).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/); // no half emoji
    const decoded = decodeAction(id);
    if (!decoded.ok || !('query' in decoded.action)) throw new Error(JSON.stringify(decoded));
    const cut = decoded.action.query;
    expect(cut.length).toBeGreaterThan(0);
    expect(query.startsWith(cut)).toBe(true);
    if (query.includes(' ')) expect(query[cut.length]).toBe(' ');
    expect({ ...decoded.action, query }).toEqual(action);
    return true;
  }

  it.each(['', 'garbage', 'm0|q|0||x', 'm2|q|0||x', 'm1|q|-1||x', 'm1|q|1.5||x', 'm1|q|0||', 'm1|s|abc||x', 'm1|c||3', 'm1|c|w|-1', 'm1|c|w|x', 'm1|p|w|', 'm1|d||2', 'm1|d|w|-2', 'm1|z|0', 'm1', 'm1|w|0|x', 'm1u|p|w|3', 'm1u|d|w|3', 'm1u|w|0', 'm1x|q|0||x'])(
    '%j is stale',
    (id) => {
      expect(decodeAction(id)).toEqual({ ok: false, reason: STALE });
    },
  );
});

describe('answering a button', () => {
  let seed: Seed;
  beforeAll(async () => (seed = await loadSeed()));

  it('a stale button gets the stale message, privately, on the message it is on', () => {
    const reply = render(answerButton('m0|q|0||anarchists', seed.app), { update: true });
    expect(reply).toEqual({ type: 7, data: { content: STALE, embeds: [], components: [], allowed_mentions: { parse: [] } } });
  });

  it('a context button for a passage that is gone says so', () => {
    const answer = answerButton(encodeAction({ kind: 'context', workId: 'serge-letter-1936', seq: 999 }), seed.app);
    expect(answer).toEqual({
      kind: 'notice',
      tone: 'error',
      message: 'This button refers to a passage that is no longer in Letter to Leon Trotsky, so it cannot show the context. Run the command again.',
    });
  });

  it.each(['post', 'discuss'] as const)('a %s button for a passage that is gone says so', (kind) => {
    expect(answerButton(encodeAction({ kind, workId: 'serge-letter-1936', seq: 999 }), seed.app)).toEqual({
      kind: 'notice',
      tone: 'error',
      message: 'This button refers to a passage that is no longer in Letter to Leon Trotsky. Run the command again.',
    });
  });

  it('each button of a rendered answer decodes and answers', () => {
    for (const answer of [answerButton(encodeAction({ kind: 'quote', page: 1, query: 'anarchists' }), seed.app)]) {
      expect(answer.kind).toBe('quote');
      const ids = render(answer).data.components?.flatMap((r) => r.components.filter((b) => !b.disabled).map((b) => b.custom_id)) ?? [];
      expect(ids.length).toBeGreaterThan(0);
      for (const id of ids) expect(answerButton(id, seed.app).kind).not.toBe('notice');
    }
  });
});
