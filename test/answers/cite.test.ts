import { beforeAll, describe, expect, it } from 'vitest';
import { cite, invertName, works, WORKS_PAGE_SIZE } from '../../src/answers';
import { decodeAction } from '../../src/render/actions';
import { render } from '../../src/render/render';
import { as, libraryOf, loadSeed, type Seed } from '../helpers/library';

let seed: Seed;
beforeAll(async () => (seed = await loadSeed()));

describe('invertName', () => {
  it.each([
    ['Victor Serge', 'Serge, Victor'],
    ['Alexis de Tocqueville', 'Tocqueville, Alexis de'],
    ['Charles De Gaulle', 'De Gaulle, Charles'],
    ['Nicolò Machiavelli', 'Machiavelli, Nicolò'],
    ['Plato', 'Plato'],
    ['Karl Marx and Friedrich Engels', 'Karl Marx and Friedrich Engels'],
    ['Serge, Victor', 'Serge, Victor'],
  ])('%s → %s', (name, inverted) => expect(invertName(name)).toBe(inverted));
});

describe('Cite', () => {
  it('gives the passage in Chicago and MLA form, from the metadata alone, privately', () => {
    const letter = seed.library.works.get('serge-letter-1936');
    const answer = as(cite(seed.library, { workId: 'serge-letter-1936', seq: 3 }), 'cite');
    expect(answer.styles.map((s) => s.name)).toEqual(['Chicago', 'MLA']);
    const [chicago, mla] = answer.styles.map((s) => s.text);
    expect(chicago).toBe(
      `Serge, Victor. *${letter?.meta.title}*. Translated by Mitch Abidor. ${letter?.meta.source}. 1936-08-10. ¶ 4.`,
    );
    expect(mla).toBe(`Serge, Victor. *${letter?.meta.title}*. Translated by Mitch Abidor, ${letter?.meta.source}, 1936, ¶ 4.`);
    const reply = render(answer);
    expect(reply.data.flags).toBe(64);
    expect(reply.data.embeds?.[0]?.description).toContain(`\`\`\`\n${chicago}\n\`\`\``);
  });

  it('says why when the passage is gone', () => {
    expect(as(cite(seed.library, { workId: 'serge-letter-1936', seq: 9999 }), 'notice').message).toBe(
      'This button refers to a passage that is no longer in the texts, so it cannot cite it. Run the command again.',
    );
  });
});

describe('/works pages', () => {
  const many = libraryOf(
    ...Array.from({ length: 23 }, (_, i) => `---\nid: work-${i + 1}\ntitle: Work ${i + 1}\nsource_file: w${i + 1}.txt\n---\n\nText of work ${i + 1}.\n`),
  );

  it('says how many texts there are and pages through every one with buttons', () => {
    const pages = Math.ceil(23 / WORKS_PAGE_SIZE);
    const seen: string[] = [];
    for (let page = 0; page < pages; page++) {
      const answer = as(works(many, { page }), 'works');
      expect(answer.count).toBe(23);
      seen.push(...answer.works.map((w) => w.attribution.workId));
      const reply = render(answer);
      expect(reply.data.embeds?.[0]?.description).toContain('23 texts');
      const buttons = reply.data.components?.[0]?.components ?? [];
      const next = buttons.find((b) => 'label' in b && b.label === 'Next page');
      expect(next && 'disabled' in next ? next.disabled : undefined).toBe(page === pages - 1);
      if (page < pages - 1 && next && 'custom_id' in next) expect(decodeAction(next.custom_id)).toEqual({ ok: true, action: { kind: 'works', page: page + 1 } });
    }
    expect(seen).toEqual(Array.from({ length: 23 }, (_, i) => `work-${i + 1}`));
    expect(as(works(many, { page: pages }), 'notice').message).toBe('There are 3 pages of texts, so page 4 is not there. Run /works again.');
  });
});
