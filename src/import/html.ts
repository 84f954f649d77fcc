import { HTMLElement, Node } from 'node-html-parser';
import { collapseWhitespace, PAGE_NUMBERS, parseBookHtml, readableText } from '../corpus/sources';
import { repairDoubleEncoding } from '../corpus/encoding';
import { gutenbergHeaderMeta, htmlMetaTags, htmlTitleMeta, mergeMeta } from './metadata';
import { lineIndexOf } from './lines';
import { cutInlineNotes, lineStarts, MASK } from './inline-notes';
import { emptyTree, noteMarker, NOTE_MARKERS, type BookTree, type LeftOut, type TreeBlock } from './tree';

const BLOCK = new Set(['p', 'div', 'li', 'ul', 'ol', 'dl', 'dd', 'dt', 'td', 'th', 'tr', 'table', 'tbody', 'thead', 'blockquote', 'pre', 'section', 'article', 'aside', 'header', 'footer', 'main', 'nav', 'body', 'center', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'figure', 'figcaption']);
const SKIP = new Set(['head', 'style', 'script', 'img', 'hr', 'nav']);
const NOTE_CONTAINER = new Set(['p', 'div', 'li', 'aside', 'dd', 'section', 'td', 'blockquote']);
/** The text of a link that is a note's marker: `1`, `[a]`, `(*)`, `†`. */
export const LABEL = /^\[?\(?([\w*†‡§]{1,4})\)?\]?$/;
/** The text of a link back from a note to its marker. */
export const BACK_LINK = /^(?:\[?\(?[\w*†‡§]{1,4}\)?\]?|↩\uFE0E?|\^|back|return)$/i;
const BOILERPLATE = /^(?:pg-header|pg-footer|pg-machine-header|pg-start-separator|pg-end-separator)$|pg-boilerplate/;
const PG_START = /\*{3}\s*START OF (?:THE|THIS) PROJECT GUTENBERG/i;
const PG_END = /\*{3}\s*END OF (?:THE|THIS) PROJECT GUTENBERG/i;

export interface HtmlBlocksOptions {
  /** The 1-based source line of a node. */
  lineOf: (node: Node) => number;
  /** The member of a many-file book the lines count in (EPUB). */
  file?: string;
  /** Makes note ids unique across the documents of one book. */
  idPrefix?: string;
}

export interface HtmlBlocks {
  blocks: TreeBlock[];
  leftOut: LeftOut[];
}

/**
 * One HTML (or XHTML) document's body as tree blocks, in reading order: `<h1>`–`<h6>` as headings
 * with their level, block elements as paragraphs, notes linked by in-document anchors
 * (`href="#fn1"` → the element with id `fn1`) as linked notes, their markers `noteMarker(id)`.
 * Page numbers (`.pagenum`) and Project Gutenberg boilerplate are left out. The EPUB reader calls this
 * once per spine document; the tree it reads into is the same. The element is changed in place.
 */
