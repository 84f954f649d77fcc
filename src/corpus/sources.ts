import { HTMLElement, NodeType, parse as parseHtml, type Node } from 'node-html-parser';
import { decodeText, repairDoubleEncoding } from './encoding';
import { readEpub } from './epub';
import type { Passage, Problem, Work } from './types';

/** The largest gap allowed between two pieces of a passage split by a marker: room for the source's own marker. */
const MAX_MARKER_GAP = 32;

export const PAGE_NUMBERS = '.pagenum, .pageno, .page-number';

/**
 * A book's HTML as elements. `<pre>` is read as markup, as browsers do (the parser's default keeps
 * it as raw text, and a `<pre><i>` blurb would be quoted with a literal "<i>"); only scripts and
 * styles stay raw text. The importer and the proof read every page the same way.
 */
export const parseBookHtml = (raw: string): HTMLElement => parseHtml(raw, { comment: false, blockTextElements: { script: true, noscript: true, style: true } });

/** Elements whose text stands on lines of its own. */
const TEXT_BLOCKS = new Set(['address', 'article', 'aside', 'blockquote', 'br', 'dd', 'details', 'dialog', 'div', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'table', 'td', 'th', 'tr', 'ul']);

/**
 * The text of a node (or of a run of sibling nodes) as a reader sees it: each block on a line of its own, entities decoded, and the
 * whitespace between words kept as one space. (The parser's `structuredText` drops a line break next
 * to an inline tag: "one of the\n<i>bons</i>" would read "one of thebons".)
 */
export function readableText(nodes: Node | readonly Node[]): string {
  const lines: string[] = [];
  let line = '';
  const close = () => {
    const text = collapseWhitespace(line);
    if (text) lines.push(text);
    line = '';
  };
  const walk = (n: Node) => {
    if (n.nodeType === NodeType.TEXT_NODE) {
      line += n.text;
      return;
    }
    if (!(n instanceof HTMLElement)) return;
    const block = TEXT_BLOCKS.has(n.rawTagName?.toLowerCase() ?? '');
    if (block) close();
    for (const child of n.childNodes) walk(child);
    if (block) close();
  };
  for (const node of Array.isArray(nodes) ? nodes : [nodes]) walk(node);
  close();
  return lines.join('\n');
}

/**
 * Runs of whitespace that are not already one space: a single space, most of prose's whitespace,
 * is left alone, so a whole book is rewritten in a fraction of the time and memory that replacing
 * every run takes (V8 keeps each replaced piece until the end).
 */
const WHITESPACE_TO_COLLAPSE = /\s{2,}|[^\S ]/g;

/** Every run of whitespace as one space, none at the ends: how texts are compared and shown. */
export const collapseWhitespace = (text: string) => text.replace(WHITESPACE_TO_COLLAPSE, ' ').trim();

/**
 * How a source's HTML is read. `earlier` is how importers before this one read it (`<pre>` as raw
 * text, the parser's `structuredText`): files they wrote are still proven against that reading, so
 * a corpus imported then still loads (see `verifyAgainstSource`'s caller in load.ts).
 */
export interface SourceReading {
  earlier?: boolean;
}

/** The readable text of a received source document: whitespace collapsed, double-encoded letters repaired. */
export function sourceText(fileName: string, raw: string, reading: SourceReading = {}): string {
  const text = /\.x?html?$/i.test(fileName) ? htmlText(raw, reading) : raw.replace(/^\uFEFF/, '');
  return collapseWhitespace(repairDoubleEncoding(text));
}

/**
 * The readable text of a received source document from its bytes, whatever its encoding; an EPUB's
 * is the text of its documents in reading order. Throws `EpubError` for an EPUB it cannot read.
 */
export function sourceDocumentText(fileName: string, bytes: Uint8Array, reading: SourceReading = {}): string {
  if (/\.epub$/i.test(fileName)) {
    const book = readEpub(bytes);
    const text = book.spine.map((s) => htmlText(book.documents.get(s.item.path) ?? '', reading)).join('\n');
    return collapseWhitespace(repairDoubleEncoding(text));
  }
  return sourceText(fileName, decodeText(bytes).text, reading);
}

/** Whether a source is read as HTML (an HTML page or an EPUB's documents), where readings have changed. */
export const readAsHtml = (fileName: string) => /\.(?:x?html?|epub)$/i.test(fileName);

/** An HTML document's text without its printed page numbers (`<span class="pagenum">`), which are no part of the prose. */
function htmlText(raw: string, { earlier = false }: SourceReading = {}): string {
  const root = earlier ? parseHtml(raw) : parseBookHtml(raw);
  for (const pageNumber of root.querySelectorAll(PAGE_NUMBERS)) pageNumber.remove();
  // The body only: an XHTML file's XML declaration and <title> are no part of the book.
  const body = root.querySelector('body') ?? root;
  return earlier ? body.structuredText : readableText(body);
}

/** The passage split around its footnote markers: the pieces that must stand in the source as written. */
function pieces(passage: Passage): string[] {
  const out: string[] = [];
  let last = 0;
  for (const ref of passage.footnoteRefs) {
    out.push(passage.text.slice(last, ref.start));
    last = ref.end;
  }
  out.push(passage.text.slice(last));
  return out.map(collapseWhitespace).filter((p) => p !== '');
}

/**
 * Proves each passage and footnote of a work occurs verbatim in its source, allowing only for
 * whitespace and marker syntax. Passages usually follow the source's order, so each search starts
 * where the previous passage was found and falls back to the whole document.
 */
export function verifyAgainstSource(work: Work, source: string): Problem[] {
  const problems: Problem[] = [];
  let cursor = 0;
  const find = (piece: string, from: number) => {
    const at = source.indexOf(piece, from);
    return at >= 0 || from === 0 ? at : source.indexOf(piece);
  };
  for (const passage of work.passages) {
    const parts = pieces(passage);
    const at = find(parts[0] ?? '', cursor);
    let ok = at >= 0;
    let end = at + (parts[0]?.length ?? 0);
    for (const part of parts.slice(1)) {
      if (!ok) break;
      const next = source.indexOf(part, end);
      ok = next >= 0 && next - end <= MAX_MARKER_GAP;
      end = next + part.length;
    }
    if (!ok) {
      const where = passage.chapter ? `chapter ${passage.chapter} ` : '';
      problems.push({
        file: work.file,
        line: passage.line,
        message: `${where}¶ ${passage.n} is not in its source ${work.meta.sourceFile}: "${preview(passage.text)}"`,
      });
    } else cursor = end;
  }
  // Notes too are mostly in the source's order (endnotes at the end): each search starts where the
  // previous note was found, and only a note not found after it is looked for in the whole document.
  let noteCursor = 0;
  for (const footnote of work.footnotes) {
    const text = collapseWhitespace(footnote.text);
    const at = find(text, noteCursor);
    if (at >= 0) noteCursor = at;
    else {
      problems.push({
        file: work.file,
        line: footnote.line,
        message: `footnote [^${footnote.label}] is not in its source ${work.meta.sourceFile}: "${preview(footnote.text)}"`,
      });
    }
  }
  return problems;
}

function preview(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
