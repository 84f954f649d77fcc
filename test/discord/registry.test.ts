import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commandBodies, loadAllCommands } from '../../src/discord/registry';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'marginalia-registry-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A command file with no imports: a builder is anything with toJSON. */
const file = (name: string, body: string) => writeFile(path.join(dir, name), `export default ${body};\n`);
const slash = (name: string) => `{ data: { name: '${name}', toJSON: () => ({ type: 1, name: '${name}', description: 'd', options: [] }) }, answer() {}, execute() {} }`;
const menu = (name: string, extra = 'answer() {}, execute() {}') => `{ data: { name: '${name}', toJSON: () => ({ type: 3, name: '${name}' }) }, ${extra} }`;

describe('the command registry', () => {
  it('loads slash commands and message menu commands from one folder, told apart by their type', async () => {
    await file('a.js', slash('quote'));
    await file('b.js', menu('Find in the texts'));
    const loaded = await loadAllCommands(dir);
    expect([...loaded.commands.keys()]).toEqual(['quote']);
    expect([...loaded.messageCommands.keys()]).toEqual(['Find in the texts']);
    expect(commandBodies(loaded)).toEqual([
      { type: 1, name: 'quote', description: 'd', options: [] },
      { type: 3, name: 'Find in the texts' },
    ]);
  });

  it.each([
    [menu('Find', 'answer() {}'), 'b.js does not export a message command: missing execute'],
    [menu('Find', ''), 'b.js does not export a message command: missing answer, execute'],
    ['{ answer() {}, execute() {} }', 'b.js does not export a command: missing data (a SlashCommandBuilder)'],
  ])('refuses %s, naming what is missing', async (body, message) => {
    await file('b.js', body);
    await expect(loadAllCommands(dir)).rejects.toThrow(message);
  });

  it('refuses two files registering one message command', async () => {
    await file('a.js', menu('Find'));
    await file('b.js', menu('Find'));
    await expect(loadAllCommands(dir)).rejects.toThrow('b.js registers the message command “Find”, which another file already registers');
  });
});
