import { HTMLElement, Node, parse } from 'node-html-parser';
import { MAX_LOC_LENGTH } from '../corpus/attributes';
import { readEpub, resolveHref, localName, parseXml, type EpubLandmark, type EpubPackage } from '../corpus/epub';
import { collapseWhitespace, PAGE_NUMBERS, parseBookHtml, readableText } from '../corpus/sources';
import { BACK_LINK, escapeRegExp, isInside, LABEL } from './html';
import { lineIndexOf } from './lines';
import { epubMeta, mergeMeta } from './metadata';
import { emptyTree, NOTE_MARKERS, noteMarker, type BookTree, type ContentsEntry, type DivisionKind, type Matter, type MatterKind, type TreeHeading } from './tree';

/**
 * EPUB 2 and 3 into the book tree. Reading order is the spine; structure is the documents' own
 * headings, confirmed by the nav document (EPUB 3) or NCX (EPUB 2); front and back matter is named
 * by `epub:type` and the landmarks (or EPUB 2 guide); notes are what noterefs point at (and
 * footnote/endnote/rearnote asides), each placed by its reference, backlinks stripped.
 */
export function importEpub(bytes: Uint8Array): BookTree {
  const book = readEpub(bytes);
  const tree = emptyTree('epub', mergeMeta(epubMeta(book.metadata)));
  const navigation = readNavigation(book);
  tree.contents = navigation.contents.map(({ title, depth }) => ({ title, depth }));
  const targets = new Set(navigation.contents.map((c) => key(c.path, c.fragment)));
  const landmarks = new Map<string, string[]>();
  for (const l of [...navigation.landmarks, ...book.guide]) landmarks.set(key(l.path, l.fragment), [...(landmarks.get(key(l.path, l.fragment)) ?? []), ...l.types]);

  const docs = book.spine.filter((s) => s.item.path !== book.nav?.path).map((s) => ({ path: s.item.path, root: parseBookHtml(book.documents.get(s.item.path) ?? '') }));
  if (book.nav && book.spine.some((s) => s.item.path === book.nav?.path)) tree.leftOut.push({ kind: 'contents', line: 1, file: book.nav.path, title: 'Table of Contents' });
  const notes = findNotes(docs);

  for (const doc of docs) {
    const source = book.documents.get(doc.path) ?? '';
    const starts = [0];
    for (let i = 0; i < source.length; i++) if (source.charCodeAt(i) === 10) starts.push(i + 1);
    const lineOf = (node: Node) => lineIndexOf(starts, node.range?.[0] ?? 0) + 1;
    const endLineOf = (node: Node) => lineIndexOf(starts, Math.max(0, (node.range?.[1] ?? 1) - 1)) + 1;
    const at = (node: Node) => ({ line: lineOf(node), file: doc.path });
    for (const page of doc.root.querySelectorAll(PAGE_NUMBERS)) page.remove();
    for (const ref of doc.root.querySelectorAll('a[href]')) {
      const note = notes.byRef.get(ref);
      if (note) ref.replaceWith(noteMarker(note));
    }
    const body = doc.root.querySelector('body') ?? doc.root;
    const drama = epubTypes(body).includes('drama');
    const docMatter = matterOf(epubTypes(body), landmarks.get(key(doc.path)) ?? [], drama);
    /** The marker of a note referenced from a heading waits for the first paragraph under it. */
    let pendingMarkers = '';

    const walk = (el: HTMLElement, matter: Matter | undefined, section: HTMLElement | undefined) => {
      const tag = el.tagName?.toLowerCase() ?? '';
      if (SKIP.has(tag)) return;
      const types = epubTypes(el);
      const own = el === body ? undefined : matterOf(types, el.id ? (landmarks.get(key(doc.path, el.id)) ?? []) : [], drama);
      const current = own ?? matter;
      if (current && !current.keep) {
        tree.leftOut.push({ kind: current.kind, line: lineOf(el), endLine: endLineOf(el), file: doc.path, ...titleOf(el) });
        if (current.kind === 'title page') tree.titlePage.push(...readableText(el).split('\n').map(collapseWhitespace).filter(Boolean));
        return;
      }
      const noteId = notes.byTarget.get(el);
      if (noteId) {
        pushNote(el, noteId);
        return;
      }
      // A footnote no link points at is still a note: the note decision pairs it by its label and place.
      if (types.some((t) => NOTE_TYPES.has(t))) {
        const text = collapseWhitespace(readableText(el));
        const label = /^[[(]?([\w*†‡§]{1,4})[\])]?[.):]?\s/.exec(text)?.[1] ?? '*';
        tree.blocks.push({ type: 'note', id: key(doc.path, el.id || String(lineOf(el))), label, text: noteText(el, label), linked: false, ...at(el), endLine: endLineOf(el) });
        return;
      }
      // A notes section's own heading and any unreferenced entries are no part of the text.
      if (types.some((t) => NOTES_SECTIONS.has(t))) {
        for (const child of el.childNodes) if (child instanceof HTMLElement) walkNotesOnly(child);
        return;
      }
      // A sub-section's <header> that titles it with one paragraph ("Section 5.1"): a heading without a locator.
      // Only a section's own header: a header inside a quoted document (a proclamation's) is its text.
      const ownHeader = tag === 'header' && SECTION.has(el.parentNode?.tagName?.toLowerCase() ?? '');
      const headerTitle = ownHeader && !el.querySelector('h1, h2, h3, h4, h5, h6') && el.querySelectorAll('p').length <= 1 ? collapseWhitespace(readableText(el)) : '';
      if (headerTitle && headerTitle.length <= 100) {
        tree.blocks.push({ type: 'heading', title: headerTitle, ...at(el) });
        return;
      }
      if (tag === 'hgroup' || (tag === 'header' && el.querySelector('h1, h2, h3, h4, h5, h6')) || HEADING.test(tag)) {
        const heading = headingOf(el, section ?? el, doc.path, targets, current);
        pendingMarkers += heading.markers;
        if (heading.block) tree.blocks.push({ ...heading.block, ...at(el) });
        for (const rest of heading.paragraphs) emit(rest, current);
        return;
      }
      const nextSection = SECTION.has(tag) ? el : section;
      if (!el.childNodes.some((c) => c instanceof HTMLElement && BLOCK.has(c.tagName.toLowerCase()))) {
        emit(el, current);
        return;
      }
      // Mixed content: inline runs between block children stand as paragraphs of their own.
      let run: Node[] = [];
      const flush = () => {
        const text = readableText(run);
        if (text.trim() && run[0]) pushParagraph(text, run[0], current);
        run = [];
      };
      for (const child of el.childNodes) {
        if (child instanceof HTMLElement && BLOCK.has(child.tagName.toLowerCase())) {
          flush();
          walk(child, current, nextSection);
        } else if (!(child instanceof HTMLElement && SKIP.has(child.tagName.toLowerCase()))) run.push(child);
      }
      flush();
    };
    const walkNotesOnly = (el: HTMLElement) => {
      const noteId = notes.byTarget.get(el);
      if (noteId) pushNote(el, noteId);
      else for (const child of el.childNodes) if (child instanceof HTMLElement) walkNotesOnly(child);
    };
    const pushNote = (el: HTMLElement, id: string) => {
      const label = notes.labels.get(id) ?? '';
      tree.blocks.push({ type: 'note', id, label, text: noteText(el, label), linked: true, ...at(el), endLine: endLineOf(el) });
    };
    const emit = (el: HTMLElement, matter: Matter | undefined) => {
      if (readableText(el).trim()) pushParagraph(readableText(el), el, matter);
    };
    const pushParagraph = (raw: string, node: Node, matter: Matter | undefined) => {
      const text = collapseWhitespace(raw);
      if (!/[\p{L}\p{N}]/u.test(text.replace(NOTE_MARKERS, ''))) return;
      tree.blocks.push({ type: 'paragraph', text: pendingMarkers + text, ...at(node), endLine: endLineOf(node), ...(matter ? { matter } : {}) });
      pendingMarkers = '';
    };
    walk(body, docMatter, undefined);
  }
  return tree;
}

