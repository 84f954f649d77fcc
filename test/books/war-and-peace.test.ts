import { describeBook } from './book';

describeBook('War and Peace', {
  files: ['tolstoy-war-and-peace.txt'],
  count: { key: 'ch.', n: 365 },
  sentences: [
    ['Well, Prince, so Genoa and Lucca are now just family estates of the Buonapartes.', 'bk. 1 ch. 1 ¶ 1'],
    ['Anna Pávlovna’s reception was in full swing.', 'bk. 1 ch. 3 ¶ 1'],
    ['said Shinshín, puckering his brows and smiling', 'bk. 1 ch. 19 ¶ 8'],
    ['On the twelfth of June, 1812, the forces of Western Europe crossed the Russian frontier', 'bk. 9 ch. 1 ¶ 1'],
    ['Seven years had passed.', 'ep. 1 ch. 1 ¶ 1'],
    ['History is the life of nations and of humanity.', 'ep. 2 ch. 1 ¶ 1'],
  ],
  notes: { 'tolstoy-war-and-peace.txt': 6 },
  note: ['said Shinshín, puckering his brows and smiling', 'That suits us down to the ground.'],
  notTheAuthors: ['Project Gutenberg', 'CHAPTER XXVIII'],
});
