import { PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import { anyWork, changedLibrary, isNotice, needsManageServer, notice, workChoices, works } from '../src/answers';
import type { Command } from '../src/discord/command';
import { optionalString } from '../src/discord/options';
import { autocompleteWith, executeWith } from '../src/discord/respond';

/** /library show: the works this server reads, with its reading marks. */
const answer: Command['answer'] = (_options, { library, view }) => works(library, view ? { view, serverOnly: true } : {});

/** /library add and remove (Manage Server): the server's choice of works, written to the store. */
const change: Command['change'] = (options, { view, guildId, guilds, canManageServer }) => {
  const sub = optionalString(options.subcommand);
  if (sub !== 'add' && sub !== 'remove') return undefined;
  return (async () => {
    if (!guildId || !view || !guilds) return notice('error', 'A library belongs to a server: use /library in one.');
    if (!canManageServer) return needsManageServer(`/library ${sub}`, `change this server's library`);
    const work = anyWork(view, optionalString(options.work));
    if (isNotice(work)) return work;
    const changed = changedLibrary(view, work, sub);
    if (isNotice(changed)) return changed;
    await guilds.setLibrary(guildId, changed.works);
    return notice('done', changed.message);
  })();
};

/** Adding offers every work the bot carries; removing, the server's own. */
const choices: Command['choices'] = (focused, options, { library, view }) =>
  workChoices(options.subcommand === 'add' && view ? view.whole : library, focused.value);

export default {
  data: new SlashCommandBuilder()
    .setName('library')
    .setDescription('The works this server reads')
    // Discord sets permissions per command: members without Manage Server see the works with /works.
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .addSubcommand((s) => s.setName('show').setDescription('List the works this server reads'))
    .addSubcommand((s) =>
      s
        .setName('add')
        .setDescription('Add a work to this server’s library (Manage Server)')
        .addStringOption((o) => o.setName('work').setDescription('The work to add').setRequired(true).setAutocomplete(true)),
    )
    .addSubcommand((s) =>
      s
        .setName('remove')
        .setDescription('Remove a work from this server’s library (Manage Server)')
        .addStringOption((o) => o.setName('work').setDescription('The work to remove').setRequired(true).setAutocomplete(true)),
    ),
  answer,
  change,
  choices,
  execute: executeWith(answer, change),
  autocomplete: autocompleteWith(choices),
} satisfies Command;
