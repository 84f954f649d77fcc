/** Structured answers: what the bot says, with no Discord types. The renderer turns them into messages. */

export interface Span {
  start: number;
  end: number;
}

import type { MatterRole } from '../corpus';

export interface Attribution {
  workId: string;
  title: string;
  /** The title as headings and footers show it, where the work gives one. */
  shortTitle?: string;
  /** The passage's author: the work's, or its section's own (a Federalist paper). */
  author?: string;
  date?: string;
  /** "¶ 4", "ch. 3 ¶ 12", or "bk. 9 ch. 3 ¶ 4" in the work's own structure. */
  locator: string;
  /** The title of the section the passage sits in. */
  section?: string;
  /** The sub-headings inside that section the passage stands under ("Tyranny Of The Majority"). */
  subheading?: string;
  /** Whose words these are when they are not the author's: the renderer must say so, never credit the author. */
  role?: MatterRole;
  translator?: string;
  source?: string;
  license?: string;
  url?: string;
}

export interface FootnoteView {
  workId: string;
  key: string;
  label: string;
  chapter: number;
  /** "n. 3", or "ch. 2 n. 3" where the work's note numbers restart per chapter. */
  locator: string;
  /** The note exactly as written. */
  text: string;
  /** Whose note it is when not the author's (a translator's note). */
  role?: MatterRole;
}

/** A passage to be quoted verbatim; the renderer may excerpt it, never reword it. */
export interface Quotation {
  workId: string;
  seq: number;
  /** The whole passage, exactly as written. */
  text: string;
  highlights: Span[];
  /** What the excerpt must keep in view: a name, a marker's sentence, the first match. */
  focus?: Span;
  /** Show only the focus (e.g. the sentence that carries a footnote marker). */
  focusOnly?: boolean;
  footnotes: FootnoteView[];
  attribution: Attribution;
}

export interface Paging {
  /** 0-based position of this result among all results. */
  index: number;
  /** How many results (or pages) can be paged through: at most the best MAX_MATCHES. */
  total: number;
  /** How many passages match in all, of which the best are paged through. */
  matches?: number;
}

/** What a reading mark kept out of a reply: counted, never shown. */
export interface HeldBack {
  /** Later passages that would have matched. */
  count: number;
  /** "the group has read through ch. 12". */
  marks: string;
}

export interface QuoteAnswer {
  kind: 'quote';
  query?: string;
  workId?: string;
  quotation: Quotation;
  paging?: Paging;
  private: boolean;
  heldBack?: HeldBack;
  /**
   * Where the quotation goes: `find` answers "Find in the texts" privately with a Post button,
   * `shared` is what Post posts, `daily` the passage of the day. Absent: a /quote reply.
   */
  mode?: 'find' | 'shared' | 'daily';
  /** For `find`: whether the message quotes the passage verbatim or only matches it best. */
  found?: 'quoted' | 'matched';
}

export interface SearchAnswer {
  kind: 'search';
  query: string;
  workId?: string;
  results: Quotation[];
  paging: Paging;
  pageSize: number;
  heldBack?: HeldBack;
}

/** A work's metadata naming someone: "Mitch Abidor" translated "Letter to Leon Trotsky". */
export interface Credit {
  role: 'author' | 'translator';
  /** The credit exactly as the metadata writes it ("Louise and Aylmer Maude"). */
  name: string;
  workId: string;
  title: string;
  /** The sections credited to them, where the work credits its sections one by one ("no. 51"). */
  sections?: string[];
}

export interface WhoAnswer {
  kind: 'who';
  query: string;
  name: string;
  /** False when the query was misspelt (one typo, near-certain) and this is the closest name. */
  exact: boolean;
  aliases: string[];
  glosses: { footnote: FootnoteView; attribution: Attribution }[];
  /** Passages and notes that mention the name, the form the reader typed first. */
  mentions: Quotation[];
  mentionCount: number;
  passageCount: number;
  /** Footnotes (other than glosses) that mention the name. */
  noteCount?: number;
  /** Each work that mentions the name, most mentions first. */
  works?: { workId: string; title: string; mentions: number }[];
  credits?: Credit[];
  heldBack?: HeldBack;
}

export interface FootnoteAnswer {
  kind: 'footnote';
  footnote: FootnoteView;
  /** The passage carrying the marker, focused on the marker's sentence. */
  anchor: Quotation;
}

export interface ContextAnswer {
  kind: 'context';
  passages: Quotation[];
  /** Position of the asked-for passage within `passages`. */
  centre: number;
}

export interface WorkSummary {
  attribution: Omit<Attribution, 'locator'>;
  recipient?: string;
  passages: number;
  footnotes: number;
  chapters: number;
  /** In a server: how far its group has read ("read through ch. 12"). */
  reading?: string;
  /** In a server: whether it reads this work. */
  inLibrary?: boolean;
}

export interface WorksAnswer {
  kind: 'works';
  /** The works on this page. */
  works: WorkSummary[];
  /** How many works there are in all. */
  count: number;
  /** 0-based page, and how many pages. */
  paging: Paging;
  /** In a server with settings: how many of the works it reads (listed first), and whether only those are listed. */
  server?: { reads: number; only?: boolean; note?: string };
}

/** A passage's citation in the usual styles, to paste: the bot's formatting of the work's metadata. */
export interface CiteAnswer {
  kind: 'cite';
  attribution: Attribution;
  styles: { name: string; text: string }[];
}

export interface HelpAnswer {
  kind: 'help';
  commands: { name: string; description: string; usage: string }[];
}

/** Errors and empty results: the bot's own words, shown privately. */
export interface NoticeAnswer {
  kind: 'notice';
  /** `done`: a setting was changed as asked. */
  tone: 'error' | 'empty' | 'done';
  message: string;
  suggestions?: string[];
}

/** A server's daily passage as /daily shows it. */
export interface DailyView {
  channelId: string;
  /** "07:30" */
  time: string;
  timezone: string;
  workTitle?: string;
  enabled: boolean;
  /** Why it turned itself off (e.g. three failed posts in a row). */
  disabledReason?: string;
  /** The next post, when enabled. */
  next?: Date;
}

export interface DailyAnswer {
  kind: 'daily';
  /** What the command just did, if anything. */
  change?: 'set' | 'off';
  /** Absent: the server has never set one. */
  schedule?: DailyView;
  /**
   * Where this process posts nothing (the console): present, to say the running bot posts; with the
   * passage the next post would be, or `random` when it is drawn at the time.
   */
  preview?: { next?: Attribution; random?: true };
}

export type Answer =
  | QuoteAnswer
  | DailyAnswer
  | SearchAnswer
  | WhoAnswer
  | FootnoteAnswer
  | ContextAnswer
  | WorksAnswer
  | CiteAnswer
  | HelpAnswer
  | NoticeAnswer;
