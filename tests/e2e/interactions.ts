// INTERACTION_CREATE payloads as Discord sends them, typed with
// discord-api-types so drift in Discord's shapes shows up as a compile error.
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ChannelType,
  ComponentType,
  InteractionType,
  type APIApplicationCommandAutocompleteInteraction,
  type APIApplicationCommandInteractionDataBasicOption,
  type APIApplicationCommandInteractionDataStringOption,
  type APIChatInputApplicationCommandInteraction,
  type APIMessage,
  type APIMessageComponentButtonInteraction,
  type Locale,
} from 'discord-api-types/v10';
import { APP_ID, CHANNEL_ID, GUILD_ID, snowflake, USER_ID } from './emulator.js';

/** Everything but Administrator: the bot may post, embed and open threads. */
export const ALL_PERMISSIONS = String((1n << 47n) - 1n - 8n);

type Opt = string | boolean | number;

function member(userId: string) {
  return {
    user: { id: userId, username: `user${userId.slice(-2)}`, discriminator: '0000', global_name: null, avatar: null },
    roles: [],
    joined_at: new Date().toISOString(),
    deaf: false,
    mute: false,
    flags: 0,
    permissions: ALL_PERMISSIONS,
  } as APIChatInputApplicationCommandInteraction['member'] & object;
}

function base(userId: string, appPermissions: string) {
  return {
    id: snowflake(),
    application_id: APP_ID,
    token: `itoken-${snowflake()}`,
    version: 1 as const,
    guild_id: GUILD_ID,
    channel: { id: CHANNEL_ID, type: ChannelType.GuildText },
    channel_id: CHANNEL_ID,
    member: member(userId),
    app_permissions: appPermissions,
    locale: 'en-US' as Locale,
    guild_locale: 'en-US' as Locale,
    entitlements: [],
    authorizing_integration_owners: {},
    attachment_size_limit: 8 * 1024 * 1024,
  };
}

function toOptions(options: Record<string, Opt>): APIApplicationCommandInteractionDataBasicOption[] {
  return Object.entries(options).map(([name, value]) =>
    typeof value === 'boolean'
      ? { type: ApplicationCommandOptionType.Boolean, name, value }
      : typeof value === 'number'
        ? { type: ApplicationCommandOptionType.Integer, name, value }
        : { type: ApplicationCommandOptionType.String, name, value },
  );
}

export function slash(
  name: string,
  options: Record<string, Opt> = {},
  o: { user?: string; appPermissions?: string } = {},
): APIChatInputApplicationCommandInteraction {
  return {
    ...base(o.user ?? USER_ID, o.appPermissions ?? ALL_PERMISSIONS),
    type: InteractionType.ApplicationCommand,
    data: { id: snowflake(), name, type: ApplicationCommandType.ChatInput, options: toOptions(options) },
  } as APIChatInputApplicationCommandInteraction;
}

/** A /digest subcommand; a `channel` option is sent as Discord does, with the channel resolved. */
export function digestSlash(
  sub: string,
  options: Record<string, Opt> = {},
  o: { user?: string; appPermissions?: string; memberPermissions?: string } = {},
): APIChatInputApplicationCommandInteraction {
  return subcommandSlash('digest', sub, options, o);
}

/** A subcommand of any command (/digest add, /feeds list); a `channel` option is resolved as Discord does. */
export function subcommandSlash(
  command: string,
  sub: string,
  options: Record<string, Opt> = {},
  o: { user?: string; appPermissions?: string; memberPermissions?: string } = {},
): APIChatInputApplicationCommandInteraction {
  const { channel, ...rest } = options;
  const channelOption =
    channel === undefined ? [] : [{ type: ApplicationCommandOptionType.Channel, name: 'channel', value: String(channel) }];
  const i = {
    ...base(o.user ?? USER_ID, o.appPermissions ?? ALL_PERMISSIONS),
    type: InteractionType.ApplicationCommand,
    data: {
      id: snowflake(),
      name: command,
      type: ApplicationCommandType.ChatInput,
      options: [{ type: ApplicationCommandOptionType.Subcommand, name: sub, options: [...channelOption, ...toOptions(rest)] }],
      ...(channel === undefined
        ? {}
        : {
            resolved: {
              channels: {
                [String(channel)]: { id: String(channel), type: ChannelType.GuildText, name: 'briefings', permissions: ALL_PERMISSIONS },
              },
            },
          }),
    },
  } as APIChatInputApplicationCommandInteraction;
  if (o.memberPermissions !== undefined) (i.member as { permissions: string }).permissions = o.memberPermissions;
  return i;
}

export function autocomplete(
  name: string,
  focused: string,
  typed: string,
  others: Record<string, string> = {},
): APIApplicationCommandAutocompleteInteraction {
  const focusedOption: APIApplicationCommandInteractionDataStringOption = {
    type: ApplicationCommandOptionType.String,
    name: focused,
    value: typed,
    focused: true,
  };
  return {
    ...base(USER_ID, ALL_PERMISSIONS),
    type: InteractionType.ApplicationCommandAutocomplete,
    data: { id: snowflake(), name, type: ApplicationCommandType.ChatInput, options: [...toOptions(others), focusedOption] },
  } as APIApplicationCommandAutocompleteInteraction;
}

export function button(
  customId: string,
  message: APIMessage,
  o: { user?: string; askedBy?: string } = {},
): APIMessageComponentButtonInteraction {
  const asker = o.askedBy ?? USER_ID;
  const withMeta = {
    ...message,
    interaction_metadata: {
      id: snowflake(),
      type: InteractionType.ApplicationCommand,
      user: { id: asker, username: 'asker', discriminator: '0000', global_name: null, avatar: null },
      authorizing_integration_owners: {},
    },
  } as APIMessage;
  return {
    ...base(o.user ?? USER_ID, ALL_PERMISSIONS),
    type: InteractionType.MessageComponent,
    message: withMeta,
    data: { custom_id: customId, component_type: ComponentType.Button },
  } as APIMessageComponentButtonInteraction;
}
