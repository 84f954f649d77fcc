import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import MiniSearch, { type AsPlainObject } from 'minisearch';
import { folderCodeHash } from '../code-hash';
import type { Corpus } from '../corpus';
import type { Logger } from '../logger';
import { createNameIndex, loadNameIndex, nameIndexData, type NameIndex, type NameIndexData } from './names';
import { passageIndexOptions, indexOptionsFingerprint, type IndexedPassage } from './options';
import { loadIndex, passageIndex, searchableText, type PassageIndex } from './passages';

/** Bumped when the cache file's layout changes. */
const CACHE_FORMAT = 1;
const CACHE_PREFIX = 'indexes-';
const CHUNK = 2000;

export interface Indexes {
  index: PassageIndex;
  names: NameIndex;
}

export type Progress = (done: number, total: number) => void;

export interface BuiltIndexes extends Indexes {
  /** The passage index as plain data, ready for the cache. */
  data: AsPlainObject;
}

/** Builds both indexes, yielding between chunks so progress can be shown on a large corpus. */
export async function buildIndexes(corpus: Corpus, onProgress?: Progress): Promise<BuiltIndexes> {
  const search = new MiniSearch<IndexedPassage>(passageIndexOptions);
  const total = corpus.passages.length;
  for (let start = 0; start < total; start += CHUNK) {
    search.addAll(corpus.passages.slice(start, start + CHUNK).map((p) => ({ id: p.index, text: searchableText(p) })));
    onProgress?.(Math.min(total, start + CHUNK), total);
    await new Promise((resolve) => setImmediate(resolve));
  }
  const { index, data } = passageIndex(search);
  return { index, data, names: createNameIndex(corpus) };
}

/**
 * The cache key: the corpus's own hash, the index options, and the code of this folder, which
 * holds the tokenizer and the name heuristics: a change to any of them makes old caches stale.
 */
export async function indexCacheKey(corpus: Corpus): Promise<string> {
  const code = await folderCodeHash(new URL('.', import.meta.url));
  return createHash('sha256').update(`${CACHE_FORMAT}\0${corpus.fingerprint}\0${indexOptionsFingerprint()}\0${code}`).digest('hex');
}

interface CacheHeader {
  format: number;
  key: string;
  sha256: string;
  passages: number;
}

interface CachePayload {
  passages: AsPlainObject;
  names: NameIndexData;
}

export type CacheOutcome = 'hit' | 'miss' | 'rebuilt';

export interface LoadedIndexes extends Indexes {
  cache: CacheOutcome;
}

/**
 * The indexes from the on-disk cache when it matches this corpus and these options, else built
 * and cached. A corrupt or stale cache is never trusted: it is logged, rebuilt and replaced.
 */
export async function loadOrBuildIndexes(corpus: Corpus, cacheDir: string, logger: Logger, onProgress?: Progress): Promise<LoadedIndexes> {
  const key = await indexCacheKey(corpus);
  const file = path.join(cacheDir, `${CACHE_PREFIX}${key.slice(0, 24)}.json`);
  let raw: string | undefined;
  try {
    raw = await readFile(file, 'utf8');
  } catch {
    raw = undefined;
  }
  let cache: CacheOutcome = 'miss';
  if (raw !== undefined) {
    const loaded = readCache(raw, key, corpus);
    if (typeof loaded !== 'string') return { ...loaded, cache: 'hit' };
    logger.warn({ file, reason: loaded }, 'index cache is unusable; rebuilding it');
    cache = 'rebuilt';
  } else logger.info({ file }, 'no index cache for this corpus; building the indexes');

  const built = await buildIndexes(corpus, onProgress);
  try {
    await writeCache(cacheDir, file, key, corpus, built);
  } catch (err) {
    logger.warn({ err, file }, 'could not write the index cache; the next start will build again');
  }
  // Not the plain data: once cached it is garbage, and the bot keeps what this returns.
  return { index: built.index, names: built.names, cache };
}

/** The indexes, or why the cache cannot be trusted. */
function readCache(raw: string, key: string, corpus: Corpus): Indexes | string {
  const newline = raw.indexOf('\n');
  let header: CacheHeader;
  try {
    header = JSON.parse(raw.slice(0, newline)) as CacheHeader;
  } catch {
    return 'the header is not JSON';
  }
  if (header.format !== CACHE_FORMAT) return `format ${String(header.format)}, expected ${CACHE_FORMAT}`;
  if (header.key !== key) return 'it was built from another corpus or with other index options';
  const body = raw.slice(newline + 1);
  if (createHash('sha256').update(body).digest('hex') !== header.sha256) return 'its checksum does not match: the file is corrupt';
  if (header.passages !== corpus.passages.length) return 'it holds a different number of passages';
  try {
    const payload = JSON.parse(body) as CachePayload;
    const index = loadIndex(payload.passages);
    if (index.search.documentCount !== corpus.passages.length) return 'its index holds a different number of passages';
    return { index, names: loadNameIndex(payload.names) };
  } catch (err) {
    return `it cannot be loaded: ${err instanceof Error ? err.message : String(err)}`;
  }
}

async function writeCache(cacheDir: string, file: string, key: string, corpus: Corpus, built: BuiltIndexes): Promise<void> {
  await mkdir(cacheDir, { recursive: true });
  const payload: CachePayload = { passages: built.data, names: nameIndexData(built.names) };
  const body = JSON.stringify(payload);
  const header: CacheHeader = { format: CACHE_FORMAT, key, sha256: createHash('sha256').update(body).digest('hex'), passages: corpus.passages.length };
  // Written aside and renamed, so a crash mid-write never leaves a half file under the real name.
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(header)}\n${body}`);
  await rename(temporary, file);
  for (const old of await readdir(cacheDir)) {
    if (old.startsWith(CACHE_PREFIX) && path.join(cacheDir, old) !== file) await rm(path.join(cacheDir, old), { force: true });
  }
}
