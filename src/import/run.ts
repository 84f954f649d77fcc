import { mkdir, mkdtemp, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { EpubError } from '../corpus/epub';
import { checkCorpus, formatProblems, SOURCES_DIR } from '../corpus/load';
import { isBareFileName, parseWork, workIdSchema } from '../corpus/parse';
import type { WorkMeta } from '../corpus/types';
import { mergeFrontMatter } from './front-matter';
import { importBytes } from './index';
import { shortTitle } from './metadata';
import { planText } from './plan';
import { formatUnplaced, summarize } from './summary';
import type { BookTree } from './tree';
import type { ImportMeta } from './types';
import { slugify, writeMarkdown } from './write';

export interface ImportOptions {
  file: string;
  id?: string;
  /** The corpus folder to write into. */
  out: string;
  /** Attribution given on the command line: wins over what the book says and over hand edits. */
  meta?: Partial<ImportMeta>;
  /** Discard front-matter fields edited by hand in the existing file. */
  resetMetadata?: boolean;
  /** Print the tree the import would write, and write nothing. */
  plan?: boolean;
}

export interface ImportResult {
  ok: boolean;
  /** The summary on success, every reason on failure. */
  report: string;
  written?: string;
}

/** Staging folders live inside the corpus folder (one filesystem, so moving into place is a rename); the corpus reads only `*.md`. */
const STAGE_PREFIX = '.import-';
const BINARY_PROBE = 64 * 1024;
const NOTHING = Buffer.alloc(0);

/**
 * Imports one book into a corpus folder: `<out>/<id>.md` and the source copied byte for byte into
 * `<out>/sources/`. The work is proven with the corpus's own validation in a staging folder inside
 * `out`, then renamed into place: on any failure nothing existing is changed, and nothing is ever
 * written outside `out`.
 */
export async function importBook(options: ImportOptions): Promise<ImportResult> {
  const fail = (why: string[]): ImportResult => ({
    ok: false,
    report: why.length === 1 ? `Could not import ${options.file}: ${why[0]?.trim()}\n` : `Could not import ${options.file}:\n${why.join('\n')}\n`,
  });
  const outProblem = await outFolderProblem(options.out);
  if (outProblem && !options.plan) return fail([outProblem]);
  const input = await readInput(options.file);
  if ('problem' in input) return fail([input.problem]);

  let imported: BookTree;
  try {
    imported = importBytes(options.file, input.bytes);
  } catch (error) {
    if (error instanceof EpubError) return fail([`${error.message}.`]);
    throw error;
  }
  if (options.plan) return { ok: true, report: planText({ ...imported, meta: { ...imported.meta, ...options.meta } }, options.file) };
  if (imported.unplaced.length) {
    const n = imported.unplaced.length;
    return fail([`  ${n} thing${n === 1 ? '' : 's'} could not be placed:`, ...formatUnplaced(imported.unplaced).map((l) => `  ${l}`)]);
  }
  if (imported.markdown && options.id !== undefined && options.id !== imported.markdown.id) {
    return fail([`a corpus Markdown file is copied as is; its id is "${imported.markdown.id}", not "${options.id}".`]);
  }
  const title = options.meta?.title ?? imported.meta.title;
  // Named by the short title ("the-wealth-of-nations", not "an-inquiry-into-the-nature-and-causes-of"),
  // unless this very book was imported before: a re-import keeps its id, so it replaces its file.
  const short = options.meta?.shortTitle ?? (options.meta?.title ? shortTitle(options.meta.title) : imported.meta.shortTitle);
  const existing = await worksIn(options.out);
  const id = options.id ?? imported.markdown?.id ?? (await earlierImportId(options.out, existing, path.basename(options.file), input.bytes)) ?? slugify(short || title);
  if (!workIdSchema.safeParse(id).success) return fail([`the id "${id}" must be 1–48 lowercase letters, digits and hyphens.`]);
  if (!title) return fail(['no title found; give one with --title.']);

  // The received document: the book itself, or for corpus Markdown the source it names.
  let original = path.basename(options.file);
  let sourceBytes = input.bytes;
  if (imported.markdown) {
    original = imported.markdown.sourceFile;
    // parseWork refused any other name, so this is inside the Markdown file's own folder.
    if (!isBareFileName(original)) return fail([`its source_file ${original} is not a bare file name.`]);
    const dir = path.dirname(options.file);
    const candidates = [path.join(dir, SOURCES_DIR, original), path.join(dir, original)];
    const found = await firstReadable(candidates);
    if (!found) return fail([`its source ${original} is in neither ${candidates.join(' nor ')}.`]);
    sourceBytes = found;
  }

  const target = await targetOf(existing, id, original);
  if ('clash' in target) return fail([`${target.clash}; choose another --id.`]);
  const sourceFile = target.reimport?.sourceFile ?? (await freeSourceName(options.out, original, sourceBytes));

  let markdown: string;
  let kept: string[] = [];
  if (imported.markdown) markdown = imported.markdown.text;
  else ({ markdown, kept } = mergeFrontMatter(writeMarkdown(imported, id, sourceFile), target.reimport?.text, options.meta ?? {}, options.resetMetadata ?? false));
  // The tree has been written: its paragraphs and notes go before the corpus proves the file, so a
  // 30 MB book never holds both at once (the summary needs only the format and what was left out).
  imported.blocks = [];
  imported.notes.clear();

  await mkdir(options.out, { recursive: true });
  const stage = await mkdtemp(path.join(options.out, STAGE_PREFIX));
  try {
    await mkdir(path.join(stage, SOURCES_DIR));
    await writeFile(path.join(stage, SOURCES_DIR, sourceFile), sourceBytes);
    await writeFile(path.join(stage, `${id}.md`), markdown);
    // The proof reads both files again: what was written is let go first, so it is not held twice.
    markdown = '';
    sourceBytes = input.bytes = NOTHING;
    if (imported.markdown) imported.markdown.text = '';
    const { corpus, problems } = await checkCorpus(stage);
    const work = corpus.works[0];
    if (problems.length || !work) return fail(formatProblems(`${id}.md`, problems.map((p) => ({ ...p, file: path.relative(stage, p.file) }))).split('\n').map((l) => `  ${l}`));

    const written = path.join(options.out, `${id}.md`);
    await moveIntoPlace(stage, [
      { from: path.join(stage, SOURCES_DIR, sourceFile), to: path.join(options.out, SOURCES_DIR, sourceFile) },
      { from: path.join(stage, `${id}.md`), to: written },
    ]);
    const keptLine = kept.length ? `  kept:        ${kept.join(', ')} (edited by hand; --reset-metadata discards them)\n` : '';
    return { ok: true, report: summarize(imported, work, options.file, written) + keptLine, written };
  } finally {
    await rm(stage, { recursive: true, force: true });
  }
}

/** Why `out` cannot be the corpus folder, as one sentence. A missing folder is made. */
async function outFolderProblem(out: string): Promise<string | undefined> {
  const found = await stat(out).catch(() => undefined);
  if (found && !found.isDirectory()) return `--out ${out} names a file, not a folder.`;
  return undefined;
}

/** The book's bytes, or why they cannot be imported, as one sentence. */
async function readInput(file: string): Promise<{ bytes: Buffer } | { problem: string }> {
  const found = await stat(file).catch((error: NodeJS.ErrnoException) => error);
  if (found instanceof Error) return { problem: found.code === 'ENOENT' ? 'the file does not exist.' : `the file cannot be read (${found.code ?? found.message}).` };
  if (found.isDirectory()) return { problem: 'it is a folder, not a file.' };
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    return { problem: `the file cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).` };
  }
  if (isBinary(file, bytes)) return { problem: 'it is a binary file, not a book in plain text, HTML, Markdown or EPUB.' };
  return { bytes };
}

