import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { folderCodeHash } from '../code-hash';
import { parseWork } from './parse';
import { utf8Problem } from './encoding';
import { EpubError } from './epub';
import { readAsHtml, sourceDocumentText, verifyAgainstSource } from './sources';
import type { Corpus, PersonAliases, Problem, Work } from './types';
import { parseYaml } from './yaml';

export const PEOPLE_FILE = 'people.yml';
export const SOURCES_DIR = 'sources';
const MAX_NAME_WORDS = 8;

const STARTUP_PROBLEMS_SHOWN = 50;

export class CorpusError extends Error {
  constructor(
    readonly dir: string,
    readonly problems: Problem[],
  ) {
    // A log line, not a report: the first problems and a count; `npm run check-corpus` lists them all.
    super(formatProblems(dir, problems, STARTUP_PROBLEMS_SHOWN));
    this.name = 'CorpusError';
  }
}

export function formatProblems(dir: string, problems: Problem[], limit = Infinity): string {
  const head = `The corpus in ${dir} has ${problems.length} problem${problems.length === 1 ? '' : 's'}:`;
  const shown = problems.slice(0, limit).map((p) => `  ${p.file}:${p.line}: ${p.message}`);
  const rest = problems.length - shown.length;
  const more = rest > 0 ? [`  … and ${rest} more: run npm run check-corpus to list them all.`] : [];
  return [head, ...shown, ...more].join('\n');
}

export interface CorpusCheck {
  corpus: Corpus;
  problems: Problem[];
}

export interface CheckOptions {
  /** Proofs from an earlier start (`Corpus.proofs`): works whose file and source are unchanged since need no proving again. */
  proven?: ReadonlySet<string>;
  /** Told before each file is parsed, and again before it is proven against its source (most of a first start's reading). */
  onProgress?: (progress: ReadProgress) => void;
}

export interface ReadProgress {
  step: 'parsing' | 'proving';
  /** Files done before this one, out of all the corpus's Markdown files. */
  done: number;
  total: number;
  file: string;
}

/** Reads and validates every work in `dir`; never throws for content problems, it lists them. */
export async function checkCorpus(dir: string, { proven, onProgress }: CheckOptions = {}): Promise<CorpusCheck> {
  const problems: Problem[] = [];
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.md') && n.toLowerCase() !== 'readme.md').sort();
  } catch {
    const problem = { file: dir, line: 0, message: 'the corpus folder cannot be read' };
    return { corpus: { fingerprint: '', works: [], passages: [], people: [], proofs: [] }, problems: [problem] };
  }

  const works: Work[] = [];
  const proofs: string[] = [];
  // The parser and the proving code are part of each proof: a change to them lapses old proofs.
  const code = await folderCodeHash(new URL('.', import.meta.url));
  const firstFileOfId = new Map<string, string>();
  const hash = createHash('sha256');
  for (const [done, name] of names.entries()) {
    const file = path.join(dir, name);
    onProgress?.({ step: 'parsing', done, total: names.length, file: name });
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      problems.push({ file, line: 0, message: code === 'EISDIR' ? 'is a folder, not a work: only Markdown files can be works' : `cannot be read (${code ?? String(err)})` });
      continue;
    }
    // Corpus files are UTF-8: a file in another encoding, or one that lost characters, would quote wrong letters.
    const notUtf8 = utf8Problem(bytes);
    if (notUtf8) {
      problems.push({ file, ...notUtf8 });
      continue;
    }
    const text = bytes.toString('utf8');
    // Hashed once, as bytes: the fingerprint of the work, of the corpus and of its proof all start here.
    const fileHash = createHash('sha256').update(bytes).digest('hex');
    hash.update(`${name}\0${fileHash}\0`);
    const { work, problems: found } = parseWork(text, file, fileHash);
    problems.push(...found);
    if (!work) continue;
    const earlier = firstFileOfId.get(work.meta.id);
    if (earlier) {
      problems.push({ file, line: 2, message: `duplicate work id "${work.meta.id}", already used by ${earlier}` });
      continue;
    }
    firstFileOfId.set(work.meta.id, file);
    const checked = await checkSource(dir, work, `${code}\0${fileHash}`, proven, () => onProgress?.({ step: 'proving', done, total: names.length, file: name }));
    problems.push(...checked.problems);
    if (checked.proof) proofs.push(checked.proof);
    works.push(work);
  }
  // Sources are proven against but not indexed; only the Markdown and people.yml shape the indexes.
  if (names.length === 0) problems.push({ file: dir, line: 0, message: 'the corpus has no works (*.md files)' });

  const people = await readPeople(dir, problems);
  hash.update(JSON.stringify(people));
  const passages = works.flatMap((w) => w.passages);
  passages.forEach((p, i) => (p.index = i));
  return { corpus: { fingerprint: hash.digest('hex'), works, passages, people, proofs }, problems };
}

