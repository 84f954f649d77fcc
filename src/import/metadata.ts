import { NAME_PARTICLES } from '../corpus/names';
import type { HTMLElement } from 'node-html-parser';
import { collapseWhitespace } from '../corpus/sources';
import type { EpubMetadata } from '../corpus/epub';
import { titleCase } from './headings';
import type { ImportMeta } from './types';

/** Attribution fields, each found or not; the first source that has a field wins (see `mergeMeta`). */
export type FoundMeta = Partial<ImportMeta>;

const GUTENBERG_LICENSE = 'Public domain in the USA; Project Gutenberg License';
/** A raw `<title>` or header line naming the e-text rather than the book. */
const PROJECT_GUTENBERG_TITLE = /\bProject Gutenberg\b|\be-?(?:book|text)\s+of\b/i;
/** A date with a time of day describes the file (when the e-book was made), not the book. */
const TIMESTAMP = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** One line, no doubled spaces: titles and names with line breaks inside break replies' footers. */
export const cleanField = (value: string | undefined) => (value === undefined ? undefined : collapseWhitespace(value) || undefined);

/** The fields of `sources` in order of trust: the first that has a field gives it. */
export function mergeMeta(...sources: FoundMeta[]): ImportMeta {
  const out: FoundMeta = {};
  for (const source of sources) {
    for (const [key, value] of Object.entries(source) as [keyof ImportMeta, string | undefined][]) {
      const clean = cleanField(value);
      if (clean && out[key] === undefined) out[key] = clean;
    }
  }
  const title = out.title ?? '';
  const short = out.shortTitle ?? shortTitle(title);
  return { ...out, title, ...(short && short !== title ? { shortTitle: short } : {}) };
}

/**
 * A title short enough for headings and footers: the subtitle after ":" or ";" or ", or" dropped,
 * and "An Inquiry into the Nature and Causes of the Wealth of Nations" read as "The Wealth of Nations".
 */
export function shortTitle(title: string): string {
  let t = collapseWhitespace(title);
  t = t.replace(/\s*[:;]\s.*$|,?\s+or,?\s+(?:the\s+)?[\p{Lu}].*$/u, '').trim() || t;
  const inquiry = /^(?:an?\s+)?(?:inquiry|enquiry|essay|treatise|discourse)\s+(?:into|on|upon|concerning)\s+(?:the\s+)?(?:nature\s+and\s+causes\s+of\s+)(.+)$/i.exec(t);
  if (inquiry?.[1]) t = `The ${inquiry[1].replace(/^the\s+/i, '')}`;
  return t.replace(/[.,]$/, '');
}

/** The "Title:", "Author:", "Translator:" block of a Project Gutenberg header (plain text, or the text of an HTML page's header). */
export function gutenbergHeaderMeta(header: string[]): FoundMeta {
  const field = (name: RegExp) => {
    for (let i = 0; i < header.length; i++) {
      const m = new RegExp(`^${name.source}:\\s*(.*)$`, 'i').exec((header[i] ?? '').trim());
      if (!m) continue;
      const more: string[] = [m[1] ?? ''];
      // Continuation lines are indented.
      while (/^\s+\S/.test(header[i + 1] ?? '') && !/^\s*[\w ]+:/.test(header[i + 1] ?? '')) more.push((header[++i] ?? '').trim());
      const value = more.join(' ').trim();
      if (value) return value;
    }
    return undefined;
  };
  const text = header.join('\n');
  const ebook = /\b(?:e-?book|e-?text)\s*#\s*(\d+)/i.exec(text)?.[1];
  const isGutenberg = /Project Gutenberg/i.test(text);
  const original = field(/Original publication/);
  const title = field(/Title/);
  return {
    ...(title && !PROJECT_GUTENBERG_TITLE.test(title) ? { title } : {}),
    ...optional('author', field(/Author/)),
    ...optional('translator', field(/Translators?/)),
    ...optional('date', /\b(1\d{3}|20\d{2})\b/.exec(original ?? '')?.[1]),
    ...optional('source', ebook ? `Project Gutenberg EBook #${ebook}` : undefined),
    ...optional('license', isGutenberg ? GUTENBERG_LICENSE : undefined),
    ...optional('url', ebook ? `https://www.gutenberg.org/ebooks/${ebook}` : undefined),
  };
}

/** `<meta name="DC.title">` and its kin, and `<meta name="author">`. */
export function htmlMetaTags(root: HTMLElement): FoundMeta {
  const metas = new Map<string, string>();
  for (const el of root.querySelectorAll('meta[name]')) {
    const name = (el.getAttribute('name') ?? '').toLowerCase();
    const content = el.getAttribute('content')?.trim();
    if (content && !metas.has(name)) metas.set(name, content);
  }
  const dc = (name: string) => metas.get(`dc.${name}`) ?? metas.get(`dcterms.${name}`);
  const date = dc('date') ?? dc('created') ?? dc('issued');
  return {
    ...optional('title', dc('title')),
    ...optional('author', dc('creator') ?? metas.get('author')),
    ...optional('translator', dc('contributor.translator')),
    ...optional('date', date && !TIMESTAMP.test(date) ? date : undefined),
    ...optional('license', dc('rights')),
    ...optional('source', dc('source') ?? dc('publisher')),
    ...optional('url', [dc('identifier'), dc('source')].find(isUrl)),
  };
}

