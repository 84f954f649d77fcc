/**
 * A work generated with many footnotes, to measure how start-up scales with them (`npm run bench`)
 * and to check the large case (test/corpus/parse.test.ts): chapters of 100 paragraphs, each with one
 * note, numbered 1–100 again in every chapter as long books do, and a source the work is proven
 * against. Generated on demand; nothing large is committed.
 */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const NOTES_PER_CHAPTER = 100;

/** The work's Markdown and its source text. */
export function manyNotesWork(notes: number): { markdown: string; source: string } {
  const body: string[] = [];
  const source: string[] = [];
  for (let n = 1; n <= notes; n++) {
    const label = ((n - 1) % NOTES_PER_CHAPTER) + 1;
    if (label === 1) {
      const chapter = Math.ceil(n / NOTES_PER_CHAPTER);
      body.push(`## Chapter ${chapter}`, '');
      source.push(`CHAPTER ${chapter}`, '');
    }
    body.push(`Paragraph ${n} tells of letter ${n} sent to the committee[^${label}].`, '', `[^${label}]: The committee of ${n} members.`, '');
    source.push(`Paragraph ${n} tells of letter ${n} sent to the committee [${label}].`, '', `${label}. The committee of ${n} members.`, '');
  }
  const front = ['---', 'id: many-notes', 'title: Many Notes', 'author: A. Writer', 'source_file: many-notes.txt', '---', ''];
  return { markdown: `${[...front, ...body].join('\n')}\n`, source: `${source.join('\n')}\n` };
}

/** A corpus folder holding only that work (a new temporary folder unless `dir` is given). */
export async function writeManyNotesCorpus(notes: number, dir?: string): Promise<string> {
  const root = dir ?? (await mkdtemp(path.join(tmpdir(), 'marginalia-many-notes-')));
  await mkdir(path.join(root, 'sources'), { recursive: true });
  const { markdown, source } = manyNotesWork(notes);
  await writeFile(path.join(root, 'many-notes.md'), markdown);
  await writeFile(path.join(root, 'sources', 'many-notes.txt'), source);
  return root;
}