/** NUL bytes in the first 64 KB, outside UTF-16 text and an EPUB's zip archive, mean the file is no text. */
function isBinary(file: string, bytes: Buffer): boolean {
  if (/\.epub$/i.test(file) || bytes.subarray(0, 4).equals(Buffer.from('PK\x03\x04', 'latin1'))) return false;
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return false;
  return bytes.subarray(0, BINARY_PROBE).includes(0);
}

/**
 * A work already in the output folder, read and parsed once for both the id and the target. Only
 * what they need is kept: a library's files whole would sit in memory through a 30 MB import.
 */
interface ExistingWork {
  name: string;
  file: string;
  meta: Pick<WorkMeta, 'id' | 'title' | 'sourceFile'>;
}

async function worksIn(out: string): Promise<ExistingWork[]> {
  const names = await readdir(out).catch(() => [] as string[]);
  const found: ExistingWork[] = [];
  for (const name of names.filter((n) => n.endsWith('.md'))) {
    const file = path.join(out, name);
    const { work } = parseWork(await readFile(file, 'utf8').catch(() => ''), file);
    if (work) found.push({ name, file, meta: { id: work.meta.id, title: work.meta.title, sourceFile: work.meta.sourceFile } });
  }
  return found;
}

/** The id of the work `out` already holds from these very bytes under this source name, if any. */
async function earlierImportId(out: string, existing: readonly ExistingWork[], original: string, bytes: Buffer): Promise<string | undefined> {
  for (const work of existing) {
    if (!sameSourceName(work.meta.sourceFile, original)) continue;
    const source = await readFile(path.join(out, SOURCES_DIR, work.meta.sourceFile)).catch(() => undefined);
    if (source?.equals(bytes)) return work.meta.id;
  }
  return undefined;
}

