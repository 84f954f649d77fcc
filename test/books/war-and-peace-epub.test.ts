import { describeBook } from './book';

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
});
