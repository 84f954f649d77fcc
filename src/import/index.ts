import path from 'node:path';
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
