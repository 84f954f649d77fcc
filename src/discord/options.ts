import type { SlashCommandStringOption } from 'discord.js';
import type { CommandOptions } from './command';

type OptionValue = CommandOptions[string];

export const optionalString = (value: OptionValue): string | undefined => (value === undefined ? undefined : String(value));

export const optionalNumber = (value: OptionValue): number | undefined => (typeof value === 'number' ? value : undefined);

/** The `work` option every searching command shares, so that it is named and completed alike everywhere. */
export const workOption = (option: SlashCommandStringOption, description = 'Only this text'): SlashCommandStringOption =>
  option.setName('work').setDescription(description).setAutocomplete(true);
