// Where a digest goes. The Discord implementation lives in src/discord; tests
// pass their own. Errors are thrown as Discord reports them and sorted by
// classifyPublishError.
import type { PayloadWithFiles } from '../render/message-payload.js';

/** A message the bot itself posted, with the text a fire key can be found in (content, embed titles and footers). */
export interface OwnPost {
  id: string;
  text: string;
}

export interface Publisher {
  /** The bot's own messages among the channel's most recent `limit`, newest first. */
  recentOwnPosts(channelId: string, limit: number): Promise<OwnPost[]>;
  /** Posts with the nonce enforced, so a repeat of the same nonce creates no second message. */
  post(channelId: string, payload: PayloadWithFiles, nonce: string): Promise<{ id: string }>;
  /** Replaces the content of one of the bot's messages (an alert that gains "also reported by"). */
  edit(channelId: string, messageId: string, payload: PayloadWithFiles): Promise<void>;
  /** Opens a public thread on the message. */
  openThread(channelId: string, messageId: string, name: string): Promise<{ id: string }>;
}
