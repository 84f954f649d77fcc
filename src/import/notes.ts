import { divisionOf, NAMED } from './headings';
import { noteMarker, NOTE_MARKERS, type BookTree, type MatterRole, type TreeBlock, type TreeNote, type TreeParagraph } from './tree';

/**
 * Markers as books print them: `[1]`, `[a]`, ` *a` (Tocqueville), `(*)`, `(+)`, `(12)` set against
 * a word, `(E1)` (an editor's), `{1}`, `*`, `†`, `‡`, `§` after a word, superscript digits. The groups hold the label.
 */
export const MARKER_PATTERN =
  /\s?(\*\(\d{1,3}\))|\s?\[(\d{1,3}|[a-z]|\*)\]|\s?\*([a-z]{1,2}|\d{1,3})(?![\p{L}\p{N}])|(?<=[\p{L}\p{N}.,;:!?’”"')\]_—-])(?:\((\*{1,3}|\+{1,2}|\d{1,3}|E\d{1,2})\)|\{(\d{1,3})\}|(\*{1,3}|†{1,2}|‡|§)(?![\p{L}\p{N}*])|([¹²³⁴⁵⁶⁷⁸⁹⁰]+))/gu;
/** A paragraph that opens with a label is a note printed after its marker. */
export const NOTE_DEFINITION =
  /^(?:(\*\(\d{1,3}\))|\[(\d{1,3}|[a-z]|\*)\]|\((\*{1,3}|\+{1,2}|\d{1,3})\)|\{(\d{1,3})\}|(\*{1,3}|†{1,2}|‡|§)(?!\s?\*)|([¹²³⁴⁵⁶⁷⁸⁹⁰]+)|(\d{1,3}|E\d{1,2})\.(?=\s))\s*(?=\S)/u;
const SUPERSCRIPTS = '⁰¹²³⁴⁵⁶⁷⁸⁹';
/** A label the corpus accepts: superscripts as digits, "*(2)" as "*2", the ASCII dagger "+" as "†" ("++" "‡"). */
export const normalLabel = (label: string) =>
  label
    .replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]/g, (d) => String(SUPERSCRIPTS.indexOf(d)))
    .replace(/^\*\((\d+)\)$/, '*$1')
    .replace(/^\+\+$/, '‡')
    .replace(/^\+$/, '†');

/** The title of a section of notes. */
const NOTES_TITLE = /^(?:the\s+)?(?:foot)?notes\b/i;
/** A notes section's title standing alone: "FOOTNOTES:", "Notes.", "FOOTNOTE:". */
const NOTES_LINE = /^(?:the\s+)?(?:foot)?notes?[.:]?$/i;

