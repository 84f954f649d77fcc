import { describeBook } from './book';

describeBook('Meditations', {
  files: ['marcus-aurelius-meditations.txt', 'marcus-aurelius-meditations.htm'],
  count: { key: 'bk.', n: 12 },
  sentences: [
    ['Of my grandfather Verus I have learned to be gentle and meek', 'bk. 1 ¶ 1'],
    ['Of him that brought me up, not to be fondly addicted', 'bk. 1 ¶ 2'],
    ['Remember how long thou hast already put off these things', 'bk. 2 ¶ 1'],
    ['MARCUS AURELIUS ANTONINUS was born on April 26, A.D. 121.', 'Introduction ¶ 1'],
    ['This Glossary includes all proper names', 'Glossary ¶ 1'],
    ['What is wickedness? It is that which many time and often thou hast', 'bk. 7 ¶ 1'],
    ['Whatsoever thou doest hereafter aspire unto, thou mayest even now', 'bk. 12 ¶ 1'],
  ],
  notes: { 'marcus-aurelius-meditations.txt': 4, 'marcus-aurelius-meditations.htm': 4 },
  notTheAuthors: ['This text was scanned by J. Boulton', 'Project Gutenberg', 'MARCUS AURELIUS ANTONINUS was born', 'This Glossary includes all proper names'],
  kept: [
    ['MARCUS AURELIUS ANTONINUS was born on April 26, A.D. 121.', 'editor'],
    ['This Glossary includes all proper names', 'editor'],
  ],
});
