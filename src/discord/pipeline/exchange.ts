// The one interaction pipeline's two ports. An adapter (the gateway client in
// ../router.ts, the Interactions Endpoint in ../http/answer-interaction.ts)
// reads the interaction once into an Incoming, with its options flattened and
// its button decoded apart from any handling, and gives the pipeline an
// Exchange to answer through. The pipeline decides everything else once:
// which command, its preconditions, deferral, who sees the reply.
import type { Command, OptionValue } from '../../command.js';
import type { Choice } from '../../commands/management.js';
import type { MessagePayload, PayloadWithFiles } from '../../render/message-payload.js';

/** Who asks, and where. */
export interface Asker {
  guildId: string | null;
  channelId: string;
  userId: string;
  /** The asker's permissions in the channel (0 when Discord sent none). */
  memberPermissions: bigint;
  /** The bot's permissions in a channel: exact for the channel the command ran in, null when not known. */
  botPermissionsIn(channelId: string): bigint | null;
}

/** An answer command asked, with its options flattened, by whom and where. */
export interface CommandAsked {
  command: Command;
  options: Record<string, OptionValue>;
  asker: Asker;
}

export type Incoming =
  | ({ kind: 'command'; name: string; subcommand: string; options: Record<string, OptionValue> } & Asker)
  | { kind: 'autocomplete'; name: string; option: string; typed: string; guildId: string | null }
  | {
      kind: 'button';
      customId: string;
      /** The footer of the message's first embed (a long command line is read back from it). */
      footer: string | undefined;
      /** Who ran the command the message answers, and who pressed. */
      asker: string | undefined;
      presser: string | undefined;
    };

export interface Exchange {
  /** The first answer; `privately`: only the asker sees it. */
  reply(payload: PayloadWithFiles, privately: boolean): Promise<void>;
  /** "Thinking…" first; edit() answers later, as visible as this. */
  defer(privately: boolean): Promise<void>;
  /** The first answer, in the channel for everyone; resolves to its message's id (a thread is opened on it). */
  post(payload: PayloadWithFiles): Promise<string>;
  /** Edits the first answer; resolves to its message's id. */
  edit(payload: PayloadWithFiles): Promise<string>;
  deleteReply(): Promise<void>;
  /** A further message. */
  followUp(payload: MessagePayload, privately: boolean): Promise<void>;
  /** A button's answer: the message it is on, redrawn. */
  update(payload: MessagePayload): Promise<void>;
  /** An autocomplete's answer. */
  choices(choices: Choice[]): Promise<void>;
  /**
   * Opens a public thread on a message of the channel and posts its first line; absent where this process has
   * no bot token to do that with.
   */
  openThread?: ((messageId: string, name: string, firstLine: string) => Promise<void>) | undefined;
}
