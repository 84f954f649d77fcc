import { expect, it } from 'vitest';
import { describeBook } from './book';
import { noteByLabel, sectionLocators } from './imported';

describeBook('A Vindication of the Rights of Woman (EPUB)', {
  files: ['wollstonecraft-vindication.epub'],
  count: { key: 'ch.', n: 13 },
  sentences: [
    ['After considering the historic page', 'Introduction ¶ 1'],
    ['My own sex, I hope, will excuse me', 'Introduction ¶ 8'],
    ['In the present state of society, it appears necessary to go back to first principles', 'ch. 1 ¶ 2'],
    ['Going back to first principles, vice skulks', 'ch. 1 ¶ 9'],
    ['Let woman share the rights, and she will emulate the virtues of man', 'ch. 13 ¶ 80'],
    ['It is easy to be conceived, that if male children be not in a capacity', 'ch. 5 ¶ 39'],
  ],
  notes: { 'wollstonecraft-vindication.epub': 37 },
  notTheAuthors: ['Standard Ebooks', 'Uncopyright'],
  asWritten: [
    ['Having read with great pleasure a pamphlet', 'Dedication ¶ 2'],
    ['That man by struggling with them might attain a degree of knowledge denied to the brutes: whispers Experience.', 'ch. 1 ¶ 5'],
    ['These are bitter calumnies, yet they reached one of the best of men,', 'ch. 1 ¶ 22'],
    ['Let woman share the rights', 'ch. 13 ¶ 80'],
  ],
  ebook: true,
}, (book) => {
  const epub = () => book('wollstonecraft-vindication.epub');

  it('has the dedication, the introduction and thirteen chapters', () => {
    expect(sectionLocators(epub())).toEqual(['Dedication', 'Introduction', ...Array.from({ length: 13 }, (_, i) => `ch. ${i + 1}`)]);
    expect(epub().work.meta).toMatchObject({ title: 'A Vindication of the Rights of Woman', author: 'Mary Wollstonecraft' });
  });

  it('places her footnotes, printed as endnotes, by their references', () => {
    expect(noteByLabel(epub(), 'yet they reached one of the best of men,', '2')).toBe('Dr. Price.');
  });
});
