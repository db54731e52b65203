// A publisher that behaves like Discord for digests: it keeps messages, drops
// a repeat of a nonce it has seen (returning the first message, as
// enforce_nonce does), and throws scripted errors shaped like discord.js's.
import type { MessagePayload } from '../../src/render/discord/limits.js';
import type { OwnPost, Publisher } from '../../src/digest/publisher.js';

export interface FakeError {
  status?: number;
  code?: number;
  retryAfter?: number;
  message: string;
}

export class FakePublisher implements Publisher {
  readonly attempts: { channelId: string; nonce: string }[] = [];
  readonly messages: { id: string; channelId: string; payload: MessagePayload; nonce: string }[] = [];
  readonly threads: { channelId: string; messageId: string; name: string }[] = [];
  /** Thrown, in order, by the next posts. */
  failures: FakeError[] = [];
  threadFailure: FakeError | null = null;

  async post(channelId: string, payload: MessagePayload, nonce: string): Promise<{ id: string }> {
    this.attempts.push({ channelId, nonce });
    const fail = this.failures.shift();
    if (fail) throw Object.assign(new Error(fail.message), fail);
    const seen = this.messages.find((m) => m.nonce === nonce && m.channelId === channelId);
    if (seen) return { id: seen.id };
    const id = `m${this.messages.length + 1}`;
    this.messages.push({ id, channelId, payload, nonce });
    return { id };
  }

  async recentOwnPosts(channelId: string, limit: number): Promise<OwnPost[]> {
    return this.messages
      .filter((m) => m.channelId === channelId)
      .reverse()
      .slice(0, limit)
      .map((m) => ({
        id: m.id,
        text: [m.payload.content ?? '', ...(m.payload.embeds ?? []).flatMap((e) => [e.title ?? '', e.footer?.text ?? ''])].join('\n'),
      }));
  }

  /** Forgets nonces, as Discord does after a few minutes: a repeat then posts a second message. */
  forgetNonces(): void {
    for (const m of this.messages) m.nonce = `expired:${m.nonce}`;
  }

  async edit(channelId: string, messageId: string, payload: MessagePayload): Promise<void> {
    const m = this.messages.find((x) => x.id === messageId && x.channelId === channelId);
    if (!m) throw Object.assign(new Error('Unknown Message'), { status: 404, code: 10008 });
    m.payload = payload;
  }

  async openThread(channelId: string, messageId: string, name: string): Promise<{ id: string }> {
    if (this.threadFailure) throw Object.assign(new Error(this.threadFailure.message), this.threadFailure);
    this.threads.push({ channelId, messageId, name });
    return { id: `t${this.threads.length}` };
  }
}
