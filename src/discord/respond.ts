import { ApplicationCommandOptionType } from 'discord.js';
import type {
  AutocompleteInteraction,
  ButtonInteraction,
  ChatInputCommandInteraction,
  CommandInteraction,
  InteractionReplyOptions,
  InteractionUpdateOptions,
  MessageContextMenuCommandInteraction,
} from 'discord.js';
import type { Answer, Choice } from '../answers';
import { renderChoices } from '../render/choices';
import { render, type RenderOptions, type ReplyData } from '../render/render';
import type { Command, CommandContext, CommandOptions, TargetMessage } from './command';
import { answerGuarded, wantsSpoilers } from './guard';

/** Past this age an interaction is deferred first, so a slow moment cannot miss Discord's 3 s deadline. */
export const DEFER_AFTER_MS = 1500;

export function toReplyOptions(data: ReplyData): InteractionReplyOptions & InteractionUpdateOptions {
  return {
    ...(data.content !== undefined ? { content: data.content } : {}),
    ...(data.embeds ? { embeds: data.embeds } : {}),
    ...(data.components ? { components: data.components } : {}),
    ...(data.flags !== undefined ? { flags: data.flags } : {}),
    allowedMentions: data.allowed_mentions,
  } as InteractionReplyOptions & InteractionUpdateOptions;
}

/** Sends an answer as a reply, deferring first if the interaction is already old. */
export async function replyWith(interaction: CommandInteraction | ButtonInteraction, answer: Answer, options: Omit<RenderOptions, 'update'> = {}): Promise<void> {
  const data = render(answer, options).data;
  const reply = toReplyOptions(data);
  if (interaction.deferred || interaction.replied) {
    await interaction.editReply(reply);
    return;
  }
  if (Date.now() - interaction.createdTimestamp > DEFER_AFTER_MS) {
    await interaction.deferReply(data.flags ? { flags: data.flags } : {});
    await interaction.editReply(reply);
    return;
  }
  await interaction.reply(reply);
}

export async function updateWith(interaction: ButtonInteraction, answer: Answer, { spoilers = false } = {}): Promise<void> {
  await interaction.update(toReplyOptions(render(answer, { update: true, spoilers }).data));
}

/** The shared `execute` of every command: answer from the pure core, then reply. */
export function executeWith(answer: Command['answer'], change?: Command['change']): Command['execute'] {
  return async (interaction: ChatInputCommandInteraction, context: CommandContext) => {
    const options = optionsOf(interaction);
    const result = (await change?.(options, context)) ?? answerGuarded((c) => answer(options, c), options, context);
    await replyWith(interaction, result, { spoilers: wantsSpoilers(options) });
    return result;
  };
}

/** The shared `autocomplete` of every command: choices from the pure core, then respond. */
export function autocompleteWith(choices: NonNullable<Command['choices']>): NonNullable<Command['autocomplete']> {
  return async (interaction: AutocompleteInteraction, context: CommandContext) => {
    const focused = interaction.options.getFocused(true);
    const list: Choice[] = choices({ name: focused.name, value: String(focused.value ?? '') }, optionsOf(interaction), context);
    await interaction.respond(renderChoices(list).data.choices);
  };
}

/** Every option the user gave, by name, from the interaction's own data. */
export function optionsOf(interaction: ChatInputCommandInteraction | AutocompleteInteraction): CommandOptions {
  const options: CommandOptions = {};
  for (const option of interaction.options.data) {
    // A subcommand ("/daily set …") arrives as one option holding the others.
    if (option.type === ApplicationCommandOptionType.Subcommand) {
      options.subcommand = option.name;
      for (const inner of option.options ?? []) if (inner.value !== undefined && inner.value !== null) options[inner.name] = inner.value;
    } else if (option.value !== undefined && option.value !== null) options[option.name] = option.value;
  }
  return options;
}

/**
 * The words of the message a context-menu command was run on: its content and its embeds' text
 * (a quotation the bot posted is all embed). With the Guilds intent only, Discord still sends them
 * in the interaction's resolved data; they are read for this answer and never kept or logged.
 */
export function targetMessageOf(interaction: MessageContextMenuCommandInteraction): TargetMessage {
  const message = interaction.targetMessage;
  const embeds = message.embeds.flatMap((e) => [e.description, ...e.fields.map((f) => f.value)]);
  return { text: [message.content, ...embeds].filter(Boolean).join('\n') };
}
