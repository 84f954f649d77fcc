import { parseArgs } from 'node:util';
import dotenv from 'dotenv';
import { loadConfig } from '../config';
import { FRONT_FIELDS } from '../import/front-matter';
import { boundImportHeap } from '../import/heap';
import type { ImportMeta } from '../import/types';
import { importBook } from '../import/run';

/**
 * `npm run import -- <file> [--id ID] [--out DIR] [--plan] [--title …] [--reset-metadata]`: one book into the
 * corpus (CORPUS_DIR unless --out); exit 1 if it cannot be imported.
 */
dotenv.config({ quiet: true });
/** One flag per attribution field, named as its front-matter field: `--short-title` sets `short_title`. */
const META_FLAGS = Object.fromEntries(Object.entries(FRONT_FIELDS).map(([key, field]) => [field.replace('_', '-'), key as keyof ImportMeta]));
const usage = `usage: npm run import -- <file> [--id ID] [--out DIR] [--plan] ${Object.keys(META_FLAGS)
  .map((f) => `[--${f} TEXT]`)
  .join(' ')} [--reset-metadata]\n`;
let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      id: { type: 'string' },
      out: { type: 'string' },
      'reset-metadata': { type: 'boolean' },
      plan: { type: 'boolean' },
      ...Object.fromEntries(Object.keys(META_FLAGS).map((f) => [f, { type: 'string' as const }])),
    },
  });
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n${usage}`);
  process.exit(2);
}
const [file, ...extra] = parsed.positionals;
if (!file || extra.length) {
  process.stderr.write(usage);
  process.exit(2);
}
const values = parsed.values as Record<string, string | boolean | undefined>;
const meta: Partial<ImportMeta> = {};
for (const [flag, key] of Object.entries(META_FLAGS)) {
  const value = values[flag];
  if (typeof value === 'string') meta[key] = value;
}
boundImportHeap();
const started = Date.now();
try {
  const result = await importBook({
    file,
    out: parsed.values.out ?? loadConfig(process.env, 'corpus').corpusDir,
    meta,
    resetMetadata: values['reset-metadata'] === true,
    plan: values.plan === true,
    ...(parsed.values.id ? { id: parsed.values.id } : {}),
  });
  if (!result.ok) {
    process.stderr.write(result.report);
    process.exit(1);
  }
  // The plan is the whole report: it writes nothing and times nothing.
  if (values.plan === true) process.stdout.write(result.report);
  else process.stdout.write(`${result.report}  time:        ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
} catch (error) {
  // A failure no check foresaw (a disk error): one line, never a stack.
  process.stderr.write(`Could not import ${file}: ${(error as Error).message}\n`);
  process.exit(1);
}
