import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * A hash of the code files in a folder. Caches keyed on it lapse when that code changes, so an
 * upgrade never trusts what older code built or proved.
 */
export async function folderCodeHash(folder: URL): Promise<string> {
  const dir = fileURLToPath(folder);
  const hash = createHash('sha256');
  for (const name of (await readdir(dir)).filter((n) => /\.[cm]?[jt]s$/.test(n)).sort()) {
    hash.update(`\0${name}\0`).update(await readFile(path.join(dir, name)));
  }
  return hash.digest('hex');
}
