import { spawn } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LEAVE_GRACE_MS, MIGRATIONS, Store, StoreError, storeFile } from '../../src/store';

let dir: string;
const open: Store[] = [];
const openStore = async (...args: Parameters<typeof Store.open>) => {
  const store = await Store.open(...args);
  open.push(store);
  return store;
};

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'marginalia-store-'));
});

afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
  await rm(dir, { recursive: true, force: true });
});

const raw = (store: Store, query: string) => sql.raw<Record<string, unknown>>(query).execute(store.db);

const VERSIONS = Object.keys(MIGRATIONS).sort();

describe('opening', () => {
  it('creates the file, its folder and the latest schema on first start, in WAL mode', async () => {
    const file = storeFile(path.join(dir, 'nested', 'data'));
    const store = await openStore(file);
    expect((await stat(file)).isFile()).toBe(true);
    expect(await store.applied()).toEqual(VERSIONS);
    const { rows } = await raw(store, 'PRAGMA journal_mode');
    expect(rows).toEqual([{ journal_mode: 'wal' }]);
  });

  it('refuses a database a newer version wrote, naming the migration it does not know', async () => {
    const file = storeFile(dir);
    const store = await openStore(file);
    await raw(store, `INSERT INTO kysely_migration (name, timestamp) VALUES ('9999-from-the-future', '2030-01-01T00:00:00.000Z')`);
    await store.close();
    await expect(Store.open(file)).rejects.toThrow(
      new StoreError(
        `The store at ${file} was written by a newer version of Marginalia: it has migration 9999-from-the-future, and this version knows only up to ${VERSIONS.at(-1)}. Upgrade Marginalia, or point DATA_DIR at a backup taken before the upgrade.`,
      ),
    );
  });

  it('refuses a file that is not a database with a clear message', async () => {
    const file = path.join(dir, 'not-a-db.sqlite');
    await import('node:fs/promises').then((fs) => fs.writeFile(file, 'this is not sqlite at all, just some text that is long enough'));
    await expect(Store.open(file)).rejects.toThrow(StoreError);
  });
});

describe('migrations', () => {
  it.each(VERSIONS.slice(0, -1).map((v) => [v]))('a database at %s is brought to the latest version, keeping its settings', async (version) => {
    const file = storeFile(dir);
    const old = await openStore(file, { migrate: version });
    expect(await old.applied()).toEqual(VERSIONS.slice(0, VERSIONS.indexOf(version) + 1));
    await old.guilds.setLibrary('111111111111111111', ['a-work']);
    await old.close();
    const store = await openStore(file);
    expect(await store.applied()).toEqual(VERSIONS);
    expect(await store.guilds.settings('111111111111111111')).toEqual({ guildId: '111111111111111111', works: ['a-work'], marks: [] });
  });
});

describe('guild settings', () => {
  const GUILD = '123456789012345678';

  it('defaults to every work and no marks, and keeps what is set', async () => {
    const store = await openStore(storeFile(dir));
    expect(await store.guilds.settings(GUILD)).toEqual({ guildId: GUILD, marks: [] });
    await store.guilds.setLibrary(GUILD, ['b', 'a']);
    await store.guilds.setMark(GUILD, { workId: 'a', through: 'ch. 2', section: 2 });
    expect(await store.guilds.settings(GUILD)).toEqual({ guildId: GUILD, works: ['a', 'b'], marks: [{ workId: 'a', through: 'ch. 2', section: 2 }] });
    await store.guilds.setMark(GUILD, { workId: 'a', through: 'ch. 3', section: 3 });
    await store.guilds.setLibrary(GUILD, undefined);
    expect(await store.guilds.settings(GUILD)).toEqual({ guildId: GUILD, marks: [{ workId: 'a', through: 'ch. 3', section: 3 }] });
    await store.guilds.clearMark(GUILD, 'a');
    expect(await store.guilds.settings(GUILD)).toEqual({ guildId: GUILD, marks: [] });
  });

  it('purges a server 30 days after the bot left, unless it came back', async () => {
    const store = await openStore(storeFile(dir));
    const [gone, back] = ['100000000000000001', '100000000000000002'];
    for (const g of [gone, back]) await store.guilds.setMark(g, { workId: 'a', through: 'ch. 1', section: 1 });
    const leftAt = Date.UTC(2026, 0, 1);
    await store.guilds.left(gone, leftAt);
    await store.guilds.left(back, leftAt);
    await store.guilds.present(back);
    expect(await store.guilds.purge(leftAt + LEAVE_GRACE_MS - 1)).toEqual([]);
    expect(await store.guilds.purge(leftAt + LEAVE_GRACE_MS)).toEqual([gone]);
    expect(await store.guilds.settings(gone)).toEqual({ guildId: gone, marks: [] });
    expect((await raw(store, `SELECT count(*) AS n FROM reading_mark WHERE guild_id = '${gone}'`)).rows).toEqual([{ n: 0 }]);
    expect((await store.guilds.settings(back)).marks).toHaveLength(1);
  });

  it('sees another connection’s writes despite its cache', async () => {
    const file = storeFile(dir);
    const [a, b] = [await openStore(file), await openStore(file)];
    a.refresh();
    expect(await a.guilds.settings(GUILD)).toEqual({ guildId: GUILD, marks: [] });
    await b.guilds.setLibrary(GUILD, ['x']);
    a.refresh();
    expect((await a.guilds.settings(GUILD)).works).toEqual(['x']);
  });

  it('takes an online backup that opens as a store with the same settings', async () => {
    const store = await openStore(storeFile(dir));
    await store.guilds.setLibrary(GUILD, ['kept']);
    const copy = path.join(dir, 'backup.sqlite');
    await store.backup(copy);
    const restored = await openStore(copy);
    expect((await restored.guilds.settings(GUILD)).works).toEqual(['kept']);
  });
});

describe('two processes', () => {
  /** Runs open-store.ts in a process of its own; resolves with its exit code and output. */
  const openIn = (file: string, guildId: string) =>
    new Promise<{ code: number | null; out: string }>((resolve) => {
      const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'open-store.ts'), file, guildId], { stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
      child.on('exit', (code) => resolve({ code, out }));
    });

  it('open one new database file together: both migrate it safely and both writes are kept', async () => {
    const file = storeFile(dir);
    const results = await Promise.all([openIn(file, '100000000000000001'), openIn(file, '100000000000000002')]);
    expect(results).toEqual([
      { code: 0, out: '100000000000000001 done\n' },
      { code: 0, out: '100000000000000002 done\n' },
    ]);
    const store = await openStore(file);
    expect(await store.applied()).toEqual(VERSIONS);
    for (const guild of ['100000000000000001', '100000000000000002']) expect((await store.guilds.settings(guild)).marks).toHaveLength(1);
  }, 60_000);
});
