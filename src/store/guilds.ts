import type { Kysely } from 'kysely';
import type { StoreCache } from './cache';
import type { StoreSchema } from './schema';

/** A server's data is kept this long after the bot leaves it, in case it comes back. */
export const LEAVE_GRACE_MS = 30 * 24 * 60 * 60 * 1000;

export interface ReadingMark {
  workId: string;
  /** The locator the group has read through, as the work cites it: "ch. 12". */
  through: string;
  /** That section's 1-based index in the work when the mark was set. */
  section: number;
}

/** One server's settings, as the answers' view is built from them. */
export interface GuildSettings {
  guildId: string;
  /** The ids of the works the server reads; undefined means every work (the default). */
  works?: readonly string[];
  marks: readonly ReadingMark[];
}

/** Servers' library selections, reading marks and leave times. */
export class GuildRepository {
  constructor(
    private readonly db: Kysely<StoreSchema>,
    private readonly cache: StoreCache,
  ) {}

  /** The server's settings, from memory unless they changed. */
  settings(guildId: string): Promise<GuildSettings> {
    return this.cache.get(`${guildId}:settings`, () => this.load(guildId));
  }

  private async load(guildId: string): Promise<GuildSettings> {
    const guild = await this.db.selectFrom('guild').select('library_custom').where('guild_id', '=', guildId).executeTakeFirst();
    if (!guild) return { guildId, marks: [] };
    const works = guild.library_custom
      ? (await this.db.selectFrom('guild_work').select('work_id').where('guild_id', '=', guildId).orderBy('work_id').execute()).map((r) => r.work_id)
      : undefined;
    const marks = await this.db
      .selectFrom('reading_mark')
      .select(['work_id', 'through', 'section'])
      .where('guild_id', '=', guildId)
      .orderBy('work_id')
      .execute();
    return { guildId, ...(works ? { works } : {}), marks: marks.map((m) => ({ workId: m.work_id, through: m.through, section: m.section })) };
  }

  /** The works the server reads; undefined goes back to every work. */
  async setLibrary(guildId: string, works: readonly string[] | undefined): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await ensureGuild(trx, guildId);
      await trx.updateTable('guild').set({ library_custom: works ? 1 : 0 }).where('guild_id', '=', guildId).execute();
      await trx.deleteFrom('guild_work').where('guild_id', '=', guildId).execute();
      if (works?.length) await trx.insertInto('guild_work').values(works.map((work_id) => ({ guild_id: guildId, work_id }))).execute();
    });
    this.cache.invalidate(`${guildId}:`);
  }

  async setMark(guildId: string, mark: ReadingMark, now = Date.now()): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await ensureGuild(trx, guildId);
      const row = { guild_id: guildId, work_id: mark.workId, through: mark.through, section: mark.section, updated_at: now };
      await trx
        .insertInto('reading_mark')
        .values(row)
        .onConflict((oc) => oc.columns(['guild_id', 'work_id']).doUpdateSet({ through: row.through, section: row.section, updated_at: now }))
        .execute();
    });
    this.cache.invalidate(`${guildId}:`);
  }

  async clearMark(guildId: string, workId: string): Promise<void> {
    await this.db.deleteFrom('reading_mark').where('guild_id', '=', guildId).where('work_id', '=', workId).execute();
    this.cache.invalidate(`${guildId}:`);
  }

  /** The bot left the server: its data goes in LEAVE_GRACE_MS unless it comes back. */
  async left(guildId: string, at = Date.now()): Promise<void> {
    await this.db.updateTable('guild').set({ left_at: at }).where('guild_id', '=', guildId).execute();
  }

  /** The bot is in the server (again): nothing of it is to be purged. */
  async present(guildId: string): Promise<void> {
    await this.db.updateTable('guild').set({ left_at: null }).where('guild_id', '=', guildId).where('left_at', 'is not', null).execute();
  }

  /** When the bot left the server, if it did and the data is still kept. */
  async leftAt(guildId: string): Promise<number | undefined> {
    const row = await this.db.selectFrom('guild').select('left_at').where('guild_id', '=', guildId).executeTakeFirst();
    return row?.left_at ?? undefined;
  }

  /** Deletes every server left more than LEAVE_GRACE_MS ago, with all its rows; returns their ids. */
  async purge(now = Date.now()): Promise<string[]> {
    const gone = await this.db.deleteFrom('guild').where('left_at', '<=', now - LEAVE_GRACE_MS).returning('guild_id').execute();
    for (const { guild_id } of gone) this.cache.invalidate(`${guild_id}:`);
    return gone.map((g) => g.guild_id);
  }
}

/** Every per-server row hangs off the server's `guild` row. */
export async function ensureGuild(db: Kysely<StoreSchema>, guildId: string): Promise<void> {
  await db.insertInto('guild').values({ guild_id: guildId, library_custom: 0, left_at: null }).onConflict((oc) => oc.column('guild_id').doNothing()).execute();
}
