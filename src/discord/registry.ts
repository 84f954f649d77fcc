import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { CommandSummary } from '../answers';
import type { Command } from './command';

export const COMMANDS_DIR = fileURLToPath(new URL('../../commands/', import.meta.url));

export type Registry = ReadonlyMap<string, Command>;

/** Checks at load time what `satisfies Command` checks at compile time, for files added later. */
function assertCommand(file: string, value: unknown): asserts value is Command {
  const command = value as Partial<Command> | undefined;
  const missing = [
    typeof command?.data?.toJSON !== 'function' && 'data (a SlashCommandBuilder)',
    typeof command?.answer !== 'function' && 'answer',
    typeof command?.execute !== 'function' && 'execute',
  ].filter(Boolean);
  if (missing.length) throw new Error(`${file} does not export a command: missing ${missing.join(', ')}`);
  const json = command?.data?.toJSON();
  const wantsAutocomplete = (json?.options ?? []).some((o) => 'autocomplete' in o && o.autocomplete);
  if (wantsAutocomplete && (typeof command?.autocomplete !== 'function' || typeof command?.choices !== 'function')) {
    throw new Error(`${file} has options with autocomplete but no autocomplete and choices functions`);
  }
}

/** Loads every command file in `dir`; the command names come from the files, never from a list. */
export async function loadCommands(dir: string = COMMANDS_DIR): Promise<Registry> {
  const files = (await readdir(dir)).filter((f) => /\.(ts|js)$/.test(f) && !f.endsWith('.d.ts')).sort();
  const registry = new Map<string, Command>();
  for (const file of files) {
    const module = (await import(pathToFileURL(path.join(dir, file)).href)) as { default?: unknown };
    assertCommand(file, module.default);
    const name = module.default.data.name;
    if (registry.has(name)) throw new Error(`${file} registers /${name}, which another file already registers`);
    registry.set(name, module.default);
  }
  return registry;
}

/** "/footnote number [work] [chapter]": required options bare, optional ones in brackets. */
export function summarise(registry: Registry): CommandSummary[] {
  return [...registry.values()].map((command) => {
    const json = command.data.toJSON();
    const options = (json.options ?? []).map((o) => ('required' in o && o.required ? o.name : `[${o.name}]`));
    return { name: json.name, description: json.description, usage: [`/${json.name}`, ...options].join(' ') };
  });
}