type Target = { clash: string } | { reimport?: { text: string; sourceFile: string } };

/**
 * Where the work goes: a new `<id>.md`, or a re-import of the same book (`<id>.md` already holds a
 * work from a source of the same name, or a numbered variant of it). Another work with the id is a clash.
 */
async function targetOf(existing: readonly ExistingWork[], id: string, original: string): Promise<Target> {
  let reimport: { file: string; sourceFile: string } | undefined;
  for (const { name, file, meta } of existing) {
    if (meta.id !== id) continue;
    if (name !== `${id}.md`) return { clash: `${file} already has the id "${id}"` };
    if (!sameSourceName(meta.sourceFile, original)) return { clash: `${file} already holds "${meta.title}", from ${meta.sourceFile}` };
    reimport = { file, sourceFile: meta.sourceFile };
  }
  // Only the file being replaced is read again, for the front matter edited by hand.
  return reimport ? { reimport: { text: await readFile(reimport.file, 'utf8'), sourceFile: reimport.sourceFile } } : {};
}

/** `book-2.txt` is the name `book.txt` gets when another source of that name is there already. */
function numbered(name: string, n: number): string {
  const ext = path.extname(name);
  return n === 1 ? name : `${name.slice(0, name.length - ext.length)}-${n}${ext}`;
}

function sameSourceName(existing: string, original: string): boolean {
  if (existing === original) return true;
  const ext = path.extname(original);
  const stem = original.slice(0, original.length - ext.length);
  return existing.startsWith(`${stem}-`) && existing.endsWith(ext) && /^\d+$/.test(existing.slice(stem.length + 1, existing.length - ext.length));
}

/** The source's name in `sources/`: its own, or the first free `name-N.ext` when another source has it; a byte-identical copy is shared. */
async function freeSourceName(out: string, original: string, bytes: Buffer): Promise<string> {
  for (let n = 1; ; n++) {
    const name = numbered(original, n);
    const existing = await readFile(path.join(out, SOURCES_DIR, name)).catch(() => undefined);
    if (!existing || existing.equals(bytes)) return name;
  }
}

/**
 * Renames staged files over their targets, the old ones first set aside in the stage; if any rename
 * fails, the ones done are undone and the old files put back, so the corpus is as it was.
 */
async function moveIntoPlace(stage: string, moves: { from: string; to: string }[]): Promise<void> {
  const done: { to: string; backup?: string }[] = [];
  try {
    for (const [i, move] of moves.entries()) {
      await mkdir(path.dirname(move.to), { recursive: true });
      const backup = path.join(stage, `previous-${i}`);
      // Only a missing file means there is nothing to set aside; any other failure stops the import here.
      const hadOld = await rename(move.to, backup).then(
        () => true,
        (error: NodeJS.ErrnoException) => {
          if (error.code === 'ENOENT') return false;
          throw error;
        },
      );
      done.push({ to: move.to, ...(hadOld ? { backup } : {}) });
      await rename(move.from, move.to);
    }
  } catch (error) {
    for (const step of done.reverse()) {
      await rm(step.to, { force: true });
      if (step.backup) await rename(step.backup, step.to);
    }
    throw error;
  }
}

async function firstReadable(files: string[]): Promise<Buffer | undefined> {
  for (const file of files) {
    const bytes = await readFile(file).catch(() => undefined);
    if (bytes) return bytes;
  }
  return undefined;
}
