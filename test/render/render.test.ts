import { beforeAll, describe, expect, it } from 'vitest';
import { context, footnote, help, notice, quote, search, who, works, type Answer, type WhoAnswer } from '../../src/answers';
import { render } from '../../src/render/render';
import { loadSeed, quotableTexts, type Seed } from '../helpers/library';
import { inventedFragments, quotedFragments } from '../helpers/quoted';

let seed: Seed;
beforeAll(async () => (seed = await loadSeed()));

const answers = (): [string, Answer][] => {
  const { library, app } = seed;
  return [
    ['quote', quote(library, { query: 'anarchists Catalonia' })],
    ['private quote', quote(library, { query: 'Catalonia', private: true })],
    ['random quote', quote(library, {}, () => 0.3)],
    ['search', search(library, { query: 'anarchists' })],
    ['who', who(library, { name: 'Hernandez' })],
    ['misspelt who', who(library, { name: 'Hernandes' })],
    ['footnote', footnote(library, { number: '3' })],
    ['context', context(library, { workId: 'serge-letter-1936', seq: 3 })],
    ['works', works(library)],
    ['help', help(app.commands)],
    ['error notice', footnote(library, { number: '7' })],
    ['empty notice', who(library, { name: 'Zapata' })],
  ];
};

describe('render', () => {
  it('answers every kind with a new message that can mention no one', () => {
    const kinds = new Set<string>();
    for (const [what, answer] of answers()) {
      kinds.add(answer.kind);
      const reply = render(answer);
      expect(reply.type, what).toBe(4);
      expect(reply.data.allowed_mentions, what).toEqual({ parse: [] });
      expect(render(answer, { update: true }).type).toBe(7);
      expect(render(answer, { update: true }).data.allowed_mentions).toEqual({ parse: [] });
    }
    expect([...kinds].sort()).toEqual(['context', 'footnote', 'help', 'notice', 'quote', 'search', 'who', 'works']);
  });

  it('notices, help and private quotes are ephemeral (flags 64); the rest are public', () => {
    for (const [what, answer] of answers()) {
      const ephemeral = answer.kind === 'notice' || answer.kind === 'help' || (answer.kind === 'quote' && answer.private);
      expect(render(answer).data.flags, what).toBe(ephemeral ? 64 : undefined);
    }
  });

  it('a notice is plain content, no embed; on a button it replaces the embed and buttons', () => {
    const reply = render(notice('error', 'Nope.'));
    expect(reply).toEqual({ type: 4, data: { content: 'Nope.', flags: 64, allowed_mentions: { parse: [] } } });
    expect(render(notice('error', 'Nope.'), { update: true })).toEqual({ type: 7, data: { content: 'Nope.', embeds: [], components: [], allowed_mentions: { parse: [] } } });
  });

  it('quotes only the corpus’s own words', () => {
    const texts = quotableTexts(seed.corpus);
    for (const [what, answer] of answers()) {
      const reply = render(answer);
      if (['quote', 'search', 'who', 'footnote', 'context'].includes(answer.kind)) expect(quotedFragments(reply).length, what).toBeGreaterThan(0);
      expect(inventedFragments(reply, texts), what).toEqual([]);
    }
  });

  it('the verbatim check catches an invented word, a changed letter and a dropped escape', () => {
    const texts = quotableTexts(seed.corpus);
    const reply = render(footnote(seed.library, { number: '3' }));
    const tamper = (edit: (s: string) => string) => {
      const copy = structuredClone(reply);
      const embed = copy.data.embeds?.[0];
      if (embed?.description) embed.description = edit(embed.description);
      return inventedFragments(copy, texts);
    };
    expect(tamper((s) => s)).toEqual([]);
    expect(tamper((s) => s.replace('revolution', 'revolution glorious'))).toHaveLength(1);
    expect(tamper((s) => s.replace('betrayed', 'betrayd'))).toHaveLength(1);
    expect(tamper((s) => s.replace('Translation', 'Translation,'))).toHaveLength(1);
    expect(tamper((s) => `${s} […] Long live the revolution.`)).toEqual(['Long live the revolution.']);
  });
});

describe('render /who with many glosses', () => {
  const glossed = (n: number): WhoAnswer => ({
    kind: 'who',
    query: 'Ana',
    name: 'Ana',
    exact: true,
    aliases: [],
    glosses: Array.from({ length: n }, (_, i) => ({
      footnote: { workId: 'w', key: `${i}`, label: `${i + 1}`, chapter: 0, locator: `n. ${i + 1}`, text: `Ana, gloss ${i + 1}. ${'A long sentence of the note. '.repeat(40)}` },
      attribution: { workId: 'w', title: 'A Work', locator: `n. ${i + 1}` },
    })),
    mentions: [],
    mentionCount: 0,
    passageCount: 0,
  });
  const description = (n: number) => render(glossed(n)).data.embeds?.[0]?.description ?? '';

  it('shares the description among the glosses, within 4096 characters', () => {
    const text = description(6);
    expect(text.length).toBeLessThanOrEqual(4096);
    for (let i = 1; i <= 6; i++) expect(text).toContain(`Footnote ${i} of *A Work* glosses the name:\n> Ana, gloss ${i}.`);
  });

  it('counts the glosses it has no room for rather than cutting each to nothing', () => {
    const text = description(30);
    expect(text.length).toBeLessThanOrEqual(4096);
    const shown = text.split('\n').filter((l) => l.startsWith('> ')).length;
    expect(shown).toBeGreaterThan(1);
    expect(shown).toBeLessThan(30);
    expect(text).toContain(`…and ${30 - shown} more footnotes gloss the name.`);
    expect(text.endsWith('No passage mentions the name.')).toBe(true);
  });
});

describe('titles', () => {
  it('heads and signs a quotation with the short title, and keeps the full title for /works', () => {
    const { library } = seed;
    const review = library.works.get('life-and-death-review-2018');
    expect(review?.meta.shortTitle).toBeDefined();
    const reply = render(quote(library, { query: 'Serge secondary Communist leader', work: 'life-and-death-review-2018' }));
    const embed = reply.data.embeds?.[0];
    expect(embed?.title).toBe(review?.meta.shortTitle);
    expect(embed?.footer?.text).toContain(`\n${review?.meta.shortTitle} · 27 October 2018 · ¶`);
    expect(embed?.footer?.text).not.toContain('80th Anniversary');
    const listed = render(works(library)).data.embeds?.[0]?.fields?.map((f) => f.name) ?? [];
    expect(listed.some((name) => name.includes('80th Anniversary'))).toBe(true);
  });
});
