import { SlashCommandBuilder } from 'discord.js';
import { MAX_QUERY_LENGTH, queryChoices, quote, workChoices } from '../src/answers';
import type { Command } from '../src/discord/command';
import { autocompleteWith, executeWith } from '../src/discord/respond';
import { optionalString, spoilersOption, workOption } from '../src/discord/options';

const answer: Command['answer'] = (options, { library, random }) =>
  quote(
    library,
    {
      query: optionalString(options.query),
      work: optionalString(options.work),
      private: options.public === false,
    },
    random,
  );

const choices: Command['choices'] = (focused, options, { library }) =>
  focused.name === 'work' ? workChoices(library, focused.value) : queryChoices(library, focused.value, optionalString(options.work));

export default {
  data: new SlashCommandBuilder()
    .setName('quote')
    .setDescription('Quote the passage that best matches your words, or a random one')
    .addStringOption((o) =>
      o.setName('query').setDescription('Words to look for; leave empty for a random passage').setMaxLength(MAX_QUERY_LENGTH).setAutocomplete(true),
    )
    .addStringOption((o) => workOption(o))
    .addBooleanOption((o) => o.setName('public').setDescription('Post for everyone (default) or, with false, only for you'))
    .addBooleanOption((o) => spoilersOption(o)),
  answer,
  choices,
  execute: executeWith(answer),
  autocomplete: autocompleteWith(choices),
} satisfies Command;
