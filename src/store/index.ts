import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect, sql, type MigrationResultSet } from './kysely';
import type { Logger } from '../logger';
import { StoreCache } from './cache';
import { DailyRepository } from './daily';
import { GuildRepository } from './guilds';
import { MIGRATIONS } from './migrations';
import type { StoreSchema } from './schema';

export { DailyRepository } from './daily';
export { GuildRepository, LEAVE_GRACE_MS, type GuildSettings, type ReadingMark } from './guilds';
export type { StoreSchema } from './schema';
export { MIGRATIONS } from './migrations';

export const STORE_FILE = 'marginalia.sqlite';
const MIGRATION_TABLE = 'kysely_migration';
/** How long a statement waits for another process's write to finish before giving up. */
const BUSY_TIMEOUT_MS = 5000;

export class StoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoreError';
  }
}

export interface OpenOptions {
  logger?: Logger;
  /** Migrate to the latest version (default), to a named one (tests of older versions), or not at all (backups). */
  migrate?: boolean | string;
}

/** The database and its repositories. Answers never see it: they get a server's view of the library. */
export class Store {
  readonly guilds: GuildRepository;
  readonly daily: DailyRepository;
  readonly cache = new StoreCache();
  private dataVersion: number | undefined;
  private readonly dataVersionStatement: Database.Statement;

  private constructor(
    readonly file: string,
    readonly db: Kysely<StoreSchema>,
    private readonly sqlite: Database.Database,
  ) {
    this.guilds = new GuildRepository(db, this.cache);
    this.daily = new DailyRepository(db);
    this.dataVersionStatement = sqlite.prepare('PRAGMA data_version');
  }

  /** Opens (creating if need be) the SQLite file in WAL mode and brings its schema up to date. */
  static async open(file: string, { logger, migrate = true }: OpenOptions = {}): Promise<Store> {
    let sqlite: Database.Database;
    try {
      mkdirSync(path.dirname(file), { recursive: true });
      sqlite = new Database(file);
      sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
      sqlite.pragma('journal_mode = WAL');
      sqlite.pragma('synchronous = NORMAL');
      sqlite.pragma('foreign_keys = ON');
    } catch (err) {
      throw new StoreError(`Cannot open the store at ${file}: ${err instanceof Error ? err.message : String(err)}. Check DATA_DIR.`);
    }
    const store = new Store(file, new Kysely<StoreSchema>({ dialect: new SqliteDialect({ database: sqlite }) }), sqlite);
    try {
      if (migrate !== false) await store.migrate(migrate === true ? undefined : migrate, logger);
    } catch (err) {
      await store.close();
      throw err;
    }
    return store;
  }

  /** The migrations this database has run, oldest first. */
  async applied(): Promise<string[]> {
    const exists = await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'table' AND name = ${MIGRATION_TABLE}`.execute(this.db);
    if (exists.rows.length === 0) return [];
    const rows = await sql<{ name: string }>`SELECT name FROM ${sql.table(MIGRATION_TABLE)} ORDER BY name`.execute(this.db);
    return rows.rows.map((r) => r.name);
  }

  private async migrate(to: string | undefined, logger: Logger | undefined): Promise<void> {
    const known = Object.keys(MIGRATIONS).sort();
    const applied = await this.applied();
    const unknown = applied.filter((name) => !(name in MIGRATIONS));
    if (unknown.length) {
      throw new StoreError(
        `The store at ${this.file} was written by a newer version of Marginalia: it has migration ${unknown.join(', ')}, and this version knows only up to ${known.at(-1)}. Upgrade Marginalia, or point DATA_DIR at a backup taken before the upgrade.`,
      );
    }
    // Up to date, the usual case: no write at all, so processes opening one file never contend.
    const wanted = to ? known.slice(0, known.indexOf(to) + 1) : known;
    if (wanted.length === applied.length && wanted.every((name, i) => applied[i] === name)) return;
    const migrator = new Migrator({ db: this.db, provider: { getMigrations: () => Promise.resolve({ ...MIGRATIONS }) }, disableTransactions: true });
    // Two processes may start on one new file together. BEGIN IMMEDIATE takes SQLite's write lock
    // before the migrator reads what has run, so the second waits (busy_timeout), then finds the
    // work done; Kysely's own transaction would read first and could run a migration twice.
    this.sqlite.exec('BEGIN IMMEDIATE');
    let result: MigrationResultSet;
    try {
      result = to ? await migrator.migrateTo(to) : await migrator.migrateToLatest();
    } catch (err) {
      result = { error: err };
    }
    if (result.error) {
      if (this.sqlite.inTransaction) this.sqlite.exec('ROLLBACK');
      const message = result.error instanceof Error ? result.error.message : String(result.error);
      throw new StoreError(`Could not bring the store at ${this.file} up to date: ${message}`);
    }
    this.sqlite.exec('COMMIT');
    const ran = (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
    if (ran.length) logger?.info({ file: this.file, migrations: ran }, 'store migrated');
  }

  /**
   * Forgets cached settings if another process wrote to the database since the last call.
   * SQLite's data_version changes only for other connections' commits. It is read straight from
   * the driver, a few microseconds: through Kysely every answer would pay a query's overhead
   * (the bench measured a quarter more on /quote), and the counter is SQLite's own anyway.
   */
  refresh(): void {
    const version = this.dataVersionStatement.pluck().get() as number;
    if (this.dataVersion !== undefined && version !== this.dataVersion) this.cache.clear();
    this.dataVersion = version;
  }

  /** An online backup to `file`, consistent even while the bot writes. */
  async backup(file: string): Promise<void> {
    await this.sqlite.backup(file);
  }

  async close(): Promise<void> {
    await this.db.destroy();
    // Kysely opens its connection lazily: a store that ran no query still holds the file.
    if (this.sqlite.open) this.sqlite.close();
  }
}

/** The store file inside DATA_DIR. */
export const storeFile = (dataDir: string): string => path.join(dataDir, STORE_FILE);
