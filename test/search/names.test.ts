import { describe, expect, it } from 'vitest';
import { parseWork, type Corpus, type Passage } from '../../src/corpus';
import fc from 'fast-check';
import { createNameIndex, keyOf, lookupName, suggestNames, withinOneEdit } from '../../src/search/names';
import { namesCorpus, SEED } from '../helpers/names';

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

  it('still offers look-alikes after the names that begin as typed; titles and full names are one person', () => {
    expect(suggestNames(names, 'kutuz', 5).map((e) => e.name)).toEqual(['Kutúzov', 'Kuz']);
  });

  it('finds a name typed without its accents, and a misspelt one as the closest', () => {
    expect(lookupName(names, 'Kutuzov')).toMatchObject({ entries: [{ name: 'Kutúzov' }], kind: 'exact' });
    expect(lookupName(names, 'Kutusov')).toMatchObject({ entries: [{ name: 'Kutúzov' }], kind: 'typo' });
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
    expect(pierre?.mentions.map((m) => m.seq)).toContain(12);
  });

  it('leaves out a sentence’s first word that is also written in lower case', () => {
    expect(entry('Sometimes Pierre')).toBeUndefined();
    expect(entry('Pierre')?.mentions.map((m) => m.seq)).toContain(13);
  });

  it('takes no title-case line for a name', () => {
    expect(index.entries.filter((e) => e.name.split(' ').length > 5)).toEqual([]);
  });

  it('keeps a name whose parts seldom stand alone', () => {
    expect(entry('Anna Pávlovna')?.mentions).toHaveLength(2);
  });
});

describe('names in short real passages', () => {
  const index = (files: string[]) => createNameIndex(namesCorpus(files, { people: true }));
  const named = (files: string[], form: string) => index(files).entries.find((e) => e.keys.includes(keyOf(form)));

  it.each([
    // Titles join a person: Kutúzov is General, Prince and Michael Ilariónovich Kutúzov (War and Peace).
    [['war-and-peace.md'], 'General Kutúzov', 'Kutúzov'],
    [['war-and-peace.md'], 'Prince Kutúzov', 'Kutúzov'],
    [['war-and-peace.md'], 'Michael Ilariónovich Kutúzov', 'Kutúzov'],
    [['moby-dick.md'], 'Mr. Starbuck', 'Mr. Starbuck'],
    [['moby-dick.md'], 'Starbuck', 'Mr. Starbuck'],
    // A title that says "a woman" does not join a man of the same surname: Mrs. Hussey and her husband.
    [['moby-dick.md'], 'Mrs. Hussey', 'Mrs. Hussey'],
    [['moby-dick.md'], 'Hussey', 'Mrs. Hussey'],
    [['moby-dick.md'], 'Mr. Hosea Hussey', 'Hosea Hussey'],
    [['leviathan.md'], 'Qu. Elizabeth', 'Queen Elizabeth'],
    // Cited beside the books of the Bible, the people are still people.
    [['leviathan.md'], 'Moses', 'Moses'],
    [['leviathan.md'], 'Solomon', 'Solomon'],
    // A lone surname in the letter is the full name its note gives: "Louzon, too." / "edited by Robert Louzon".
    [SEED, 'Louzon', 'Robert Louzon'],
    [SEED, 'Pierre Monatte', 'Pierre Monatte'],
    // In capitals, as The Federalist signs its papers.
    [['federalist.md'], 'Publius', 'PUBLIUS'],
  ])('%j: “%s” is %s', (files, form, name) => {
    expect(named(files, form)?.name).toBe(name);
  });

  it.each([
    [['moby-dick.md'], 'Mr'],
    [['war-and-peace.md'], 'Prince'],
    [['war-and-peace.md'], 'Moscow'],
    [['war-and-peace.md'], 'Ponds Pierre'],
    [['war-and-peace.md'], 'Moscow Pierre'],
    [['democracy-in-america.md'], 'United States'],
    [['democracy-in-america.md'], 'The Americans'],
    [['democracy-in-america.md'], 'Americans'],
    // Places the text shows are places: "New York", "South Carolina", "the State of Ohio", "the people of Ohio".
    [['democracy-in-america.md'], 'New York'],
    [['democracy-in-america.md'], 'York'],
    [['democracy-in-america.md'], 'South Carolina'],
    [['democracy-in-america.md'], 'Carolina'],
    [['democracy-in-america.md'], 'New Orleans'],
    [['democracy-in-america.md'], 'Ohio'],
    // A book of the Bible cited ("Deut. 11. 19", "Mat. 24. 24"), an ordinal, a plural of a common word or a title.
    [['leviathan.md'], 'Deut'],
    [['leviathan.md'], 'Mat'],
    [['leviathan.md'], 'Prov'],
    [['leviathan.md'], 'Fourthly'],
    [['leviathan.md'], 'Philosophers'],
    [['leviathan.md'], 'Princes'],
    [['leviathan.md'], 'Prophets'],
  ])('%j: “%s” is no one', (files, form) => {
    expect(named(files, form)).toBeUndefined();
  });

  it('counts every mention of a titled person, and Pierre after a place', () => {
    const names = index(['war-and-peace.md']);
    const kutuzov = names.entries.find((e) => e.name === 'Kutúzov');
    expect(kutuzov?.mentions).toHaveLength(9);
    const pierre = names.entries.find((e) => e.name === 'Pierre');
    const texts = namesCorpus(['war-and-peace.md']).passages;
    // "the Patriarch’s Ponds Pierre found", "in Moscow Pierre had been intending", "returned to Moscow Pierre".
    for (const opening of ['Having reached the Patriarch’s Ponds', 'From the day his wife', 'When he returned to Moscow', 'In burned and devastated Moscow']) {
      const seq = texts.find((p) => p.text.startsWith(opening))?.seq;
      expect(pierre?.mentions.map((m) => m.seq), opening).toContain(seq);
    }
  });

  it('names in notes count: Robert Louzon in note 1, Louzon alone in the letter', () => {
    const louzon = named(SEED, 'Louzon');
    expect(louzon?.mentions.map((m) => (m.note === undefined ? 'passage' : 'note'))).toEqual(['passage', 'note']);
  });

  it('each work has its own people: Elizabeth in War and Peace is not Queen Elizabeth in Leviathan', () => {
    const names = index(['war-and-peace.md', 'leviathan.md']);
    const elizabeths = (names.byKey.get('elizabeth') ?? []).map((id) => names.entries[id]);
    expect(elizabeths.map((e) => [e?.workId, e?.name])).toEqual([
      ['war-and-peace', 'Princess Elizabeth'],
      ['leviathan', 'Queen Elizabeth'],
    ]);
    expect(lookupName(names, 'Elizabeth', 'leviathan')?.entries.map((e) => e.workId)).toEqual(['leviathan']);
  });
});

