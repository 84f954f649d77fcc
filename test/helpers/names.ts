import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { createLibrary, type Library } from '../../src/answers';
import { parseWork, type Corpus, type PersonAliases, type Work } from '../../src/corpus';

const DIR = new URL('../fixtures/names/', import.meta.url);
const SEED_DIR = new URL('../fixtures/seed/', import.meta.url);

/**
 * A corpus of short real excerpts (test/fixtures/names, or the seed's files): each file a work,
 * parsed as the corpus parses it, with the seed's people.yml when asked. No sources are proven:
 * these test names only.
 */
export function namesCorpus(files: readonly string[], { people = false } = {}): Corpus {
  const works = files.map((file): Work => {
    const { work, problems } = parseWork(readFileSync(new URL(file.replace(/^seed\//, ''), file.startsWith('seed/') ? SEED_DIR : DIR), 'utf8'), file);
    if (!work || problems.length) throw new Error(`fixture ${file}: ${JSON.stringify(problems)}`);
    return work;
  });
  const passages = works.flatMap((w) => w.passages);
  passages.forEach((p, i) => (p.index = i));
  const listed = people ? (parse(readFileSync(new URL('people.yml', SEED_DIR), 'utf8')) as PersonAliases[]) : [];
  return { fingerprint: files.join(','), works, passages, people: listed, proofs: [] };
}

export function namesLibrary(files: readonly string[], options: { people?: boolean } = {}): Library {
  return createLibrary(namesCorpus(files, options));
}

export const SEED = ['seed/serge-letter-1936.md', 'seed/life-and-death-review-2018.md'];
