import { describeBook } from './book';

describeBook('Moby-Dick', {
  files: ['melville-moby-dick.txt', 'melville-moby-dick.htm'],
  count: { key: 'ch.', n: 135 },
  sentences: [
    ['Call me Ishmael.', 'ch. 1 ¶ 1'],
    ['It is not down in any map; true places never are.', 'ch. 12 ¶ 1'],
    ['the most conspicuous object in the cymballed procession', 'ch. 24 ¶ 19'],
    ['Towards thee I roll, thou all-destroying but unconquering whale', 'ch. 135 ¶ 58'],
    ['While you take in hand to school others', 'Etymology ¶ 2'],
    ['The drama’s done.', 'Epilogue ¶ 1'],
  ],
  notes: { 'melville-moby-dick.txt': 22, 'melville-moby-dick.htm': 22 },
  note: ['the most conspicuous object in the cymballed procession', 'See subsequent chapters for something more on this head.'],
  notTheAuthors: ['Project Gutenberg', 'This text is a combination of etexts', 'CHAPTER 2. The Carpet-Bag.'],
});