describe('what a reader’s words find', () => {
  const names = createNameIndex(namesCorpus(['war-and-peace.md', 'moby-dick.md', 'federalist.md', 'the-prince.md', ...SEED], { people: true }));
  const found = (query: string) => {
    const match = lookupName(names, query);
    return match && `${match.kind}: ${[...new Set(match.entries.map((e) => e.name))].join(', ')}`;
  };

  it.each([
    ['kutuzov', 'exact: Kutúzov'],
    ['PRINCE KUTÚZOV', 'exact: Kutúzov'],
    ['Publius', 'exact: PUBLIUS'],
    ['Monatte', 'part: Pierre Monatte'],
    ['Leon', 'part: Leon Trotsky'],
    // One typo in a name of six letters or more is near-certain.
    ['Kutuzvo', 'typo: Kutúzov'],
    ['Kutusov', 'typo: Kutúzov'],
    ['Louzin', 'typo: Robert Louzon'],
    ['Stubbs', 'typo: Mr. Stubb'],
    ['Hernandes', 'typo: Jesus Hernandez'],
    // Five letters, two typos, or a different name: no answer, only suggestions.
    ['Stubs', undefined],
    ['Serje', undefined],
    ['Kutuzoff', undefined],
    ['Lenin', undefined],
    ['Julian', undefined],
    ['Mr', undefined],
  ])('%s → %s', (query, expected) => {
    expect(found(query)).toBe(expected);
  });

  it.each([
    ['kutuzov', 'kutuzvo'],
    ['kutuzov', 'kutzov'],
    ['kutuzov', 'kutuuzov'],
    ['kutuzov', 'kutusov'],
    ['stubb', 'stubb'],
  ])('%s and %s are one edit apart', (a, b) => {
    expect(withinOneEdit(a, b)).toBe(true);
    expect(withinOneEdit(b, a)).toBe(true);
  });

  it.each([
    ['kutuzov', 'kutuzoff'],
    ['kutuzov', 'uktuzvo'],
    ['lenin', 'leon'],
  ])('%s and %s are not', (a, b) => {
    expect(withinOneEdit(a, b)).toBe(false);
  });

  it('one edit of any kind is within one edit, and the relation is symmetric', () => {
    const letters = fc.string({ unit: fc.constantFrom(...'abcdez'), minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(letters, fc.nat(), fc.constantFrom('insert', 'delete', 'change', 'swap'), fc.constantFrom(...'abcdez'), (word, at, edit, letter) => {
        const i = at % word.length;
        const edited =
          edit === 'insert' ? word.slice(0, i) + letter + word.slice(i)
          : edit === 'delete' ? word.slice(0, i) + word.slice(i + 1)
          : edit === 'change' ? word.slice(0, i) + letter + word.slice(i + 1)
          : word.slice(0, i) + (word[i + 1] ?? '') + word[i] + word.slice(i + 2);
        return withinOneEdit(word, edited) && withinOneEdit(edited, word);
      }),
    );
  });
});

describe('names beside footnote markers', () => {
  it('a lettered marker is not part of the name it follows: “Jefferson[h]” is Jefferson', () => {
    const { work } = parseWork(
      '---\nid: notes\ntitle: Notes\nsource_file: notes.txt\n---\n\nJefferson went still further, said Jefferson[^h] himself.\n\n[^h]: See the Notes.\n',
      'notes.md',
    );
    if (!work) throw new Error('fixture did not parse');
    const names = createNameIndex({ fingerprint: '', works: [work], passages: work.passages, people: [], proofs: [] });
    const jefferson = names.entries.find((e) => e.name === 'Jefferson');
    expect(jefferson?.mentions.map((m) => work.passages[0]?.text.slice(m.start, m.end))).toEqual(['Jefferson', 'Jefferson']);
    expect(names.entries.flatMap((e) => e.keys).filter((k) => k.includes('jeffersonh'))).toEqual([]);
  });
});
