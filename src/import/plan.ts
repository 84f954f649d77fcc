import { LOCATOR_KEYS, NOTE_MARKERS, type BookTree, type LeftOut, type TreeHeading, type TreeNote } from './tree';
import { opensSection } from './write';

const FORMAT_NAMES = { gutenberg: 'plain text', html: 'HTML', markdown: 'corpus Markdown', epub: 'EPUB' } as const;
/** Sibling sections beyond this many are shown as their first and last two. */
const MAX_SIBLINGS = 8;
const TITLE_WIDTH = 60;

interface Node {
  heading?: TreeHeading;
  /** Paragraphs directly in the section. */
  own: number;
  notes: number;
  children: Node[];
}

const total = (n: Node): number => n.own + n.children.reduce((s, c) => s + total(c), 0);
const totalNotes = (n: Node): number => n.notes + n.children.reduce((s, c) => s + totalNotes(c), 0);

/** "bk. 9", "ch. 3", "Preface". */
export function locatorOf(h: TreeHeading): string {
  if (h.kind && h.n !== undefined) return `${LOCATOR_KEYS[h.kind]}. ${h.n}`;
  return h.loc ?? '';
}

function buildTree(tree: BookTree): Node {
  const root: Node = { own: 0, notes: 0, children: [] };
  const stack: { depth: number; node: Node }[] = [{ depth: 0, node: root }];
  for (const b of tree.blocks) {
    if (b.type === 'heading') {
      if (!opensSection(b)) continue;
      const depth = b.depth ?? 1;
      while ((stack.at(-1)?.depth ?? 0) >= depth) stack.pop();
      const node: Node = { heading: b, own: 0, notes: 0, children: [] };
      stack.at(-1)?.node.children.push(node);
      stack.push({ depth, node });
      continue;
    }
    if (b.type !== 'paragraph') continue;
    const node = stack.at(-1)?.node ?? root;
    node.own++;
    node.notes += [...b.text.matchAll(NOTE_MARKERS)].length;
  }
  return root;
}

const words = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
const sameWords = (a: string, b: string) => words(a) === words(b);

const shorten = (text: string, width = TITLE_WIDTH) => (text.length > width ? `${text.slice(0, width - 1)}…` : text);

/** `12–40`, or `epub/text/colophon.xhtml:9–42` for a book of several files. */
export function lineRange(l: LeftOut): string {
  const where = l.file ? `${l.file}:` : '';
  return l.endLine && l.endLine !== l.line ? `${where}${l.line}–${l.endLine}` : `${where}${l.line}`;
}

/**
 * What an import would make of a book, on one screen: the sections found with their passage and
 * note counts (long runs of sibling sections collapsed to their ends), what was kept as someone
 * else's words, what was left out with its lines, the notes, and what could not be placed.
 */
export function planText(tree: BookTree, input: string): string {
  const root = buildTree(tree);
  const paragraphs = tree.blocks.filter((b) => b.type === 'paragraph').length;
  const sections = tree.blocks.filter((b): b is TreeHeading => b.type === 'heading' && opensSection(b));
  const out: string[] = [
    `Plan for ${input} (${FORMAT_NAMES[tree.format]})`,
    `  title:      ${tree.meta.title || '(none found)'}`,
    `  author:     ${tree.meta.author ?? '(none)'}${tree.meta.translator ? `; translator: ${tree.meta.translator}` : ''}`,
    `  passages:   ${paragraphs} in ${sections.length} section${sections.length === 1 ? '' : 's'}; notes: ${tree.notes.size}`,
    '',
    'Structure (¶ passages, n notes):',
  ];
  if (root.own) out.push(`  (before any section) ${root.own} ¶`);
  const print = (nodes: Node[], indent: string) => {
    const line = (n: Node) => {
      const h = n.heading as TreeHeading;
      const loc = locatorOf(h);
      const role = h.matter && h.matter.role !== 'author' ? ` [${h.matter.role}]` : '';
      const author = h.author ? ` [by ${h.author}]` : '';
      const notes = totalNotes(n) ? `, ${totalNotes(n)} n` : '';
      // A section located by its own title ("Introductory Chapter") shows it once.
      const where = sameWords(loc, h.title) ? '' : `${loc.padEnd(8)} `;
      out.push(`${indent}${where}${shorten(h.title)}${role}${author} — ${total(n)} ¶${notes}`);
      print(n.children, `${indent}  `);
    };
    if (nodes.length <= MAX_SIBLINGS) {
      nodes.forEach(line);
      return;
    }
    nodes.slice(0, 2).forEach(line);
    const hidden = nodes.slice(2, -2);
    const first = hidden[0]?.heading;
    const last = hidden.at(-1)?.heading;
    const span = first && last ? `${locatorOf(first)} … ${locatorOf(last)}` : '';
    out.push(`${indent}… ${hidden.length} more (${span}): ${hidden.reduce((s, n) => s + total(n), 0)} ¶, ${hidden.reduce((s, n) => s + totalNotes(n), 0)} n`);
    nodes.slice(-2).forEach(line);
  };
  print(root.children, '  ');
  if (!sections.length) out.push('  (no sections)');
  // Headings inside a section (sub-headings): their passages keep its locator and carry their title.
  const inner = tree.blocks.filter((b): b is TreeHeading => b.type === 'heading' && !opensSection(b));
  if (inner.length) out.push(`  sub-headings: ${inner.length}; first: ${inner.slice(0, 3).map((h) => `"${shorten(h.title, 40)}"`).join(', ')}`);

  out.push('', 'Left out (lines):');
  if (!tree.leftOut.length) out.push('  nothing');
  const groups = new Map<string, LeftOut[]>();
  for (const l of tree.leftOut) groups.set(l.kind, [...(groups.get(l.kind) ?? []), l]);
  for (const [kind, list] of groups) {
    const shown = list.slice(0, 4).map((l) => `${lineRange(l)}${l.title && list.length <= 4 ? ` "${shorten(l.title, 40)}"` : ''}`);
    out.push(`  ${kind}${list.length > 1 ? ` ×${list.length}` : ''}: ${shown.join('; ')}${list.length > 4 ? '; …' : ''}`);
  }

  const notes = [...tree.notes.values()];
  out.push('', `Notes: ${notes.length}`);
  const byRole = new Map<string, number>();
  for (const n of notes) byRole.set(n.role ?? 'author', (byRole.get(n.role ?? 'author') ?? 0) + 1);
  // The first note the book prints, wherever the decisions found it.
  const first = notes.reduce<TreeNote | undefined>((a, n) => (!a || (n.file ?? '').localeCompare(a.file ?? '') < 0 || ((n.file ?? '') === (a.file ?? '') && n.line < a.line) ? n : a), undefined);
  if (first) out.push(`  by ${[...byRole].map(([r, c]) => `${r} ${c}`).join(', ')}; first: [${first.label}] line ${first.line}: "${shorten(first.text, 50)}"`);

  out.push('', `Unplaced: ${tree.unplaced.length ? '' : 'none'}`);
  for (const u of tree.unplaced.slice(0, 10)) out.push(`  line ${u.line}: ${u.message}`);
  if (tree.unplaced.length > 10) out.push(`  … ${tree.unplaced.length - 10} more`);
  return `${out.join('\n')}\n`;
}
