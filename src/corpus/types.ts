/** Whose words a passage or note is: the author's unless a heading or note says otherwise. */
export const MATTER_ROLES = ['author', 'editor', 'translator', 'transcriber', 'publisher'] as const;
export type MatterRole = (typeof MATTER_ROLES)[number];

/** Attribution as written in a work's front matter. Only `id` and `title` are required. */
export interface WorkMeta {
  id: string;
  title: string;
  /** The title as headings and footers show it; the full `title` stays in /works. */
  shortTitle?: string;
  /** Whose words the work's footnotes are, unless a note says otherwise (the author's by default). */
  notesRole?: MatterRole;
  author?: string;
  date?: string;
  translator?: string;
  source?: string;
  license?: string;
  url?: string;
  recipient?: string;
  /** The received document under corpus/sources/ that every passage is proven against. */
  sourceFile: string;
}

/**
 * A section of a work: the span a locating heading opens (`## CHAPTER III {ch=3}`), or in a work
 * without heading attributes a `##` chapter. Passages are numbered ¶ 1, ¶ 2 … within their section.
 */
export interface Chapter {
  /** 1-based ordinal of the section in its work. */
  n: number;
  /** The innermost heading's title. */
  title: string;
  /** The heading titles from the outermost to the innermost. */
  titles: string[];
  /** "bk. 9 ch. 3", "no. 51", "ch. 3" (a `##` chapter in a work without attributes), or "" for none. */
  locator: string;
  /** The `#` heading (book, part, volume) the chapter sits under, if any. */
  part?: string;
  /** Whose words the section is, when not the author's (an editor's introduction). */
  role?: MatterRole;
  /** The section's own author where it differs from the work's (a Federalist paper). */
  author?: string;
}

export interface Footnote {
  workId: string;
  /** Unique within the work: `${chapter}:${label}`, or `${chapter}:${label}:${k}` for the k-th note of a label a chapter reuses. */
  key: string;
  /** The author's own number or letter, as the text shows it. */
  label: string;
  /** 0 when the work has no chapters or the note is defined before the first. */
  chapter: number;
  /** 1, or k for the k-th note of a label its chapter uses again (Tocqueville runs a–z twice in a chapter). */
  occurrence: number;
  text: string;
  line: number;
  /** Whose words the note is, when not the author's (a translator's note). */
  role?: MatterRole;
}

export interface FootnoteRef {
  label: string;
  key: string;
  /** Offset of the marker `[label]` in the passage text. */
  start: number;
  end: number;
}

export interface Passage {
  /** Global position in the corpus; stable for one corpus, used as the index id. */
  index: number;
  workId: string;
  /** 0 when the work has no chapters. */
  chapter: number;
  /** Paragraph number within its chapter (or work), 1-based: the ¶ locator. */
  n: number;
  /** Position within its work, 0-based. */
  seq: number;
  /** The passage exactly as written, with footnote markers shown as `[label]`. */
  text: string;
  footnoteRefs: FootnoteRef[];
  line: number;
  /** Whose words the passage is, when not the author's. */
  role?: MatterRole;
  /** The passage's author where a heading names one other than the work's. */
  author?: string;
  /**
   * The titles of the headings inside its section the passage stands under, innermost last, joined
   * by " — " ("Tyranny Of The Majority"): sub-headings that keep the section's locator.
   */
  subheading?: string;
}

export interface Work {
  meta: WorkMeta;
  file: string;
  /** A hash of the work's file as read: what its part of the index cache is keyed on. */
  fingerprint: string;
  chapters: Chapter[];
  passages: Passage[];
  footnotes: Footnote[];
}

export interface PersonAliases {
  name: string;
  aliases: string[];
}

export interface Corpus {
  /** A hash of every file the corpus was read from: what the index cache is keyed on. */
  fingerprint: string;
  works: Work[];
  passages: Passage[];
  people: PersonAliases[];
  /**
   * One key per work proven against its source: a hash of the work's file and its source's bytes.
   * A later start that finds the same key need not prove that work again.
   */
  proofs: string[];
}

export interface Problem {
  file: string;
  line: number;
  message: string;
}
