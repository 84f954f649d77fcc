/**
 * One engine, measured in a process of its own so that memory and JIT state are its own.
 * Usage: tsx bench/measure.ts <engine> <corpusDir>; prints one JSON object on stdout.
 */
import { createLibrary, type Library } from '../src/answers';
import type { Command, CommandContext, CommandOptions } from '../src/discord/command';
import { loadCommands, summarise } from '../src/discord/registry';
import { loadCorpus } from '../src/corpus';
import { render } from '../src/render/render';
import { renderChoices } from '../src/render/choices';
import { evaluate } from '../src/search/evaluate';
import { createNameIndex } from '../src/search/names';
import { buildEngine, marginalia, type Engine, type EngineName } from './engines';
import { createIndex } from '../src/search/passages';
import { labelledQueries } from './labelled';
import { memory, round, timeEach, timeEachAsync } from './stats';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { answerCommand, guildContext, type AppContext } from '../src/discord/dispatch';
import { Store, storeFile } from '../src/store';

/** The server the store-backed answers are asked in: one with no settings, as most are. */
const BENCH_GUILD = '323456789012345678';
/** A server with a reading mark, for the spoiler guard's cost. */
const BENCH_MARKED_GUILD = '423456789012345678';
import { createWorkload } from './workload';

const [engineName, corpusDir = 'bench/corpus'] = process.argv.slice(2) as [EngineName, string?];

const baseline = memory();
const corpus = await loadCorpus(corpusDir);
const afterCorpus = memory();

let started = performance.now();
let engine: Engine;
let buildMs: number;
let namesBuildMs: number | undefined;
let library: Library | undefined;
if (engineName === 'marginalia') {
  const index = createIndex(corpus.passages);
  engine = marginalia(index, corpus.passages);
  buildMs = round(performance.now() - started, 1);
  started = performance.now();
  library = createLibrary(corpus, { index, names: createNameIndex(corpus) });
  namesBuildMs = round(performance.now() - started, 1);
} else {
  engine = buildEngine(engineName, corpus.passages);
  buildMs = round(performance.now() - started, 1);
}
const loaded = memory();

const workload = createWorkload(corpus, library?.names ?? createNameIndex(corpus));
const key = (i: number) => {
  const p = corpus.passages[i];
  return p ? [{ workId: p.workId, chapter: p.chapter, n: p.n }] : [];
};
const labelled = labelledQueries(corpus);
const quality = evaluate(labelled, (q) => engine.search(q, 5).flatMap(key));

const result: Record<string, unknown> = {
  engine: engineName,
  passages: corpus.passages.length,
  queries: { searches: workload.searches.length, typing: workload.typing.length, names: workload.names.length, footnotes: workload.footnotes.length, labelled: labelled.length },
  buildMs,
  memory: { baseline, corpus: afterCorpus, loaded },
  search: timeEach(workload.searches, (q) => engine.search(q, 50)),
  complete: timeEach(workload.typing, (q) => engine.complete(q, 25)),
  quality: { hitAt1: round(quality.hitAt1), mrrAt5: round(quality.mrrAt5), misses: quality.misses.length },
};

if (library) {
  // The bot's own answers, end to end minus Discord: command, answer and rendering.
  const registry = await loadCommands();
  const context: CommandContext = { library, commands: summarise(registry), random: Math.random };
  const command = (name: string): Command => {
    const found = registry.get(name);
    if (!found) throw new Error(`no /${name} command`);
    return found;
  };
  const answer = (name: string) => (options: CommandOptions) => render(command(name).answer(options, context));
  const choices = (name: string, option: string) => (value: string) => renderChoices(command(name).choices?.({ name: option, value }, {}, context) ?? []);
  result.answers = {
    namesBuildMs,
    quote: timeEach(workload.searches, (query) => answer('quote')({ query })),
    quoteRandom: timeEach(workload.searches.slice(0, 300), () => answer('quote')({})),
    search: timeEach(workload.searches, (query) => answer('search')({ query })),
    who: timeEach(workload.names, (name) => answer('who')({ name })),
    footnote: timeEach(workload.footnotes, (f) => answer('footnote')(f)),
    autocompleteQuery: timeEach(workload.typing, choices('quote', 'query')),
    autocompleteName: timeEach(workload.names.map((n) => n.slice(0, 4)), choices('who', 'name')),
    autocompleteFootnote: timeEach(workload.footnotes.map((f) => f.number.slice(0, 1)), choices('footnote', 'number')),
  };
  // The same answers as the bot gives them with its store: the server's settings (cached; one
  // data_version query to notice another process's writes) and its view, then the guarded answer.
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'marginalia-bench-store-'));
  const store = await Store.open(storeFile(dataDir));
  try {
    const app: AppContext = { library, registry, commands: summarise(registry), random: Math.random, store };
    const inServer = (name: string) => async (options: CommandOptions) => render(answerCommand(name, options, await guildContext(app, BENCH_GUILD)));
    const choicesInServer = (name: string, option: string) => async (value: string) =>
      renderChoices(command(name).choices?.({ name: option, value }, {}, await guildContext(app, BENCH_GUILD)) ?? []);
    result.answersWithStore = {
      quote: await timeEachAsync(workload.searches, (query) => inServer('quote')({ query })),
      search: await timeEachAsync(workload.searches, (query) => inServer('search')({ query })),
      who: await timeEachAsync(workload.names, (name) => inServer('who')({ name })),
      footnote: await timeEachAsync(workload.footnotes, (f) => inServer('footnote')(f)),
      autocompleteQuery: await timeEachAsync(workload.typing, choicesInServer('quote', 'query')),
    };
    // And in a server reading the work with the most sections, half-way through it: the spoiler
    // guard's answers, which count what the mark held back from the same search.
    const marked = [...library.corpus.works].sort((a, b) => b.chapters.length - a.chapters.length)[0];
    const middle = marked?.chapters.filter((c) => c.locator)[Math.floor(marked.chapters.filter((c) => c.locator).length / 2)];
    if (marked && middle) {
      await store.guilds.setMark(BENCH_MARKED_GUILD, { workId: marked.meta.id, through: middle.locator, section: middle.n });
      const inMarked = (name: string) => async (options: CommandOptions) => render(answerCommand(name, options, await guildContext(app, BENCH_MARKED_GUILD)));
      result.markedServer = { work: marked.meta.id, through: middle.locator };
      result.answersWithMark = {
        quote: await timeEachAsync(workload.searches, (query) => inMarked('quote')({ query })),
        search: await timeEachAsync(workload.searches, (query) => inMarked('search')({ query })),
        who: await timeEachAsync(workload.names, (name) => inMarked('who')({ name })),
        footnote: await timeEachAsync(workload.footnotes, (f) => inMarked('footnote')(f)),
      };
    }
  } finally {
    await store.close();
    await rm(dataDir, { recursive: true, force: true });
  }
  result.memory = { ...(result.memory as object), afterQueries: memory() };
}

process.stdout.write(`${JSON.stringify(result)}\n`);
