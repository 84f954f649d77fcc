/* eslint-disable no-control-regex -- U+0001/U+0002 delimit note markers; they never occur in prose */
import type { Format, ImportMeta, Unplaced } from './types';

/**
 * The book tree: what every format reads a book into, and the only thing the importer decides on
 * and writes from.
 *
 *   format reader (gutenberg.ts, html.ts, epub, markdown.ts)  →  BookTree, blocks in reading order
 *   decisions (decide.ts): structure, whose words, notes     →  the same BookTree, decided
 *   writer (write.ts)                                        →  corpus Markdown (format v2)
 *   plan (plan.ts)                                           →  the `--plan` screen
 *
 * A reader fills what its format knows for sure and leaves the rest to the decisions:
 * - `heading` blocks for the format's own headings (HTML `<h1>`–`<h6>`, EPUB headings and nav
 *   targets). Plain text has none: its short lines stay paragraphs with layout hints
 *   (`blanksBefore`, `lineCount`), and the structure decision promotes the ones that are headings.
 * - `paragraph` blocks, text with whitespace collapsed to single spaces. A note marker the format
 *   linked to its note (an HTML `href="#fn1"`, an EPUB noteref) is written `noteMarker(id)`; any other
 *   marker (`[1]`, `*`, `(*)`, `†`, `¹`) stays in the text as printed, for the note decision to pair.
 * - `note` blocks where the note is printed (a chapter's end, a NOTES section, an EPUB `<aside>`),
 *   `linked` when markers point at it by id. Unlinked notes in the running text
 *   (`[Footnote 1: …]`) are cut out of their paragraph by the reader and put after it.
 * - `matter` on any block the format can name (EPUB `epub:type`/landmarks, a Gutenberg header);
 *   a heading's matter covers the blocks under it until the next heading of its level or higher.
 *   Matter never meant as passages may instead go straight to `leftOut` and not be emitted at all.
 * - `contents`: the entries of the book's own contents (the EPUB nav or NCX, in order, with depth).
 *   Entries confirm headings; they never become chapters.
 *
 * Positions: `line` is 1-based in the source file; for a book of several files (EPUB) `file` names
 * the member (the archive path, for messages only — never an output path).
 */

/** Whose words a block is. Absent means the work's author. */
export type MatterRole = 'author' | 'editor' | 'translator' | 'transcriber' | 'publisher';
export const MATTER_ROLES: readonly MatterRole[] = ['author', 'editor', 'translator', 'transcriber', 'publisher'];

/** What a piece of front or back matter is. */
export type MatterKind =
  | 'header' // a distributor's header (Project Gutenberg)
  | 'licence'
  | 'credits' // "Produced by …"
  | 'title page'
  | 'imprint' // imprint, copyright, colophon, uncopyright
  | 'contents'
  | 'illustrations' // a list of illustrations
  | 'advertisement'
  | 'review'
  | 'index'
  | 'dedication'
  | 'epigraph'
  | 'introduction'
  | 'preface'
  | 'foreword'
  | 'glossary'
  | 'notes'
  | 'appendix'
  | 'bibliography'
  | 'transcriber note'
  | 'page number'
  | 'illustration' // one [Illustration: …] or <figure>
  | 'sidenote'
  | 'dateline' // "For the Independent Journal. Wednesday, February 6, 1788." under a paper's heading
  | 'salutation' // "To the People of the State of New York:"
  | 'other';

export interface Matter {
  kind: MatterKind;
  /** Whose words; 'author' for the author's own preface, notes, appendices. */
  role: MatterRole;
  /** Kept: quotable, marked with its role. Left out: listed in the summary with its line range. */
  keep: boolean;
}

/** A division of the book's own structure, and the locator key the corpus writes for it. */
export type DivisionKind = 'volume' | 'book' | 'part' | 'chapter' | 'number' | 'section' | 'epilogue';
export const LOCATOR_KEYS: Readonly<Record<DivisionKind, string>> = {
  volume: 'vol',
  book: 'bk',
  part: 'pt',
  chapter: 'ch',
  number: 'no',
  section: 'sec',
  epilogue: 'ep',
};

export interface Position {
  /** 1-based line in the source file where the block starts. */
  line: number;
  /** Last line of the block, when the reader knows it (for left-out line ranges). */
  endLine?: number;
  /** The member of a many-file book (EPUB) the line counts in. */
  file?: string;
}

