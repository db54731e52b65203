// A management command's request (src/commands/interaction-request.ts) made
// from what the pipeline has: the flattened options and the exchange. Replies
// are private unless the subcommand says otherwise.
import type { OptionValue } from '../../command.js';
import type { InteractionRequest } from '../../commands/interaction-request.js';
import type { Asker, Exchange } from './exchange.js';

export function managementRequest(ex: Exchange, asker: Asker, options: Record<string, OptionValue>): InteractionRequest {
  const typed =
    <T extends OptionValue>(kind: 'string' | 'boolean' | 'number') =>
    (name: string) =>
      (typeof options[name] === kind ? options[name] : undefined) as T | undefined;
  return {
    guildId: asker.guildId,
    channelId: asker.channelId,
    userId: asker.userId,
    memberPermissions: asker.memberPermissions,
    botPermissionsIn: (channelId) => asker.botPermissionsIn(channelId),
    string: typed<string>('string'),
    boolean: typed<boolean>('boolean'),
    integer: typed<number>('number'),
    // A channel option's value is the channel's id.
    channel: typed<string>('string'),
    reply: (body, inChannel = false) => ex.reply(body, !inChannel),
    defer: (inChannel = false) => ex.defer(!inChannel),
    edit: async (body) => void (await ex.edit(body)),
  };
}
