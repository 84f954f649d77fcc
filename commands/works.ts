import { SlashCommandBuilder } from 'discord.js';
import { works } from '../src/answers';
import type { Command } from '../src/discord/command';
import { executeWith } from '../src/discord/respond';

/** Every work; in a server, its own works first with how far the group has read: for anyone, whatever the settings commands allow. */
const answer: Command['answer'] = (_options, { library, view }) => works(library, view ? { view } : {});

export default {
  data: new SlashCommandBuilder().setName('works').setDescription('The texts I quote, with author, translator, source and licence'),
  answer,
  execute: executeWith(answer),
} satisfies Command;
