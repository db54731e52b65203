// The shape of a message the bot sends, shared by the renderers and the
// digest core; the Discord adapter checks it against Discord's limits.
import type { APIActionRowComponent, APIComponentInActionRow, APIEmbed } from 'discord-api-types/v10';

export interface MessagePayload {
  content?: string;
  embeds?: APIEmbed[];
  components?: APIActionRowComponent<APIComponentInActionRow>[];
}

/** A message with attachments (a chart), which an embed shows as attachment://name. */
export interface PayloadWithFiles extends MessagePayload {
  files?: { name: string; data: Buffer; description?: string }[];
}
