import { createRequire } from 'node:module';
import type * as KyselyModule from 'kysely';

/**
 * Kysely's values, from its CommonJS build. Its ES build is some 280 modules, each passed through
 * tsx's loader hook at start: that costs the bot a second or more of every cold start, the
 * CommonJS build a third of it. Types still come from the package as usual.
 */
const kysely = createRequire(import.meta.url)('kysely') as typeof KyselyModule;

export const { Kysely, Migrator, SqliteDialect, sql } = kysely;
export type Kysely<DB> = KyselyModule.Kysely<DB>;
export type { Migration, MigrationResultSet } from 'kysely';
