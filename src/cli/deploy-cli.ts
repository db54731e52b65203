// `briefing deploy-commands [--guild ID]`: registers the slash commands and
// prints what was registered. Exit 1 on bad config or a refusal from Discord.
import { parseArgs } from 'node:util';
import { parseArgsMessage } from './parse-args-message.js';
import { describeProblem } from '../briefing/problems.js';
import { loadConfig, readEnvironment } from '../config.js';
import { deployCommands } from '../discord/deploy-commands.js';

export async function deployCli(
  argv: string[],
  env: NodeJS.ProcessEnv,
  out: (t: string) => void,
  err: (t: string) => void,
  envFile = '.env',
): Promise<number> {
  let guild: string | undefined;
  try {
    guild = parseArgs({ args: argv, options: { guild: { type: 'string' } } }).values.guild;
  } catch (e) {
    err(`${parseArgsMessage(e)}\nUsage: briefing deploy-commands [--guild ID]`);
    return 2;
  }
  // The flag is checked as the flag: its mistake is named as the user typed it, not as the setting it stands for.
  if (guild !== undefined && !/^\d{17,20}$/.test(guild)) {
    err(
      `--guild ${JSON.stringify(guild.slice(0, 40))} is not a server id: copy it with Discord's developer mode ` +
        '(a number of 17 to 20 digits).',
    );
    return 2;
  }
  const cfg = loadConfig(readEnvironment({ ...env, ...(guild !== undefined ? { DISCORD_GUILD_ID: guild } : {}) }, envFile));
  if (!cfg.ok) {
    err(describeProblem(cfg.problem));
    return 1;
  }
  const c = cfg.config;
  if (!c.DISCORD_TOKEN) {
    err('deploy-commands needs DISCORD_TOKEN (in the environment or .env; see .env.example).');
    return 1;
  }
  try {
    const r = await deployCommands({
      token: c.DISCORD_TOKEN,
      apiUrl: c.DISCORD_API_URL,
      appId: c.DISCORD_APP_ID,
      guildId: c.DISCORD_GUILD_ID,
    });
    out(`Registered ${r.names.length} command(s) ${r.scope}: ${r.names.map((n) => `/${n}`).join(', ')}`);
    if (!c.DISCORD_GUILD_ID) out('Global commands can take up to an hour to appear; use --guild ID while developing.');
    return 0;
  } catch (e) {
    err(`Discord refused the registration: ${e instanceof Error ? e.message : String(e)}`.split(c.DISCORD_TOKEN).join('[redacted]'));
    return 1;
  }
}
