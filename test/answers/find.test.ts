import { beforeAll, describe, expect, it } from 'vitest';
import { find } from '../../src/answers';
import { as, loadSeed, type Seed } from '../helpers/library';

let seed: Seed;
beforeAll(async () => (seed = await loadSeed()));

const passageOf = (answer: ReturnType<typeof find>) => {
  const q = as(answer, 'quote');
  return { workId: q.quotation.workId, locator: q.quotation.attribution.locator, found: q.found, highlighted: q.quotation.highlights.map((h) => q.quotation.text.slice(h.start, h.end)) };
};

describe('find', () => {
  it.each([
    ['an exact quotation', 'The Spanish anarchists are uncontestably in the majority in Catalonia', '¶ 4', 'The Spanish anarchists are uncontestably in the majority in Catalonia'],
    ['a quotation in other words, other case and curly quotes', '> “the spanish anarchists are UNCONTESTABLY in the majority” – Serge, right?', '¶ 4', 'The Spanish anarchists are uncontestably in the majority'],
    ['a quotation with an excerpt mark', '[…] I\'ve twice started to and had to stop. […]', '¶ 2', "I've twice started to and had to stop"],
    ['markdown around it', '**We are partisans of total democracy**, he says', '¶ 6', 'We are partisans of total democracy'],
  ])('finds the passage %s comes from and marks the words quoted', (_what, text, locator, highlighted) => {
    const found = passageOf(find(seed.library, { text }));
    expect(found).toMatchObject({ workId: 'serge-letter-1936', locator, found: 'quoted' });
    expect(found.highlighted).toEqual([highlighted]);
  });

  it('a message in its own words gets the best match, not a claim that it quotes', () => {
    expect(passageOf(find(seed.library, { text: 'anarchist majority Catalonia?' })).found).toBe('matched');
  });

  it('a short message quotes a passage only if all of its words run together in it', () => {
    expect(passageOf(find(seed.library, { text: 'Dear Leon Davidovich' }))).toMatchObject({ locator: '¶ 1', found: 'quoted' });
  });

  it('answers only from the passages allowed', () => {
    const answer = find(seed.library, { text: 'The Spanish anarchists are uncontestably in the majority in Catalonia', allowed: (p) => p.workId !== 'serge-letter-1936' });
    expect(answer.kind === 'quote' ? answer.quotation.workId : answer.kind).not.toBe('serge-letter-1936');
  });

  it.each([
    ['', 'That message has no words to look for in the texts.'],
    ['🙂 <@123456789012345678> <:emoji:123456789012345678> https://example.com/Catalonia', 'That message has no words to look for in the texts.'],
    ['zzzqqq xxyyzz', 'No passage in the texts matches that message.'],
  ])('%j gets a polite notice', (text, message) => {
    expect(find(seed.library, { text })).toEqual({ kind: 'notice', tone: 'empty', message });
  });

  it('a very long message is answered', () => {
    const text = `${'words of no consequence '.repeat(500)} the Spanish anarchists are uncontestably in the majority in Catalonia`;
    expect(passageOf(find(seed.library, { text })).found).toBe('quoted');
  });
});
