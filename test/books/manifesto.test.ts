import { expect, it } from 'vitest';
import { describeBook } from './book';
import { noteByLabel, sectionLocators } from './imported';

describeBook('The Communist Manifesto', {
  files: ['marx-engels-communist-manifesto.txt'],
  count: { key: 'ch.', n: 4 },
  sentences: [
    ['A spectre is haunting Europe--the spectre of Communism.', '¶ 1'],
    ['The history of all hitherto existing societies is the history of class struggles.', 'ch. 1 ¶ 1'],
    ['The Communists are distinguished from the other working-class parties', 'ch. 2 ¶ 5'],
    ['Owing to their historical position, it became the vocation of the aristocracies', 'ch. 3 ¶ 2'],
    ['The proletarians have nothing to lose but their chains.', 'ch. 4 ¶ 11'],
    ['WORKING MEN OF ALL COUNTRIES, UNITE!', 'ch. 4 ¶ 12'],
  ],
  notes: {},
  notTheAuthors: ['Project Gutenberg', 'Transcribed by Allen Lutins'],
});

// The Standard Ebooks EPUB prints Engels's 1888 preface and another spelling ("specter", "Workingmen").
describeBook('The Communist Manifesto (EPUB)', {
  files: ['marx-engels-communist-manifesto.epub'],
  count: { key: 'ch.', n: 4 },
  sentences: [
    ['A specter is haunting Europe', 'Introduction ¶ 1'],
    ['The history of all hitherto existing society', 'ch. 1 ¶ 1'],
    ['The Communists are distinguished from the other working class parties by this only', 'ch. 2 ¶ 5'],
    ['Owing to their historical position, it became the vocation of the aristocracies', 'ch. 3 ¶ 1'],
    ['The proletarians have nothing to lose but their chains.', 'ch. 4 ¶ 11'],
    ['Workingmen of all countries unite!', 'ch. 4 ¶ 12'],
  ],
  notes: { 'marx-engels-communist-manifesto.epub': 10 },
  note: ['Owing to their historical position, it became the vocation of the aristocracies', 'Not the English Restoration'],
  notTheAuthors: ['Standard Ebooks', 'Uncopyright', 'public domain'],
  asWritten: [
    ['The Manifesto was published as the platform of the “Communist League,”', 'Preface ¶ 1'],
    ['is the history of class struggles.', 'ch. 1 ¶ 1'],
    ['In what relation do the Communists stand to the proletarians as a whole?', 'ch. 2 ¶ 1'],
  ],
  ebook: true,
}, (book) => {
  const epub = () => book('marx-engels-communist-manifesto.epub');

  it('has Engels’ preface, the introduction and four chapters, with ten endnotes', () => {
    expect(sectionLocators(epub())).toEqual(['Preface', 'Introduction', 'ch. 1', 'ch. 2', 'ch. 3', 'ch. 4']);
    expect(epub().work.footnotes).toHaveLength(10);
    expect(epub().work.meta).toMatchObject({ title: 'The Communist Manifesto', author: 'Karl Marx and Friedrich Engels', translator: 'Samuel Moore' });
  });

  it('hangs Engels’ note on the sentence that calls for it, backlink stripped', () => {
    expect(noteByLabel(epub(), 'The history of all hitherto existing society', '4')).toMatch(/^That is, all written history\..*2nd edition, Stuttgart, 1886\.$/);
  });
});
