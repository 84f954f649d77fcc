import type { Migration } from 'kysely';
import { guilds } from './0001-guilds';
import { readingMarks } from './0002-reading-marks';
import { daily } from './0003-daily';

/**
 * Every migration, by name, in the order they run (Kysely sorts the names). In code rather than
 * found on disk at run time, so a bundled or moved build cannot miss one. Never edit or remove a
 * migration that has shipped: add the next one.
 */
export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '0001-guilds': guilds,
  '0002-reading-marks': readingMarks,
  '0003-daily': daily,
};
