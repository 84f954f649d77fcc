import type { Format } from './types';

/** Chooses the importer from the file name, then from the content. */
export function detectFormat(fileName: string, text: string): Format {
  if (/\.x?html?$/i.test(fileName)) return 'html';
  if (/\.(?:md|markdown)$/i.test(fileName)) return 'markdown';
  const head = text.replace(/^\uFEFF/, '').slice(0, 2000).trimStart();
  if (/^<(?:!doctype html|html|\?xml)/i.test(head)) return 'html';
  if (/^---\r?\n[\s\S]*?\bsource_file:/.test(head)) return 'markdown';
  return 'gutenberg';
}
