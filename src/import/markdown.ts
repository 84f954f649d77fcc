import { parseWork } from '../corpus/parse';
import type { ImportedBlock, ImportedWork } from './types';

/** Markdown already in the corpus format: validated, then copied as is. */
export function importMarkdown(text: string, file: string): ImportedWork {
  const { work, problems } = parseWork(text, file);
  const unplaced = problems.map((p) => ({ line: p.line, message: p.message }));
  if (!work) return { format: 'markdown', meta: { title: '' }, blocks: [], unplaced, skipped: [] };
  const { id, sourceFile, ...meta } = work.meta;
  const blocks: ImportedBlock[] = [];
  const chapters = new Map(work.chapters.map((c) => [c.n, c]));
  let chapter = 0;
  let part: string | undefined;
  for (const passage of work.passages) {
    const c = chapters.get(passage.chapter);
    if (passage.chapter !== chapter && c) {
      if (c.part && c.part !== part) blocks.push({ kind: 'part', title: c.part, line: passage.line });
      part = c.part;
      blocks.push({ kind: 'chapter', title: c.title, line: passage.line });
      chapter = passage.chapter;
    }
    const notes = passage.footnoteRefs.flatMap((r) => work.footnotes.filter((f) => f.key === r.key).map((f) => ({ label: f.label, text: f.text, line: f.line })));
    blocks.push({ kind: 'paragraph', text: passage.text, line: passage.line, notes });
  }
  return { format: 'markdown', meta, blocks, unplaced, skipped: [], markdown: { text, id, sourceFile } };
}
