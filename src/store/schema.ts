/**
 * The store's tables as Kysely sees them. Only Discord ids and settings: never message content.
 * Every per-server table references `guild` with ON DELETE CASCADE, so purging a server is one delete.
 */

export interface GuildTable {
  guild_id: string;
  /** 0: the server reads every work (the default); 1: only the works in guild_work. */
  library_custom: number;
  /** When the bot left the server (ms since the epoch); its data is purged 30 days later. */
  left_at: number | null;
}

export interface GuildWorkTable {
  guild_id: string;
  work_id: string;
}

export interface ReadingMarkTable {
  guild_id: string;
  work_id: string;
  /** The locator the group has read through, as the work cites it ("ch. 12", "bk. 9 ch. 3"). */
  through: string;
  /** That section's 1-based index in the work when it was set: the fallback if the locator no longer resolves. */
  section: number;
  updated_at: number;
}

export interface StoreSchema {
  guild: GuildTable;
  guild_work: GuildWorkTable;
  reading_mark: ReadingMarkTable;
}
