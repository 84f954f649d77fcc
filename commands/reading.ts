import { PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import { isNotice, markedWork, markFor, markSetMessage, needsManageServer, nextMark, notice, readingShow, sectionChoices, workChoices } from '../src/answers';
import type { Command } from '../src/discord/command';
import { optionalString, workOption } from '../src/discord/options';
import { autocompleteWith, executeWith } from '../src/discord/respond';

/** /reading show: how far the group has read, for whoever the server lets use /reading. */
const answer: Command['answer'] = (_options, { view }) =>
  view ? readingShow(view) : notice('error', 'A reading belongs to a server: use /reading in one.');

/** /reading set, next and clear (Manage Server): the spoiler guard's marks, written to the store. */
const change: Command['change'] = (options, { view, guildId, guilds, canManageServer }) => {
  const sub = optionalString(options.subcommand);
  if (sub !== 'set' && sub !== 'next' && sub !== 'clear') return undefined;
  return (async () => {
    if (!guildId || !view || !guilds) return notice('error', 'A reading belongs to a server: use /reading in one.');
    if (!canManageServer) return needsManageServer(`/reading ${sub}`, 'change how far the group has read');
    const work = optionalString(options.work);
    if (sub === 'clear') {
      const marked = markedWork(view, work);
      if (isNotice(marked)) return marked;
      await guilds.clearMark(guildId, marked.meta.id);
      return notice('done', `The reading mark on ${marked.meta.shortTitle ?? marked.meta.title} is cleared: replies quote all of it again.`);
    }
    const mark = sub === 'set' ? markFor(view, work, optionalString(options.through)) : nextMark(view, work);
    if (isNotice(mark)) return mark;
    await guilds.setMark(guildId, mark);
    return notice('done', markSetMessage(view, mark));
  })();
};

const choices: Command['choices'] = (focused, options, { view, library }) =>
  focused.name === 'work' ? workChoices(view?.unguarded ?? library, focused.value) : sectionChoices(view?.unguarded ?? library, optionalString(options.work), focused.value);

export default {
  data: new SlashCommandBuilder()
    .setName('reading')
    .setDescription('How far the group has read: replies show nothing past it')
    // Discord sets permissions per command: members without Manage Server see the marks with /works.
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .addSubcommand((s) =>
      s
        .setName('set')
        .setDescription('Mark how far the group has read in a work (Manage Server)')
        .addStringOption((o) => workOption(o, 'The work being read').setRequired(true))
        .addStringOption((o) => o.setName('through').setDescription('The last section read, as the work cites it: "ch. 12"').setRequired(true).setMaxLength(100).setAutocomplete(true)),
    )
    .addSubcommand((s) => s.setName('show').setDescription('How far the group has read'))
    .addSubcommand((s) =>
      s
        .setName('next')
        .setDescription('Move the mark one section on (Manage Server)')
        .addStringOption((o) => workOption(o, 'The work being read, when several are marked')),
    )
    .addSubcommand((s) =>
      s
        .setName('clear')
        .setDescription('Remove a work’s reading mark (Manage Server)')
        .addStringOption((o) => workOption(o, 'The work, when several are marked')),
    ),
  answer,
  change,
  choices,
  execute: executeWith(answer, change),
  autocomplete: autocompleteWith(choices),
} satisfies Command;
