import type { Kysely, Selectable } from 'kysely';
import type { DailyPick, DailySettings, DailyStore } from '../daily/runner';
import { ensureGuild } from './guilds';
import type { DailyScheduleTable, StoreSchema } from './schema';

const settingsOf = (row: Selectable<DailyScheduleTable>): DailySettings => ({
  guildId: row.guild_id,
  channelId: row.channel_id,
  time: row.time,
  timezone: row.timezone,
  ...(row.work_id ? { workId: row.work_id } : {}),
  since: new Date(row.since),
  enabled: row.enabled === 1,
  failures: row.failures,
  ...(row.disabled_reason ? { disabledReason: row.disabled_reason } : {}),
});

/** The daily passage's schedules, claims and used passages: the runner's store, one transaction per method. */
export class DailyRepository implements DailyStore {
  constructor(private readonly db: Kysely<StoreSchema>) {}

  async allDailies(): Promise<DailySettings[]> {
    return (await this.db.selectFrom('daily_schedule').selectAll().orderBy('guild_id').execute()).map(settingsOf);
  }

  async daily(guildId: string): Promise<DailySettings | undefined> {
    const row = await this.db.selectFrom('daily_schedule').selectAll().where('guild_id', '=', guildId).executeTakeFirst();
    return row && settingsOf(row);
  }

  async used(guildId: string): Promise<ReadonlySet<string>> {
    return new Set((await this.db.selectFrom('daily_used').select('passage').where('guild_id', '=', guildId).execute()).map((r) => r.passage));
  }

  async lastClaimed(guildId: string): Promise<Date | undefined> {
    const row = await this.db.selectFrom('daily_claim').select((eb) => eb.fn.max('due_at').as('last')).where('guild_id', '=', guildId).executeTakeFirst();
    return row?.last ? new Date(Number(row.last)) : undefined;
  }

  /**
   * Inserts the claim first: if another process has claimed this occurrence, the insert does nothing
   * and nothing is posted. The passage chosen is remembered in the same transaction.
   */
  async claim(guildId: string, due: Date, pick: (used: ReadonlySet<string>) => DailyPick | undefined): Promise<DailyPick | false | undefined> {
    return this.db.transaction().execute(async (trx) => {
      await ensureGuild(trx, guildId);
      const inserted = await trx
        .insertInto('daily_claim')
        .values({ guild_id: guildId, due_at: due.getTime(), status: 'claimed', passage: null, reason: null })
        .onConflict((oc) => oc.columns(['guild_id', 'due_at']).doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return false;
      const used = new Set((await trx.selectFrom('daily_used').select('passage').where('guild_id', '=', guildId).execute()).map((r) => r.passage));
      const picked = pick(used);
      if (!picked) {
        await trx.updateTable('daily_claim').set({ status: 'empty' }).where('guild_id', '=', guildId).where('due_at', '=', due.getTime()).execute();
        return undefined;
      }
      if (picked.reset) await trx.deleteFrom('daily_used').where('guild_id', '=', guildId).execute();
      await trx.insertInto('daily_used').values({ guild_id: guildId, passage: picked.key }).onConflict((oc) => oc.doNothing()).execute();
      await trx.updateTable('daily_claim').set({ passage: picked.key }).where('guild_id', '=', guildId).where('due_at', '=', due.getTime()).execute();
      return picked;
    });
  }

  async skip(guildId: string, due: Date): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await ensureGuild(trx, guildId);
      await trx
        .insertInto('daily_claim')
        .values({ guild_id: guildId, due_at: due.getTime(), status: 'skipped', passage: null, reason: 'more than an hour late' })
        .onConflict((oc) => oc.columns(['guild_id', 'due_at']).doNothing())
        .execute();
    });
  }

  async recordSent(guildId: string, due: Date): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.updateTable('daily_claim').set({ status: 'sent' }).where('guild_id', '=', guildId).where('due_at', '=', due.getTime()).execute();
      await trx.updateTable('daily_schedule').set({ failures: 0 }).where('guild_id', '=', guildId).execute();
    });
  }

  async recordFailure(guildId: string, due: Date, reason: string): Promise<number> {
    return this.db.transaction().execute(async (trx) => {
      await trx.updateTable('daily_claim').set({ status: 'failed', reason }).where('guild_id', '=', guildId).where('due_at', '=', due.getTime()).execute();
      const row = await trx
        .updateTable('daily_schedule')
        .set((eb) => ({ failures: eb('failures', '+', 1) }))
        .where('guild_id', '=', guildId)
        .returning('failures')
        .executeTakeFirst();
      return row?.failures ?? 0;
    });
  }

  async disableDaily(guildId: string, reason?: string): Promise<void> {
    await this.db.updateTable('daily_schedule').set({ enabled: 0, disabled_reason: reason ?? null }).where('guild_id', '=', guildId).execute();
  }

  async setDaily(settings: DailySettings): Promise<void> {
    const update = {
      channel_id: settings.channelId,
      time: settings.time,
      timezone: settings.timezone,
      work_id: settings.workId ?? null,
      since: settings.since.getTime(),
      enabled: settings.enabled ? 1 : 0,
      failures: settings.failures,
      disabled_reason: settings.disabledReason ?? null,
    };
    await this.db.transaction().execute(async (trx) => {
      await ensureGuild(trx, settings.guildId);
      await trx.insertInto('daily_schedule').values({ guild_id: settings.guildId, ...update }).onConflict((oc) => oc.column('guild_id').doUpdateSet(update)).execute();
    });
  }
}
