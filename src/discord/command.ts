import type {
  AutocompleteInteraction,
  ChatInputCommandInteraction,
  ContextMenuCommandBuilder,
  MessageContextMenuCommandInteraction,
  SharedSlashCommand,
} from 'discord.js';
import type { Answer, Choice, CommandSummary, Library, LibraryView } from '../answers';
import type { DailyService } from '../daily/service';
import type { GuildRepository } from '../store';

/** Option values as a user gave them, by option name, whether from Discord or the console. */
export type CommandOptions = Record<string, string | number | boolean | undefined>;

export interface CommandContext {
  library: Library;
  /** Every registered command, for /help. */
  commands: readonly CommandSummary[];
  random?: () => number;
  /** The server the interaction comes from; absent in a DM. */
  guildId?: string;
  /** Whether the member has Manage Server, from the interaction's own member permissions. */
  canManageServer?: boolean;
  /** The daily passage's settings; absent where there is no store. */
  daily?: DailyService;
  /**
   * The server's view of the library (its works, cut at its reading marks); `library` is then
   * `view.library`. Absent: no server, or no store, and every work whole.
   */
  view?: LibraryView;
  /** Where settings commands write this server's library and reading marks; absent without a store. */
  guilds?: GuildRepository;
}

export interface Command {
  data: SharedSlashCommand;
  /** The pure core of the command: options in, answer out. The console calls only this. */
  answer(options: CommandOptions, context: CommandContext): Answer;
  /** Choices for the option being typed. */
  choices?(focused: { name: string; value: string }, options: CommandOptions, context: CommandContext): Choice[];
  /**
   * Settings commands: the change the options ask for, made through `context.guilds`, or undefined
   * when they ask for none (a `show`), which `answer` then answers. The bot and the console both await it.
   */
  change?(options: CommandOptions, context: CommandContext): Promise<Answer> | undefined;
  /** Answers the interaction and returns what it answered, for the log. */
  execute(interaction: ChatInputCommandInteraction, context: CommandContext): Promise<Answer>;
  autocomplete?(interaction: AutocompleteInteraction, context: CommandContext): Promise<void>;
}

/** What a message command reads of the message it is run on: its words, never kept. */
export interface TargetMessage {
  /** The message's content and its embeds' text, as Discord sent them in the interaction. */
  text: string;
}

/** A command on a message's context menu (Apps → "Find in the texts"), one file in commands/ like the others. */
export interface MessageCommand {
  data: ContextMenuCommandBuilder;
  answer(message: TargetMessage, context: CommandContext): Answer;
  execute(interaction: MessageContextMenuCommandInteraction, context: CommandContext): Promise<Answer>;
}
