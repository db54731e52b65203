// Registers the slash commands: in one server (updates are instant, for
// development) or globally (for production; Discord may take up to an hour).
import { REST, Routes } from 'discord.js';
import type { APIApplication, RESTPutAPIApplicationCommandsResult } from 'discord-api-types/v10';
import { registeredCommands } from '../commands/index.js';

export interface DeployOptions {
  token: string;
  apiUrl: string;
  appId?: string | undefined;
  guildId?: string | undefined;
}

export async function deployCommands(o: DeployOptions): Promise<{ scope: string; names: string[] }> {
  const rest = new REST({ api: o.apiUrl }).setToken(o.token);
  const appId = o.appId ?? ((await rest.get(Routes.currentApplication())) as APIApplication).id;
  const route = o.guildId ? Routes.applicationGuildCommands(appId, o.guildId) : Routes.applicationCommands(appId);
  const body = registeredCommands;
  const registered = (await rest.put(route, { body })) as RESTPutAPIApplicationCommandsResult;
  return { scope: o.guildId ? `server ${o.guildId}` : 'globally', names: registered.map((c) => c.name) };
}
