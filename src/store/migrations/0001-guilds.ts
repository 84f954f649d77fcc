import type { Kysely, Migration } from 'kysely';

/** Servers and the works each reads. */
export const guilds: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('guild')
      .addColumn('guild_id', 'text', (c) => c.primaryKey())
      .addColumn('library_custom', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('left_at', 'integer')
      .execute();
    await db.schema
      .createTable('guild_work')
      .addColumn('guild_id', 'text', (c) => c.notNull().references('guild.guild_id').onDelete('cascade'))
      .addColumn('work_id', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('guild_work_pk', ['guild_id', 'work_id'])
      .execute();
  },
};
