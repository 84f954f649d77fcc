import { describeBook } from './book';

describeBook('On Liberty', {
  files: ['mill-on-liberty.txt'],
  count: { key: 'ch.', n: 5 },
  sentences: [
    ['The subject of this Essay is not the so-called Liberty of the Will', 'ch. 1 ¶ 1'],
    ['The object of this Essay is to assert one very simple principle', 'ch. 1 ¶ 9'],
    ['Over himself, over his own body and mind, the individual is sovereign.', 'ch. 1 ¶ 9'],
    ['If all mankind minus one, were of one opinion', 'ch. 2 ¶ 1'],
    ['What his wife really was to Mill, we shall, perhaps, never know.', 'Introduction ¶ 11'],
    ['The principles asserted in these pages must be more generally admitted', 'ch. 5 ¶ 1'],
  ],
  notes: { 'mill-on-liberty.txt': 14 },
  note: ['If all mankind minus one, were of one opinion', 'These words had scarcely been'],
  notTheAuthors: ['Project Gutenberg', 'What his wife really was to Mill'],
  kept: [['What his wife really was to Mill, we shall, perhaps, never know.', 'editor']],
});
