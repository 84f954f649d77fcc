import { createLibrary, type Library } from './answers';
import type { Config } from './config';
import { CorpusError, loadCorpus, readProofs, writeProofs, type ReadProgress } from './corpus';
import type { AppContext } from './discord/dispatch';
import { loadAllCommands, summarise } from './discord/registry';
import type { Logger } from './logger';
import { loadOrBuildIndexes, type IndexReport, type Progress } from './search/build';
import { Store, storeFile } from './store';

/** What a start or a reload reports while it reads the corpus and indexes it. */
export interface LoadProgress {
  reading?: (progress: ReadProgress) => void;
  indexing?: Progress;
  /** The last step is over: a terminal line can be closed. */
  done?: () => void;
}

/** One line on a terminal, rewritten as each work is parsed, proven and indexed; nothing when not a terminal. */
export function terminalProgress(stream: NodeJS.WriteStream): LoadProgress {
  if (!stream.isTTY) return {};
  let shown = false;
  const show = (line: string) => {
    shown = true;
    stream.write(`\r\u001b[K${line}`);
  };
  const count = (n: number) => n.toLocaleString('en-US');
  return {
    reading: ({ step, done, total, file }) => show(`Reading the corpus: ${done + 1}/${total} ${step === 'proving' ? 'proving' : 'parsing'} ${file}`),
    indexing: (done, total, workId) => show(`Indexing: ${count(done)}/${count(total)} passages (${Math.round((done / total) * 100)}%) ${workId}`),
    done: () => {
      if (shown) stream.write('\r\u001b[K');
    },
  };
}

export interface LoadedLibrary {
  library: Library;
  report: IndexReport;
  /** Works proven against their sources this time (not found among earlier proofs). */
  proved: number;
  ms: number;
}

/**
 * Reads, validates and proves the corpus and loads or builds its indexes: everything a library
 * needs, complete before anything uses it. An invalid corpus throws CorpusError.
 */
export async function loadLibrary(config: Pick<Config, 'corpusDir' | 'indexCacheDir'>, logger: Logger, progress: LoadProgress = {}): Promise<LoadedLibrary> {
  const started = performance.now();
  let proved = 0;
  const proven = await readProofs(config.indexCacheDir);
  const reading = (p: ReadProgress) => {
    if (p.step === 'proving') proved++;
    progress.reading?.(p);
  };
  const corpus = await loadCorpus(config.corpusDir, { proven, onProgress: reading });
  await writeProofs(config.indexCacheDir, corpus.proofs, proven).catch((err: unknown) =>
    logger.warn({ err }, 'could not record which works were proven against their sources; the next start proves them again'),
  );
  logger.info({ works: corpus.works.length, passages: corpus.passages.length, proved, ms: Math.round(performance.now() - started) }, 'corpus read');
  const loaded = await loadOrBuildIndexes(corpus, config.indexCacheDir, logger, progress.indexing);
  progress.done?.();
  return { library: createLibrary(corpus, loaded), report: loaded.report, proved, ms: Math.round(performance.now() - started) };
}

/** The log line's account of a loaded library: counts, and which works were indexed afresh. */
function described({ library, report, ms }: LoadedLibrary) {
  return {
    works: library.corpus.works.length,
    passages: library.corpus.passages.length,
    names: library.names.entries.length,
    built: report.built.length,
    cached: report.cached.length,
    ...(report.built.length && report.cached.length ? { indexed: report.built } : {}),
    ms,
  };
}

/** Opens the store (creating and migrating it as needed) and purges servers left long ago. */
export async function openStore(config: Pick<Config, 'dataDir'>, logger: Logger): Promise<Store> {
  const store = await Store.open(storeFile(config.dataDir), { logger });
  const purged = await store.guilds.purge();
  if (purged.length) logger.info({ guilds: purged }, 'purged the data of servers the bot left over 30 days ago');
  return store;
}

/** Loads and validates the corpus, loads or builds its indexes and loads the commands. */
export async function createApp(config: Pick<Config, 'corpusDir' | 'indexCacheDir'>, logger: Logger, progress: LoadProgress = terminalProgress(process.stderr)): Promise<AppContext> {
  const loaded = await loadLibrary(config, logger, progress);
  const { commands: registry, messageCommands } = await loadAllCommands();
  logger.info(described(loaded), 'corpus loaded');
  return { library: loaded.library, registry, messageCommands, commands: summarise(registry) };
}

export type ReloadOutcome = 'reloaded' | 'refused' | 'failed';

/**
 * `reload()` reads the corpus again into a running app: the new library is loaded in full aside,
 * validated and indexed (only changed works are rebuilt), then swapped in with one assignment.
 * Answers are computed synchronously from the library they start with, so answers in flight finish
 * on the old one. A corpus with problems is refused and the library in use kept. Requests while a
 * reload runs are folded into one more reload after it.
 */
export function libraryReloader(app: AppContext, config: Pick<Config, 'corpusDir' | 'indexCacheDir'>, logger: Logger): { reload(): Promise<ReloadOutcome> } {
  let running: Promise<ReloadOutcome> | undefined;
  let queued: Promise<ReloadOutcome> | undefined;
  const once = async (): Promise<ReloadOutcome> => {
    logger.info({ corpusDir: config.corpusDir }, 'reloading the library');
    try {
      const loaded = await loadLibrary(config, logger);
      app.library = loaded.library;
      logger.info(described(loaded), 'library reloaded');
      return 'reloaded';
    } catch (err) {
      if (err instanceof CorpusError) {
        logger.error({ problems: err.problems.length, detail: err.message }, 'corpus reload refused; the library in use is kept');
        return 'refused';
      }
      logger.error({ err }, 'library reload failed; the library in use is kept');
      return 'failed';
    }
  };
  const reload = (): Promise<ReloadOutcome> => {
    if (!running) {
      running = once().finally(() => (running = undefined));
      return running;
    }
    queued ??= running.then(() => {
      queued = undefined;
      return reload();
    });
    return queued;
  };
  return { reload };
}
