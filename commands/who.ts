import { SlashCommandBuilder } from 'discord.js';
import { MAX_NAME_LENGTH, nameChoices, who, workChoices } from '../src/answers';
import type { Command } from '../src/discord/command';
import { autocompleteWith, executeWith } from '../src/discord/respond';
import { optionalString, spoilersOption, workOption } from '../src/discord/options';

const answer: Command['answer'] = (options, { library }) =>
  who(library, { name: optionalString(options.name), work: optionalString(options.work) });

const choices: Command['choices'] = (focused, options, { library }) =>
  focused.name === 'work' ? workChoices(library, focused.value) : nameChoices(library, focused.value, optionalString(options.work));

export default {
  data: new SlashCommandBuilder()
    .setName('who')
    .setDescription('Who is this? The footnote that glosses a name and the passages that mention it')
    .addStringOption((o) =>
      o.setName('name').setDescription('A name as the texts write it').setRequired(true).setMaxLength(MAX_NAME_LENGTH).setAutocomplete(true),
    )
    .addStringOption((o) => workOption(o))
    .addBooleanOption((o) => spoilersOption(o)),
  answer,
  choices,
  execute: executeWith(answer),
  autocomplete: autocompleteWith(choices),
} satisfies Command;
