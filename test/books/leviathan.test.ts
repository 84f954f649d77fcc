import { describe, expect, it } from 'vitest';
import { describeBook } from './book';
import { importBookFile, locate, sectionsOf } from './imported';

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
  outerDivisionsDiffer: 'the HTML edition prints no heading for Part IV, and its contents no entry',
});

describe('Leviathan, plain text', () => {
  it('has Part IV, which only its contents names, with chapters XLIV–XLVII in it', () => {
    const book = importBookFile('hobbes-leviathan.txt');
    expect(sectionsOf(book, 'pt.').map((c) => [c.locator, c.title])).toEqual([
      ['pt. 1', 'PART 1 OF MAN'],
      ['pt. 2', 'PART II. OF COMMON-WEALTH'],
      ['pt. 3', 'PART III. OF A CHRISTIAN COMMON-WEALTH'],
      ['pt. 4', 'THE FOURTH PART. OF THE KINGDOME OF DARKNESSE'],
    ]);
    expect(sectionsOf(book, 'ch.').slice(43).map((c) => c.locator)).toEqual(['pt. 4 ch. 44', 'pt. 4 ch. 45', 'pt. 4 ch. 46', 'pt. 4 ch. 47']);
    expect(locate(book, 'Besides these Soveraign Powers, Divine, and Humane')).toBe('pt. 4 ch. 44 ¶ 1');
  });
});
