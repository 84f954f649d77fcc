import { readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { ensureDir } from '../fs-safe';

/** Kept beside the index cache: what was proven against its sources, so that a restart need not prove it again. */
export const PROOFS_FILE = 'proven-sources.json';

const proofsSchema = z.array(z.string().regex(/^[0-9a-f]{64}$/));

/** The proofs of an earlier start; none when the file is missing or not what it should be. */
export async function readProofs(cacheDir: string): Promise<Set<string>> {
  try {
    const parsed = proofsSchema.safeParse(JSON.parse(await readFile(path.join(cacheDir, PROOFS_FILE), 'utf8')));
    return new Set(parsed.success ? parsed.data : []);
  } catch {
    return new Set();
  }
}

/** Records this start's proofs, replacing the old ones; nothing is written when they are unchanged. */
export async function writeProofs(cacheDir: string, proofs: readonly string[], previous: ReadonlySet<string>): Promise<void> {
  if (proofs.length === previous.size && proofs.every((p) => previous.has(p))) return;
  await ensureDir(cacheDir);
  const file = path.join(cacheDir, PROOFS_FILE);
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify([...proofs].sort())}\n`);
  await rename(temporary, file);
}
