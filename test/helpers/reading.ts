import { readFileSync } from 'node:fs';
import { createLibrary, type Library } from '../../src/answers';
import { parse } from 'yaml';
import { parseWork, type Corpus, type PersonAliases, type Work } from '../../src/corpus';

const SEED_DIR = new URL('../fixtures/seed/', import.meta.url);
const READING_DIR = new URL('../fixtures/reading/', import.meta.url);

/**
 * A library for reading marks: The Prince in four chapters (test/fixtures/reading) beside the seed's
 * two works, which have no chapters; with `names`, also the-prince-borgia and its people.yml. Parsed as the corpus parses; sources are not proven here.
 */
export function readingCorpus({ names = false } = {}): Corpus {
  const files: [URL, string][] = [
    [READING_DIR, 'the-prince.md'],
    [SEED_DIR, 'serge-letter-1936.md'],
    [SEED_DIR, 'life-and-death-review-2018.md'],
    ...(names ? [[READING_DIR, 'the-prince-borgia.md'] as [URL, string]] : []),
  ];
  const works = files.map(([dir, file]): Work => {
    const { work, problems } = parseWork(readFileSync(new URL(file, dir), 'utf8'), file);
    if (!work || problems.length) throw new Error(`fixture ${file}: ${JSON.stringify(problems)}`);
    return work;
  });
  const passages = works.flatMap((w) => w.passages);
  passages.forEach((p, i) => (p.index = i));
  const people = names ? (parse(readFileSync(new URL('people.yml', READING_DIR), 'utf8')) as PersonAliases[]) : [];
  return { fingerprint: 'reading', works, passages, people, proofs: [] };
}

export const readingLibrary = (): Library => createLibrary(readingCorpus());

/**
 * The same with names that a mark can cut: the-prince-borgia's chapter XI calls him the Duke
 * Valentino, and only its chapter XVII Cesare Borgia, the name people.yml gives him.
 */
export const namesLibrary = (): Library => createLibrary(readingCorpus({ names: true }));
