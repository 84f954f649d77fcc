import dotenv from 'dotenv';
import { REST, Routes } from 'discord.js';
import { loadConfig, ConfigError } from '../config';
import { commandBodies, loadAllCommands } from '../discord/registry';

/** PUTs every command in commands/ to one guild (DISCORD_GUILD_ID) or globally. */
dotenv.config({ quiet: true });
try {
  const config = loadConfig();
  const missing = [!config.discordToken && 'DISCORD_TOKEN', !config.discordClientId && 'DISCORD_CLIENT_ID'].filter(Boolean);
  if (missing.length || !config.discordToken || !config.discordClientId) {
    throw new ConfigError(missing.map((name) => `${name} is required to deploy commands`));
  }
  const body = commandBodies(await loadAllCommands());
  const rest = new REST(config.discordApiUrl ? { api: config.discordApiUrl } : {}).setToken(config.discordToken);
  const route = config.discordGuildId
    ? Routes.applicationGuildCommands(config.discordClientId, config.discordGuildId)
    : Routes.applicationCommands(config.discordClientId);
  const registered = (await rest.put(route, { body })) as { name: string; type?: number }[];
  const where = config.discordGuildId ? `guild ${config.discordGuildId}` : 'all guilds (global commands can take up to an hour to appear)';
  process.stdout.write(`Registered ${registered.length} commands for ${where}: ${registered.map((c) => (c.type === 3 ? `“${c.name}” (message menu)` : `/${c.name}`)).join(', ')}\n`);
} catch (err) {
  process.stderr.write(`Could not deploy commands: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
}
