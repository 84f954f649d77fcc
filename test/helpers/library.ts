import { fileURLToPath } from 'node:url';
import { createLibrary, type Library } from '../../src/answers';
import { loadCorpus, parseWork, type Corpus } from '../../src/corpus';
import type { AppContext } from '../../src/discord/dispatch';
import { loadCommands, summarise } from '../../src/discord/registry';
import { buildIndexes } from '../../src/search/build';

/**
 * The seed texts as the tests know them: a fixture, never the live corpus/, so that books a user adds
 * there change nothing in `npm test`.
 */
export const SEED_DIR = fileURLToPath(new URL('../fixtures/seed/', import.meta.url));

export interface Seed {
  corpus: Corpus;
  library: Library;
  app: AppContext;
}

let seed: Promise<Seed> | undefined;

/** The seed corpus (SEED_DIR), its indexes and the command registry, built once per test file. */
export function loadSeed(): Promise<Seed> {
  seed ??= (async () => {
    const corpus = await loadCorpus(SEED_DIR);
    const library = createLibrary(corpus, await buildIndexes(corpus));
    const registry = await loadCommands();
    return { corpus, library, app: { library, registry, commands: summarise(registry) } };
  })();
  return seed;
}

/** Every text the bot may quote: passages and footnotes, exactly as the corpus holds them. */
export function quotableTexts(corpus: Corpus): string[] {
  return [...corpus.passages.map((p) => p.text), ...corpus.works.flatMap((w) => w.footnotes.map((f) => f.text))];
}

export function work(corpus: Corpus, id: string) {
  const found = corpus.works.find((w) => w.meta.id === id);
  if (!found) throw new Error(`no work ${id} in the seed corpus`);
  return found;
}

export function footnoteText(corpus: Corpus, workId: string, label: string): string {
  const note = work(corpus, workId).footnotes.find((f) => f.label === label);
  if (!note) throw new Error(`no footnote ${label} in ${workId}`);
  return note.text;
}

/** An answer narrowed to its kind, or a thrown error that names what came instead. */
export function as<K extends string, A extends { kind: string }>(answer: A, kind: K): Extract<A, { kind: K }> {
  if (answer.kind !== kind) throw new Error(`expected a ${kind} answer, got ${JSON.stringify(answer)}`);
  return answer as Extract<A, { kind: K }>;
}

/** A library of works written inline as corpus Markdown (front matter and all), numbered as the corpus numbers them. */
export function libraryOf(...markdown: string[]): Library {
  const works = markdown.map((text, i) => {
    const { work, problems } = parseWork(text, `corpus/work-${i}.md`);
    if (!work || problems.length) throw new Error(`fixture work ${i} is invalid: ${JSON.stringify(problems)}`);
    return work;
  });
  const passages = works.flatMap((w) => w.passages);
  passages.forEach((p, index) => (p.index = index));
  return createLibrary({ fingerprint: 'inline', works, passages, people: [], proofs: [] });
}
