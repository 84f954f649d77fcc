import type { Kysely, Migration } from 'kysely';

/** The daily passage: each server's schedule, each occurrence claimed, and the passages already posted. */
export const daily: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('daily_schedule')
      .addColumn('guild_id', 'text', (c) => c.primaryKey().references('guild.guild_id').onDelete('cascade'))
      .addColumn('channel_id', 'text', (c) => c.notNull())
      .addColumn('time', 'text', (c) => c.notNull())
      .addColumn('timezone', 'text', (c) => c.notNull())
      .addColumn('work_id', 'text')
      .addColumn('since', 'integer', (c) => c.notNull())
      .addColumn('enabled', 'integer', (c) => c.notNull())
      .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('disabled_reason', 'text')
      .execute();
    // One row per occurrence: its primary key is what makes a post happen at most once.
    await db.schema
      .createTable('daily_claim')
      .addColumn('guild_id', 'text', (c) => c.notNull().references('guild.guild_id').onDelete('cascade'))
      .addColumn('due_at', 'integer', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('passage', 'text')
      .addColumn('reason', 'text')
      .addPrimaryKeyConstraint('daily_claim_pk', ['guild_id', 'due_at'])
      .execute();
    await db.schema
      .createTable('daily_used')
      .addColumn('guild_id', 'text', (c) => c.notNull().references('guild.guild_id').onDelete('cascade'))
      .addColumn('passage', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('daily_used_pk', ['guild_id', 'passage'])
      .execute();
  },
};
