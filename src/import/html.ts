/* eslint-disable no-control-regex -- private delimiters (U+0000–U+0005) mark notes and anchors; they never occur in prose */
import { HTMLElement, Node, NodeType, parse } from 'node-html-parser';
import { collapseWhitespace, PAGE_NUMBERS } from '../corpus/sources';
import { ANCHOR_CLOSE, ANCHOR_OPEN, assemble, type SourceItem } from './assemble';
import { titlePageMeta } from './headings';
import { gutenbergHeaderMeta, htmlMetaTags, htmlTitleMeta, mergeMeta } from './metadata';
import type { ImportedWork } from './types';
import { lineIndexOf } from './lines';

const BLOCK = new Set(['p', 'div', 'li', 'ul', 'ol', 'dl', 'dd', 'dt', 'td', 'th', 'tr', 'table', 'tbody', 'thead', 'blockquote', 'pre', 'section', 'article', 'aside', 'header', 'footer', 'main', 'nav', 'body', 'center', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'figure', 'figcaption']);
const SKIP = new Set(['head', 'style', 'script', 'img', 'hr', 'nav']);
const NOTE_CONTAINER = new Set(['p', 'div', 'li', 'aside', 'dd', 'section', 'td', 'blockquote']);
const LABEL = /^\[?\(?([\w*†‡§]{1,4})\)?\]?$/;
const BACK_LINK = /^(?:\[?\(?[\w*†‡§]{1,4}\)?\]?|↩|\^|back|return)$/i;
const BOILERPLATE = /^(?:pg-header|pg-footer|pg-machine-header|pg-start-separator|pg-end-separator)$|pg-boilerplate/;

/** An HTML book, Project Gutenberg or Marxists Internet Archive style. */
export function importHtml(raw: string): ImportedWork {
  const root = parse(raw, { comment: false });
  const lineStarts = [0];
  for (let i = 0; i < raw.length; i++) if (raw[i] === '\n') lineStarts.push(i + 1);
  const lineOf = (node: Node) => lineIndexOf(lineStarts, node.range?.[0] ?? 0) + 1;

  const tags = htmlMetaTags(root);
  const fromTitle = htmlTitleMeta(root);
  // A Gutenberg page carries the plain-text header ("Title:", "Author:") before its START line.
  const bodyText = (root.querySelector('body') ?? root).text;
  const startAt = bodyText.search(/\*{3}\s*START OF (?:THE|THIS) PROJECT GUTENBERG/i);
  const header = gutenbergHeaderMeta(startAt < 0 ? [] : bodyText.slice(0, startAt).split('\n'));
  for (const node of root.querySelectorAll(PAGE_NUMBERS)) node.remove();

  // Footnotes linked by anchors: <a href="#fn1">1</a> in the text, the note holding id="fn1".
  const notes = new Map<HTMLElement, { id: string; label: string; line: number }>();
  for (const anchor of root.querySelectorAll('a[href^="#"]')) {
    const label = LABEL.exec(anchor.text.trim())?.[1];
    const target = (anchor.getAttribute('href') ?? '').slice(1);
    if (!label || !target) continue;
    const found = root.getElementById(target) ?? root.querySelector(`[name="${target}"]`);
    const container = found ? noteContainer(found) : undefined;
    if (!container || isInside(anchor, container) || /^h\d$/.test(container.tagName.toLowerCase())) continue;
    // The note opens with its label; the paragraph a back-link points to does not.
    const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    if (!new RegExp(`^[\\[(]?${escaped}(?!\\w)`).test(container.structuredText.trim())) continue;
    if (!notes.has(container)) notes.set(container, { id: String(notes.size), label, line: lineOf(container) });
    const note = notes.get(container);
    if (note) anchor.replaceWith(`${ANCHOR_OPEN}${note.id}${ANCHOR_CLOSE}`);
  }

  const items: SourceItem[] = [];
  let state: 'before' | 'body' | 'after' = 'body';
  if (/\*{3}\s*START OF (?:THE|THIS) PROJECT GUTENBERG/i.test(root.text)) state = 'before';
  const emitText = (text: string, line: number) => {
    if (state !== 'body') return;
    items.push({ kind: 'line', text: '', line });
    text.split('\n').forEach((t, i) => items.push({ kind: 'line', text: t, line: line + i }));
  };
  const walk = (el: HTMLElement) => {
    const tag = el.tagName?.toLowerCase() ?? '';
    if (SKIP.has(tag) || BOILERPLATE.test(el.id) || BOILERPLATE.test(el.getAttribute('class') ?? '')) return;
    const text = el.structuredText;
    if (/\*{3}\s*START OF (?:THE|THIS) PROJECT GUTENBERG/i.test(text) && !el.querySelector('p, div, h1, h2')) {
      state = 'body';
      return;
    }
    if (/\*{3}\s*END OF (?:THE|THIS) PROJECT GUTENBERG/i.test(text) && !el.querySelector('p, div, h1, h2')) {
      state = 'after';
      return;
    }
    const note = notes.get(el);
    if (note) {
      if (state === 'body') items.push({ kind: 'note', id: note.id, label: note.label, text: noteText(el, note.label), line: note.line });
      return;
    }
    const heading = /^h([1-6])$/.exec(tag);
    if (heading) {
      const title = collapseWhitespace(text.replace(/[\u0001\u0002]\d*/g, ''));
      if (title && state === 'body') items.push({ kind: 'heading', level: Number(heading[1]) as 1, title, line: lineOf(el) });
      return;
    }
    if (!el.childNodes.some((c) => c instanceof HTMLElement && BLOCK.has(c.tagName.toLowerCase()))) {
      if (text.trim()) emitText(text, lineOf(el));
      return;
    }
    // Mixed content: inline runs between block children stand as paragraphs of their own.
    let run: Node[] = [];
    const flushRun = () => {
      const t = run.map((n) => (n instanceof HTMLElement ? n.structuredText : n.nodeType === NodeType.TEXT_NODE ? n.text : '')).join('');
      if (t.trim() && run[0]) emitText(t, lineOf(run[0]));
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
  walk(root.querySelector('body') ?? root);

  const assembled = assemble(items, { inferHeadings: false });
  const page = titlePageMeta(assembled.titlePage);
  const meta = mergeMeta(tags, header, { ...page }, fromTitle);
  return { format: 'html', meta, blocks: assembled.blocks, unplaced: assembled.unplaced, skipped: assembled.skipped };
}

function isInside(node: Node, container: HTMLElement): boolean {
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

/** A note's text without its back-links and leading label. */
function noteText(el: HTMLElement, label: string): string {
  const copy = parse(el.outerHTML).firstChild as HTMLElement;
  for (const a of copy.querySelectorAll('a')) if (BACK_LINK.test(a.text.trim())) a.remove();
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return copy.structuredText
    .replace(/[\u0001\u0002]\d*/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(new RegExp(`^\\[?${escaped}\\]?[.):]?\\s+`), '')
    .replace(/^[.):]\s*/, '');
}
