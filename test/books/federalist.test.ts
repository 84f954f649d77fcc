import { describe, expect, it, beforeAll } from 'vitest';
import { describeBook } from './book';
import { importBookFile, passageWith, type ImportedBook } from './imported';

describeBook('The Federalist', {
  files: ['hamilton-madison-jay-federalist.txt', 'hamilton-madison-jay-federalist.htm'],
  count: { key: 'no.', n: 85 },
  sentences: [
    ['AFTER an unequivocal experience of the inefficacy of the subsisting federal government', 'no. 1 ¶ 1'],
    ['The latent causes of faction are thus sown in the nature of man', 'no. 10 ¶ 7'],
    ['If men were angels, no government would be necessary.', 'no. 51 ¶ 4'],
    ['Energy in the Executive is a leading character in the definition of good government.', 'no. 70 ¶ 1'],
    ['the judiciary, from the nature of its functions, will always be the least dangerous', 'no. 78 ¶ 7'],
    ['Ambition must be made to counteract ambition.', 'no. 51 ¶ 4'],
  ],
  notes: { 'hamilton-madison-jay-federalist.txt': 69, 'hamilton-madison-jay-federalist.htm': 69 },
  note: ['Divide et impera', 'Divide and command.'],
  notTheAuthors: ['Project Gutenberg', 'For the Independent Journal', 'To the People of the State of New York:', 'Two versions of this paragraph appear in different editions', 'Divide and command.'],
});

describe('The Federalist: each paper is its author’s', () => {
  let book: ImportedBook;
  beforeAll(() => {
    book = importBookFile('hamilton-madison-jay-federalist.txt');
  });
  it.each([
    ['If men were angels, no government would be necessary.', 'James Madison'],
    ['AFTER an unequivocal experience of the inefficacy', 'Alexander Hamilton'],
    ['Energy in the Executive is a leading character', 'Alexander Hamilton'],
  ])('"%s" is by %s', (sentence, author) => {
    expect(book.work.chapters[passageWith(book, sentence).chapter - 1]?.author).toBe(author);
  });
  it('names an author for every paper', () => {
    expect(book.work.chapters.filter((c) => !c.author).map((c) => c.locator)).toEqual([]);
  });
});