const ROLE_SIGNS: [RegExp, MatterRole][] = [
  [/^(?:translator['’]s\s+note|note\s+(?:of|by)\s+the\s+translator)\b|(?:[—-]\s*|\[|\()(?:tr(?:ans)?|translator)\.?[\])]?\.?$/i, 'translator'],
  [/^(?:editor['’]s\s+note|note\s+(?:of|by)\s+the\s+editor)\b|(?:[—-]\s*|\[|\()(?:ed|editor)\.?[\])]?\.?$/i, 'editor'],
];

/** Whose a note is when it says so ("Translator's note.", "— Ed."), or its label does (`E1`, an editor's). */
export function noteRole(text: string, label = ''): MatterRole | undefined {
  if (/^E\d+$/.test(label)) return 'editor';
  for (const [pattern, role] of ROLE_SIGNS) if (pattern.test(text.trim())) return role;
  return undefined;
}

/**
 * A heading's note markers, as printed (`CHAPTER XVIII(*)`, `The Executive Power *p`) or linked, taken
 * off its title: headings are never passages, and their notes hang on the text under them.
 */
export function takeMarkers(title: string): { title: string; markers: string[] } {
  const markers: string[] = [];
  const rest = title
    .replace(NOTE_MARKERS, (m) => {
      markers.push(m);
      return '';
    })
    .replace(new RegExp(MARKER_PATTERN.source, 'gu'), (m) => {
      markers.push(m.trim());
      return '';
    });
  return { title: markers.length ? rest.replace(/\s+/g, ' ').replace(/\s+([—–-]\s)/, ' $1').trim() : title, markers };
}

/** The label a paragraph opens with when it is a note printed as text (`(*) The present chapter…`), else undefined. */
export function definedLabel(text: string): string | undefined {
  const definition = NOTE_DEFINITION.exec(text);
  const label = definition?.slice(1).find((g) => g !== undefined);
  return label === undefined ? undefined : normalLabel(label);
}

/** The label of a marker as printed (`(*)`, `*p`, `[1]`), as notes are paired by. */
export function markerLabel(marker: string): string | undefined {
  // After a letter, as markers stand: `(*)` alone is no marker.
  const m = new RegExp(MARKER_PATTERN.source, 'u').exec(`x${marker}`);
  const label = m?.slice(1).find((g) => g !== undefined);
  return label === undefined ? undefined : normalLabel(label);
}

/** A first sentence longer than this takes a heading's marker after its first clause. */
const LONG_SENTENCE = 300;

/** The paragraph with the markers set after its first sentence, where a reader of the heading's note looks first. */
export function afterFirstSentence(text: string, markers: string[]): string {
  const end = /(?<!\b(?:Mr|Mrs|Ms|Dr|St|Messrs|No|Nos|vol|pp?|[A-Z]))[.!?]["”’)\]_*]*(?=\s+[\p{Lu}“"‘([—]|\s*$)/u.exec(text);
  let at = end ? end.index + end[0].length : text.length;
  // A long run of a summary ("Reason for which …—The Union will only last …"): after its first clause, where /footnote can show it.
  const clause = at > LONG_SENTENCE ? /\p{L}{2}(?=\s?[—;]\s?\S)/u.exec(text.slice(0, at)) : null;
  if (clause) at = clause.index + clause[0].length;
  return `${text.slice(0, at)}${markers.join('')}${text.slice(at)}`;
}

interface Marker {
  block: TreeParagraph;
  index: number;
  label: string;
  /** Where in the reading order. */
  at: number;
  section: number;
  note?: TreeNote;
}

/**
 * Pairs every note with the markers that point at it: a note printed after its marker takes the
 * nearest marker of its label before it that has no note; a NOTES section's notes take the markers
 * in order (numbered per chapter, they restart with each chapter); a marker whose note was taken by a
 * later marker of the same label in its section shares it (a note referenced twice). Linked markers
 * are already paired. A note no marker points at hangs on the paragraph before it. After this the
 * blocks hold headings and paragraphs only, and `tree.notes` every note by id.
 */
export function pairNotes(tree: BookTree): void {
  const blocks = tree.blocks;
  const markers: Marker[] = [];
  const open = new Map<string, Marker[]>();
  const notes: TreeNote[] = [];
  const paired = new Set<TreeNote>();
  const drop = new Set<TreeBlock>();
  const early = new Map<string, TreeNote>();
  let lastDefinition: TreeNote | undefined;
  const definedIn = new Set<number>();

  let section = 0;
  let inNotesSection = false;
  // Someone else's notes kept as their section's passages (an editor's NOTES by page and line).
  let keptAsPassages = false;
  // Under a notes title (a heading, or a "FOOTNOTES:" line over a chapter's notes) until the next heading.
  let underNotesLine = false;
  // The note a notes section printed last: a paragraph after it that opens with no label goes on with it.
  let lastNote: TreeNote | undefined;
  let nextId = 0;
  const endNotes = trailingNumberedNotes(blocks);

  blocks.forEach((b, at) => {
    if (b.type === 'heading') {
      if (divisionOf(b.title) || NAMED.test(b.title)) {
        section = at;
        inNotesSection = NOTES_TITLE.test(b.title.trim()) || (inNotesSection && !divisionOf(b.title) && !NAMED.test(b.title));
        keptAsPassages = inNotesSection && !!b.matter && b.matter.role !== 'author';
      }
      // Only what stands right under a notes title is taken for notes.
      underNotesLine = (NOTES_TITLE.test(b.title.trim()) || NOTES_LINE.test(b.title.trim())) && !keptAsPassages;
      lastNote = undefined;
      return;
    }
    if (b.type === 'paragraph' && NOTES_LINE.test(b.text.trim())) {
      underNotesLine = true;
      lastNote = undefined;
      drop.add(b);
      return;
    }
    // Plain text: a paragraph standing apart after the notes (two blank lines or more) is the text again.
    if (b.type === 'paragraph' && (b.blanksBefore ?? 0) >= 2 && !NOTE_DEFINITION.test(b.text)) underNotesLine = false;
    const inNotes = inNotesSection || underNotesLine;
    const take = (label: string): Marker | undefined => {
      const queue = open.get(label);
      if (!queue?.length) return undefined;
      if (inNotes) return queue.shift();
      // A note printed in the running text belongs to a marker of its own section, or of an earlier
      // one that prints no notes of its own (two prefaces' notes printed after the second).
      const last = queue.at(-1);
      return last && (last.section === section || !definedIn.has(last.section)) ? queue.pop() : undefined;
    };
    if (b.type === 'note') {
      notes.push(b);
      if (underNotesLine) lastNote = b;
      if (b.linked) return;
      const marker = take(normalLabel(b.label));
      if (marker) {
        marker.note = b;
        paired.add(b);
      } else early.set(normalLabel(b.label), b);
      return;
    }
    // An indented plain-text note goes on in the indented paragraphs right after it (a verse's translator).
    const going = lastDefinition;
    lastDefinition = undefined;
    if (going && b.indented && !NOTE_DEFINITION.test(b.text) && at > 0 && drop.has(blocks[at - 1] as TreeBlock)) {
      going.text = `${going.text} ${b.text}`;
      drop.add(b);
      lastDefinition = going;
      return;
    }
    const definition = NOTE_DEFINITION.exec(b.text);
    const label = definition ? normalLabel(definition.slice(1).find((g) => g !== undefined) ?? '') : undefined;
    if (definition && label && (!/^\d+$/.test(label) || definition[7] === undefined || inNotes || endNotes.has(b))) {
      const marker = take(label);
      if (marker) {
        const note: TreeNote = { type: 'note', id: `n${nextId++}`, label, text: b.text.slice(definition[0].length), line: b.line, linked: false, ...(b.file ? { file: b.file } : {}) };
        if (b.endLine) note.endLine = b.endLine;
        marker.note = note;
        notes.push(note);
        paired.add(note);
        drop.add(b);
        definedIn.add(section);
        lastDefinition = b.indented ? note : undefined;
        if (underNotesLine) lastNote = note;
        return;
      }
    }
    if (underNotesLine) {
      // A note printed over several paragraphs ("[7] Author's note." / "How little Bachofen…") is one note.
      if (lastNote && !definition) {
        lastNote.text = `${lastNote.text} ${b.text}`;
        lastNote.endLine = b.endLine ?? b.line;
        drop.add(b);
        return;
      }
      // Words of a notes section that are no note a marker points at: reported, never the author's passages.
      lastNote = undefined;
      tree.leftOut.push({ kind: 'notes', line: b.line, endLine: b.endLine ?? b.line, ...(b.file ? { file: b.file } : {}), title: b.text.slice(0, 60) });
      drop.add(b);
      return;
    }
    for (const m of b.text.matchAll(MARKER_PATTERN)) {
      const raw = m.slice(1).find((g) => g !== undefined);
      if (raw === undefined || (m.index === 0 && definition)) continue;
      const marker: Marker = { block: b, index: m.index, label: normalLabel(raw), at, section };
      markers.push(marker);
      // A note printed before its marker waits for the next marker of its label.
      const waiting = early.get(marker.label);
      if (waiting) {
        marker.note = waiting;
        paired.add(waiting);
        early.delete(marker.label);
        continue;
      }
      const queue = open.get(marker.label) ?? [];
      queue.push(marker);
      open.set(marker.label, queue);
    }
  });

  // A marker left without a note shares the note of its label that follows it in its section.
  const nextPaired = new Map<string, Marker>();
  for (let k = markers.length - 1; k >= 0; k--) {
    const m = markers[k] as Marker;
    if (m.note) {
      nextPaired.set(m.label, m);
      continue;
    }
    const later = nextPaired.get(m.label);
    if (later?.note && later.section === m.section) m.note = later.note;
  }

  // The markers written as links to their notes.
  const byBlock = new Map<TreeParagraph, Marker[]>();
  for (const m of markers) if (m.note) byBlock.set(m.block, [...(byBlock.get(m.block) ?? []), m]);
  for (const [block, list] of byBlock) {
    const texts = block.text;
    let out = '';
    let last = 0;
    const re = new RegExp(MARKER_PATTERN.source, 'gu');
    const at = new Map(list.map((m) => [m.index, m]));
    for (const m of texts.matchAll(re)) {
      const marker = at.get(m.index);
      if (!marker?.note) continue;
      out += texts.slice(last, m.index) + noteMarker(marker.note.id);
      last = m.index + m[0].length;
    }
    block.text = out + texts.slice(last);
  }

  // Every note into the map; a note no marker points at hangs on the paragraph before it.
  const referenced = new Set<string>();
  for (const b of blocks) if (b.type === 'paragraph') for (const m of b.text.matchAll(NOTE_MARKERS)) referenced.add(m[1] ?? '');
  let previous: TreeParagraph | undefined;
  const out: TreeBlock[] = [];
  for (const b of blocks) {
    if (drop.has(b)) continue;
    if (b.type === 'paragraph') previous = b;
    if (b.type !== 'note') {
      out.push(b);
      continue;
    }
    if (!referenced.has(b.id)) {
      if (!previous) {
        tree.unplaced.push({ line: b.line, message: `note [${b.label}] has no marker and no paragraph before it` });
        continue;
      }
      previous.text += noteMarker(b.id);
      referenced.add(b.id);
    }
    const role = b.role ?? noteRole(b.text, b.label);
    tree.notes.set(b.id, role ? { ...b, role } : b);
  }
  for (const note of notes) {
    if (tree.notes.has(note.id) || !referenced.has(note.id)) continue;
    const role = note.role ?? noteRole(note.text, note.label);
    tree.notes.set(note.id, role ? { ...note, role } : note);
  }
  tree.blocks = dropEmptyNoteSections(out);
}

/**
 * The paragraphs numbered "1. …", "2. …" that end a section (after the Federalist's "PUBLIUS"):
 * notes printed at a chapter's end, when a marker of their number points at them. A numbered list
 * inside the text has text after it, and stays text.
 */
function trailingNumberedNotes(blocks: TreeBlock[]): Set<TreeBlock> {
  const found = new Set<TreeBlock>();
  let atEnd = true;
  for (let i = blocks.length - 1; i >= 0; i--) {
    const b = blocks[i] as TreeBlock;
    if (b.type === 'heading') atEnd = true;
    else if (b.type === 'paragraph') {
      if (atEnd && NOTE_DEFINITION.exec(b.text)?.[7] !== undefined) found.add(b);
      else atEnd = false;
    }
  }
  return found;
}

/** A NOTES heading whose notes all went to their markers heads nothing: it goes. */
function dropEmptyNoteSections(blocks: TreeBlock[]): TreeBlock[] {
  return blocks.filter((b, i) => {
    if (b.type !== 'heading' || !NOTES_LINE.test(b.title.trim())) return true;
    const next = blocks[i + 1];
    return next !== undefined && next.type === 'paragraph';
  });
}
