import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { markerViolations } from '../helpers/markers';
import type { Passage } from '../../src/corpus/types';
import { firstLocator, headingPassages, importBookFile, locate, machineryQuoted, notesOn, passageWith, roleOf, sectionsOf, type ImportedBook } from './imported';

/**
 * What is never a passage: markup the reader let through (`<i>`, `&amp;`), a printed page number
 * (`[p. 12]`, `{12}`, `[Pg 12]`), a contents or notes title standing alone, an ornament (`* * *`), the printer's "THE END.".
 */
const STRAY =
  /<\/?[a-z][a-z0-9]*(?:\s[^<>]*)?\/?>|&(?:amp|lt|gt|quot|apos|nbsp|[lr][sd]quo|[mn]dash|hellip|#\d+|#x[\da-f]+);|\[(?:p|pg|page)\.?\s*\d+\]|\{\d+\}|^(?:foot)?notes?[.:]?$|^(?:table\s+of\s+)?contents[.:]?$|^(?:the\s+end|finis)\.?$|^[^\p{L}\p{N}]*$/iu;
/** A section of notes: what it holds are notes, or someone else's words, never the author's passages. */
const NOTES_TITLE = /^(?:the\s+)?(?:foot)?notes\b/i;

export interface BookFacts {
  /** The book's files, one per format; the first is the reference for the others' structure. */
  files: string[];
  /** Sections a reader counts (chapters, papers), by the locator key of the innermost division. */
  count: { key: string; n: number };
  /** Sentences a reader can find in the book, and the locator each must get in every format. */
  sentences: [string, string][];
  /** Sentences as the file writes them (quotes and all), and the locator of the first passage holding each. */
  asWritten?: [string, string][];
  /** Notes found, per file (formats may print a different set). */
  notes: Record<string, number>;
  /** A sentence and a words of the note attached to it. */
  note?: [string, string];
  /** Words that must never be quoted as the author's (licence, transcriber, contents, editors). */
  notTheAuthors: string[];
  /** Sentences kept, but as someone else's words. */
  kept?: [string, string][];
  /** An e-book: no passage, whoever's words, holds its producer's or its archive's words (`EBOOK_MACHINERY`). */
  ebook?: boolean;
  /**
   * Why the formats print different outer divisions (a part one edition has no heading for): then
   * only their sections' innermost locators must agree.
   */
  outerDivisionsDiffer?: string;
}

/** A file's import, shared by every test of its book: read it inside a test, once `beforeAll` has imported it. */
export type ImportOf = (file: string) => ImportedBook;

/**
 * The regression facts of one book, asserted for each of its formats; each file is imported once per
 * run, and `more` adds the book's own tests on the same imports.
 */
export function describeBook(name: string, facts: BookFacts, more?: (book: ImportOf) => void): void {
  describe(name, () => {
    const books = new Map<string, ImportedBook>();
    beforeAll(() => {
      for (const file of facts.files) books.set(file, importBookFile(file));
    });
    const get = (file: string) => books.get(file) as ImportedBook;

    describe.each(facts.files)('%s', (file) => {
      it('is written so that the corpus parses it and every passage and note is proven against the source', () => {
        expect(get(file).tree.unplaced).toEqual([]);
        expect(get(file).problems).toEqual([]);
      });

      it(`has ${facts.count.n} sections located "${facts.count.key} n"`, () => {
        expect(sectionsOf(get(file), facts.count.key)).toHaveLength(facts.count.n);
      });

      it.each(facts.sentences)('cites "%s" as %s', (sentence, locator) => {
        expect(locate(get(file), sentence)).toBe(locator);
      });

      if (facts.asWritten) {
        it.each(facts.asWritten)('cites "%s", as written, as %s', (sentence, locator) => {
          expect(firstLocator(get(file), sentence)).toBe(locator);
        });
      }

      it('finds the notes the book prints, each hanging on its sentence', () => {
        expect(get(file).work.footnotes).toHaveLength(facts.notes[file] ?? 0);
        if (facts.note) expect(notesOn(get(file), facts.note[0]).map((n) => n.text).join(' | ')).toContain(facts.note[1]);
      });

      it('shows every note marker in /footnote with five words or more around it, verbatim', () => {
        expect(markerViolations(get(file).work)).toEqual([]);
      });

      it('holds no U+FFFD, and quotes no licence, transcriber, contents or editor as the author', () => {
        const book = get(file);
        expect(book.work.passages.filter((p) => p.text.includes('\uFFFD')).map((p) => p.line)).toEqual([]);
        const authors = book.work.passages.filter((p) => roleOf(book, p) === 'author').map((p) => p.text);
        for (const words of facts.notTheAuthors) expect(authors.filter((t) => t.includes(words)), words).toEqual([]);
        for (const [sentence, role] of facts.kept ?? []) expect(roleOf(book, passageWith(book, sentence))).toBe(role);
        if (facts.ebook) expect(machineryQuoted(book)).toEqual([]);
      });

      it('quotes no markup, page number, contents or notes title, and no notes section as the author', () => {
        const book = get(file);
        expect(book.work.passages.filter((p) => STRAY.test(p.text)).map((p) => p.text.slice(0, 60))).toEqual([]);
        const section = (p: Passage) => book.work.chapters[p.chapter - 1]?.title ?? '';
        const notesSection = book.work.passages.filter((p) => NOTES_TITLE.test(section(p)) && roleOf(book, p) === 'author');
        expect(notesSection.map((p) => `${section(p)}: ${p.text.slice(0, 50)}`)).toEqual([]);
      });

      it('quotes no heading as a passage: no title of a section or sub-heading, nor a line written as the book writes them', () => {
        expect(headingPassages(get(file)).map((p) => `${p.line}: ${p.text}`)).toEqual([]);
      });

      it('plans the import as the snapshot under review', async () => {
        await expect(get(file).plan).toMatchFileSnapshot(path.join('__plans__', `${file}.plan`));
      });
    });

    if (facts.files.length > 1) {
      it('reads the same structure from every format', () => {
        const innermost = (locator: string) => (facts.outerDivisionsDiffer ? locator.split(' ').slice(-2).join(' ') : locator);
        const structure = (book: ImportedBook) => sectionsOf(book, facts.count.key).map((c) => innermost(c.locator));
        const [first, ...others] = facts.files.map((f) => structure(get(f)));
        for (const other of others) expect(other).toEqual(first);
      });
    }

    more?.(get);
  });
}