export interface TreeHeading extends Position {
  type: 'heading';
  /** As printed, whitespace collapsed, without markers. */
  title: string;
  /** The format's level: 1–6 for `<h1>`–`<h6>`, the nav depth for an EPUB nav target. Absent for plain text. */
  level?: number;
  /** Set by a reader that knows (EPUB nav, an `epub:type="chapter"`), else decided. Absent: a title only. */
  kind?: DivisionKind;
  /** The book's own number in Arabic (CHAPTER XIII → 13, BOOK NINE → 9). */
  n?: number;
  /** A locator for an unnumbered division ("Preface", "Etymology"). */
  loc?: string;
  matter?: Matter;
  /** The author of the division's passages when not the work's (a Federalist paper). */
  author?: string;
  /** True when the book's own contents (nav, NCX, contents list) names this heading. */
  inContents?: boolean;
  /** Decided: the Markdown heading depth, 1 = outermost. */
  depth?: number;
}

export interface TreeParagraph extends Position {
  type: 'paragraph';
  /** The paragraph, whitespace collapsed; linked markers as `noteMarker(id)`. */
  text: string;
  matter?: Matter;
  /** Plain text: blank lines before the paragraph (a heading stands after two or more). */
  blanksBefore?: number;
  /** Plain text: how many source lines the paragraph spans. */
  lineCount?: number;
  /** Plain text: the paragraph's lines were indented or centred (a title, a verse, a letter's close). */
  indented?: boolean;
  /** Plain text: the lines as printed, indentation kept, when they may be a list's entries (short, capitalised). */
  lines?: string[];
  /** HTML: the texts of the in-document links the paragraph holds (a contents entry is made of them). */
  links?: string[];
}

export interface TreeNote extends Position {
  type: 'note';
  /** Unique in the tree. */
  id: string;
  /** The label as printed: "1", "a", "*", "†". */
  label: string;
  text: string;
  /** Whose note, when not the author's ("Translator's note"). */
  role?: MatterRole;
  /** Markers point at the note by id (`noteMarker(id)`); otherwise the note decision pairs by label and position. */
  linked: boolean;
}

export type TreeBlock = TreeHeading | TreeParagraph | TreeNote;

/** Matter left out of the passages, for the summary and the plan. */
export interface LeftOut extends Position {
  kind: MatterKind;
  role?: MatterRole;
  /** The heading or first words, to recognise it by. */
  title?: string;
}

export interface ContentsEntry {
  title: string;
  /** 1 for a top-level entry. */
  depth: number;
}

export interface BookTree {
  format: Format;
  /** What the format says about the book (header, meta tags, OPF); a title page found later fills the gaps. */
  meta: ImportMeta;
  /** Attribution trusted less than the title page (an HTML `<title>`): fills what is still missing. */
  fallbackMeta?: Partial<ImportMeta>;
  /** The book in reading order. After the decisions: headings and paragraphs only, notes in `notes`. */
  blocks: TreeBlock[];
  /** Decided: every note a paragraph points at, by id. */
  notes: Map<string, TreeNote>;
  /** The book's own contents, when the format has one apart from the text (EPUB nav or NCX). */
  contents?: ContentsEntry[];
  leftOut: LeftOut[];
  /** What could not be placed: a failed import lists them all. */
  unplaced: Unplaced[];
  /** The lines of a title page that was left out, to read attribution from. */
  titlePage: string[];
  /** Markdown already in the corpus format is copied as is. */
  markdown?: { text: string; id: string; sourceFile: string };
}

export const NOTE_OPEN = '\u0001';
export const NOTE_CLOSE = '\u0002';
/** A marker linked to note `id`, as it stands in a paragraph's text. */
export const noteMarker = (id: string) => `${NOTE_OPEN}${id}${NOTE_CLOSE}`;
/** Every linked marker in a text; group 1 is the note id. */
export const NOTE_MARKERS = /\u0001([^\u0002]*)\u0002/g;

/** An empty tree for a reader to fill. */
export function emptyTree(format: Format, meta: ImportMeta = { title: '' }): BookTree {
  return { format, meta, blocks: [], notes: new Map(), leftOut: [], unplaced: [], titlePage: [] };
}
