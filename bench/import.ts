/**
 * `tsx bench/import.ts <file>`: one `npm run import` of a book into a fresh corpus folder, in a process
 * of its own, as the command runs it (decode, tree, decisions, Markdown, the corpus's proof, rename).
 * Prints JSON: the import's wall and CPU time, and the process's peak RSS.
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { boundImportHeap } from '../src/import/heap';
import { importBook } from '../src/import/run';

const file = process.argv[2];
if (!file) throw new Error('usage: tsx bench/import.ts <file>');
// As the import command bounds its heap.
boundImportHeap();
const out = await mkdtemp(path.join(os.tmpdir(), 'marginalia-bench-import-'));
try {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const result = await importBook({ file, out });
  const importMs = Math.round(performance.now() - started);
  // CPU time (user and system): what the wall time would be on an idle machine, near enough.
  const used = process.cpuUsage(cpu);
  const cpuMs = Math.round((used.user + used.system) / 1000);
  if (!result.ok) throw new Error(result.report);
  const passages = /passages:\s+(\d+)/.exec(result.report)?.[1];
  process.stdout.write(
    `${JSON.stringify({
      file: path.basename(file),
      mb: Math.round(((await stat(file)).size / 2 ** 20) * 10) / 10,
      passages: Number(passages),
      importMs,
      cpuMs,
      // maxRSS is in kilobytes: the most memory the process ever held.
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    })}\n`,
  );
} finally {
  await rm(out, { recursive: true, force: true });
}
