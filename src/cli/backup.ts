import dotenv from 'dotenv';
import { ConfigError, loadConfig } from '../config';
import { storeFile, StoreError } from '../store';
import { backupStore } from '../store/backup';

/** `npm run backup -- FILE`: an online backup of the store in DATA_DIR, safe while the bot runs. */
dotenv.config({ quiet: true });
try {
  const source = storeFile(loadConfig(process.env, 'corpus').dataDir);
  const target = process.argv[2] ?? '';
  await backupStore(source, target);
  process.stdout.write(`Backed up ${source} to ${target}.\n`);
} catch (err) {
  if (!(err instanceof ConfigError || err instanceof StoreError)) throw err;
  process.stderr.write(`${err.message}\n`);
  process.exit(1);
}
