import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { checkCorpus, formatProblems, SOURCES_DIR } from '../corpus/load';
import { parseWork, workIdSchema } from '../corpus/parse';
import { importText } from './index';
import { formatUnplaced, summarize } from './summary';
import { slugify, writeMarkdown } from './write';

export interface ImportOptions {
  file: string;
  id?: string;
  /** The corpus folder to write into. */
  out: string;
}

export interface ImportResult {
  ok: boolean;
  /** The summary on success, every reason on failure. */
  report: string;
  written?: string;
}

/**
 * Imports one book into a corpus folder: `<out>/<id>.md` and the source copied byte for byte into
 * `<out>/sources/`. The work is proven with the corpus's own validation before anything is written.
 */
export async function importBook(options: ImportOptions): Promise<ImportResult> {
  const fail = (why: string[]): ImportResult => ({ ok: false, report: `Could not import ${options.file}:\n${why.join('\n')}\n` });
  let bytes: Buffer;
  try {
    bytes = await readFile(options.file);
  } catch {
    return fail(['  the file cannot be read']);
  }
  const imported = importText(options.file, bytes.toString('utf8'));
  if (imported.unplaced.length) {
    const n = imported.unplaced.length;
    return fail([`  ${n} thing${n === 1 ? '' : 's'} could not be placed:`, ...formatUnplaced(imported.unplaced).map((l) => `  ${l}`)]);
  }
  const id = options.id ?? imported.markdown?.id ?? slugify(imported.meta.title);
  if (!workIdSchema.safeParse(id).success) return fail([`  the id "${id}" must be 1–48 lowercase letters, digits and hyphens`]);
  if (!imported.meta.title) return fail(['  no title found; the work needs one']);

  // The received document: the book itself, or for corpus Markdown the source it names.
  let sourceFile = path.basename(options.file);
  let sourceBytes = bytes;
  if (imported.markdown) {
    sourceFile = imported.markdown.sourceFile;
    const dir = path.dirname(options.file);
    const candidates = [path.join(dir, SOURCES_DIR, sourceFile), path.join(dir, sourceFile)];
    const found = await firstReadable(candidates);
    if (!found) return fail([`  its source ${sourceFile} is in neither ${candidates.join(' nor ')}`]);
    sourceBytes = found;
  }
  const markdown = imported.markdown && options.id === undefined ? imported.markdown.text : writeMarkdown(imported, id, sourceFile);
  if (imported.markdown && options.id !== undefined && options.id !== imported.markdown.id) {
    return fail([`  a corpus Markdown file is copied as is; its id is "${imported.markdown.id}", not "${options.id}"`]);
  }

  const clash = await idClash(options.out, id, sourceFile);
  if (clash) return fail([`  ${clash}; choose another --id`]);
  const existing = await readFile(path.join(options.out, SOURCES_DIR, sourceFile)).catch(() => undefined);
  if (existing && !existing.equals(sourceBytes)) return fail([`  ${path.join(options.out, SOURCES_DIR, sourceFile)} already exists with other content`]);

  // Prove the work in a folder of its own, so nothing is written unless it is valid.
  const stage = await mkdtemp(path.join(tmpdir(), 'marginalia-import-'));
  try {
    await mkdir(path.join(stage, SOURCES_DIR));
    await writeFile(path.join(stage, SOURCES_DIR, sourceFile), sourceBytes);
    await writeFile(path.join(stage, `${id}.md`), markdown);
    const { corpus, problems } = await checkCorpus(stage);
    const work = corpus.works[0];
    if (problems.length || !work) return fail(formatProblems(`${id}.md`, problems).split('\n').map((l) => `  ${l}`));

    await mkdir(path.join(options.out, SOURCES_DIR), { recursive: true });
    if (!existing) await copyFile(path.join(stage, SOURCES_DIR, sourceFile), path.join(options.out, SOURCES_DIR, sourceFile));
    const written = path.join(options.out, `${id}.md`);
    await writeFile(written, markdown);
    return { ok: true, report: summarize(imported, work, options.file, written), written };
  } finally {
    await rm(stage, { recursive: true, force: true });
  }
}

/**
 * Why `id` cannot be written into the corpus: another file's work has it, or `<id>.md` holds a work
 * from another source. Importing the same book again is no clash: it rewrites the same file.
 */
async function idClash(out: string, id: string, sourceFile: string): Promise<string | undefined> {
  const names = await readdir(out).catch(() => [] as string[]);
  for (const name of names.filter((n) => n.endsWith('.md'))) {
    const file = path.join(out, name);
    const { work } = parseWork(await readFile(file, 'utf8'), file);
    if (work?.meta.id !== id) continue;
    if (name !== `${id}.md`) return `${file} already has the id "${id}"`;
    if (work.meta.sourceFile !== sourceFile) return `${file} already holds "${work.meta.title}", from ${work.meta.sourceFile}`;
  }
  return undefined;
}

async function firstReadable(files: string[]): Promise<Buffer | undefined> {
  for (const file of files) {
    const bytes = await readFile(file).catch(() => undefined);
    if (bytes) return bytes;
  }
  return undefined;
}
