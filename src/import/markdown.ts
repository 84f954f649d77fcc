import { parseWork } from '../corpus/parse';
import { emptyTree, type BookTree } from './tree';

/** Markdown already in the corpus format: validated, then copied as is. Its tree serves the plan and summary. */
export function readMarkdown(text: string, file: string): BookTree {
  const { work, problems } = parseWork(text, file);
  const tree = emptyTree('markdown');
  tree.unplaced = problems.map((p) => ({ line: p.line, message: p.message }));
  if (!work) return tree;
  const { id, sourceFile, ...meta } = work.meta;
  tree.meta = meta;
  tree.markdown = { text, id, sourceFile };
  let chapter = 0;
  for (const passage of work.passages) {
    const c = work.chapters[passage.chapter - 1];
    if (passage.chapter !== chapter && c) {
      tree.blocks.push({ type: 'heading', title: c.title, line: passage.line, kind: 'chapter', n: passage.chapter, depth: 2 });
      chapter = passage.chapter;
    }
    tree.blocks.push({ type: 'paragraph', text: passage.text, line: passage.line });
  }
  for (const f of work.footnotes) tree.notes.set(f.key, { type: 'note', id: f.key, label: f.label, text: f.text, line: f.line, linked: true });
  return tree;
}