/** Loads the corpus, refusing an invalid one with every problem listed. */
export async function loadCorpus(dir: string, options: CheckOptions = {}): Promise<Corpus> {
  const { corpus, problems } = await checkCorpus(dir, options);
  if (problems.length) throw new CorpusError(dir, problems);
  return corpus;
}

/** Proves the work against its source, unless this very file and source were proven before. */
async function checkSource(dir: string, work: Work, codeAndFile: string, proven: ReadonlySet<string> | undefined, onProving: () => void): Promise<{ problems: Problem[]; proof?: string }> {
  const file = path.join(dir, SOURCES_DIR, work.meta.sourceFile);
  let raw: Buffer;
  try {
    raw = await readFile(file);
  } catch {
    return { problems: [{ file: work.file, line: 1, message: `source_file ${work.meta.sourceFile} is missing from ${path.join(dir, SOURCES_DIR)}` }] };
  }
  const proof = createHash('sha256').update(`${codeAndFile}\0`).update(raw).digest('hex');
  if (proven?.has(proof)) return { problems: [], proof };
  onProving();
  let text: string;
  try {
    text = sourceDocumentText(file, raw);
  } catch (error) {
    if (!(error instanceof EpubError)) throw error;
    return { problems: [{ file: work.file, line: 1, message: `source_file ${work.meta.sourceFile} cannot be read: ${error.message}` }] };
  }
  let problems = verifyAgainstSource(work, text);
  // A file an earlier importer wrote from HTML holds the text as it read the page; it still loads.
  if (problems.length && readAsHtml(file) && !verifyAgainstSource(work, sourceDocumentText(file, raw, { earlier: true })).length) problems = [];
  return problems.length ? { problems } : { problems, proof };
}

const peopleSchema = z.array(
  z
    .object({
      name: z.string().trim().min(1),
      aliases: z.array(z.string().trim().min(1)).default([]),
    })
    .strict(),
);

async function readPeople(dir: string, problems: Problem[]): Promise<PersonAliases[]> {
  const file = path.join(dir, PEOPLE_FILE);
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch {
    return [];
  }
  const notUtf8 = utf8Problem(bytes);
  if (notUtf8) {
    problems.push({ file, ...notUtf8 });
    return [];
  }
  const yaml = parseYaml(bytes.toString('utf8'));
  if (!yaml.ok) {
    problems.push(...yaml.problems.map((p) => ({ file, ...p })));
    return [];
  }
  const { doc, lineOf } = yaml;
  const parsed = peopleSchema.safeParse(yaml.value ?? []);
  const entryLine = (i: unknown) => {
    const node = typeof i === 'number' ? (doc.contents as { items?: { range?: [number] }[] } | null)?.items?.[i] : undefined;
    return lineOf(node?.range?.[0]);
  };
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const at = issue.path.length ? `entry ${Number(issue.path[0]) + 1}: ` : '';
      const what = issue.code === 'unrecognized_keys' ? `only "name" and "aliases" are allowed, not ${issue.keys.join(', ')}` : `${issue.path.slice(1).join('.') || 'value'} ${issue.message}`;
      problems.push({ file, line: entryLine(issue.path[0]), message: `${at}${what}` });
    }
    return [];
  }
  parsed.data.forEach((person, i) => {
    for (const name of [person.name, ...person.aliases]) {
      if (name.split(/\s+/).length > MAX_NAME_WORDS) {
        problems.push({ file, line: entryLine(i), message: `entry ${i + 1}: "${name}" is not a name; this file maps names only` });
      }
    }
  });
  return parsed.data;
}
