import { describe, expect, it } from 'vitest';
import type { Corpus, Passage } from '../../src/corpus';
import { createNameIndex, lookupName, suggestNames } from '../../src/search/names';

const passage = (index: number, text: string): Passage => ({ index, workId: 'book', chapter: 1, n: index + 1, seq: index, text, footnoteRefs: [], line: index + 1 });

/** A few lines in the manner of War and Peace, where a short name looks like the start of a longer one. */
const texts = [
  'Kutúzov rode along the ranks of the regiment at Braunau.',
  'The soldiers cheered when Kutúzov passed them again.',
  'By the door stood Kuz, who said nothing at all.',
  'Then Natásha laughed, and Sónya laughed with her.',
  'Old women in the village spoke of Satan and of Malta.',
  // Several names end in Kutúzov, as in the novel, which makes the word common among names.
  'It was said that Prince Kutúzov was old.',
  'The letter from Michael Kutúzov arrived late.',
];
const passages = texts.map((t, i) => passage(i, t));
const corpus: Corpus = {
  fingerprint: 'test',
  works: [{ meta: { id: 'book', title: 'Book', sourceFile: 'book.txt' }, file: 'book.md', chapters: [], passages, footnotes: [] } as unknown as Corpus['works'][number]],
  passages,
  people: [],
  proofs: [],
};
const names = createNameIndex(corpus);

describe('name suggestions', () => {
  it.each([
    ['kutuz', 'Kutúzov'],
    ['Kutu', 'Kutúzov'],
    ['nata', 'Natásha'],
    ['sony', 'Sónya'],
  ])('offers a name that begins as typed first: %s → %s', (typed, first) => {
    expect(suggestNames(names, typed, 5)[0]?.name).toBe(first);
  });

  it('still offers look-alikes after the names that begin as typed', () => {
    expect(suggestNames(names, 'kutuz', 5).map((e) => e.name)).toEqual(['Kutúzov', 'Prince Kutúzov', 'Michael Kutúzov', 'Kuz']);
  });

  it('finds a name typed without its accents, and a misspelt one as the closest', () => {
    expect(lookupName(names, 'Kutuzov')).toMatchObject({ entry: { name: 'Kutúzov' }, exact: true });
    expect(lookupName(names, 'Kutusov')).toMatchObject({ entry: { name: 'Kutúzov' }, exact: false });
  });
});

describe('names side by side in a novel', () => {
  const alone = (name: string, times: number) => Array.from({ length: times }, (_, i) => `That day ${name} was seen again, time ${i}.`);
  const novel = [
    ...alone('Pierre', 6),
    ...alone('Moscow', 6),
    'In those days Moscow Pierre found empty and strange.',
    'Sometimes Pierre laughed at nothing.',
    'He laughed sometimes, and sometimes he wept.',
    // Capitalised mid-sentence once, as a word in dialogue may be.
    'And he cried, Sometimes! and left the room.',
    'The guests greeted Anna Pávlovna, and Anna Pávlovna smiled.',
    'Why The President Of The United States Does Not Require The Majority Of The Two Houses.',
  ];
  const novelPassages = novel.map((t, i) => passage(i, t));
  const index = createNameIndex({ ...corpus, works: [{ ...corpus.works[0], passages: novelPassages } as Corpus['works'][number]], passages: novelPassages });
  const entry = (name: string) => index.entries.find((e) => e.name === name);

  it('keeps two names apart when each stands alone far more often than together', () => {
    expect(entry('Moscow Pierre')).toBeUndefined();
    const pierre = entry('Pierre');
    expect(pierre?.mentions.map((m) => m.passageIndex)).toContain(12);
  });

  it('leaves out a sentence’s first word that is also written in lower case', () => {
    expect(entry('Sometimes Pierre')).toBeUndefined();
    expect(entry('Pierre')?.mentions.map((m) => m.passageIndex)).toContain(13);
  });

  it('takes no title-case line for a name', () => {
    expect(index.entries.filter((e) => e.name.split(' ').length > 5)).toEqual([]);
  });

  it('keeps a name whose parts seldom stand alone', () => {
    expect(entry('Anna Pávlovna')?.mentions).toHaveLength(2);
  });
});
