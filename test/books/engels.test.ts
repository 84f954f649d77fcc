import { describeBook } from './book';

describeBook('The Origin of the Family', {
  files: ['engels-origin-of-the-family.txt', 'engels-origin-of-the-family.htm'],
  count: { key: 'ch.', n: 9 },
  sentences: [
    ['The following chapters are, in a certain sense, executing a bequest.', "Author's Preface to the First Edition ¶ 1"],
    ['Morgan was the first to make an attempt at introducing a logical order', 'ch. 1 ¶ 1'],
    ['We now come to another discovery of Morgan', 'ch. 3 ¶ 1'],
    ['According to Tacitus the German nation was very strong in numbers.', 'ch. 8 ¶ 1'],
    ['Having observed the dissolution of the gentile order in the three', 'ch. 9 ¶ 1'],
    ['An eternal being created human society as it is to-day', "Translator's Preface ¶ 1"],
  ],
  notes: { 'engels-origin-of-the-family.txt': 46, 'engels-origin-of-the-family.htm': 46 },
  note: ['The following chapters are, in a certain sense, executing a bequest.', 'Ancient Society or Researches in the Lines of Human Progress'],
  notTheAuthors: ['Project Gutenberg', 'TRANSLATED BY ERNEST UNTERMANN', 'CHARLES H. KERR & COMPANY', 'Copyright, 1902', 'How little Bachofen understood what he had discovered', 'An eternal being created human society'],
  kept: [['An eternal being created human society as it is to-day', 'translator']],
});
