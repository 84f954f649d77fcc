import { SlashCommandBuilder } from 'discord.js';
import { help } from '../src/answers';
import type { Command } from '../src/discord/command';
import { executeWith } from '../src/discord/respond';

const answer: Command['answer'] = (_options, { commands }) => help(commands);

export default {
  data: new SlashCommandBuilder().setName('help').setDescription('What I can do and how to ask'),
  answer,
  execute: executeWith(answer),
} satisfies Command;
