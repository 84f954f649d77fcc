import { parseArgs } from 'node:util';
import { importBook } from '../import/run';

/** `npm run import -- <file> [--id ID] [--out DIR]`: one book into the corpus; exit 1 if anything cannot be placed. */
const usage = 'usage: npm run import -- <file> [--id ID] [--out DIR]\n';
let parsed;
try {
  parsed = parseArgs({ allowPositionals: true, options: { id: { type: 'string' }, out: { type: 'string', default: 'corpus' } } });
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
const result = await importBook({ file, out: parsed.values.out ?? 'corpus', ...(parsed.values.id ? { id: parsed.values.id } : {}) });
if (!result.ok) {
  process.stderr.write(result.report);
  process.exit(1);
}
process.stdout.write(`${result.report}  time:        ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
