import { createLibrary } from './answers';
import type { Config } from './config';
import { loadCorpus } from './corpus';
import type { AppContext } from './discord/dispatch';
import { loadCommands, summarise } from './discord/registry';
import type { Logger } from './logger';

/** Loads and validates the corpus, builds its indexes and loads the commands: everything an answer needs. */
export async function createApp(config: Config, logger: Logger): Promise<AppContext> {
  const started = performance.now();
  const corpus = await loadCorpus(config.corpusDir);
  const library = createLibrary(corpus);
  const registry = await loadCommands();
  logger.info(
    { works: corpus.works.length, passages: corpus.passages.length, names: library.names.entries.length, ms: Math.round(performance.now() - started) },
    'corpus loaded',
  );
  return { library, registry, commands: summarise(registry) };
}
