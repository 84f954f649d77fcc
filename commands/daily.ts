import { ChannelType, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import { checkDaily, isNotice, needsManageServer, notice, timeZoneChoices, workChoices } from '../src/answers';
import type { Command } from '../src/discord/command';
import { optionalString, workOption } from '../src/discord/options';
import { autocompleteWith, executeWith } from '../src/discord/respond';

const SNOWFLAKE = /^\d{17,20}$/;

/** /daily show, for anyone. */
const answer: Command['answer'] = (_options, { guildId, daily }) => {
  if (!guildId) return notice('error', 'The daily passage belongs to a server: use /daily in one.');
  if (!daily) return notice('error', 'The daily passage is not available here: this process has no store to keep it in.');
  return daily.show(guildId);
};

/** /daily set and off (Manage Server): the schedule, written to the store and re-planned at once. /daily show in the console: with its preview. */
const change: Command['change'] = (options, context) => {
  const sub = optionalString(options.subcommand);
  // In the console, which runs no schedule, show also says what the next post would be (reading the store).
  if (sub === 'show' && context.guildId && context.daily?.preview) return context.daily.preview(context.guildId, context.library);
  if (sub !== 'set' && sub !== 'off') return undefined;
  return (async () => {
    const { library, guildId, canManageServer, daily } = context;
    if (!guildId || !daily) return answer(options, context);
    if (!canManageServer) return needsManageServer(`/daily ${sub}`, 'change the daily passage');
    if (sub === 'off') return daily.off(guildId);
    const channelId = optionalString(options.channel) ?? '';
    if (!SNOWFLAKE.test(channelId)) return notice('error', 'Pick the channel to post in from the list.');
    const checked = checkDaily(library, { time: optionalString(options.time), timezone: optionalString(options.timezone), work: optionalString(options.work) });
    if (isNotice(checked)) return checked;
    return daily.set({ guildId, channelId, ...checked });
  })();
};

const choices: Command['choices'] = (focused, _options, { library }) =>
  focused.name === 'work' ? workChoices(library, focused.value) : timeZoneChoices(focused.value);

export default {
  data: new SlashCommandBuilder()
    .setName('daily')
    .setDescription('A passage posted each day at a set time')
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .addSubcommand((s) =>
      s
        .setName('set')
        .setDescription('Post a passage every day in a channel (Manage Server)')
        .addChannelOption((o) => o.setName('channel').setDescription('Where to post').addChannelTypes(ChannelType.GuildText, ChannelType.GuildAnnouncement).setRequired(true))
        .addStringOption((o) => o.setName('time').setDescription('Time of day, 24-hour clock, e.g. 07:30').setMaxLength(10).setRequired(true))
        .addStringOption((o) => o.setName('timezone').setDescription('The server’s time zone, e.g. Europe/Paris').setMaxLength(64).setAutocomplete(true).setRequired(true))
        .addStringOption((o) => workOption(o, 'Post the next passage in order from this text (default: a random passage read)')),
    )
    .addSubcommand((s) => s.setName('show').setDescription('When and where the daily passage is posted'))
    .addSubcommand((s) => s.setName('off').setDescription('Stop the daily passage (Manage Server)')),
  answer,
  change,
  choices,
  execute: executeWith(answer, change),
  autocomplete: autocompleteWith(choices),
} satisfies Command;
