/** /daily in the console: it writes the store like the bot, posts nothing, and shows what the bot would post next. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerLine, CONSOLE_GUILD, formatReply } from '../../src/console/run';
import { cacheDailies } from '../../src/daily/cache';
import { dailyCandidates, dailyPicker } from '../../src/daily/pick';
import { createDailyService } from '../../src/daily/service';
import { guildContext, type AppContext } from '../../src/discord/dispatch';
import { loadCommands, summarise } from '../../src/discord/registry';
import { createLogger } from '../../src/logger';
import { render } from '../../src/render/render';
import { Store, storeFile } from '../../src/store';
import { readingLibrary } from '../helpers/reading';

let dir: string;
let store: Store;
let app: AppContext;
const logger = createLogger({ level: 'silent' });
const content = async (line: string) => {
  const data = render(await answerLine(line, app, logger)).data;
  return data.content ?? '';
};
const CHANNEL = '323456789012345678';

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'marginalia-console-daily-'));
  store = await Store.open(storeFile(dir));
  const registry = await loadCommands();
  app = { library: readingLibrary(), registry, commands: summarise(registry), store };
  // As the console's bootstrap does: the store's schedules, and no runner.
  app.daily = createDailyService({ store: await cacheDailies(store.daily), library: () => app.library });
});

afterAll(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

describe('/daily in the console', () => {
  it('without a schedule, says the bot posts and there is nothing to show', async () => {
    expect(await content('/daily show')).toBe(
      'No daily passage is set for this server. Someone with Manage Server can start one with /daily set.\nThis console posts nothing: the running bot (`npm start`) makes the posts, at the time set.',
    );
  });

  it('shows the next passage in order, as the scheduler picks it, without claiming it', async () => {
    await answerLine(`/daily set channel:${CHANNEL} time:07:30 timezone:Europe/Paris work:the-prince`, app, logger);
    const first = await content('/daily show');
    expect(first).toContain('This console posts nothing: the running bot (`npm start`) makes the posts, at the time set.');
    expect(first).toContain('\nNext passage: Nicolo Machiavelli · The Prince · ch. 1 ¶ 1 · translated by W. K. Marriott');
    // Asking again shows the same passage: nothing was claimed or marked as used.
    expect(await content('/daily show')).toBe(first);
    expect(await store.daily.used(CONSOLE_GUILD)).toEqual(new Set());
    expect(await store.daily.lastClaimed(CONSOLE_GUILD)).toBeUndefined();
    // Once the bot has posted it (a claim, made with the scheduler's own picker), the next one shows.
    const { library } = await guildContext(app, CONSOLE_GUILD);
    const picked = await store.daily.claim(CONSOLE_GUILD, new Date('2026-11-27T06:30:00Z'), dailyPicker(dailyCandidates(library, 'the-prince'), { workId: 'the-prince' }));
    expect(picked).toEqual({ key: 'the-prince:0', reset: false });
    expect(await content('/daily show')).toContain('\nNext passage: Nicolo Machiavelli · The Prince · ch. 1 ¶ 2 · translated by W. K. Marriott');
  });

  it('a random schedule says the passage is drawn when the bot posts', async () => {
    await answerLine(`/daily set channel:${CHANNEL} time:07:30 timezone:Europe/Paris`, app, logger);
    expect(await content('/daily show')).toContain('Next passage: drawn at random when the bot posts, from the passages the group has read and not yet seen posted.');
  });

  it('--json keeps the shape of the bot’s /daily show', async () => {
    // What the bot sends, as JSON carries it.
    const bot = JSON.parse(JSON.stringify(render(app.daily?.show(CONSOLE_GUILD) ?? { kind: 'daily' }))) as ReturnType<typeof render>;
    const consoleJson = JSON.parse(formatReply(await answerLine('/daily show', app, logger), true)) as typeof bot;
    expect(Object.keys(consoleJson)).toEqual(Object.keys(bot));
    expect(Object.keys(consoleJson.data)).toEqual(Object.keys(bot.data));
    expect(consoleJson.data.content?.startsWith(bot.data.content ?? '')).toBe(true);
  });
});
