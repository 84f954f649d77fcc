import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';

/**
 * `mkdir -p`, without Node's own recursive mkdir, which spins forever at full CPU on a path under
 * /proc (Node 20, e.g. INDEX_CACHE_DIR=/proc/self/x). Creates each missing folder in turn and throws
 * the first error, so a cache folder that cannot exist fails at once.
 */
export async function ensureDir(dir: string): Promise<void> {
  const missing: string[] = [];
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    try {
      if (!(await stat(current)).isDirectory()) throw new Error(`${current} is not a folder`);
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      missing.push(current);
      if (path.dirname(current) === current) break;
    }
  }
  for (const folder of missing.reverse()) {
    await mkdir(folder).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'EEXIST') throw err;
    });
  }
}
