import type { AutocompleteInteraction, ChatInputCommandInteraction, SharedSlashCommand } from 'discord.js';
import type { Answer, Choice, CommandSummary, Library } from '../answers';

/** Option values as a user gave them, by option name, whether from Discord or the console. */
export type CommandOptions = Record<string, string | number | boolean | undefined>;

export interface CommandContext {
  library: Library;
  /** Every registered command, for /help. */
  commands: readonly CommandSummary[];
  random?: () => number;
}

export interface Command {
  data: SharedSlashCommand;
  /** The pure core of the command: options in, answer out. The console calls only this. */
  answer(options: CommandOptions, context: CommandContext): Answer;
  /** Choices for the option being typed. */
  choices?(focused: { name: string; value: string }, options: CommandOptions, context: CommandContext): Choice[];
  /** Answers the interaction and returns what it answered, for the log. */
  execute(interaction: ChatInputCommandInteraction, context: CommandContext): Promise<Answer>;
  autocomplete?(interaction: AutocompleteInteraction, context: CommandContext): Promise<void>;
}
