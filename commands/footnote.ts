import { SlashCommandBuilder } from 'discord.js';
import { footnote, footnoteChoices, workChoices } from '../src/answers';
import type { Command } from '../src/discord/command';
import { autocompleteWith, executeWith } from '../src/discord/respond';
import { optionalNumber, optionalString, spoilersOption, workOption } from '../src/discord/options';

const answer: Command['answer'] = (options, { library }) =>
  footnote(library, {
    number: optionalString(options.number),
    work: optionalString(options.work),
    chapter: optionalNumber(options.chapter),
  });

const choices: Command['choices'] = (focused, options, { library }) =>
  focused.name === 'work' ? workChoices(library, focused.value) : footnoteChoices(library, focused.value, optionalString(options.work));

export default {
  data: new SlashCommandBuilder()
    .setName('footnote')
    .setDescription('Show a footnote and the sentence it is attached to')
    .addStringOption((o) => o.setName('number').setDescription('The note’s number, as the text prints it').setRequired(true).setMaxLength(40).setAutocomplete(true))
    .addStringOption((o) => workOption(o, 'Which text, when several have this note'))
    .addIntegerOption((o) => o.setName('chapter').setDescription('Which chapter, where notes are numbered per chapter').setMinValue(1))
    .addBooleanOption((o) => spoilersOption(o)),
  answer,
  choices,
  execute: executeWith(answer),
  autocomplete: autocompleteWith(choices),
} satisfies Command;
