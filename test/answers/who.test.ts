import { MessageFlags } from 'discord.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_NAME_LENGTH, who, type Library } from '../../src/answers';
import type { Corpus } from '../../src/corpus';
import { render } from '../../src/render/render';
import { as, footnoteText, loadSeed, quotableTexts } from '../helpers/library';
import { namesLibrary, SEED } from '../helpers/names';

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
    expect(answer.suggestions?.[0]).toBe('Molinier');
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

describe('/who on short real passages', () => {
  const seed = namesLibrary(SEED, { people: true });
  const description = (answer: ReturnType<typeof who>) => render(answer).data.embeds?.[0]?.description ?? '';

  it('Louzon: the lone surname in the letter and the full name in note 1 are one person', () => {
    const answer = as(who(seed, { name: 'Louzon' }), 'who');
    expect(answer).toMatchObject({ name: 'Robert Louzon', exact: true, mentionCount: 2, passageCount: 1, noteCount: 1 });
    expect(answer.mentions.map((q) => q.attribution.locator)).toEqual(['¶ 3', 'n. 1']);
    expect(description(answer)).toContain('Mentioned 2 times in 1 passage and 1 footnote.');
  });

  it('Pierre Monatte: named only in a note, which is quoted with its number', () => {
    const answer = as(who(seed, { name: 'Pierre Monatte' }), 'who');
    expect(answer.name).toBe('Pierre Monatte');
    const note = answer.mentions[0];
    expect(note?.text).toBe('La Révolution Prolétarienne, revue founded and Pierre Monatte and edited by Robert Louzon.');
    expect(note && note.highlights.map((h) => note.text.slice(h.start, h.end))).toEqual(['Pierre Monatte']);
  });

  it('Leon Davidovich: the passages with the form typed come first', () => {
    const answer = as(who(seed, { name: 'Leon Davidovich' }), 'who');
    expect(answer.name).toBe('Leon Trotsky');
    expect(answer.mentions[0]?.text).toBe('Dear Leon Davidovich');
    const q = answer.mentions[0];
    expect(q && q.highlights.map((h) => q.text.slice(h.start, h.end))).toEqual(['Leon Davidovich']);
  });

  it('Lenin: no full answer about someone else, an ephemeral “Did you mean”', () => {
    const answer = as(who(seed, { name: 'Lenin' }), 'notice');
    expect(answer.message).toBe('No one named “Lenin” appears in the texts.');
    const reply = render(answer).data;
    expect(reply.embeds).toBeUndefined();
    expect(reply.flags).toBe(MessageFlags.Ephemeral);
  });

  it.each([
    ['Mitch Abidor', 'Mitch Abidor translated *Letter to Leon Trotsky*.'],
    ['Abidor', 'Mitch Abidor translated *Letter to Leon Trotsky*.'],
  ])('%s: the metadata names the translator, in a fixed form', (name, line) => {
    const answer = as(who(seed, { name }), 'who');
    expect(answer.credits).toEqual([{ role: 'translator', name: 'Mitch Abidor', workId: LETTER, title: 'Letter to Leon Trotsky' }]);
    expect(answer.mentions).toEqual([]);
    expect(description(answer).split('\n')).toEqual([line]);
  });

  it('Victor Serge: author of the letter, and mentioned in the review', () => {
    const answer = as(who(seed, { name: 'Victor Serge' }), 'who');
    expect(answer.credits?.map((c) => `${c.role} ${c.title}`)).toEqual(['author Letter to Leon Trotsky']);
    expect(description(answer).split('\n')[0]).toBe('Victor Serge wrote *Letter to Leon Trotsky*.');
    expect(answer.mentionCount).toBeGreaterThan(0);
  });

  it('Louise and Aylmer Maude: a shared credit answers either name, as the metadata writes it', () => {
    const library = namesLibrary(['war-and-peace.md']);
    const answer = as(who(library, { name: 'Aylmer Maude' }), 'who');
    expect(description(answer)).toBe('Louise and Aylmer Maude translated *War and Peace*.');
  });

  it('Elizabeth: asked in a work, only that work’s Elizabeth; asked everywhere, the works and their counts', () => {
    const library = namesLibrary(['war-and-peace.md', 'leviathan.md']);
    const inLeviathan = as(who(library, { name: 'Elizabeth', work: 'leviathan' }), 'who');
    expect(inLeviathan.name).toBe('Queen Elizabeth');
    expect(inLeviathan.mentions.every((q) => q.workId === 'leviathan')).toBe(true);
    const inNovel = as(who(library, { name: 'Elizabeth', work: 'war-and-peace' }), 'who');
    expect(inNovel.mentions.map((q) => q.workId)).toEqual(['war-and-peace', 'war-and-peace']);
    const everywhere = as(who(library, { name: 'Elizabeth' }), 'who');
    expect(everywhere.works).toEqual([
      { workId: 'war-and-peace', title: 'War and Peace', mentions: 2 },
      { workId: 'leviathan', title: 'Leviathan', mentions: 2 },
    ]);
    expect(description(everywhere)).toContain('In 2 works: *War and Peace* (2), *Leviathan* (2). Add work: to ask about one.');
  });

  it('Publius: the signature in capitals, not Julius from another book', () => {
    const library = namesLibrary(['federalist.md', 'the-prince.md']);
    const answer = as(who(library, { name: 'Publius' }), 'who');
    expect(answer).toMatchObject({ name: 'PUBLIUS', exact: true, mentionCount: 3 });
    expect(answer.works?.map((w) => w.workId)).toEqual(['federalist']);
  });

  it.each([
    ['Mr', 'moby-dick.md'],
    ['United States', 'democracy-in-america.md'],
    ['Ponds Pierre', 'war-and-peace.md'],
  ])('%s is no one: a notice, never an answer', (name, file) => {
    expect(who(namesLibrary([file]), { name }).kind).toBe('notice');
  });

  it('General Kutúzov and Prince Kutúzov are one person, mentioned 9 times', () => {
    const library = namesLibrary(['war-and-peace.md']);
    for (const name of ['General Kutúzov', 'Prince Kutúzov', 'Kutuzov']) {
      expect(as(who(library, { name }), 'who')).toMatchObject({ name: 'Kutúzov', mentionCount: 9 });
    }
    const general = as(who(library, { name: 'General Kutúzov' }), 'who');
    expect(general.mentions.slice(0, 2).map((q) => q.text.slice(q.highlights[0]?.start, q.highlights[0]?.end))).toEqual(['General Kutúzov', 'General Kutúzov']);
  });
});

describe('/who from the metadata', () => {
  it('John Jay: named among the work’s authors, and as the author of two papers', () => {
    const answer = as(who(namesLibrary(['federalist.md']), { name: 'John Jay' }), 'who');
    expect(answer.credits?.map((c) => [c.name, c.sections])).toEqual([
      ['Alexander Hamilton, John Jay, and James Madison', undefined],
      ['John Jay', ['no. 4', 'no. 5']],
    ]);
    expect((render(answer).data.embeds?.[0]?.description ?? '').split('\n')).toEqual([
      'Alexander Hamilton, John Jay, and James Madison wrote *The Federalist Papers*.',
      'John Jay wrote 2 sections of *The Federalist Papers* (no. 4, no. 5).',
    ]);
  });
});

describe('/who counts', () => {
  it('reads 1,938 mentions with a thousands separator, never as a year', () => {
    const answer = as(who(namesLibrary(['war-and-peace.md']), { name: 'Pierre' }), 'who');
    const description = render({ ...answer, mentionCount: 1938, passageCount: 1204 }).data.embeds?.[0]?.description ?? '';
    expect(description).toContain('Mentioned 1,938 times in 1,204 passages. The first 3:');
  });
});
