import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleArguments } from '../../src/console/main';
import { answerLine, CONSOLE_GUILD } from '../../src/console/run';
import type { AppContext } from '../../src/discord/dispatch';
import { loadCommands, summarise } from '../../src/discord/registry';
import { createLogger } from '../../src/logger';
import { Store, storeFile } from '../../src/store';
import { readingLibrary } from '../helpers/reading';

let dir: string;
let store: Store;
let app: AppContext;
const logger = createLogger({ level: 'silent' });
const text = async (line: string, guild?: string) => {
  const answer = await answerLine(line, app, logger, guild);
  return answer.kind === 'notice' ? answer.message : answer.kind;
};

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'marginalia-console-guild-'));
  store = await Store.open(storeFile(dir));
  const registry = await loadCommands();
  app = { library: readingLibrary(), registry, commands: summarise(registry), store };
});

afterAll(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

describe('the console plays one server, as a member with Manage Server', () => {
  it('changes settings in the store, in its local server by default', async () => {
    expect(await text('/reading set the-prince through:"ch. 1"')).toBe('The group has read The Prince through ch. 1. Replies now leave out its 6 later passages.');
    expect((await store.guilds.settings(CONSOLE_GUILD)).marks).toEqual([{ workId: 'the-prince', through: 'ch. 1', section: 1 }]);
    expect(await text('/who Lodovico')).toMatch(/^Nothing in what the group has read yet: 2 later passages are hidden/);
  });

  it('--guild picks another server, with its own settings', async () => {
    expect(await text('/reading show', '223456789012345678')).toMatch(/^No reading is set/);
    expect(await text('/library remove work:serge-letter-1936', '223456789012345678')).toBe("Removed Letter to Leon Trotsky from this server's library: it now reads 2 works.");
    expect((await store.guilds.settings('223456789012345678')).works).toEqual(['life-and-death-review-2018', 'the-prince']);
    expect((await store.guilds.settings(CONSOLE_GUILD)).works).toBeUndefined();
  });

  it('reads a subcommand first and refuses a missing one', async () => {
    expect(await text('/library')).toBe('/library needs one of: /library show, /library add, /library remove.');
  });

  it.each([
    [['--json', '/quote'], { json: true, line: '/quote' }],
    [['--guild', '42', '/reading', 'show'], { json: false, guildId: '42', line: '/reading show' }],
    [['--guild=42', '--json'], { json: true, guildId: '42', line: '' }],
    [['--guild'], { error: '--guild needs a server id, for example --guild 223456789012345678.' }],
    [['--guild', '<@everyone>'], { error: '--guild needs a server id, for example --guild 223456789012345678.' }],
  ])('arguments %j', (argv, parsed) => {
    expect(consoleArguments(argv)).toEqual(parsed);
  });
});
