import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { markerViolations } from '../helpers/markers';
import { passageLocator } from '../../src/answers/library';
import { checkCorpus, type Work } from '../../src/corpus';
import { importBook } from '../../src/import/run';

/** Importing a whole book (War and Peace is 3 MB of EPUB) takes seconds on a loaded machine. */
const IMPORT_BUDGET_MS = 180_000;

/** Imports a real EPUB from test/books into a fresh corpus folder and reads it back as the bot would. */
async function importEpubBook(name: string): Promise<{ work: Work; report: string }> {
  const out = await mkdtemp(path.join(tmpdir(), 'marginalia-epub-book-'));
  const result = await importBook({ file: path.join('test', 'books', `${name}.epub`), out });
  expect(result.report).toMatch(/^Imported /);
  const { corpus, problems } = await checkCorpus(out);
  expect(problems).toEqual([]);
  const work = corpus.works[0];
  if (!work) throw new Error(`no work imported from ${name}`);
  return { work, report: result.report };
}

const locatorOf = (work: Work, sentence: string) => {
  const passage = work.passages.find((p) => p.text.includes(sentence));
  return passage ? passageLocator(work, passage) : `not found: ${sentence}`;
};
const sections = (work: Work) => work.chapters.map((c) => c.locator);
/** The note a passage's marker points at, by the passage's words and the marker's label. */
const noteOn = (work: Work, sentence: string, label: string) => {
  const passage = work.passages.find((p) => p.text.includes(sentence));
  const ref = passage?.footnoteRefs.find((r) => r.label === label);
  return work.footnotes.find((f) => f.key === ref?.key)?.text;
};
/** Words of the e-book's producer, or of the archive's mechanics, that must never be quoted as the author's. */
const NOT_THE_AUTHORS = /Standard Ebooks|Uncopyright|\bImprint\b|\bColophon\b|public domain|↩|\uFFFD/;

describe('The Communist Manifesto (Standard Ebooks EPUB 3)', () => {
  let work: Work;
  beforeAll(async () => {
    ({ work } = await importEpubBook('marx-engels-communist-manifesto'));
  }, IMPORT_BUDGET_MS);

  it('has Engels’ preface, the introduction and four chapters, with ten endnotes', () => {
    expect(sections(work)).toEqual(['Preface', 'Introduction', 'ch. 1', 'ch. 2', 'ch. 3', 'ch. 4']);
    expect(work.footnotes).toHaveLength(10);
    expect(work.meta).toMatchObject({ title: 'The Communist Manifesto', author: 'Karl Marx and Friedrich Engels', translator: 'Samuel Moore' });
  });

  it.each([
    ['The Manifesto was published as the platform of the “Communist League,”', 'Preface ¶ 1'],
    ['A specter is haunting Europe', 'Introduction ¶ 1'],
    ['is the history of class struggles.', 'ch. 1 ¶ 1'],
    ['In what relation do the Communists stand to the proletarians as a whole?', 'ch. 2 ¶ 1'],
    ['The proletarians have nothing to lose but their chains.', 'ch. 4 ¶ 11'],
    ['Workingmen of all countries unite!', 'ch. 4 ¶ 12'],
  ])('cites “%s” as %s', (sentence, locator) => {
    expect(locatorOf(work, sentence)).toBe(locator);
  });

  it('hangs Engels’ note on the sentence that calls for it, backlink stripped', () => {
    expect(noteOn(work, 'The history of all hitherto existing society', '4')).toMatch(/^That is, all written history\..*2nd edition, Stuttgart, 1886\.$/);
  });

  it('quotes nothing from the title page, imprint, colophon or uncopyright', () => {
    expect(work.passages.filter((p) => NOT_THE_AUTHORS.test(p.text)).map((p) => p.text)).toEqual([]);
  });

  it('shows every note marker with five words or more around it, verbatim', () => {
    expect(markerViolations(work)).toEqual([]);
  });
});

