import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { passageLocator } from '../../src/answers/library';
import { parseWork, type Passage, type Work } from '../../src/corpus';
import { sourceDocumentText, verifyAgainstSource } from '../../src/corpus/sources';
import { importBytes, planText, writeMarkdown, type BookTree } from '../../src/import';
import { markerViolations } from '../helpers/markers';

/**
 * The books issue 7 names that the regression set does not hold, as small fixtures written in the
 * style of their Project Gutenberg editions: Walden (plain chapter titles a contents list names;
 * an HTML page declaring iso-8859-1), Common Sense (a raw <title>, reviews and transcriber's notes
 * after the text) and Ten Days That Shook the World (a note referenced twice; a note after a
 * closing quote).
 */
const FIXTURES = path.join('test', 'fixtures', 'import');

interface Imported {
  tree: BookTree;
  work: Work;
  plan: string;
}

function imported(file: string): Imported {
  const bytes = readFileSync(path.join(FIXTURES, file));
  const tree = importBytes(file, bytes);
  expect(tree.unplaced).toEqual([]);
  const { work, problems } = parseWork(writeMarkdown(tree, 'book', file), 'book.md');
  if (!work) throw new Error(JSON.stringify(problems));
  expect([...problems, ...verifyAgainstSource(work, sourceDocumentText(file, bytes))]).toEqual([]);
  return { tree, work, plan: planText(tree, file) };
}

const passageWith = (work: Work, words: string): Passage => {
  const found = work.passages.filter((p) => p.text.includes(words));
  if (found.length !== 1) throw new Error(`${found.length} passages hold "${words}"`);
  return found[0] as Passage;
};
const locate = (work: Work, words: string) => passageLocator(work, passageWith(work, words));
const whose = (work: Work, p: Passage) => p.role ?? work.chapters[p.chapter - 1]?.role ?? 'author';

describe('Walden', () => {
  const books = ['walden.txt', 'walden.htm'].map(imported);

  it.each([0, 1])('reads its plain chapter titles, which the contents names, as chapters in order, "Conclusion" last (%#)', (k) => {
    const { work } = books[k] as Imported;
    expect(work.chapters.map((c) => [c.locator, c.title])).toEqual([
      ['ch. 1', 'Economy'],
      ['ch. 2', 'Where I Lived, and What I Lived For'],
      ['ch. 3', 'Reading'],
      ['ch. 4', 'Sounds'],
      ['ch. 5', 'Conclusion'],
    ]);
    expect(locate(work, 'The mass of men lead lives of quiet desperation')).toBe('ch. 1 ¶ 2');
    expect(locate(work, 'I went to the woods because I wished to live deliberately')).toBe('ch. 2 ¶ 2');
    expect(locate(work, 'he hears a different drummer')).toBe('ch. 5 ¶ 2');
    // The contents list is no passage.
    expect(work.passages.filter((p) => p.text.includes('Where I Lived'))).toEqual([]);
    expect(work.meta).toMatchObject({ title: 'Walden', author: 'Henry David Thoreau' });
  });

  it('reads the HTML page in the iso-8859-1 it declares', () => {
    const { work } = books[1] as Imported;
    expect(passageWith(work, 'the fashionable soir').text).toContain('the fashionable soirées do not require it.');
    expect(work.passages.filter((p) => p.text.includes('\uFFFD'))).toEqual([]);
  });
});

describe('Common Sense', () => {
  const { tree, work, plan } = imported('common-sense.htm');

  it('takes its title from the book, not from a raw <title> naming the e-text, and its author and source from the header', () => {
    expect(work.meta).toMatchObject({ title: 'Common Sense', author: 'Thomas Paine', source: 'Project Gutenberg EBook #147' });
  });

  it('reads the introduction and the three chapters the contents names', () => {
    expect(work.chapters.map((c) => c.locator)).toEqual(['Introduction', 'ch. 1', 'ch. 2', 'ch. 3']);
    expect(locate(work, 'The cause of America is in a great measure the cause of all mankind')).toBe('Introduction ¶ 2');
    expect(locate(work, 'Society in every state is a blessing')).toBe('ch. 1 ¶ 2');
    expect(locate(work, 'The sun never shined on a cause of greater worth')).toBe('ch. 3 ¶ 2');
  });

  it('quotes none of the back matter as Paine: the reviews and the transcriber’s notes are left out and listed', () => {
    const authors = work.passages.filter((p) => whose(work, p) === 'author').map((p) => p.text);
    for (const words of ['Nicholas Cresswell', 'Thomas Jefferson', 'No writer has exceeded Paine', 'The page numbers of this version of the book were my invention']) {
      expect(authors.filter((t) => t.includes(words)), words).toEqual([]);
    }
    expect(tree.leftOut.map((l) => l.kind)).toEqual(expect.arrayContaining(['review', 'transcriber note']));
    expect(plan).toMatch(/review: \d+–\d+ "REVIEWS"/);
    expect(plan).toMatch(/transcriber note: \d+–\d+ "TRANSCRIBER'S NOTES"/);
  });
});

describe('Ten Days That Shook the World', () => {
  const { work } = imported('ten-days.txt');

  it('reads a note referenced twice as one note, both markers pointing at it', () => {
    const first = passageWith(work, 'and the Petrograd Soviet[2] spoke');
    const second = passageWith(work, 'the Petrograd Soviet[2] must take');
    expect(first.footnoteRefs.map((r) => r.key)).toEqual(second.footnoteRefs.map((r) => r.key));
    expect(work.footnotes.filter((f) => f.label === '2').map((f) => f.text)).toEqual(["The Soviet of Workers' and Soldiers' Deputies of Petrograd."]);
    expect(locate(work, 'the Petrograd Soviet[2] must take')).toBe('ch. 1 ¶ 3');
  });

  it('hangs note 15, set after a closing quote, on the words before it, and /footnote shows them', () => {
    const shouted = passageWith(work, '_Opritchniki!_”[15]'.replace('”', '"'));
    expect(shouted.footnoteRefs.map((r) => r.label)).toEqual(['15']);
    expect(work.footnotes.find((f) => f.label === '15')?.text).toBe('The _Opritchniki_ were the bodyguard of Ivan the Terrible.');
    expect(markerViolations(work)).toEqual([]);
  });

  it('keeps the preface the author signs as his own words', () => {
    expect(whose(work, passageWith(work, 'This book is a slice of intensified history'))).toBe('author');
    expect(locate(work, 'This book is a slice of intensified history')).toBe('Preface ¶ 1');
  });
});
