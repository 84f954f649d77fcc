import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { CommandSummary } from '../answers';
import { ApplicationCommandOptionType, ApplicationCommandType } from 'discord.js';
import type { Command, MessageCommand } from './command';

export const COMMANDS_DIR = fileURLToPath(new URL('../../commands/', import.meta.url));

export type Registry = ReadonlyMap<string, Command>;
export type MessageRegistry = ReadonlyMap<string, MessageCommand>;

/** Throws unless `value` has a builder as `data` and `answer` and `execute` functions: what every command file exports. */
function assertExports(file: string, value: unknown, kind: string, builder: string): void {
  const command = value as Partial<Record<'answer' | 'execute', unknown>> & { data?: { toJSON?: unknown } } | undefined;
  const missing = [
    typeof command?.data?.toJSON !== 'function' && `data (a ${builder})`,
    typeof command?.answer !== 'function' && 'answer',
    typeof command?.execute !== 'function' && 'execute',
  ].filter(Boolean);
  if (missing.length) throw new Error(`${file} does not export a ${kind}: missing ${missing.join(', ')}`);
}

/** Checks at load time what `satisfies Command` checks at compile time, for files added later. */
function assertCommand(file: string, value: unknown): asserts value is Command {
  assertExports(file, value, 'command', 'SlashCommandBuilder');
  const command = value as Command;
  const wantsAutocomplete = (command.data.toJSON().options ?? []).some((o) => 'autocomplete' in o && o.autocomplete);
  if (wantsAutocomplete && (typeof command.autocomplete !== 'function' || typeof command.choices !== 'function')) {
    throw new Error(`${file} has options with autocomplete but no autocomplete and choices functions`);
  }
}

/** Checks a context-menu command file the same way. */
function assertMessageCommand(file: string, value: unknown): asserts value is MessageCommand {
  assertExports(file, value, 'message command', 'ContextMenuCommandBuilder');
}

const typeOf = (value: unknown): unknown => (value as { data?: { toJSON?: () => { type?: unknown } } } | undefined)?.data?.toJSON?.().type;

export interface LoadedCommands {
  commands: Registry;
  messageCommands: MessageRegistry;
}

/**
 * Loads every command file in `dir`: slash commands and message context-menu commands, told apart by
 * their builder's type. The names come from the files, never from a list.
 */
export async function loadAllCommands(dir: string = COMMANDS_DIR): Promise<LoadedCommands> {
  const files = (await readdir(dir)).filter((f) => /\.(ts|js)$/.test(f) && !f.endsWith('.d.ts')).sort();
  const commands = new Map<string, Command>();
  const messageCommands = new Map<string, MessageCommand>();
  for (const file of files) {
    const module = (await import(pathToFileURL(path.join(dir, file)).href)) as { default?: unknown };
    if (typeOf(module.default) === ApplicationCommandType.Message) {
      assertMessageCommand(file, module.default);
      const name = module.default.data.name;
      if (messageCommands.has(name)) throw new Error(`${file} registers the message command “${name}”, which another file already registers`);
      messageCommands.set(name, module.default);
      continue;
    }
    assertCommand(file, module.default);
    const name = module.default.data.name;
    if (commands.has(name)) throw new Error(`${file} registers /${name}, which another file already registers`);
    commands.set(name, module.default);
  }
  return { commands, messageCommands };
}

/** The slash commands in `dir`. */
export async function loadCommands(dir: string = COMMANDS_DIR): Promise<Registry> {
  return (await loadAllCommands(dir)).commands;
}

/** Every command's registration body, as deploy-commands PUTs it: slash commands, then message commands. */
export function commandBodies({ commands, messageCommands }: LoadedCommands): unknown[] {
  return [...[...commands.values()].map((c) => c.data.toJSON()), ...[...messageCommands.values()].map((c) => c.data.toJSON())];
}

/** "/footnote number [work] [chapter]": required options bare, optional ones in brackets. */
export function summarise(registry: Registry): CommandSummary[] {
  return [...registry.values()].map((command) => {
    const json = command.data.toJSON();
    const usage = (prefix: string, options: readonly { name: string; required?: boolean }[]) =>
      [prefix, ...options.map((o) => (o.required ? o.name : `[${o.name}]`))].join(' ');
    const subcommands = (json.options ?? []).filter((o) => o.type === ApplicationCommandOptionType.Subcommand);
    // "/daily set channel time timezone [work] · /daily show · /daily off"
    const text = subcommands.length
      ? subcommands.map((s) => usage(`/${json.name} ${s.name}`, 'options' in s ? (s.options ?? []) : [])).join(' · ')
      : usage(`/${json.name}`, (json.options ?? []) as { name: string; required?: boolean }[]);
    return { name: json.name, description: json.description, usage: text };
  });
}
