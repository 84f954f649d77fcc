import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config';
import { createLogger } from '../src/logger';

const TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.Gabcde.fake-token-for-tests-only';

describe('loadConfig', () => {
  it('applies defaults when nothing is set: console mode', () => {
    expect(loadConfig({})).toEqual({ corpusDir: './corpus', indexCacheDir: './.cache', dataDir: './data' });
  });

  it('reads a full configuration', () => {
    expect(
      loadConfig({
        DISCORD_TOKEN: TOKEN,
        DISCORD_CLIENT_ID: '123456789012345678',
        DISCORD_GUILD_ID: '223456789012345678',
        DISCORD_API_URL: 'http://127.0.0.1:9999/api/',
        CORPUS_DIR: 'books',
        LOG_LEVEL: 'debug',
      }),
    ).toEqual({
      discordToken: TOKEN,
      discordClientId: '123456789012345678',
      discordGuildId: '223456789012345678',
      discordApiUrl: 'http://127.0.0.1:9999/api',
      corpusDir: 'books',
      indexCacheDir: './.cache',
      dataDir: './data',
      logLevel: 'debug',
    });
  });

  it('treats blank values as unset', () => {
    expect(loadConfig({ DISCORD_TOKEN: '', DISCORD_GUILD_ID: ' ', LOG_LEVEL: '' })).toEqual({ corpusDir: './corpus', indexCacheDir: './.cache', dataDir: './data' });
  });

  it('names every invalid variable in one message, without echoing values', () => {
    const error = (() => {
      try {
        loadConfig({ DISCORD_TOKEN: TOKEN, DISCORD_GUILD_ID: 'my-server', DISCORD_API_URL: 'ftp://x', LOG_LEVEL: 'loud' });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toBe(
      [
        'Invalid configuration (see .env.example):',
        '  DISCORD_GUILD_ID must be a Discord id: 17 to 20 digits',
        '  DISCORD_API_URL must be an http or https URL',
        '  LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent',
        '  DISCORD_CLIENT_ID is required when DISCORD_TOKEN is set (the application id from the Developer Portal)',
      ].join('\n'),
    );
    expect((error as Error).message).not.toContain(TOKEN);
  });
});

describe('loadConfig for corpus tools (check-corpus, import, ask)', () => {
  it('ignores every DISCORD_* variable: a token without a client id, or a bad one, stops nothing', () => {
    expect(loadConfig({ DISCORD_TOKEN: TOKEN, CORPUS_DIR: 'books' }, 'corpus')).toEqual({ corpusDir: 'books', indexCacheDir: './.cache', dataDir: './data' });
    expect(loadConfig({ DISCORD_TOKEN: 'short', DISCORD_GUILD_ID: 'my-server', DISCORD_CONNECT_TIMEOUT_MS: 'soon' }, 'corpus')).toEqual({ corpusDir: './corpus', indexCacheDir: './.cache', dataDir: './data' });
  });

  it('still names what they do use', () => {
    expect(() => loadConfig({ DISCORD_TOKEN: TOKEN, LOG_LEVEL: 'loud' }, 'corpus')).toThrow(
      'Invalid configuration (see .env.example):\n  LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent',
    );
  });
});

describe('DISCORD_CONNECT_TIMEOUT_MS', () => {
  const bot = { DISCORD_TOKEN: TOKEN, DISCORD_CLIENT_ID: '123456789012345678' };
  it('is read as milliseconds', () => {
    expect(loadConfig({ ...bot, DISCORD_CONNECT_TIMEOUT_MS: '400' }).discordConnectTimeoutMs).toBe(400);
    expect(loadConfig(bot).discordConnectTimeoutMs).toBeUndefined();
  });

  it.each([
    ['20s', 'DISCORD_CONNECT_TIMEOUT_MS must be a whole number of milliseconds'],
    ['-5', 'DISCORD_CONNECT_TIMEOUT_MS must be a whole number of milliseconds'],
    ['99', 'DISCORD_CONNECT_TIMEOUT_MS must be from 100 to 600000 milliseconds'],
    ['600001', 'DISCORD_CONNECT_TIMEOUT_MS must be from 100 to 600000 milliseconds'],
  ])('refuses %s', (value, message) => {
    expect(() => loadConfig({ ...bot, DISCORD_CONNECT_TIMEOUT_MS: value })).toThrow(`Invalid configuration (see .env.example):\n  ${message}`);
  });
});

describe('logger', () => {
  it('redacts the token wherever it appears in a logged object', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const logger = createLogger({ level: 'info', destination: sink });
    logger.info({ config: { discordToken: TOKEN }, token: TOKEN, req: { headers: { authorization: `Bot ${TOKEN}` } } }, 'starting');
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain(TOKEN);
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({ token: '[redacted]', config: { discordToken: '[redacted]' }, msg: 'starting' });
  });
});
