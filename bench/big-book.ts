import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { decodeText } from '../src/corpus/encoding';

const START = /^\*{3}\s*START OF (?:THE|THIS) PROJECT GUTENBERG.*$/im;
const END = /^\*{3}\s*END OF (?:THE|THIS) PROJECT GUTENBERG.*$/im;

/**
 * One plain-text book of at least `mb` megabytes: the bodies of the Gutenberg books in `dir`
 * (each read in its own encoding, written as UTF-8), one after another, repeated as needed, under
 * one Gutenberg header and licence: a book far longer than any real one, to time the importer on.
 */
export async function writeBigBook(dir: string, file: string, mb: number): Promise<void> {
  const bodies: string[] = [];
  for (const name of (await readdir(dir)).filter((n) => n.endsWith('.txt')).sort()) {
    const text = decodeText(await readFile(path.join(dir, name))).text;
    const from = START.exec(text);
    const to = END.exec(text);
    if (from && to) bodies.push(text.slice(from.index + from[0].length, to.index));
  }
  if (!bodies.length) throw new Error(`no Gutenberg books in ${dir}`);
  const parts = ['Title: Many Books\n\nAuthor: Many Hands\n\n*** START OF THE PROJECT GUTENBERG EBOOK MANY BOOKS ***\n'];
  let size = 0;
  for (let i = 0; size < mb * 2 ** 20; i++) {
    const body = bodies[i % bodies.length] ?? '';
    parts.push(body);
    size += Buffer.byteLength(body);
  }
  parts.push('*** END OF THE PROJECT GUTENBERG EBOOK MANY BOOKS ***\n');
  await writeFile(file, parts.join('\n'));
}
