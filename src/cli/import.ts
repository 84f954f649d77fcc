import { parseArgs } from 'node:util';
import dotenv from 'dotenv';
import { loadConfig } from '../config';
import { importBook } from '../import/run';

/** `npm run import -- <file> [--id ID] [--out DIR]`: one book into the corpus (CORPUS_DIR unless --out); exit 1 if anything cannot be placed. */
dotenv.config({ quiet: true });
const usage = 'usage: npm run import -- <file> [--id ID] [--out DIR]\n';
let parsed;
try {
  parsed = parseArgs({ allowPositionals: true, options: { id: { type: 'string' }, out: { type: 'string' } } });
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n${usage}`);
  process.exit(2);
}
const [file, ...extra] = parsed.positionals;
if (!file || extra.length) {
  process.stderr.write(usage);
  process.exit(2);
}
const started = Date.now();
const result = await importBook({ file, out: parsed.values.out ?? loadConfig().corpusDir, ...(parsed.values.id ? { id: parsed.values.id } : {}) });
if (!result.ok) {
  process.stderr.write(result.report);
  process.exit(1);
}
process.stdout.write(`${result.report}  time:        ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
