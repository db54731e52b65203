// `briefing serve`: Discord's Interactions Endpoint URL. POST /interactions
// takes a signed interaction and answers it in the HTTP response; GET /healthz
// says whether the database answers. No gateway connection and no state
// between requests, so several replicas can stand behind one load balancer.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { APIInteraction, APIInteractionResponseCallbackData } from 'discord-api-types/v10';
import { REST } from '@discordjs/rest';
import { z } from 'zod';
import type { Corpus } from '../../corpus/corpus.js';
import type { Logger } from '../../logger.js';
import type { DigestInteractionDeps } from '../../commands/digest-subcommands.js';
import type { WatchInteractionDeps } from '../../commands/watch-subcommands.js';
import type { FeedsInteractionDeps } from '../../commands/feeds-subcommands.js';
import type { ManagementServices } from '../../commands/management.js';
import { NO_MENTIONS } from '../../render/discord/no-mentions.js';
import { answerInteraction } from './answer-interaction.js';
import type { PayloadWithFiles } from '../../render/message-payload.js';
import { checkSignature, publicKeyFromHex, replayKey } from './verify-signature.js';

/** Interactions are small; a larger body is not Discord's. */
const MAX_BODY_BYTES = 1024 * 1024;
/**
 * Discord sends each request whole and at once: a client that takes longer over its headers or its body is holding a
 * connection open (a slow-body attack), and is cut off. Node's defaults are 60 s and 300 s, checked every 30 s.
 */
export const HEADERS_TIMEOUT_MS = 3000;
export const REQUEST_TIMEOUT_MS = 5000;

/**
 * What every interaction carries, checked before anything reads it: a signed body may still be JSON `null`, a number
 * or an object of the wrong shape. The rest is read by the answer, as Discord documents it.
 */
const interactionShape = z.looseObject({
  id: z.string().min(1),
  application_id: z.string().min(1),
  type: z.number().int(),
  token: z.string().min(1),
  data: z.looseObject({}).optional(),
});
/** Past this, the sender is cut off instead of read to the end for a polite 413. */
const DRAIN_LIMIT_BYTES = 8 * MAX_BODY_BYTES;

/** A file sent with a message (a chart): multipart, its alt text in the body's attachments. */
export type UploadedFile = NonNullable<PayloadWithFiles['files']>[number];

/** A call on Discord's REST API, relative to its base; resolves to the parsed answer. */
export type RestCall = (
  method: 'GET' | 'PATCH' | 'POST' | 'DELETE',
  path: string,
  body?: unknown,
  files?: readonly UploadedFile[],
) => Promise<unknown>;

/**
 * REST calls at `apiUrl`: with a bot token for channel routes, or without one for the interaction's
 * webhook routes, which take the interaction token in the path.
 */
export function restCalls(apiUrl: string, token?: string): RestCall {
  const rest = new REST({ api: apiUrl, retries: 2 });
  if (token) rest.setToken(token);
  return (method, path, body, files) => {
    const route = `/${path}` as `/${string}`;
    const attachments = files?.map((f, id) => ({ id, filename: f.name, description: f.description }));
    const options = {
      auth: Boolean(token),
      ...(body === undefined ? {} : { body: attachments ? { ...(body as object), attachments } : body }),
      ...(files ? { files: files.map((f) => ({ name: f.name, data: f.data, contentType: 'image/png' })) } : {}),
    };
    if (method === 'GET') return rest.get(route, options);
    if (method === 'PATCH') return rest.patch(route, options);
    if (method === 'POST') return rest.post(route, options);
    return rest.delete(route, options);
  };
}

/** A discussion thread (/brief's): on its message, with a first message of its own. */
function threadOpener(bot: RestCall) {
  return async (channelId: string, messageId: string, name: string, firstLine: string) => {
    const thread = (await bot('POST', `channels/${channelId}/messages/${messageId}/threads`, {
      name,
      auto_archive_duration: 1440,
    })) as { id: string };
    await bot('POST', `channels/${thread.id}/messages`, { content: firstLine, allowed_mentions: NO_MENTIONS });
  };
}

export interface InteractionsServerDeps {
  publicKey: string;
  corpus(): Corpus;
  /** Whether the database answers (GET /healthz). */
  healthy(): Promise<boolean>;
  /**
   * Records a signed request until `until`; false when any replica has seen it (a replay). Kept in the
   * shared database (store.firstSighting), so a replica holds no state of its own.
   */
  firstSighting(key: string, until: Date): Promise<boolean>;
  /** REST calls on the interaction's webhook (deferred answers, follow-ups): restCalls(apiUrl). */
  webhook: RestCall;
  /** REST calls as the bot (opening /brief's thread): restCalls(apiUrl, token); absent without a token. */
  botRest?: RestCall;
  appId: string;
  /** /digest's store, schedule and renderer (with a bot token); without it, /digest says what it needs. */
  digest?: DigestInteractionDeps;
  /** /watch's store and corpus. */
  watch?: WatchInteractionDeps;
  /** /feeds and /add: the feed list and the folder links are saved in (a replica's, scaled out). */
  feeds?: FeedsInteractionDeps;
  /** Why a management command's service is absent on this endpoint, in the user's words. */
  absent?: ManagementServices['absent'];
  log: Logger;
  now?: () => Date;
}