export function htmlBlocks(body: HTMLElement, options: HtmlBlocksOptions): HtmlBlocks {
  const { lineOf, file, idPrefix = 'h' } = options;
  const at = (node: Node) => ({ line: lineOf(node), ...(file ? { file } : {}) });
  const leftOut: LeftOut[] = [];
  for (const node of body.querySelectorAll(PAGE_NUMBERS)) node.remove();

  // Footnotes linked by anchors: <a href="#fn1">1</a> in the text, the note holding id="fn1".
  const notes = new Map<HTMLElement, { id: string; label: string; line: number }>();
  const byId = new Map<string, HTMLElement>();
  for (const el of body.querySelectorAll('[id], a[name]')) {
    const id = el.getAttribute('id') ?? el.getAttribute('name');
    if (id && !byId.has(id)) byId.set(id, el);
  }
  for (const anchor of body.querySelectorAll('a[href^="#"]')) {
    const label = LABEL.exec(anchor.text.trim())?.[1];
    const target = (anchor.getAttribute('href') ?? '').slice(1);
    if (!label || !target) continue;
    const found = byId.get(target);
    const container = found ? noteContainer(found) : undefined;
    if (!container || isInside(anchor, container) || /^h\d$/.test(container.tagName.toLowerCase())) continue;
    // The note opens with its label; the paragraph a back-link points to does not.
    if (!new RegExp(`^[\\[(]?${escapeRegExp(label)}(?!\\w)`).test(readableText(container))) continue;
    if (!notes.has(container)) notes.set(container, { id: `${idPrefix}${notes.size}`, label, line: lineOf(container) });
    const note = notes.get(container);
    if (note) anchor.replaceWith(noteMarker(note.id));
  }

  const blocks: TreeBlock[] = [];
  let state: 'before' | 'body' | 'after' = PG_START.test(body.text) ? 'before' : 'body';
  let boilerplateFrom: number | undefined;
  const emit = (text: string, node: Node, links: string[], line = lineOf(node), indented = false) => {
    if (state !== 'body') return;
    const paragraph = collapseWhitespace(repairDoubleEncoding(text));
    if (!paragraph) return;
    blocks.push({ type: 'paragraph', text: paragraph, line, ...(file ? { file } : {}), ...(links.length ? { links } : {}), ...(indented ? { indented } : {}) });
  };
  const walk = (el: HTMLElement) => {
    const tag = el.tagName?.toLowerCase() ?? '';
    if (SKIP.has(tag)) return;
    if (BOILERPLATE.test(el.id) || BOILERPLATE.test(el.getAttribute('class') ?? '')) {
      const text = el.text;
      leftOut.push({ kind: PG_END.test(text) || state === 'body' ? 'licence' : 'header', role: 'publisher', ...at(el), title: 'Project Gutenberg boilerplate' });
      if (PG_START.test(text)) state = 'body';
      if (PG_END.test(text)) state = 'after';
      return;
    }
    const text = readableText(el);
    if (PG_START.test(text) && !el.querySelector('p, div, h1, h2')) {
      leftOut.push({ kind: 'header', role: 'publisher', line: 1, endLine: lineOf(el), title: 'Project Gutenberg header' });
      state = 'body';
      return;
    }
    if (PG_END.test(text) && !el.querySelector('p, div, h1, h2')) {
      boilerplateFrom = lineOf(el);
      state = 'after';
      return;
    }
    const note = notes.get(el);
    if (note) {
      if (state === 'body') {
        const noteText = collapseWhitespace(repairDoubleEncoding(noteBody(el, note.label)));
        blocks.push({ type: 'note', id: note.id, label: note.label, text: noteText, line: note.line, ...(file ? { file } : {}), linked: true });
      }
      return;
    }
    // A section's <header> that titles it with a paragraph (Standard Ebooks' "Section 5.1"): a heading the decisions place.
    if (tag === 'header' && /^(?:section|article)$/i.test(el.parentNode?.tagName ?? '') && !el.querySelector('h1, h2, h3, h4, h5, h6') && text.trim() && collapseWhitespace(text).length <= 100 && el.querySelectorAll('p').length <= 1) {
      if (state === 'body') blocks.push({ type: 'heading', title: collapseWhitespace(repairDoubleEncoding(text)), ...at(el) });
      return;
    }
    const heading = /^h([1-6])$/.exec(tag);
    if (heading) {
      // A marker in a heading stays, for the decisions to move under it (headings are never passages).
      const title = collapseWhitespace(repairDoubleEncoding(text));
      if (title && state === 'body') blocks.push({ type: 'heading', title, level: Number(heading[1]), ...at(el) });
      return;
    }
    if (tag === 'pre') {
      // Preformatted text (a blurb, a verse, a letter) keeps its lines: its paragraphs are set apart by blank lines.
      const text = el.text;
      const breaks = [...text.matchAll(/\n[ \t]*\n/g)].map((m) => [m.index, m.index + m[0].length] as const);
      let from = 0;
      for (const [end, next] of [...breaks, [text.length, text.length] as const]) {
        const newlines = text.slice(0, from).split('\n').length - 1;
        const chunk = text.slice(from, end);
        // Set in from the margin, as plain text sets a verse or a note's lines.
        const indented = chunk.split('\n').every((l) => !l.trim() || /^\s{2,}\S/.test(l));
        emit(chunk, el, [], lineOf(el) + newlines, indented);
        from = next;
      }
      return;
    }
    if (!el.childNodes.some((c) => c instanceof HTMLElement && BLOCK.has(c.tagName.toLowerCase()))) {
      if (text.trim()) emit(text, el, linkTexts(el));
      return;
    }
    // Mixed content: inline runs between block children stand as paragraphs of their own.
    let run: Node[] = [];
    const flushRun = () => {
      const t = readableText(run);
      if (t.trim() && run[0]) emit(t, run[0], run.flatMap((n) => (n instanceof HTMLElement ? linkTexts(n) : [])));
      run = [];
    };
    for (const child of el.childNodes) {
      if (child instanceof HTMLElement && BLOCK.has(child.tagName.toLowerCase())) {
        flushRun();
        walk(child);
      } else if (!(child instanceof HTMLElement && SKIP.has(child.tagName.toLowerCase()))) run.push(child);
    }
    flushRun();
  };
  walk(body);
  if (boilerplateFrom !== undefined) leftOut.push({ kind: 'licence', role: 'publisher', line: boilerplateFrom, title: 'Project Gutenberg licence' });
  return { blocks, leftOut };
}

