import path from 'node:path';
import { decodeText } from '../corpus/encoding';
import { decideTree } from './decide';
import { detectFormat } from './detect';
import { importEpub } from './epub';
import { readPlainText } from './gutenberg';
import { readHtml } from './html';
import { readMarkdown } from './markdown';
import type { BookTree } from './tree';

export * from './types';
export * from './tree';
export { detectFormat } from './detect';
export { decideTree } from './decide';
export { readPlainText } from './gutenberg';
export { htmlBlocks, readHtml } from './html';
export { readMarkdown } from './markdown';
export { slugify, writeMarkdown } from './write';
export { planText } from './plan';
export { summarize, namesIn } from './summary';

/** Reads a book's text into its tree, choosing the format from its name and content, and takes the tree's decisions. */
export function importText(fileName: string, text: string): BookTree {
  const format = detectFormat(fileName, text);
  if (format === 'markdown') return readMarkdown(text, path.basename(fileName));
  return decideTree(format === 'html' ? readHtml(text) : readPlainText(text));
}

/** The book's bytes read as the format their name and content say: an EPUB archive, or text in its own encoding. */
export function importBytes(fileName: string, bytes: Uint8Array): BookTree {
  if (isEpub(fileName, bytes)) return decideTree(importEpub(bytes));
  return importText(fileName, decodeText(bytes).text);
}

/** An `.epub` file, or a zip archive whose first entry is the EPUB `mimetype`. */
export function isEpub(fileName: string, bytes: Uint8Array): boolean {
  if (/\.epub$/i.test(fileName)) return true;
  return Buffer.from(bytes.subarray(0, 58)).toString('latin1').startsWith('PK\x03\x04') && Buffer.from(bytes.subarray(30, 58)).toString('latin1') === 'mimetypeapplication/epub+zip';
}
