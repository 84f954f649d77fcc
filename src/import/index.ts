import path from 'node:path';
import { decodeText } from '../corpus/encoding';
import { EpubError } from '../corpus/epub';
import { detectFormat } from './detect';
import { importGutenberg } from './gutenberg';
import { importHtml } from './html';
import { importMarkdown } from './markdown';
import type { ImportedWork } from './types';

export * from './types';
export * from './tree';
export { detectFormat } from './detect';
export { importGutenberg } from './gutenberg';
export { importHtml } from './html';
export { importMarkdown } from './markdown';
export { slugify, writeMarkdown } from './write';
export { summarize, namesIn } from './summary';

/** Imports a book's text, choosing the format from its name and content. */
export function importText(fileName: string, text: string): ImportedWork {
  const format = detectFormat(fileName, text);
  if (format === 'html') return importHtml(text);
  if (format === 'markdown') return importMarkdown(text, path.basename(fileName));
  return importGutenberg(text);
}

/** The book's bytes read as the format their name and content say: an EPUB archive, or text in its own encoding. */
export function importBytes(fileName: string, bytes: Uint8Array): ImportedWork {
  if (isEpub(fileName, bytes)) throw new EpubError('EPUB books cannot be imported yet');
  return importText(fileName, decodeText(bytes).text);
}

/** An `.epub` file, or a zip archive whose first entry is the EPUB `mimetype`. */
export function isEpub(fileName: string, bytes: Uint8Array): boolean {
  if (/\.epub$/i.test(fileName)) return true;
  return Buffer.from(bytes.subarray(0, 58)).toString('latin1').startsWith('PK\x03\x04') && Buffer.from(bytes.subarray(30, 58)).toString('latin1') === 'mimetypeapplication/epub+zip';
}
