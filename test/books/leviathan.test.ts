import { describeBook } from './book';

describeBook('Leviathan', {
  files: ['hobbes-leviathan.txt', 'hobbes-leviathan.htm'],
  count: { key: 'ch.', n: 47 },
  sentences: [
    ['Nature (the art whereby God hath made and governes the world)', 'The Introduction ¶ 1'],
    ['Concerning the Thoughts of man, I will consider them first Singly', 'pt. 1 ch. 1 ¶ 1'],
    ['By Consequence, or Trayne of Thoughts, I understand that succession', 'pt. 1 ch. 3 ¶ 1'],
    ['Nature hath made men so equall, in the faculties of body, and mind', 'pt. 1 ch. 13 ¶ 1'],
    ['And the life of man, solitary, poore, nasty, brutish, and short', 'pt. 1 ch. 13 ¶ 9'],
    ['Having spoken of the Generation, Forme, and Power of a Common-wealth', 'pt. 2 ch. 22 ¶ 1'],
  ],
  notes: {},
  notTheAuthors: ['This E-text was prepared from the Pelican Classics edition', 'Hobbes used capitals and italics very extensively', 'Project Gutenberg'],
});
