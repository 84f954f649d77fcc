import { ApplicationCommandOptionType } from 'discord.js';
import { notice, type NoticeAnswer } from '../answers';
import type { CommandOptions } from '../discord/command';
import { unknownCommand } from '../discord/dispatch';
import type { Registry } from '../discord/registry';

export interface ParsedCommand {
  name: string;
  options: CommandOptions;
}

/** `name:value`, `name:"two words"`, `"quoted words"` or a bare word. */
const TOKEN = /([a-z][a-z_]*):"([^"]*)"|([a-z][a-z_]*):(\S+)|"([^"]*)"|(\S+)/g;

/**
 * Reads a line as a Discord user types it: `/footnote 3 work:serge-letter-1936`. Free text fills
 * the command's first option; `name:value` sets the others.
 */
export function parseCommandLine(line: string, registry: Registry): ParsedCommand | NoticeAnswer {
  const text = line.trim();
  if (!text) return notice('error', 'Type a command, for example /quote anarchists in Catalonia, or /help.');
  const head = /^\/(\S*)\s*/.exec(text);
  if (!head) return notice('error', `Commands start with a slash, for example /quote ${text.slice(0, 40)}`);
  const name = (head[1] ?? '').toLowerCase();
  const command = registry.get(name);
  if (!command) return unknownCommand(name, registry) as NoticeAnswer;

  let declared = command.data.toJSON().options ?? [];
  const options: CommandOptions = {};
  const free: string[] = [];
  let rest = text.slice(head[0].length);
  // "/library add work:x": a command made of subcommands takes the subcommand's name first.
  const subcommands = declared.filter((o) => o.type === ApplicationCommandOptionType.Subcommand);
  if (subcommands.length) {
    const sub = /^(\S+)\s*/.exec(rest);
    const chosen = subcommands.find((o) => o.name === sub?.[1]?.toLowerCase());
    if (!sub || !chosen) return notice('error', `/${name} needs one of: ${subcommands.map((o) => `/${name} ${o.name}`).join(', ')}.`);
    options.subcommand = chosen.name;
    declared = 'options' in chosen ? (chosen.options ?? []) : [];
    rest = rest.slice(sub[0].length);
  }
  for (const m of rest.matchAll(TOKEN)) {
    const key = m[1] ?? m[3];
    const value = m[2] ?? m[4];
    if (key === undefined || value === undefined) {
      free.push(m[5] ?? m[6] ?? '');
      continue;
    }
    const option = declared.find((o) => o.name === key);
    if (!option) {
      const names = declared.map((o) => o.name).join(', ');
      return notice('error', names ? `/${name} has no option “${key}”. Its options are: ${names}.` : `/${name} takes no options.`);
    }
    // Discord lets an option be given once: a second value is refused, never silently preferred.
    if (options[option.name] !== undefined) return notice('error', `/${name} was given ${option.name} twice.`);
    const coerced = coerce(name, option.name, option.type, value);
    if (typeof coerced === 'object') return coerced;
    options[option.name] = coerced;
  }
  if (free.length) {
    const main = declared[0];
    if (!main) return notice('error', `/${name} takes no options.`);
    if (options[main.name] !== undefined) return notice('error', `/${name} was given ${main.name} twice.`);
    const coerced = coerce(name, main.name, main.type, free.join(' '));
    if (typeof coerced === 'object') return coerced;
    options[main.name] = coerced;
  }
  return { name, options };
}

function coerce(command: string, option: string, type: ApplicationCommandOptionType, value: string): string | number | boolean | NoticeAnswer {
  switch (type) {
    case ApplicationCommandOptionType.Integer:
      return /^-?\d{1,9}$/.test(value) ? Number(value) : notice('error', `/${command} ${option} must be a whole number, not “${value}”.`);
    case ApplicationCommandOptionType.Boolean:
      if (/^(true|yes)$/i.test(value)) return true;
      if (/^(false|no)$/i.test(value)) return false;
      return notice('error', `/${command} ${option} must be true or false, not “${value}”.`);
    default:
      return value;
  }
}
