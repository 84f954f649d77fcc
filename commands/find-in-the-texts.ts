import { ApplicationCommandType, ContextMenuCommandBuilder, InteractionContextType } from 'discord.js';
import { find } from '../src/answers';
import type { MessageCommand } from '../src/discord/command';
import { replyWith, targetMessageOf } from '../src/discord/respond';

const answer: MessageCommand['answer'] = (message, { library }) => find(library, { text: message.text });

export default {
  data: new ContextMenuCommandBuilder()
    .setName('Find in the texts')
    .setType(ApplicationCommandType.Message)
    .setContexts(InteractionContextType.Guild),
  answer,
  async execute(interaction, context) {
    const result = answer(targetMessageOf(interaction), context);
    await replyWith(interaction, result);
    return result;
  },
} satisfies MessageCommand;
