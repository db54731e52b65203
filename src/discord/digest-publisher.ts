// Digests go out through their own REST client that neither retries nor waits
// out rate limits by itself: delivery does both, a bounded number of times,
// and logs each attempt. The post carries the nonce with enforce_nonce.
// @discordjs/rest and discord-api-types rather than discord.js: `briefing serve` and `briefing worker` post
// over REST only, and loading the gateway client would cost each of them about a quarter of a second.
import { REST } from '@discordjs/rest';
import { type APIChannel, type APIMessage, type APIUser, Routes, ThreadAutoArchiveDuration } from 'discord-api-types/v10';
import type { Publisher } from '../digest/publisher.js';
import { NO_MENTIONS } from '../render/discord/no-mentions.js';

export function discordPublisher(token: string, apiUrl: string): Publisher {
  const rest = new REST({ api: apiUrl, retries: 0, rejectOnRateLimit: () => true, timeout: 15_000 }).setToken(token);
  let me: Promise<string> | null = null;
  const myId = () =>
    (me ??= (rest.get(Routes.user('@me')) as Promise<APIUser>)
      .then((u) => u.id)
      .catch((e: unknown) => {
        me = null;
        throw e;
      }));
  return {
    async recentOwnPosts(channelId, limit) {
      const [id, messages] = await Promise.all([
        myId(),
        rest.get(Routes.channelMessages(channelId), { query: new URLSearchParams({ limit: String(limit) }) }) as Promise<APIMessage[]>,
      ]);
      return messages
        .filter((m) => m.author.id === id)
        .map((m) => ({ id: m.id, text: [m.content, ...m.embeds.flatMap((e) => [e.title ?? '', e.footer?.text ?? ''])].join('\n') }));
    },
    async post(channelId, payload, nonce) {
      const { files, ...message } = payload;
      const body = {
        ...message,
        nonce,
        enforce_nonce: true,
        allowed_mentions: NO_MENTIONS,
        // Each file's alt text goes in attachments, matched by index; the bytes go as multipart parts.
        ...(files ? { attachments: files.map((f, id) => ({ id, filename: f.name, description: f.description })) } : {}),
      };
      const upload = files?.map((f) => ({ name: f.name, data: f.data, contentType: 'image/png' }));
      return {
        id: ((await rest.post(Routes.channelMessages(channelId), { body, ...(upload ? { files: upload } : {}) })) as APIMessage).id,
      };
    },
    async edit(channelId, messageId, payload) {
      const { files: _files, ...message } = payload;
      await rest.patch(Routes.channelMessage(channelId, messageId), { body: { ...message, allowed_mentions: NO_MENTIONS } });
    },
    async openThread(channelId, messageId, name) {
      const body = { name, auto_archive_duration: ThreadAutoArchiveDuration.OneDay };
      return { id: ((await rest.post(Routes.threads(channelId, messageId), { body })) as APIChannel).id };
    },
  };
}
