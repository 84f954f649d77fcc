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

/** A server's daily passage. Times are ms since the epoch; `time` and `timezone` as /daily set gave them. */
export interface DailyScheduleTable {
  guild_id: string;
  channel_id: string;
  time: string;
  timezone: string;
  work_id: string | null;
  since: number;
  enabled: number;
  failures: number;
  disabled_reason: string | null;
}

/** Each occurrence claimed before sending: claimed, then sent or failed; or skipped, or empty. */
export interface DailyClaimTable {
  guild_id: string;
  due_at: number;
  status: 'claimed' | 'sent' | 'failed' | 'skipped' | 'empty';
  /** "work-id:seq" of the passage chosen. */
  passage: string | null;
  reason: string | null;
}

/** The passages posted in the current round; cleared when every candidate has been posted. */
export interface DailyUsedTable {
  guild_id: string;
  passage: string;
}

export interface StoreSchema {
  guild: GuildTable;
  guild_work: GuildWorkTable;
  reading_mark: ReadingMarkTable;
  daily_schedule: DailyScheduleTable;
  daily_claim: DailyClaimTable;
  daily_used: DailyUsedTable;
}
