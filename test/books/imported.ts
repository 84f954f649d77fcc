import { readFileSync } from 'node:fs';
import path from 'node:path';
import { passageLocator } from '../../src/answers/library';
import { parseWork } from '../../src/corpus/parse';
import { sourceDocumentText, verifyAgainstSource } from '../../src/corpus/sources';
import type { Footnote, Passage, Problem, Work } from '../../src/corpus/types';
import { importBytes, planText, writeMarkdown, type BookTree } from '../../src/import';

/** The real books under test/books/, copied from the public-domain corpora the team collected. */
const BOOKS = path.join('test', 'books');

export interface ImportedBook {
  file: string;
  tree: BookTree;
  work: Work;
  /** What the corpus's own parser and proof against the source say about the written file. */
  problems: Problem[];
  plan: string;
}

/** Imports one book file as `npm run import` would, then parses and proves what it would write. */
export function importBookFile(file: string): ImportedBook {
  const bytes = readFileSync(path.join(BOOKS, file));
  const tree = importBytes(file, bytes);
  const markdown = writeMarkdown(tree, 'book', file);
  const parsed = parseWork(markdown, 'book.md');
  if (!parsed.work) throw new Error(`${file}: ${parsed.problems.map((p) => `${p.line}: ${p.message}`).join('; ')}`);
  const problems = [...parsed.problems, ...verifyAgainstSource(parsed.work, sourceDocumentText(file, bytes))];
  return { file, tree, work: parsed.work, problems, plan: planText(tree, file) };
}

const normal = (text: string) => text.replace(/\s+/g, ' ').replace(/[’‘]/g, "'").replace(/[“”]/g, '"').trim();

/** The one passage holding `sentence` (quotes and whitespace as typed). */
export function passageWith(book: ImportedBook, sentence: string): Passage {
  const wanted = normal(sentence);
  const found = book.work.passages.filter((p) => normal(p.text).includes(wanted));
  if (found.length !== 1) throw new Error(`${book.file}: ${found.length} passages hold "${sentence}"`);
  return found[0] as Passage;
}

export const locate = (book: ImportedBook, sentence: string) => passageLocator(book.work, passageWith(book, sentence));

/** The notes the passage holding `sentence` points at. */
export function notesOn(book: ImportedBook, sentence: string): Footnote[] {
  const passage = passageWith(book, sentence);
  return passage.footnoteRefs.map((r) => book.work.footnotes.find((f) => f.key === r.key)).filter((f): f is Footnote => f !== undefined);
}

/** Whose words a passage is: its own role, its section's, or the author's. */
export function roleOf(book: ImportedBook, passage: Passage): string {
  return passage.role ?? book.work.chapters[passage.chapter - 1]?.role ?? 'author';
}

/** The sections whose own locator ends in the given key ("ch.", "no.", "bk."). */
export const sectionsOf = (book: ImportedBook, key: string) => book.work.chapters.filter((c) => new RegExp(`(?:^| )${key.replace('.', '\\.')} \\d+$`).test(c.locator));


const key = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
/** "Tyranny Of The Majority": three words or more, every one capitalised, no digit, nothing that ends a sentence or a clause. */
const everyWordCapitalised = (text: string) => {
  const words = text.split(/\s+/).filter((w) => /\p{L}/u.test(w));
  return words.length >= 3 && !/\d/.test(text) && !/[.!?,;:"”’)\]…—-]$/.test(text) && words.every((w) => /^[^\p{L}]*\p{Lu}/u.test(w));
};

/**
 * The passages that are headings: a short line that is a section's or a sub-heading's title, a bare
 * "CHAPTER XIII.", or, in a book whose headings capitalise every word, a line written the same way.
 */
export function headingPassages(book: ImportedBook): Passage[] {
  const subheadings = [...new Set(book.work.passages.flatMap((p) => p.subheading?.split(' — ') ?? []))];
  const titles = new Set([...book.work.chapters.flatMap((c) => c.titles), ...subheadings].map(key));
  const pattern = [...book.work.chapters.map((c) => c.title), ...subheadings].filter(everyWordCapitalised).length >= 3;
  return book.work.passages.filter((p) => {
    const text = p.text.replace(/\s*\[[^\]\s]{1,6}\]$/, '').trim();
    if (text.length > 100 || (text.match(/\p{L}/gu)?.length ?? 0) < 4) return false;
    return titles.has(key(text)) || /^(?:chapter|book|part|section)\s+(?:[ivxlc]+|\d+)\.?$/i.test(text) || (pattern && everyWordCapitalised(text));
  });
}

/** Every section's locator, in order. */
export const sectionLocators = (book: ImportedBook) => book.work.chapters.map((c) => c.locator);

/** The locator of the first passage holding `sentence` as written (quotes and all). */
export function firstLocator(book: ImportedBook, sentence: string): string {
  const passage = book.work.passages.find((p) => p.text.includes(sentence));
  return passage ? passageLocator(book.work, passage) : `not found: ${sentence}`;
}

/** The note a passage's marker points at, by the passage's words and the marker's label. */
export function noteByLabel(book: ImportedBook, sentence: string, label: string): string | undefined {
  const passage = book.work.passages.find((p) => p.text.includes(sentence));
  const ref = passage?.footnoteRefs.find((r) => r.label === label);
  return book.work.footnotes.find((f) => f.key === ref?.key)?.text;
}

/** Words of an e-book's producer, or of the archive's mechanics, that no passage may hold, whoever's words it is. */
export const EBOOK_MACHINERY = /Standard Ebooks|Uncopyright|\bImprint\b|\bColophon\b|public domain|↩|\uFFFD/;

/** The passages holding words of the e-book's producer or of the archive's mechanics. */
export const machineryQuoted = (book: ImportedBook) => book.work.passages.filter((p) => EBOOK_MACHINERY.test(p.text)).map((p) => p.text);
