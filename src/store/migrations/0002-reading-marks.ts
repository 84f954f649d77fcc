import type { Kysely, Migration } from 'kysely';

/** How far each server's group has read in each work: the spoiler guard's marks. */
export const readingMarks: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('reading_mark')
      .addColumn('guild_id', 'text', (c) => c.notNull().references('guild.guild_id').onDelete('cascade'))
      .addColumn('work_id', 'text', (c) => c.notNull())
      .addColumn('through', 'text', (c) => c.notNull())
      .addColumn('section', 'integer', (c) => c.notNull())
      .addColumn('updated_at', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('reading_mark_pk', ['guild_id', 'work_id'])
      .execute();
  },
};