/** An HTML book, Project Gutenberg or Marxists Internet Archive style, as a book tree. */
export function readHtml(raw: string): BookTree {
  const root = parseBookHtml(raw);
  const starts = lineStarts(raw);
  const lineOf = (node: Node) => lineIndexOf(starts, node.range?.[0] ?? 0) + 1;
  const tags = htmlMetaTags(root);
  // A Gutenberg page carries the plain-text header ("Title:", "Author:") before its START line.
  const bodyText = (root.querySelector('body') ?? root).text;
  const startAt = bodyText.search(PG_START);
  const header = gutenbergHeaderMeta(startAt < 0 ? [] : bodyText.slice(0, startAt).split('\n'));
  const tree = emptyTree('html', mergeMeta(tags, header));
  // A raw <title> is trusted less than the book's own title page.
  tree.fallbackMeta = htmlTitleMeta(root);
  const { blocks, leftOut } = htmlBlocks(root.querySelector('body') ?? root, { lineOf });
  tree.blocks = cutParagraphNotes(blocks, tree);
  tree.leftOut = leftOut;
  return tree;
}

/**
 * Notes a page prints as text rather than links: a paragraph that is a label and a bracketed note
 * (`a [ The note.]`), and `[Footnote 1: …]` inside a paragraph, become notes after their paragraph.
 */
function cutParagraphNotes(blocks: TreeBlock[], tree: BookTree): TreeBlock[] {
  const out: TreeBlock[] = [];
  let n = 0;
  for (const b of blocks) {
    if (b.type !== 'paragraph' || !b.text.includes('[')) {
      out.push(b);
      continue;
    }
    const whole = /^([a-z]{1,2}|\d{1,3}|\*)\s+\[\s*([\s\S]*)\]$/.exec(b.text);
    if (whole && !/^\[(?:Illustration|Sidenote)/i.test(b.text.slice(whole[1]?.length ?? 0).trim())) {
      out.push({ type: 'note', id: `p${n++}`, label: whole[1] ?? '', text: (whole[2] ?? '').trim(), line: b.line, ...(b.file ? { file: b.file } : {}), linked: false });
      continue;
    }
    const cut = cutInlineNotes(b.text);
    if (!cut.notes.length && !cut.figures.length) {
      out.push(b);
      continue;
    }
    for (const f of cut.figures) tree.leftOut.push({ kind: f.kind, line: b.line, ...(b.file ? { file: b.file } : {}) });
    const rest = collapseWhitespace(cut.masked.split(MASK).join(' '));
    if (rest) out.push({ ...b, text: rest });
    for (const note of cut.notes) out.push({ type: 'note', id: `p${n++}`, label: note.label, text: note.text, line: b.line, ...(b.file ? { file: b.file } : {}), linked: false });
  }
  return out;
}

/** The texts of the in-document links an element holds: a contents entry is made of them. */
function linkTexts(el: HTMLElement): string[] {
  const own = el.tagName?.toLowerCase() === 'a' && (el.getAttribute('href') ?? '').startsWith('#') ? [el] : [];
  return [...own, ...el.querySelectorAll('a[href^="#"]')].map((a) => collapseWhitespace(a.text)).filter(Boolean);
}

export function isInside(node: Node, container: HTMLElement): boolean {
  for (let n: Node | null = node; n; n = n.parentNode) if (n === container) return true;
  return false;
}

/** The element a note lives in: the target itself if it is a block, else its nearest block ancestor. */
function noteContainer(target: HTMLElement): HTMLElement | undefined {
  for (let n: HTMLElement | null = target; n; n = n.parentNode) {
    const tag = n.tagName?.toLowerCase() ?? '';
    if (/^h\d$/.test(tag)) return n;
    if (NOTE_CONTAINER.has(tag)) return n;
    if (tag === 'body') return undefined;
  }
  return undefined;
}

export const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A note's text without its back-links and leading label. */
function noteBody(el: HTMLElement, label: string): string {
  const copy = parseBookHtml(el.outerHTML).firstChild as HTMLElement;
  for (const a of copy.querySelectorAll('a')) if (BACK_LINK.test(a.text.trim())) a.remove();
  return collapseWhitespace(readableText(copy).replace(NOTE_MARKERS, ''))
    .replace(new RegExp(`^\\[?${escapeRegExp(label)}\\]?[.):]?\\s+`), '')
    .replace(/^[.):]\s*/, '');
}
