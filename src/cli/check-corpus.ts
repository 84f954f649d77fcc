import dotenv from 'dotenv';
import { loadConfig } from '../config';
import { checkCorpus, formatProblems } from '../corpus';

/** `npm run check-corpus [-- DIR]`: every problem with file and line, exit 1 if any. */
dotenv.config({ quiet: true });
const dir = process.argv[2] ?? loadConfig(process.env, 'corpus').corpusDir;
const { corpus, problems } = await checkCorpus(dir);
if (problems.length) {
  process.stderr.write(`${formatProblems(dir, problems)}\n`);
  process.exit(1);
}
const footnotes = corpus.works.reduce((n, w) => n + w.footnotes.length, 0);
process.stdout.write(`${dir}: ${corpus.works.length} works, ${corpus.passages.length} passages, ${footnotes} footnotes. All valid.\n`);
