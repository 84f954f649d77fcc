import { describeBook } from './book';

describeBook('The Wealth of Nations', {
  files: ['smith-wealth-of-nations.txt', 'smith-wealth-of-nations.htm'],
  count: { key: 'ch.', n: 32 },
  sentences: [
    ['The annual labour of every nation is the fund which originally supplies', 'Introduction and Plan of the Work ¶ 1'],
    ['It is not from the benevolence of the butcher, the brewer, or the baker', 'bk. 1 ch. 2 ¶ 2'],
    ['an invisible hand', 'bk. 4 ch. 2 ¶ 9'],
    ['The greatest improvements in the productive powers of labour', 'bk. 1 ch. 1 ¶ 1'],
    ['upwards of £3:18s.', 'bk. 1 ch. 5 ¶ 33'],
    ['The first duty of the sovereign, that of protecting the society from the', 'bk. 5 ch. 1 pt. 1 ¶ 1'],
  ],
  notes: {},
  notTheAuthors: ['Project Gutenberg', 'Produced by Colin Muir'],
});
