import { SlashCommandBuilder } from 'discord.js';
import { works } from '../src/answers';
import type { Command } from '../src/discord/command';
import { executeWith } from '../src/discord/respond';

const answer: Command['answer'] = (_options, { library }) => works(library);

export default {
  data: new SlashCommandBuilder().setName('works').setDescription('The texts I quote, with author, translator, source and licence'),
  answer,
  execute: executeWith(answer),
} satisfies Command;
