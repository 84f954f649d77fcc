import type { SlashCommandBooleanOption, SlashCommandStringOption } from 'discord.js';
import type { CommandOptions } from './command';

type OptionValue = CommandOptions[string];

export const optionalString = (value: OptionValue): string | undefined => (value === undefined ? undefined : String(value));

export const optionalNumber = (value: OptionValue): number | undefined => (typeof value === 'number' ? value : undefined);

/** The `work` option every searching command shares, so that it is named and completed alike everywhere. */
export const workOption = (option: SlashCommandStringOption, description = 'Only this text'): SlashCommandStringOption =>
  option.setName('work').setDescription(description).setAutocomplete(true);

/** `spoilers:true`: past the group's reading mark, for this reader only (the reply is private). */
export const spoilersOption = (option: SlashCommandBooleanOption): SlashCommandBooleanOption =>
  option.setName('spoilers').setDescription('Show passages past where the group has read, only to you');
