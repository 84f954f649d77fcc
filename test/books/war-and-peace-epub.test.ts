import { expect, it } from 'vitest';
import { describeBook } from './book';
import { noteByLabel, sectionLocators } from './imported';

// The Standard Ebooks EPUB (the Maudes' translation) groups the fifteen books of the Gutenberg text
// into four books of parts: the Gutenberg "BOOK NINE: 1812" is its Book III, Part I.
describeBook('War and Peace (EPUB)', {
  files: ['tolstoy-war-and-peace.epub'],
  count: { key: 'pt.', n: 15 },
  sentences: [
    ['Well, Prince, so Genoa and Lucca are now just family estates of the Buonapartes.', 'bk. 1 pt. 1 ch. 1 ¶ 1'],
    ['Anna Pávlovna’s reception was in full swing.', 'bk. 1 pt. 1 ch. 3 ¶ 1'],
    ['On the twelfth of June, 1812, the forces of Western Europe crossed the Russian frontier', 'bk. 3 pt. 1 ch. 1 ¶ 1'],
    ['Seven years had passed.', 'ep. 1 ch. 1 ¶ 1'],
    ['History is the life of nations and of humanity.', 'ep. 2 ch. 1 ¶ 1'],
    ['The ancient historians all employed one and the same method', 'ep. 2 ch. 1 ¶ 2'],
  ],
  notes: { 'tolstoy-war-and-peace.epub': 137 },
  notTheAuthors: ['Standard Ebooks', 'Uncopyright'],
  asWritten: [
    ['so Genoa and Lucca are now just family estates of the Buonapartes', 'bk. 1 pt. 1 ch. 1 ¶ 1'],
    ['Anna Pávlovna’s drawing room was gradually filling.', 'bk. 1 pt. 1 ch. 2 ¶ 1'],
    ['From the close of the year 1811 an intensified arming', 'bk. 3 pt. 1 ch. 1 ¶ 1'],
    ['and to recognize a dependence of which we are not conscious.', 'ep. 2 ch. 12 ¶ 13'],
  ],
  ebook: true,
}, (book) => {
  const epub = () => book('tolstoy-war-and-peace.epub');

  it('has four books in fifteen parts, two epilogues and 364 chapters', () => {
    const all = sectionLocators(epub());
    expect(all.filter((l) => /^bk\. \d+$/.test(l))).toEqual(['bk. 1', 'bk. 2', 'bk. 3', 'bk. 4']);
    expect(all.filter((l) => /pt\. \d+$/.test(l))).toHaveLength(15);
    expect(all.filter((l) => /^ep\. \d+$/.test(l))).toEqual(['ep. 1', 'ep. 2']);
    expect(all.filter((l) => /ch\. \d+$/.test(l))).toHaveLength(364);
  });

  it('hangs the translation of Anna Pávlovna’s French on her words', () => {
    expect(noteByLabel(epub(), 'Anna Pávlovna’s drawing room was gradually filling.', '1')).toBe('The most fascinating woman in Petersburg.');
  });

  it('marks the editors’ list of characters as theirs', () => {
    expect(epub().work.chapters.find((c) => c.titles.includes('Dramatis Personae'))?.role).toBe('editor');
  });
});
