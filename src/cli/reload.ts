import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import dotenv from 'dotenv';
import { loadConfig } from '../config';
import { PID_FILE, readPidFile } from '../pidfile';

/** On Linux, whether the process runs Marginalia's entry point; elsewhere the pid file is trusted. */
async function isMarginalia(pid: number): Promise<boolean> {
  let commandLine: string;
  try {
    commandLine = await readFile(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return !existsSync('/proc/self');
  }
  return /src[\\/]main\.[jt]s/.test(commandLine);
}

/** `npm run reload`: asks the running bot (found through its pid file in INDEX_CACHE_DIR) to read the corpus again. */
dotenv.config({ quiet: true });
const config = loadConfig();
const pid = await readPidFile(config.indexCacheDir);
const where = `${config.indexCacheDir}/${PID_FILE}`;
if (pid === undefined) {
  process.stderr.write(`No running bot found: ${where} does not exist. The bot writes it when it starts with a token (the console does not reload: restart it).\n`);
  process.exit(1);
}
// A pid file left by a killed bot may name a process that reuses its id: only a Marginalia process is signalled.
if (!(await isMarginalia(pid))) {
  process.stderr.write(`The bot recorded in ${where} (pid ${pid}) is not running.\n`);
  process.exit(1);
}
try {
  process.kill(pid, 'SIGHUP');
} catch {
  process.stderr.write(`The bot recorded in ${where} (pid ${pid}) is not running.\n`);
  process.exit(1);
}
process.stdout.write(`Asked the bot (pid ${pid}) to reload ${config.corpusDir}. It logs "library reloaded" once the new library answers, or "corpus reload refused" with the problems, keeping the old one.\n`);
