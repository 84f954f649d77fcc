import { createLibrary } from './answers';
import type { Config } from './config';
import { loadCorpus, readProofs, writeProofs } from './corpus';
import type { AppContext } from './discord/dispatch';
import { loadAllCommands, summarise } from './discord/registry';
import type { Logger } from './logger';
import { loadOrBuildIndexes, type Progress } from './search/build';

/** A progress line on a terminal while a large corpus is indexed; nothing when piped. */
function terminalProgress(stream: NodeJS.WriteStream): Progress | undefined {
  if (!stream.isTTY) return undefined;
  return (done, total) => {
    stream.write(`\rIndexing passages: ${done}/${total} (${Math.round((done / total) * 100)}%)`);
    if (done === total) stream.write('\n');
  };
}

/** Loads and validates the corpus, loads or builds its indexes and loads the commands. */
export async function createApp(config: Config, logger: Logger): Promise<AppContext> {
  const started = performance.now();
  const proven = await readProofs(config.indexCacheDir);
  const corpus = await loadCorpus(config.corpusDir, { proven });
  await writeProofs(config.indexCacheDir, corpus.proofs, proven).catch((err: unknown) =>
    logger.warn({ err }, 'could not record which works were proven against their sources; the next start proves them again'),
  );
  const loaded = await loadOrBuildIndexes(corpus, config.indexCacheDir, logger, terminalProgress(process.stderr));
  const library = createLibrary(corpus, loaded);
  const { commands: registry, messageCommands } = await loadAllCommands();
  logger.info(
    {
      works: corpus.works.length,
      passages: corpus.passages.length,
      names: library.names.entries.length,
      built: loaded.report.built.length,
      cached: loaded.report.cached.length,
      ms: Math.round(performance.now() - started),
    },
    'corpus loaded',
  );
  return { library, registry, messageCommands, commands: summarise(registry) };
}