const SKIP = new Set(['head', 'style', 'script', 'img', 'svg', 'nav', 'hr', 'br']);
const SECTION = new Set(['section', 'article', 'body']);
const HEADING = /^h[1-6]$/;
const BLOCK = new Set(['p', 'div', 'li', 'ul', 'ol', 'dl', 'dd', 'dt', 'td', 'th', 'tr', 'table', 'tbody', 'thead', 'tfoot', 'blockquote', 'pre', 'section', 'article', 'aside', 'header', 'footer', 'main', 'nav', 'body', 'center', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hgroup', 'hr', 'figure', 'figcaption']);
/** A section that holds notes (EPUB 3 `endnotes`, `footnotes`, `rearnotes`). */
const NOTES_SECTIONS = new Set(['endnotes', 'footnotes', 'rearnotes', 'notes']);
/** An element that is one note. */
const NOTE_TYPES = new Set(['footnote', 'endnote', 'rearnote', 'note']);

/** Front and back matter that is never passages, by `epub:type` (EPUB 3 vocabulary, Standard Ebooks' `se:` terms) and EPUB 2 guide types. */
const LEFT_OUT: Record<string, MatterKind> = {
  cover: 'title page',
  titlepage: 'title page',
  'title-page': 'title page',
  halftitlepage: 'title page',
  fulltitle: 'title page',
  imprint: 'imprint',
  imprimatur: 'imprint',
  colophon: 'imprint',
  'copyright-page': 'imprint',
  copyright: 'imprint',
  uncopyright: 'imprint',
  toc: 'contents',
  loi: 'illustrations',
  lot: 'illustrations',
  index: 'index',
  'other.credits': 'credits',
  acknowledgements: 'credits',
};
/** Matter that is quotable, and the author's unless a later decision says otherwise. */
const KEPT: Record<string, MatterKind> = {
  preface: 'preface',
  foreword: 'foreword',
  introduction: 'introduction',
  dedication: 'dedication',
  epigraph: 'epigraph',
  appendix: 'appendix',
  glossary: 'glossary',
  bibliography: 'bibliography',
};

/** The `epub:type` terms of an element, prefix-free and lower case: `z3998:roman` → `roman`, `se:uncopyright` → `uncopyright`. */
function epubTypes(el: HTMLElement): string[] {
  return (el.getAttribute('epub:type') ?? '')
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .map((t) => t.replace(/^[\w-]+:/, ''));
}

function matterOf(types: string[], landmarkTypes: string[], drama: boolean): Matter | undefined {
  for (const t of [...types, ...landmarkTypes]) {
    const left = LEFT_OUT[t];
    if (left) return { kind: left, role: 'publisher', keep: false };
  }
  // A play's cast list is the playwright's; a novel's list of characters was added by an editor.
  if (types.includes('dramatis-personae') && !drama) return { kind: 'other', role: 'editor', keep: true };
  for (const t of [...types, ...landmarkTypes]) {
    const kept = KEPT[t];
    if (kept) return { kind: kept, role: 'author', keep: true };
  }
  return undefined;
}

const key = (path: string, fragment?: string) => (fragment ? `${path}#${fragment}` : path);

function titleOf(el: HTMLElement): { title?: string } {
  const heading = el.querySelector('h1, h2, h3, h4, h5, h6');
  const title = collapseWhitespace(readableText(heading ?? el)).slice(0, 80);
  return title ? { title } : {};
}

interface Notes {
  /** The note each reference (anchor) points at. */
  byRef: Map<HTMLElement, string>;
  /** The note id of each note element. */
  byTarget: Map<HTMLElement, string>;
  labels: Map<string, string>;
}

/**
 * Every note a reference points at, across the documents: an anchor typed `noteref`, or an anchor
 * whose text is a label (`1`, `*`, `[a]`) pointing at a footnote/endnote element or into a notes
 * section. A note's id is its archive path and fragment.
 */
function findNotes(docs: { path: string; root: HTMLElement }[]): Notes {
  const byId = new Map<string, HTMLElement>();
  for (const doc of docs) for (const el of doc.root.querySelectorAll('[id]')) byId.set(key(doc.path, el.id), el);
  const notes: Notes = { byRef: new Map(), byTarget: new Map(), labels: new Map() };
  for (const doc of docs) {
    for (const anchor of doc.root.querySelectorAll('a[href]')) {
      const target = resolveHref(doc.path, anchor.getAttribute('href') ?? '');
      if (!target?.fragment) continue;
      const found = byId.get(key(target.path, target.fragment));
      if (!found) continue;
      const label = LABEL.exec(collapseWhitespace(anchor.text))?.[1];
      const typed = epubTypes(anchor).includes('noteref');
      const element = noteElement(found);
      if (!element || (!typed && !label) || isInside(anchor, element)) continue;
      // Without `noteref`, a link is a note's marker when it points into notes, or at a block that opens with its label.
      if (!typed && !inNotes(element) && !opensWith(element, label ?? '')) continue;
      const id = key(target.path, target.fragment);
      notes.byRef.set(anchor, id);
      notes.byTarget.set(element, id);
      if (!notes.labels.has(id)) notes.labels.set(id, label ?? collapseWhitespace(anchor.text));
    }
  }
  return notes;
}

/** The element that holds the note a fragment names: the target, or its list item or paragraph when the id sits on an inline anchor. */
function noteElement(target: HTMLElement): HTMLElement | undefined {
  for (let n: HTMLElement | null = target; n; n = n.parentNode) {
    const tag = n.tagName?.toLowerCase() ?? '';
    if (tag === 'body' || HEADING.test(tag)) return undefined;
    if (['li', 'aside', 'p', 'div', 'dd', 'section', 'blockquote', 'td'].includes(tag)) return n;
  }
  return undefined;
}

function inNotes(el: HTMLElement): boolean {
  for (let n: HTMLElement | null = el; n; n = n.parentNode) {
    const types = epubTypes(n);
    if (n.tagName?.toLowerCase() === 'aside' || types.some((t) => NOTE_TYPES.has(t) || NOTES_SECTIONS.has(t))) return true;
  }
  return false;
}

/** The printed label that opens a note: "1.", "[1]", "(*)", "1)". */
const leadingLabel = (label: string) => new RegExp(`^[\\[(]?${escapeRegExp(label)}[\\])]?[.):]?(?:\\s+|$)`);

function opensWith(el: HTMLElement, label: string): boolean {
  return label !== '' && leadingLabel(label).test(collapseWhitespace(el.text));
}


/** A note's text: backlinks and the leading printed label stripped, paragraphs joined. */
function noteText(el: HTMLElement, label: string): string {
  const copy = parseBookHtml(el.outerHTML).firstChild as HTMLElement;
  for (const a of copy.querySelectorAll('a')) if (epubTypes(a).includes('backlink') || BACK_LINK.test(collapseWhitespace(a.text))) a.remove();
  return collapseWhitespace(readableText(copy).replace(NOTE_MARKERS, '')).replace(leadingLabel(label), '');
}

const ROMAN: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100, d: 500, m: 1000 };
const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth'];
const CARDINALS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen'];

/** "XIII" → 13, "13" → 13, "First" → 1, "Nine" → 9; anything else undefined. */
export function numberValue(text: string): number | undefined {
  const t = text.trim().replace(/[.:]$/, '').toLowerCase();
  if (/^\d{1,4}$/.test(t)) return Number(t);
  if (/^[ivxlcdm]+$/.test(t)) {
    let total = 0;
    for (let i = 0; i < t.length; i++) {
      const v = ROMAN[t[i] ?? ''] ?? 0;
      const next = ROMAN[t[i + 1] ?? ''] ?? 0;
      total += v < next ? -v : v;
    }
    return total > 0 ? total : undefined;
  }
  const ordinal = ORDINALS.indexOf(t);
  if (ordinal >= 0) return ordinal + 1;
  const cardinal = CARDINALS.indexOf(t);
  return cardinal >= 0 ? cardinal + 1 : undefined;
}

const LABEL_KINDS: Record<string, DivisionKind> = { book: 'book', part: 'part', volume: 'volume', chapter: 'chapter', epilogue: 'epilogue', section: 'section' };
const SECTION_KINDS: Record<string, DivisionKind> = { volume: 'volume', part: 'part', chapter: 'chapter' };

/**
 * A heading from `<h1>`–`<h6>`, `<hgroup>` or a `<header>` holding one: the printed heading with its
 * title (`epub:type="title"`) joined by ": ", the division kind from its label ("Book", "Part") or
 * its section's `epub:type`, and its number from the ordinal. Other lines of a header (a chapter's
 * summary) stay paragraphs.
 */
function headingOf(
  el: HTMLElement,
  section: HTMLElement,
  file: string,
  targets: Set<string>,
  matter: Matter | undefined,
): { block?: Omit<TreeHeading, 'line'>; markers: string; paragraphs: HTMLElement[] } {
  const tag = el.tagName.toLowerCase();
  const h = HEADING.test(tag) ? el : el.querySelector('h1, h2, h3, h4, h5, h6');
  if (!h) return { markers: '', paragraphs: [el] };
  const paragraphs: HTMLElement[] = [];
  const titleParts = [h];
  if (h !== el) {
    for (const child of el.childNodes) {
      if (!(child instanceof HTMLElement) || child === h) continue;
      const types = epubTypes(child);
      if (HEADING.test(child.tagName.toLowerCase()) || types.includes('title') || types.includes('subtitle')) titleParts.push(child);
      else paragraphs.push(child);
    }
  }
  const printed = titleParts.map((p) => readableText(p));
  const markers = printed.join('').match(NOTE_MARKERS)?.join('') ?? '';
  const title = printed.map((t) => collapseWhitespace(t.replace(NOTE_MARKERS, ''))).filter(Boolean).join(': ');
  if (!title) return { markers, paragraphs };

  const label = h.querySelectorAll('span').find((s) => epubTypes(s).includes('label'));
  const ordinal = h.querySelectorAll('span').find((s) => epubTypes(s).includes('ordinal')) ?? (epubTypes(h).includes('ordinal') ? h : undefined);
  const labelKind = label ? LABEL_KINDS[collapseWhitespace(label.text).toLowerCase()] : undefined;
  const sectionKind = epubTypes(section).map((t) => SECTION_KINDS[t]).find(Boolean);
  const kind = labelKind ?? (sectionKind && ordinal ? sectionKind : undefined);
  const n = ordinal ? numberValue(collapseWhitespace(ordinal.text)) : undefined;
  const inContents = targets.has(key(file, section.id)) || targets.has(key(file)) || (el.id !== '' && targets.has(key(file, el.id)));
  const level = Number(/^h([1-6])$/.exec(h.tagName.toLowerCase())?.[1] ?? 0) || undefined;
  return {
    block: {
      type: 'heading',
      title,
      file,
      ...(level ? { level } : {}),
      ...(kind ? { kind } : {}),
      ...(kind && n !== undefined ? { n } : {}),
      ...(matter ? { matter } : {}),
      // A dedication or preface is cited by its kind when its own title is too long for a locator.
      ...(matter && !kind && title.length > MAX_LOC_LENGTH ? { loc: matter.kind.replace(/^\w/, (c) => c.toUpperCase()) } : {}),
      ...(inContents ? { inContents } : {}),
    },
    markers,
    paragraphs,
  };
}

interface Navigation {
  contents: (ContentsEntry & { path: string; fragment?: string })[];
  landmarks: EpubLandmark[];
}

/** The table of contents and landmarks: the EPUB 3 nav document, else the EPUB 2 NCX. */
function readNavigation(book: EpubPackage): Navigation {
  const out: Navigation = { contents: [], landmarks: [] };
  const navText = book.nav ? book.documents.get(book.nav.path) : undefined;
  if (book.nav && navText) {
    const from = book.nav.path;
    const root = parse(navText);
    for (const nav of root.querySelectorAll('nav')) {
      const types = epubTypes(nav);
      const list = nav.querySelector('ol');
      if (!list) continue;
      if (types.includes('toc')) {
        const walk = (ol: HTMLElement, depth: number) => {
          for (const li of ol.childNodes) {
            if (!(li instanceof HTMLElement) || li.tagName.toLowerCase() !== 'li') continue;
            const a = li.childNodes.find((c): c is HTMLElement => c instanceof HTMLElement && (c.tagName.toLowerCase() === 'a' || c.tagName.toLowerCase() === 'span'));
            const target = a ? resolveHref(from, a.getAttribute('href') ?? '') : undefined;
            if (a && target) out.contents.push({ title: collapseWhitespace(a.text), depth, ...target });
            const inner = li.childNodes.find((c): c is HTMLElement => c instanceof HTMLElement && c.tagName.toLowerCase() === 'ol');
            if (inner) walk(inner, depth + 1);
          }
        };
        walk(list, 1);
      } else if (types.includes('landmarks')) {
        for (const a of list.querySelectorAll('a')) {
          const target = resolveHref(from, a.getAttribute('href') ?? '');
          if (target) out.landmarks.push({ types: epubTypes(a), ...target, title: collapseWhitespace(a.text) });
        }
      }
    }
  }
  const ncxText = book.ncx ? book.documents.get(book.ncx.path) : undefined;
  if (out.contents.length === 0 && book.ncx && ncxText) {
    const from = book.ncx.path;
    const walk = (parent: HTMLElement, depth: number) => {
      for (const point of parent.childNodes) {
        if (!(point instanceof HTMLElement) || localName(point) !== 'navpoint') continue;
        const label = point.childNodes.find((c): c is HTMLElement => c instanceof HTMLElement && localName(c) === 'navlabel');
        const content = point.childNodes.find((c): c is HTMLElement => c instanceof HTMLElement && localName(c) === 'content');
        const target = content ? resolveHref(from, content.getAttribute('src') ?? '') : undefined;
        if (target) out.contents.push({ title: collapseWhitespace(label?.text ?? ''), depth, ...target });
        walk(point, depth + 1);
      }
    };
    const map = parseXml(ncxText)
      .querySelectorAll('*')
      .find((el) => localName(el) === 'navmap');
    if (map) walk(map, 1);
  }
  return out;
}
