/** The attribution an importer can read from a book; `id` and `source_file` are chosen by the writer. */
export interface ImportMeta {
  title: string;
  /** For headings and footers (front matter `short_title`); absent when the title is short already. */
  shortTitle?: string;
  author?: string;
  translator?: string;
  date?: string;
  source?: string;
  license?: string;
  url?: string;
}

export type Format = 'gutenberg' | 'html' | 'markdown' | 'epub';

export interface ImportedNote {
  label: string;
  text: string;
  /** Line of the note in the source file, 1-based. */
  line: number;
}

export type ImportedBlock =
  | { kind: 'part' | 'chapter' | 'subheading'; title: string; line: number }
  /** `text` is the paragraph reflowed to one line, markers written `[^label]`; its notes follow it. */
  | { kind: 'paragraph'; text: string; line: number; notes: ImportedNote[] };

export interface Unplaced {
  line: number;
  message: string;
}

/** Something deliberately left out of the passages: title page, contents, illustrations, page numbers. */
export interface Skipped {
  line: number;
  what: string;
}

export interface ImportedWork {
  format: Format;
  meta: ImportMeta;
  blocks: ImportedBlock[];
  unplaced: Unplaced[];
  skipped: Skipped[];
  /** Markdown already in corpus format is copied as is. */
  markdown?: { text: string; id: string; sourceFile: string };
}