describe('War and Peace (Standard Ebooks EPUB 3)', () => {
  let work: Work;
  beforeAll(async () => {
    ({ work } = await importEpubBook('tolstoy-war-and-peace'));
  }, IMPORT_BUDGET_MS);

  it('has four books in fifteen parts, two epilogues and 364 chapters, with 137 endnotes', () => {
    const all = sections(work);
    expect(all.filter((l) => /^bk\. \d+$/.test(l))).toEqual(['bk. 1', 'bk. 2', 'bk. 3', 'bk. 4']);
    expect(all.filter((l) => /pt\. \d+$/.test(l))).toHaveLength(15);
    expect(all.filter((l) => /^ep\. \d+$/.test(l))).toEqual(['ep. 1', 'ep. 2']);
    expect(all.filter((l) => /ch\. \d+$/.test(l))).toHaveLength(364);
    expect(work.footnotes).toHaveLength(137);
  });

  it.each([
    ['so Genoa and Lucca are now just family estates of the Buonapartes', 'bk. 1 pt. 1 ch. 1 ¶ 1'],
    ['Anna Pávlovna’s drawing room was gradually filling.', 'bk. 1 pt. 1 ch. 2 ¶ 1'],
    ['From the close of the year 1811 an intensified arming', 'bk. 3 pt. 1 ch. 1 ¶ 1'],
    ['Seven years had passed.', 'ep. 1 ch. 1 ¶ 1'],
    ['History is the life of nations and of humanity.', 'ep. 2 ch. 1 ¶ 1'],
    ['and to recognize a dependence of which we are not conscious.', 'ep. 2 ch. 12 ¶ 13'],
  ])('cites “%s” as %s', (sentence, locator) => {
    expect(locatorOf(work, sentence)).toBe(locator);
  });

  it('hangs the translation of Anna Pávlovna’s French on her words', () => {
    expect(noteOn(work, 'Anna Pávlovna’s drawing room was gradually filling.', '1')).toBe('The most fascinating woman in Petersburg.');
  });

  it('marks the editors’ list of characters as theirs, and quotes nothing of the e-book’s own', () => {
    expect(work.chapters.find((c) => c.titles.includes('Dramatis Personae'))?.role).toBe('editor');
    expect(work.passages.filter((p) => NOT_THE_AUTHORS.test(p.text)).map((p) => p.text)).toEqual([]);
  });
  it('shows every note marker with five words or more around it, verbatim', () => {
    expect(markerViolations(work)).toEqual([]);
  });
});

describe('A Vindication of the Rights of Woman (Standard Ebooks EPUB 3)', () => {
  let work: Work;
  beforeAll(async () => {
    ({ work } = await importEpubBook('wollstonecraft-vindication'));
  }, IMPORT_BUDGET_MS);

  it('has the dedication, the introduction and thirteen chapters, with 37 notes', () => {
    expect(sections(work)).toEqual(['Dedication', 'Introduction', ...Array.from({ length: 13 }, (_, i) => `ch. ${i + 1}`)]);
    expect(work.footnotes).toHaveLength(37);
    expect(work.meta).toMatchObject({ title: 'A Vindication of the Rights of Woman', author: 'Mary Wollstonecraft' });
  });

  it.each([
    ['Having read with great pleasure a pamphlet', 'Dedication ¶ 2'],
    ['After considering the historic page', 'Introduction ¶ 1'],
    ['In the present state of society, it appears necessary to go back to first principles', 'ch. 1 ¶ 2'],
    ['That man by struggling with them might attain a degree of knowledge denied to the brutes: whispers Experience.', 'ch. 1 ¶ 5'],
    ['These are bitter calumnies, yet they reached one of the best of men,', 'ch. 1 ¶ 22'],
    ['Let woman share the rights', 'ch. 13 ¶ 86'],
  ])('cites “%s” as %s', (sentence, locator) => {
    expect(locatorOf(work, sentence)).toBe(locator);
  });

  it('places her footnotes, printed as endnotes, by their references', () => {
    expect(noteOn(work, 'yet they reached one of the best of men,', '2')).toBe('Dr. Price.');
    expect(work.passages.filter((p) => NOT_THE_AUTHORS.test(p.text)).map((p) => p.text)).toEqual([]);
  });
  it('shows every note marker with five words or more around it, verbatim', () => {
    expect(markerViolations(work)).toEqual([]);
  });
});