/**
 * What a raw `<title>` may give: "The Project Gutenberg eBook of Democracy in America, by Alexis de
 * Tocqueville" gives the book's title and author; a title naming the e-text is never used as is.
 */
export function htmlTitleMeta(root: HTMLElement): FoundMeta {
  const headTitle = cleanField(root.querySelector('title')?.text);
  const fromHead = /(?:e-?book|e-?text) of (.+?),? by (.+?)\.?$/i.exec(headTitle ?? '');
  if (fromHead?.[1]) return { title: titleCase(fromHead[1]), ...optional('author', fromHead[2]) };
  return optional('title', headTitle && !PROJECT_GUTENBERG_TITLE.test(headTitle) ? headTitle : undefined);
}

/** What an EPUB's package says: `dc:creator` (authors), contributors with role `trl`, `dc:date`, `dc:rights`, `dc:source`, a URL identifier. */
export function epubMeta(m: EpubMetadata): FoundMeta {
  const people = [...m.creators, ...m.contributors];
  const withRole = (role: string) => people.filter((p) => p.roles.includes(role)).map((p) => p.value);
  const authors = m.creators.filter((c) => c.roles.length === 0 || c.roles.includes('aut')).map((c) => c.value);
  const title = m.titles.find((t) => t.type === 'main') ?? m.titles.find((t) => !t.type) ?? m.titles[0];
  // EPUB 2 names the book's first publication `opf:event="original-publication"`; an EPUB 3 date is the e-book's own.
  const dates = [...m.dates].sort((a, b) => rankDate(a.event) - rankDate(b.event)).filter((d) => !TIMESTAMP.test(d.value) && rankDate(d.event) < 3);
  const url = m.identifiers.map((i) => i.value).find(isUrl) ?? m.sources.find(isUrl);
  const publisher = m.publishers[0];
  const basedOn = m.sources[0];
  const source = publisher && basedOn ? `${publisher}, from ${basedOn}` : (publisher ?? basedOn);
  return {
    ...optional('title', title?.value),
    ...optional('author', joinNames(authors)),
    ...optional('translator', joinNames(withRole('trl'))),
    ...optional('date', dates[0]?.value),
    ...optional('license', m.rights[0] ? shortLicense(m.rights[0]) : undefined),
    ...optional('source', source),
    ...optional('url', url),
  };
}

function rankDate(event: string | undefined): number {
  if (event === undefined) return 2;
  const e = event.toLowerCase();
  return e === 'original-publication' ? 0 : e === 'publication' ? 1 : 3;
}

/** "A", "A and B", "A, B and C". */
export function joinNames(names: string[]): string | undefined {
  const unique = [...new Set(names)];
  if (unique.length <= 1) return unique[0];
  return `${unique.slice(0, -1).join(', ')} and ${unique.at(-1)}`;
}

/**
 * A rights statement short enough for a reply's footer. Standard Ebooks' paragraph ("believed to be in
 * the United States public domain … CC0 1.0 Universal …") reads "Public domain in the USA; CC0 1.0".
 */
export function shortLicense(rights: string): string {
  const text = collapseWhitespace(rights.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1'));
  if (text.length <= 120) return text;
  const parts: string[] = [];
  if (/public domain/i.test(text)) parts.push(/United States|USA/i.test(text) ? 'Public domain in the USA' : 'Public domain');
  const cc = /\bCC0 1\.0\b|\bCC BY(?:-[A-Z]{2})*(?: \d\.\d)?/.exec(text)?.[0];
  if (cc) parts.push(cc);
  if (parts.length) return parts.join('; ');
  const sentence = /^.+?[.!?](?=\s|$)/.exec(text)?.[0] ?? text;
  return sentence.length <= 200 ? sentence : `${sentence.slice(0, 197)}…`;
}

const isUrl = (value: string | undefined): value is string => value !== undefined && /^https?:\/\/\S+$/.test(value);

function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  const clean = cleanField(value);
  return clean ? ({ [key]: clean } as Record<K, string>) : {};
}


/**
 * A name's particles as the book itself writes them. Title pages and headers often capitalise every
 * word ("Alexis De Tocqueville") where the text writes "M. de Tocqueville": the form the text uses
 * most wins; a name the text never writes with its particle stays as found.
 */
export function particlesAsWritten(name: string, text: string): string {
  const words = name.split(/\s+/);
  return words
    .map((word, i) => {
      const next = words[i + 1];
      if (i === 0 || !next || !NAME_PARTICLES.has(word.toLowerCase())) return word;
      const escaped = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const count = (form: string) => text.match(new RegExp(`(?<![\\p{L}])${escaped(form)} ${escaped(next)}(?![\\p{L}])`, 'gu'))?.length ?? 0;
      const lower = word.toLowerCase();
      const upper = lower.replace(/^./, (c) => c.toUpperCase());
      return count(lower) > count(upper) ? lower : count(upper) > count(lower) ? upper : word;
    })
    .join(' ');
}
