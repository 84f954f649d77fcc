import { describeBook } from './book';

describeBook('A Vindication of the Rights of Woman (EPUB)', {
  files: ['wollstonecraft-vindication.epub'],
  count: { key: 'ch.', n: 13 },
  sentences: [
    ['After considering the historic page', 'Introduction ¶ 1'],
    ['My own sex, I hope, will excuse me', 'Introduction ¶ 8'],
    ['In the present state of society, it appears necessary to go back to first principles', 'ch. 1 ¶ 2'],
    ['Going back to first principles, vice skulks', 'ch. 1 ¶ 9'],
    ['Let woman share the rights, and she will emulate the virtues of man', 'ch. 13 ¶ 86'],
    ['It is easy to be conceived, that if male children be not in a capacity', 'ch. 5 ¶ 40'],
  ],
  notes: { 'wollstonecraft-vindication.epub': 37 },
  notTheAuthors: ['Standard Ebooks', 'Uncopyright'],
});
