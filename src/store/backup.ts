import { existsSync } from 'node:fs';
import path from 'node:path';
import { Store, StoreError } from './index';

/**
 * Copies the live store to `target` with SQLite's online backup: consistent while the bot runs.
 * Never overwrites a file and never migrates the source: a backup is the database as it was.
 */
export async function backupStore(source: string, target: string): Promise<void> {
  if (!target.trim()) throw new StoreError('Name the backup file: npm run backup -- FILE');
  if (!existsSync(source)) throw new StoreError(`There is no store at ${source} yet, so there is nothing to back up. Check DATA_DIR.`);
  if (existsSync(target)) throw new StoreError(`${target} already exists; choose a new file name so no earlier backup is lost.`);
  if (!existsSync(path.dirname(path.resolve(target)))) throw new StoreError(`The folder ${path.dirname(path.resolve(target))} does not exist.`);
  const store = await Store.open(source, { migrate: false });
  try {
    await store.backup(target);
  } finally {
    await store.close();
  }
}
