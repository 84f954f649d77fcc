import { DiscordAPIError, MessageFlags, PermissionFlagsBits, RESTJSONErrorCodes, Routes, type ButtonInteraction } from 'discord.js';
import { notice, type Answer } from '../answers';
import { render, renderThread, renderThreadOpened } from '../render/render';
import { answerButton, type AppContext } from './dispatch';
import { toReplyOptions } from './respond';

/**
 * What opening a thread on a message and posting the citation in it need, by the name a server's
 * settings show, as Discord's docs give them (Threads → Permissions; Start Thread from Message):
 * a thread inherits its channel's permissions, so the bot must see the channel (a button reaches it
 * even where it cannot); Create Public Threads starts one; Send Messages has no effect in threads,
 * Send Messages in Threads posts there. Read Message History is not among them.
 */
export const THREAD_PERMISSIONS = [
  { flag: PermissionFlagsBits.ViewChannel, name: 'View Channel' },
  { flag: PermissionFlagsBits.CreatePublicThreads, name: 'Create Public Threads' },
  { flag: PermissionFlagsBits.SendMessagesInThreads, name: 'Send Messages in Threads' },
] as const;

/** The permissions in `needed` that the bot lacks in this channel, from the interaction's app_permissions. */
export function missingPermissions(interaction: ButtonInteraction, needed: readonly { flag: bigint; name: string }[]): string[] {
  return needed.filter((p) => !interaction.appPermissions.has(p.flag)).map((p) => p.name);
}

const list = (names: string[]) => (names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : (names[0] ?? ''));

/**
 * "Discuss": opens a public thread on the message the button is on, named after the passage, and
 * posts the full citation as its first message. A missing permission is named to the reader, privately.
 */
export async function discuss(interaction: ButtonInteraction, app: AppContext): Promise<Answer> {
  const answer = answerButton(interaction.customId, app);
  const say = async (said: Answer) => {
    const options = toReplyOptions(render(said).data);
    if (interaction.deferred) await interaction.editReply(options);
    else await interaction.reply({ ...options, flags: MessageFlags.Ephemeral });
    return said;
  };
  if (answer.kind !== 'quote') return say(answer);
  const missing = missingPermissions(interaction, THREAD_PERMISSIONS);
  if (missing.length) {
    return say(notice('error', `I cannot open a thread here: I need the ${list(missing)} permission${missing.length > 1 ? 's' : ''} in this channel. Ask someone who manages the server to grant ${missing.length > 1 ? 'them' : 'it'}.`));
  }
  // Two REST calls follow: acknowledge first so Discord's 3 s deadline cannot pass.
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const { name, message } = renderThread(answer);
  let threadId: string;
  try {
    const thread = (await interaction.client.rest.post(Routes.threads(interaction.channelId, interaction.message.id), {
      body: { name, auto_archive_duration: 1440 },
    })) as { id: string };
    threadId = thread.id;
  } catch (err) {
    if (err instanceof DiscordAPIError && err.code === RESTJSONErrorCodes.ThreadAlreadyCreatedForMessage) {
      return say(notice('empty', 'This message already has a thread: open it from the message.'));
    }
    if (err instanceof DiscordAPIError && (err.code === RESTJSONErrorCodes.MissingPermissions || err.code === RESTJSONErrorCodes.MissingAccess)) {
      return say(notice('error', `Discord refused to open a thread here: I need the ${list(THREAD_PERMISSIONS.map((p) => p.name))} permissions in this channel.`));
    }
    throw err;
  }
  await interaction.client.rest.post(Routes.channelMessages(threadId), { body: message });
  await interaction.editReply(toReplyOptions(renderThreadOpened(threadId)));
  return answer;
}