/** The whole body; 'too-large' past the limit; 'gone' when the client hung up or was cut off before the end. */
function readBody(req: IncomingMessage): Promise<Buffer | 'too-large' | 'gone'> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > DRAIN_LIMIT_BYTES) req.destroy();
      else if (size <= MAX_BODY_BYTES) chunks.push(c);
    });
    req.on('end', () => resolve(size > MAX_BODY_BYTES ? 'too-large' : Buffer.concat(chunks)));
    // Cut off, timed out or gone: nothing to answer (a settled promise ignores this after 'end').
    req.on('close', () => resolve(size > DRAIN_LIMIT_BYTES ? 'too-large' : 'gone'));
    req.on('error', () => resolve('gone'));
  });
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'content-type': typeof body === 'string' ? 'text/plain; charset=utf-8' : 'application/json' });
  res.end(text);
}

export function interactionsServer(deps: InteractionsServerDeps): Server {
  const key = publicKeyFromHex(deps.publicKey);
  const now = deps.now ?? (() => new Date());
  const answerDeps = {
    corpus: deps.corpus,
    log: deps.log,
    editOriginal: async (token: string, payload: APIInteractionResponseCallbackData, files?: readonly UploadedFile[]) =>
      ((await deps.webhook('PATCH', `webhooks/${deps.appId}/${token}/messages/@original`, payload, files)) as { id: string }).id,
    deleteOriginal: async (token: string) => void (await deps.webhook('DELETE', `webhooks/${deps.appId}/${token}/messages/@original`)),
    followUp: async (token: string, payload: APIInteractionResponseCallbackData) =>
      void (await deps.webhook('POST', `webhooks/${deps.appId}/${token}`, payload)),
    ...(deps.botRest ? { openThread: threadOpener(deps.botRest) } : {}),
    ...(deps.digest ? { digest: deps.digest } : {}),
    ...(deps.watch ? { watch: deps.watch } : {}),
    ...(deps.feeds ? { feeds: deps.feeds } : {}),
    ...(deps.absent ? { absent: deps.absent } : {}),
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method === 'GET' && path === '/healthz') {
      const ok = await deps.healthy().catch(() => false);
      return send(res, ok ? 200 : 503, ok ? 'ok' : 'the database does not answer');
    }
    if (path !== '/interactions') return send(res, 404, 'not found');
    if (req.method !== 'POST') return send(res, 405, 'POST only');
    const body = await readBody(req);
    if (body === 'gone') return deps.log.debug('interaction endpoint: the client hung up before its body was read');
    if (body === 'too-large') return send(res, 413, 'body too large');
    const signature = req.headers['x-signature-ed25519'];
    const timestamp = req.headers['x-signature-timestamp'];
    const sig = typeof signature === 'string' ? signature : undefined;
    const ts = typeof timestamp === 'string' ? timestamp : undefined;
    const check = checkSignature(key, sig, ts, body, now());
    if (check !== 'ok') return send(res, 401, `invalid request signature (${check})`);
    const seen = replayKey(sig!, ts!);
    const first = await deps.firstSighting(seen.key, seen.until).catch(() => null);
    if (first === null) return send(res, 503, 'the database does not answer');
    if (!first) return send(res, 401, 'invalid request signature (replayed)');
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {
      return send(res, 400, 'body is not JSON');
    }
    const shape = interactionShape.safeParse(parsed);
    if (!shape.success) return send(res, 400, `not an interaction: ${z.prettifyError(shape.error).replace(/\n/g, ' ')}`);
    const interaction = shape.data as unknown as APIInteraction;
    const log = deps.log.child({ interaction: interaction.id });
    const out = await answerInteraction(interaction, { ...answerDeps, log });
    send(res, 200, out.response);
    if (out.after) void out.after();
  }

  const server = createServer(
    { headersTimeout: HEADERS_TIMEOUT_MS, requestTimeout: REQUEST_TIMEOUT_MS, connectionsCheckingInterval: 1000 },
    (req, res) => {
      handle(req, res).catch((e: unknown) => {
        // A client that went away mid-answer is the client's business, not an error of ours.
        if (res.destroyed) return deps.log.debug(`interaction endpoint: the client hung up: ${e instanceof Error ? e.message : String(e)}`);
        deps.log.error(`interaction endpoint: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
        if (!res.headersSent) send(res, 500, 'internal error');
      });
    },
  );
  server.on('clientError', (e, socket) => {
    deps.log.debug(`interaction endpoint: a client's request was cut off: ${e.message}`);
    // Said, then closed: a client still dripping bytes must not keep a half-closed connection open.
    if (socket.writable) socket.end('HTTP/1.1 408 Request Timeout\r\nconnection: close\r\n\r\n', () => socket.destroy());
    else socket.destroy();
  });
  return server;
}
