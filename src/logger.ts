import pino, { type Logger } from 'pino';

/** Paths that could hold the token, wherever it turns up in a logged object. */
export const REDACTED_PATHS = [
  'token',
  '*.token',
  '*.*.token',
  'config.discordToken',
  'discordToken',
  '*.discordToken',
  'headers.authorization',
  '*.headers.authorization',
  'req.headers.authorization',
  'DISCORD_TOKEN',
  '*.DISCORD_TOKEN',
];

export interface LoggerOptions {
  level?: string;
  /** Defaults to stderr: stdout belongs to the console's answers. */
  destination?: pino.DestinationStream;
}

export function createLogger({ level = 'info', destination = pino.destination(2) }: LoggerOptions = {}): Logger {
  return pino({ level, base: { app: 'marginalia' }, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } }, destination);
}

export type { Logger };
