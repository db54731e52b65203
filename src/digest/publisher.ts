// Where a digest goes. The Discord implementation lives in src/discord; tests
// pass their own. Errors are thrown as Discord reports them and sorted by
// classifyPublishError.
import type { MessagePayload } from '../discord/limits.js';

export interface Publisher {
  /** Posts with the nonce enforced, so a repeat of the same nonce creates no second message. */
  post(channelId: string, payload: MessagePayload, nonce: string): Promise<{ id: string }>;
  /** Opens a public thread on the message. */
  openThread(channelId: string, messageId: string, name: string): Promise<{ id: string }>;
}
