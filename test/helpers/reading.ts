import { readFileSync } from 'node:fs';
import { createLibrary, type Library } from '../../src/answers';
import { parseWork, type Corpus, type Work } from '../../src/corpus';

const SEED_DIR = new URL('../fixtures/seed/', import.meta.url);
const READING_DIR = new URL('../fixtures/reading/', import.meta.url);

/**
 * A library for reading marks: The Prince in four chapters (test/fixtures/reading) beside the seed's
 * two works, which have no chapters. Parsed as the corpus parses; sources are not proven here.
 */
export function readingCorpus(): Corpus {
  const files: [URL, string][] = [
    [READING_DIR, 'the-prince.md'],
    [SEED_DIR, 'serge-letter-1936.md'],
    [SEED_DIR, 'life-and-death-review-2018.md'],
  ];
  const works = files.map(([dir, file]): Work => {
    const { work, problems } = parseWork(readFileSync(new URL(file, dir), 'utf8'), file);
    if (!work || problems.length) throw new Error(`fixture ${file}: ${JSON.stringify(problems)}`);
    return work;
  });
  const passages = works.flatMap((w) => w.passages);
  passages.forEach((p, i) => (p.index = i));
  return { fingerprint: 'reading', works, passages, people: [], proofs: [] };
}

export const readingLibrary = (): Library => createLibrary(readingCorpus());
