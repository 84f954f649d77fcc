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

export interface Unplaced {
  line: number;
  message: string;
}
