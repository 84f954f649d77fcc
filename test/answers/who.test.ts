import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_NAME_LENGTH, who, type Library } from '../../src/answers';
import type { Corpus } from '../../src/corpus';
import { render } from '../../src/render/render';
import { as, footnoteText, loadSeed, quotableTexts } from '../helpers/library';

let corpus: Corpus;
let library: Library;
beforeAll(async () => ({ corpus, library } = await loadSeed()));

const LETTER = 'serge-letter-1936';

describe('/who', () => {
  it('Hernandez: footnote 2 glosses the name verbatim, and the one mention is quoted', () => {
    const answer = as(who(library, { name: 'Hernandez' }), 'who');
    expect(answer).toMatchObject({ name: 'Jesus Hernandez', exact: true, aliases: ['Hernandez'] });
    expect(answer.glosses.map((g) => [g.footnote.label, g.footnote.text])).toEqual([['2', footnoteText(corpus, LETTER, '2')]]);
    const mentioning = corpus.passages.filter((p) => /\bHernandez\b/.test(p.text));
    expect(answer.passageCount).toBe(mentioning.length);
    expect(answer.mentions.map((q) => q.text)).toEqual(mentioning.map((p) => p.text));
    const q = answer.mentions[0];
    expect(q && q.highlights.map((h) => q.text.slice(h.start, h.end))).toEqual(['Hernandez']);
    const description = render(answer).data.embeds?.[0]?.description ?? '';
    expect(description.split('\n')).toContain(`> ${footnoteText(corpus, LETTER, '2')}`);
  });

  it.each(['Natalia', 'N.I.', 'Natalia Trotsky', 'Sedova', 'natalia sedova'])('%s is Natalia Sedova, by people.yml’s aliases', (name) => {
    const answer = as(who(library, { name }), 'who');
    expect(answer.name).toBe('Natalia Sedova');
    expect(answer.exact).toBe(true);
    expect(answer.aliases).toEqual(expect.arrayContaining(['N.I.', 'Natalia Trotsky', 'Sedova']));
    expect(answer.glosses.map((g) => g.footnote.text)).toEqual([footnoteText(corpus, LETTER, '4')]);
    // N.I. in the sign-off and Natalia Sedova in the review are both her.
    const mentioning = corpus.passages.filter((p) => /N\.I\.|Natalia Sedova/.test(p.text));
    expect(answer.passageCount).toBe(mentioning.length);
  });

  it('a part of a name is not reported as a misspelling', () => {
    const description = render(who(library, { name: 'Natalia' })).data.embeds?.[0]?.description ?? '';
    expect(description).not.toContain('No one is named');
  });

  it('a misspelt name finds the closest and says so', () => {
    const answer = as(who(library, { name: 'Hernandes' }), 'who');
    expect(answer).toMatchObject({ name: 'Jesus Hernandez', exact: false, query: 'Hernandes' });
    const description = render(answer).data.embeds?.[0]?.description ?? '';
    expect(description.split('\n')[0]).toBe('No one is named “Hernandes”; the closest name in the texts is **Jesus Hernandez**.');
  });

  it('an unknown name: a notice, suggestions only of names the texts hold, nothing invented', () => {
    expect(who(library, { name: 'Zapata' })).toEqual({ kind: 'notice', tone: 'empty', message: 'No one named “Zapata” appears in the texts.' });
    const answer = as(who(library, { name: 'Molinerrre' }), 'notice');
    expect(answer.message).toBe('No one named “Molinerrre” appears in the texts.');
    expect(answer.suggestions).toEqual(['Molinier']);
    const texts = quotableTexts(corpus);
    for (const name of ['Xavier Qwerty', 'Molinerrre', 'Rosa Luxemburg']) {
      const suggestions = as(who(library, { name }), 'notice').suggestions ?? [];
      expect(suggestions.length).toBeLessThanOrEqual(5);
      for (const s of suggestions) expect(texts.some((t) => t.includes(s)), s).toBe(true);
    }
  });

  it('scoped to a work that does not mention the person', () => {
    const review = corpus.works.find((w) => w.meta.id !== LETTER);
    expect(who(library, { name: 'Hernandez', work: review?.meta.id })).toEqual({
      kind: 'notice',
      tone: 'empty',
      message: `Jesus Hernandez is not mentioned in ${review?.meta.title}.`,
    });
  });

  it.each([
    [undefined, 'Tell me a name, for example: /who Hernandez'],
    [' \t ', 'Tell me a name, for example: /who Hernandez'],
    ['H'.repeat(MAX_NAME_LENGTH + 1), `That name is ${MAX_NAME_LENGTH + 1} characters long; please keep it to ${MAX_NAME_LENGTH} or fewer.`],
  ])('%j → an error notice', (name, message) => {
    expect(who(library, { name })).toEqual({ kind: 'notice', tone: 'error', message });
  });

  it.each(['@everyone', '<@123>', '**Trotsky**x', '🙂'])('%s → a polite notice, nothing invented', (name) => {
    const answer = who(library, { name });
    if (answer.kind === 'notice') expect(answer.message).toBe(`No one named “${name}” appears in the texts.`);
    else expect(library.names.entries.map((e) => e.name)).toContain(as(answer, 'who').name);
  });
});
