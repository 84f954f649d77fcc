import { z } from 'zod';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const snowflake = z.string().regex(/^\d{17,20}$/, 'must be a Discord id: 17 to 20 digits');
const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

/** How long start-up waits for Discord's API to answer and for the gateway's HELLO, unless DISCORD_CONNECT_TIMEOUT_MS says otherwise. */
export const DEFAULT_CONNECT_TIMEOUT_MS = 20_000;
const CONNECT_TIMEOUT_RANGE = [100, 600_000] as const;

const schema = z
  .object({
    DISCORD_TOKEN: z.preprocess(blankToUndefined, z.string().regex(/^\S{20,}$/, 'does not look like a bot token').optional()),
    DISCORD_CLIENT_ID: z.preprocess(blankToUndefined, snowflake.optional()),
    DISCORD_GUILD_ID: z.preprocess(blankToUndefined, snowflake.optional()),
    DISCORD_API_URL: z.preprocess(
      blankToUndefined,
      z
        .string()
        .url('must be a URL such as http://127.0.0.1:8080/api')
        .refine((u) => /^https?:/.test(u), 'must be an http or https URL')
        .optional(),
    ),
    DISCORD_CONNECT_TIMEOUT_MS: z.preprocess(
      blankToUndefined,
      z
        .string()
        .regex(/^\d+$/, 'must be a whole number of milliseconds')
        .transform(Number)
        .refine((ms) => ms >= CONNECT_TIMEOUT_RANGE[0] && ms <= CONNECT_TIMEOUT_RANGE[1], `must be from ${CONNECT_TIMEOUT_RANGE[0]} to ${CONNECT_TIMEOUT_RANGE[1]} milliseconds`)
        .optional(),
    ),
    CORPUS_DIR: z.preprocess(blankToUndefined, z.string().default('./corpus')),
    INDEX_CACHE_DIR: z.preprocess(blankToUndefined, z.string().default('./.cache')),
    DATA_DIR: z.preprocess(blankToUndefined, z.string().refine((d) => !/\0/.test(d), 'must be a folder path').default('./data')),
    LOG_LEVEL: z.preprocess(
      blankToUndefined,
      z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` }).optional(),
    ),
  });

export interface Config {
  discordToken?: string;
  discordClientId?: string;
  discordGuildId?: string;
  discordApiUrl?: string;
  /** Start-up's wait for the API and for HELLO; unset means DEFAULT_CONNECT_TIMEOUT_MS. Tests shorten it. */
  discordConnectTimeoutMs?: number;
  corpusDir: string;
  indexCacheDir: string;
  /** Where the store (one SQLite file) lives: server settings, never message content. */
  dataDir: string;
  /** Unset means each entry point's own default: info for the bot, warn for the console. */
  logLevel?: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration (see .env.example):\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * What an entry point needs. The bot (and `deploy-commands`, which adds its own checks) reads
 * everything; `corpus` tools (check-corpus, import, the console's `ask`) never touch Discord, so a
 * half-configured bot in .env must not stop them: they ignore the DISCORD_* variables altogether.
 */
export type ConfigUse = 'bot' | 'corpus';

/** Parses and validates the environment once, naming every missing or invalid variable `use` needs. */
export function loadConfig(env: Record<string, string | undefined> = process.env, use: ConfigUse = 'bot'): Config {
  if (use === 'corpus') env = Object.fromEntries(Object.entries(env).filter(([name]) => !name.startsWith('DISCORD_')));
  const parsed = schema.safeParse(env);
  // Never echo values: one of them may be the token.
  const problems = parsed.success ? [] : parsed.error.issues.map((i) => `${String(i.path[0])} ${i.message}`);
  if (blankToUndefined(env.DISCORD_TOKEN) && !blankToUndefined(env.DISCORD_CLIENT_ID)) {
    problems.push('DISCORD_CLIENT_ID is required when DISCORD_TOKEN is set (the application id from the Developer Portal)');
  }
  if (!parsed.success || problems.length) throw new ConfigError(problems);
  const e = parsed.data;
  return {
    ...(e.DISCORD_TOKEN ? { discordToken: e.DISCORD_TOKEN } : {}),
    ...(e.DISCORD_CLIENT_ID ? { discordClientId: e.DISCORD_CLIENT_ID } : {}),
    ...(e.DISCORD_GUILD_ID ? { discordGuildId: e.DISCORD_GUILD_ID } : {}),
    ...(e.DISCORD_API_URL ? { discordApiUrl: e.DISCORD_API_URL.replace(/\/+$/, '') } : {}),
    ...(e.DISCORD_CONNECT_TIMEOUT_MS === undefined ? {} : { discordConnectTimeoutMs: e.DISCORD_CONNECT_TIMEOUT_MS }),
    corpusDir: e.CORPUS_DIR,
    indexCacheDir: e.INDEX_CACHE_DIR,
    dataDir: e.DATA_DIR,
    ...(e.LOG_LEVEL ? { logLevel: e.LOG_LEVEL } : {}),
  };
}
