import { createHash } from 'node:crypto';
import { readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import MiniSearch from 'minisearch';
import { folderCodeHash } from '../code-hash';
import { ensureDir } from '../fs-safe';
import type { Corpus, Work } from '../corpus';
import type { Logger } from '../logger';
import { joinNameParts, workNameData, type NameIndex, type NameIndexData, type NamePart } from './names';
import { passageIndexOptions, indexOptionsFingerprint, type IndexedPassage } from './options';
import { indexPart, joinIndexParts, workDocuments, type PassageIndex, type WorkIndexPart } from './passages';

/** Bumped when the layout of a cached part changes. */
const CACHE_FORMAT = 3;
/** Parts of the index cache, one of each kind per work; `indexes-` is the whole-corpus cache of format 1. */
const KINDS = ['passages', 'names'] as const;
type Kind = (typeof KINDS)[number];
const OLD_CACHE_PREFIX = 'indexes-';
/** Passages added between pauses, so a long book shows progress and a reload never stalls answers for long. */
const CHUNK = 2000;

export interface Indexes {
  index: PassageIndex;
  names: NameIndex;
}

/** Passages indexed so far out of all of them, and the work being indexed. */
export type Progress = (done: number, total: number, workId: string) => void;

/** Which works' parts of the index came from the cache, and which were built (new, changed, or unusable in the cache). */
export interface IndexReport {
  cached: string[];
  built: string[];
  /** Of the built works, those whose cached part was corrupt or stale: each is logged with why. */
  unusable: string[];
}

export interface LoadedIndexes extends Indexes {
  report: IndexReport;
}

const yieldToEvents = () => new Promise((resolve) => setImmediate(resolve));
const sha256 = (text: string | Buffer) => createHash('sha256').update(text).digest('hex');

/** One work's passages indexed alone (ids are `seq`), pausing between chunks. */
async function buildPassagePart(work: Work, onChunk: (passages: number) => void): Promise<WorkIndexPart> {
  const search = new MiniSearch<IndexedPassage>(passageIndexOptions);
  const documents = workDocuments(work.passages);
  for (let start = 0; start < documents.length; start += CHUNK) {
    const chunk = documents.slice(start, start + CHUNK);
    search.addAll(chunk);
    onChunk(chunk.length);
    await yieldToEvents();
  }
  return indexPart(search);
}

/** Both indexes built from scratch, through the same per-work parts the cache holds. */
export async function buildIndexes(corpus: Corpus, onProgress?: Progress): Promise<Indexes> {
  const passages: { part: WorkIndexPart; offset: number }[] = [];
  const names: NamePart[] = [];
  let done = 0;
  for (const work of corpus.works) {
    const offset = work.passages[0]?.index ?? 0;
    passages.push({ offset, part: await buildPassagePart(work, (n) => onProgress?.((done += n), corpus.passages.length, work.meta.id)) });
    names.push({ offset, data: workNameData(work, corpus.people) });
  }
  return { index: joinIndexParts(passages), names: joinNameParts(names) };
}

/**
 * What every part's key holds besides the work's own file: the index options, and the code of
 * this folder (tokenizer, name heuristics) and of the corpus parser. A change to any of them makes
 * old parts stale.
 */
async function codeKey(): Promise<string> {
  const [search, corpus] = await Promise.all([folderCodeHash(new URL('.', import.meta.url)), folderCodeHash(new URL('../corpus/', import.meta.url))]);
  return sha256(`${CACHE_FORMAT}\0${indexOptionsFingerprint()}\0${search}\0${corpus}`);
}

/** The key of one work's part: its file, the shared code key, and for names people.yml too. */
export async function partKeys(corpus: Corpus): Promise<Map<string, Record<Kind, string>>> {
  const code = await codeKey();
  const people = sha256(JSON.stringify(corpus.people));
  return new Map(
    corpus.works.map((w) => [w.meta.id, { passages: sha256(`passages\0${code}\0${w.fingerprint}`), names: sha256(`names\0${code}\0${people}\0${w.fingerprint}`) }]),
  );
}

interface PartHeader {
  format: number;
  kind: Kind;
  key: string;
  workId: string;
  passages: number;
  sha256: string;
}

/** A passage part as the cache holds it: its postings as the base64 of their bytes, one string to parse. */
type CachedPassagePart = Omit<WorkIndexPart, 'postings'> & { postings: string };

const toCached = (part: WorkIndexPart): CachedPassagePart => ({
  ...part,
  postings: Buffer.from(part.postings.buffer, part.postings.byteOffset, part.postings.byteLength).toString('base64'),
});

/** The part, or undefined when its arrays do not agree with each other or with the work. */
function fromCached(cached: CachedPassagePart, passages: number): WorkIndexPart | undefined {
  if (typeof cached.postings !== 'string' || !Array.isArray(cached.sizes)) return undefined;
  const bytes = Buffer.from(cached.postings, 'base64');
  const postings = new Int32Array(bytes.byteLength / 4);
  new Uint8Array(postings.buffer).set(bytes.subarray(0, postings.byteLength));
  const pairs = cached.sizes.reduce((sum, n) => sum + n, 0);
  const agrees = cached.lengths.length === passages && cached.terms.length === cached.sizes.length && bytes.byteLength === 8 * pairs;
  return agrees ? { ...cached, postings } : undefined;
}

const partFile = (cacheDir: string, kind: Kind, key: string) => path.join(cacheDir, `${kind}-${key.slice(0, 32)}.json`);

/** A cached part, or why it cannot be trusted; undefined when there is none. */
async function readPart<Raw, T>(file: string, expected: Omit<PartHeader, 'sha256'>, read: (data: Raw) => T | undefined): Promise<{ data: T } | { reason: string } | undefined> {
  let raw: Buffer;
  try {
    raw = await readFile(file);
  } catch {
    return undefined;
  }
  const newline = raw.indexOf(0x0a);
  let header: PartHeader;
  try {
    header = JSON.parse(raw.subarray(0, newline).toString('utf8')) as PartHeader;
  } catch {
    return { reason: 'the header is not JSON' };
  }
  if (header.format !== CACHE_FORMAT) return { reason: `format ${String(header.format)}, expected ${CACHE_FORMAT}` };
  if (header.key !== expected.key || header.kind !== expected.kind || header.workId !== expected.workId) return { reason: 'it was built from another text or with other index options' };
  // Checked as bytes: hashing the decoded text would first encode it back to UTF-8.
  const body = raw.subarray(newline + 1);
  if (sha256(body) !== header.sha256) return { reason: 'its checksum does not match: the file is corrupt' };
  if (header.passages !== expected.passages) return { reason: 'it holds a different number of passages' };
  try {
    const data = read(JSON.parse(body.toString('utf8')) as Raw);
    return data ? { data } : { reason: 'its index holds a different number of passages' };
  } catch (err) {
    return { reason: `it cannot be loaded: ${err instanceof Error ? err.message : String(err)}` };
  }
}

async function writePart(file: string, header: Omit<PartHeader, 'sha256'>, data: unknown): Promise<void> {
  const body = JSON.stringify(data);
  // Written aside and renamed, so a crash mid-write never leaves a half file under the real name.
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify({ ...header, sha256: sha256(body) })}\n${body}`);
  await rename(temporary, file);
}

/**
 * The indexes, from per-work parts: each work's passage and name parts come from the on-disk cache
 * when they match its file, the options and the code, and are built and cached otherwise, so an
 * added, changed or removed book costs only its own part. A corrupt or stale part is never
 * trusted: it is logged, rebuilt and replaced. Parts no work uses any more are removed.
 */
export async function loadOrBuildIndexes(corpus: Corpus, cacheDir: string, logger: Logger, onProgress?: Progress): Promise<LoadedIndexes> {
  const keys = await partKeys(corpus);
  const report: IndexReport = { cached: [], built: [], unusable: [] };
  const passageParts: { part: WorkIndexPart; offset: number }[] = [];
  const nameParts: NamePart[] = [];
  const used = new Set<string>();
  let writable = await ensureDir(cacheDir).then(
    () => true,
    (err: unknown) => (logger.warn({ err, cacheDir }, 'cannot create the index cache folder; the next start will build again'), false),
  );
  let done = 0;
  const total = corpus.passages.length;

  for (const work of corpus.works) {
    const workId = work.meta.id;
    const offset = work.passages[0]?.index ?? 0;
    const key = keys.get(workId) as Record<Kind, string>;
    const header = (kind: Kind) => ({ format: CACHE_FORMAT, kind, key: key[kind], workId, passages: work.passages.length });
    const files = { passages: partFile(cacheDir, 'passages', key.passages), names: partFile(cacheDir, 'names', key.names) };
    for (const file of Object.values(files)) used.add(path.basename(file));

    const passages = await readPart(files.passages, header('passages'), (d: CachedPassagePart) => fromCached(d, work.passages.length));
    const names = await readPart(files.names, header('names'), (d: NameIndexData) => (Array.isArray(d.entries) ? d : undefined));
    for (const [kind, part] of [['passages', passages], ['names', names]] as const) {
      if (part && 'reason' in part) logger.warn({ work: workId, file: files[kind], reason: part.reason }, 'index cache part is unusable; rebuilding it');
    }
    if ((passages && 'reason' in passages) || (names && 'reason' in names)) report.unusable.push(workId);

    const started = performance.now();
    let built = false;
    const save = async (kind: Kind, data: unknown) => {
      built = true;
      if (!writable) return;
      try {
        await writePart(files[kind], header(kind), data);
      } catch (err) {
        writable = false;
        logger.warn({ err, cacheDir }, 'could not write the index cache; the next start will build again');
      }
    };
    let passageData: WorkIndexPart;
    if (passages && 'data' in passages) {
      passageData = passages.data;
      onProgress?.((done += work.passages.length), total, workId);
    } else {
      passageData = await buildPassagePart(work, (n) => onProgress?.((done += n), total, workId));
      await save('passages', toCached(passageData));
    }
    let nameData: NameIndexData;
    if (names && 'data' in names) nameData = names.data;
    else await save('names', (nameData = workNameData(work, corpus.people)));
    passageParts.push({ offset, part: passageData });
    nameParts.push({ offset, data: nameData });
    if (!built) {
      report.cached.push(workId);
      continue;
    }
    report.built.push(workId);
    logger.debug({ work: workId, passages: work.passages.length, ms: Math.round(performance.now() - started) }, 'work indexed');
  }

  const indexes = { index: joinIndexParts(passageParts), names: joinNameParts(nameParts) };
  if (writable) await removeUnused(cacheDir, used);
  return { ...indexes, report };
}

/** Parts of works no longer in the corpus (or of their older versions), and the old whole-corpus cache. */
async function removeUnused(cacheDir: string, used: ReadonlySet<string>): Promise<void> {
  const ours = (name: string) => name.startsWith(OLD_CACHE_PREFIX) || KINDS.some((kind) => name.startsWith(`${kind}-`) && name.endsWith('.json'));
  for (const name of await readdir(cacheDir)) {
    if (ours(name) && !used.has(name)) await rm(path.join(cacheDir, name), { force: true });
  }
}
