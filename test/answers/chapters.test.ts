import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createLibrary, footnote, footnoteChoices, type Answer, type Library } from '../../src/answers';
import { loadCorpus } from '../../src/corpus';

/**
 * A book whose notes are lettered afresh in each chapter, as Tocqueville's are, and whose second
 * chapter runs through its letters twice.
 */
const SOURCE = `CHAPTER I
The river rises in the hills.*a It runs south.*b

a The Red River.
b Darby, View of the United States.

CHAPTER II
The townships govern themselves.*a
Their officers are elected.*a

a See Appendix, A.
a See Appendix, B.
`;

const BOOK = `---
id: book
title: A Lettered Book
source_file: book.txt
---

## CHAPTER I

The river rises in the hills.[^a] It runs south.[^b]

[^a]: The Red River.

[^b]: Darby, View of the United States.

## CHAPTER II

The townships govern themselves.[^a]

[^a]: See Appendix, A.

Their officers are elected.[^a]

[^a]: See Appendix, B.
`;

let library: Library;
beforeAll(async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'marginalia-chapters-'));
  await mkdir(path.join(dir, 'sources'));
  await writeFile(path.join(dir, 'sources', 'book.txt'), SOURCE);
  await writeFile(path.join(dir, 'book.md'), BOOK);
  library = createLibrary(await loadCorpus(dir));
});

const message = (answer: Answer) => (answer.kind === 'notice' ? answer.message : `a ${answer.kind} answer`);
const noteText = (answer: Answer) => (answer.kind === 'footnote' ? `${answer.footnote.locator}: ${answer.footnote.text}` : message(answer));

describe('footnotes numbered afresh in each chapter', () => {
  it.each([
    ['a chapter:1', 'ch. 1 n. a: The Red River.'],
    ['ch. 1 n. b', 'n. b: Darby, View of the United States.'], // b is unique in the book, so needs no chapter
    ['b', 'n. b: Darby, View of the United States.'],
    ['ch. 2 n. a (1st)', 'ch. 2 n. a (1st): See Appendix, A.'],
    ['ch. 2 n. a (2nd)', 'ch. 2 n. a (2nd): See Appendix, B.'],
    ['a 2nd chapter:2', 'ch. 2 n. a (2nd): See Appendix, B.'],
  ])('/footnote %s answers %s', (input, expected) => {
    const [number = '', chapter] = input.split(' chapter:');
    expect(noteText(footnote(library, { number, ...(chapter ? { chapter: Number(chapter) } : {}) }))).toBe(expected);
  });

  it.each([
    ['a', undefined, 'A Lettered Book has a footnote a in chapters 1, 2. Add chapter: to choose, for example /footnote a chapter:1.'],
    ['a', 2, 'Chapter 2 of A Lettered Book has 2 footnotes marked a. Choose one: /footnote ch. 2 n. a (1st), /footnote ch. 2 n. a (2nd).'],
    ['a (3rd)', 2, '“a (3rd)” is not a footnote in chapter 2. A Lettered Book numbers its footnotes afresh in each chapter (a, b).'],
    ['a', 3, 'There is no chapter 3. A Lettered Book has chapters 1–2.'],
  ])('/footnote %s chapter:%s asks the reader to choose: %s', (number, chapter, expected) => {
    expect(message(footnote(library, { number, ...(chapter ? { chapter } : {}) }))).toBe(expected);
  });

  it('offers each note once in autocomplete, with a value that answers it', () => {
    const choices = footnoteChoices(library, '');
    expect(choices.map((c) => c.value)).toEqual(['ch. 1 n. a', 'b', 'ch. 2 n. a (1st)', 'ch. 2 n. a (2nd)']);
    expect(choices[3]?.name).toBe('ch. 2 n. a (2nd) — See Appendix, B.');
    for (const choice of choices) expect(footnote(library, { number: choice.value }).kind).toBe('footnote');
  });
});
