import { describeBook } from './book';

describeBook('The Prince', {
  files: ['machiavelli-the-prince.txt', 'machiavelli-the-prince.htm'],
  count: { key: 'ch.', n: 26 },
  sentences: [
    ['men ought either to be well treated or crushed', 'ch. 3 ¶ 7'],
    ['enough for the Duke Lodovico', 'ch. 3 ¶ 3'],
    ['Coming now to the other qualities mentioned above', 'ch. 17 ¶ 1'],
    ['whether it be better to be loved than feared', 'ch. 17 ¶ 5'],
    ['Every one admits how praiseworthy it is in a prince to keep faith', 'ch. 18 ¶ 1'],
    ['Nicolo Machiavelli was born at Florence on 3rd May 1469', 'Introduction ¶ 1'],
  ],
  notes: { 'machiavelli-the-prince.txt': 44, 'machiavelli-the-prince.htm': 44 },
  note: ['enough for the Duke Lodovico', 'Duke Lodovico was Lodovico Moro'],
  notTheAuthors: ['Project Gutenberg', 'Nicolo Machiavelli, born at Florence on 3rd May 1469', 'Nicolo Machiavelli was born at Florence', 'Lodovico(*)', 'Duke Lodovico was Lodovico Moro'],
  kept: [['Nicolo Machiavelli was born at Florence on 3rd May 1469', 'editor']],
});
