import { SlashCommandBuilder } from 'discord.js';
import { MAX_QUERY_LENGTH, queryChoices, search, workChoices } from '../src/answers';
import type { Command } from '../src/discord/command';
import { autocompleteWith, executeWith } from '../src/discord/respond';
import { optionalString, spoilersOption, workOption } from '../src/discord/options';

const answer: Command['answer'] = (options, { library }) =>
  search(library, { query: optionalString(options.query), work: optionalString(options.work) });

const choices: Command['choices'] = (focused, options, { library }) =>
  focused.name === 'work' ? workChoices(library, focused.value) : queryChoices(library, focused.value, optionalString(options.work));

export default {
  data: new SlashCommandBuilder()
    .setName('search')
    .setDescription('List the five passages that best match your words')
    .addStringOption((o) =>
      o.setName('query').setDescription('Words to look for').setRequired(true).setMaxLength(MAX_QUERY_LENGTH).setAutocomplete(true),
    )
    .addStringOption((o) => workOption(o))
    .addBooleanOption((o) => spoilersOption(o)),
  answer,
  choices,
  execute: executeWith(answer),
  autocomplete: autocompleteWith(choices),
} satisfies Command;
