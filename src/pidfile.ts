import { readFileSync, rmSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Kept in INDEX_CACHE_DIR while the bot runs, so `npm run reload` knows which process to signal. */
export const PID_FILE = 'marginalia.pid';

/** Records this process's id; removed again however the process exits (short of SIGKILL). */
export async function writePidFile(dir: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, PID_FILE);
  await writeFile(file, `${process.pid}\n`);
  process.once('exit', () => {
    try {
      if (readPidSync(file) === process.pid) rmSync(file, { force: true });
    } catch {
      // Already gone.
    }
  });
  return file;
}

const readPidSync = (file: string) => parsePid(readFileSync(file, 'utf8'));

const parsePid = (text: string) => (/^\d+\n?$/.test(text) ? Number(text.trim()) : undefined);

/** The recorded process id, or undefined when there is no pid file or it holds no id. */
export async function readPidFile(dir: string): Promise<number | undefined> {
  try {
    return parsePid(await readFile(path.join(dir, PID_FILE), 'utf8'));
  } catch {
    return undefined;
  }
}
