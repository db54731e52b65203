// A local emulator of Discord's REST API and gateway, for tests only: the
// real discord.js Client connects to it over loopback. It speaks the gateway
// handshake (HELLO, IDENTIFY -> READY + GUILD_CREATE, heartbeats, RESUME),
// injects interactions, records every REST call, and can inject faults (a 429,
// a 500, a 403, a dropped socket or an op 7 reconnect).
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  ChannelType,
  type ApplicationFlags,
  GatewayDispatchEvents,
  GatewayOpcodes,
  type APIGuildTextChannel,
  type APIInteraction,
  type APIMessage,
  type GatewayReadyDispatchData,
  type RESTGetAPIGatewayBotResult,
} from 'discord-api-types/v10';
import { WebSocketServer, type WebSocket } from 'ws';

export const APP_ID = '100000000000000001';
export const GUILD_ID = '200000000000000002';
export const CHANNEL_ID = '300000000000000003';
export const USER_ID = '400000000000000004';
export const OTHER_USER_ID = '400000000000000005';
export const TOKEN = 'MTAwMDAwMDAwMDAwMDAwMDAx.emulator.token-for-tests-only';

export interface RecordedCall {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
  at: number;
  /** performance.now() when the request arrived, for latency measurements. */
  t: number;
  /** The status the emulator answered with. */
  status?: number;
  /** Files sent as multipart/form-data (attachments), as Discord receives them. */
  files?: AttachedFile[];
}

export interface AttachedFile {
  /** The form field: files[0], files[1]... */
  field: string;
  filename: string;
  contentType: string;
  bytes: Buffer;
}

/** multipart/form-data as Discord reads it: payload_json is the message, files[n] the attachments. */
function parseMultipart(raw: Buffer, contentType: string): { body: unknown; files: AttachedFile[] } | null {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  if (!boundary) return null;
  const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  const files: AttachedFile[] = [];
  let body: unknown = null;
  let at = raw.indexOf(delimiter);
  while (at >= 0) {
    const next = raw.indexOf(delimiter, at + delimiter.length);
    if (next < 0) break;
    const part = raw.subarray(at + delimiter.length + 2, next - 2); // skip CRLF after the delimiter and before the next
    const split = part.indexOf('\r\n\r\n');
    const head = part.subarray(0, split).toString('utf8');
    const content = part.subarray(split + 4);
    const name = /name="([^"]+)"/.exec(head)?.[1] ?? '';
    const filename = /filename="([^"]+)"/.exec(head)?.[1];
    if (name === 'payload_json') body = JSON.parse(content.toString('utf8'));
    else if (filename)
      files.push({ field: name, filename, contentType: /content-type:\s*(\S+)/i.exec(head)?.[1] ?? '', bytes: Buffer.from(content) });
    at = next;
  }
  return { body, files };
}

interface Fault {
  method: string;
  path: RegExp;
  status: number;
  body: unknown;
  headers?: Record<string, string>;
  times: number;
}

let nextId = 500000000000000000n;
export const snowflake = () => String(nextId++);

export class DiscordEmulator {
  readonly calls: RecordedCall[] = [];
  readonly gatewayOps: { op: number; at: number }[] = [];
  readonly messages = new Map<string, APIMessage>();
  private server: Server = createServer((req, res) => void this.onRequest(req, res));
  private wss = new WebSocketServer({ noServer: true });
  private sockets = new Set<WebSocket>();
  private faults: Fault[] = [];
  private seq = 0;
  private sessionId = 'session-1';
  private nonceSeen = new Map<string, number>();
  private posted = new Map<string, APIMessage[]>();
  private holds: { method: string; path: RegExp; ms: number; times: number }[] = [];
  port = 0;
  /** How long a nonce is remembered, as Discord does for a few minutes; tests shorten it to seconds. */
  nonceWindowMs = 5 * 60_000;

  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  async start(): Promise<void> {
    this.server.on('upgrade', (req, socket, head) => this.wss.handleUpgrade(req, socket, head, (ws) => this.onSocket(ws)));
    this.server.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
    this.port = (this.server.address() as AddressInfo).port;
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.terminate();
    this.wss.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** The next `times` requests matching method and path are answered only after `ms` (a slow or stalled Discord). */
  holdReplies(method: string, path: RegExp, ms: number, times = 1): void {
    this.holds.push({ method, path, ms, times });
  }

  /** The next `times` requests matching method and path get this status and body. */
  fault(method: string, path: RegExp, status: number, body: unknown, times = 1, headers?: Record<string, string>): void {
    this.faults.push({ method, path, status, body, times, ...(headers ? { headers } : {}) });
  }

  /** Sends INTERACTION_CREATE to every connected client. */
  inject(interaction: APIInteraction): void {
    this.dispatch(GatewayDispatchEvents.InteractionCreate, interaction);
  }

  /** Asks the client to reconnect and resume (op 7). */
  requestReconnect(): void {
    for (const s of this.sockets) s.send(JSON.stringify({ op: GatewayOpcodes.Reconnect, d: null }));
  }

  get connections(): number {
    return this.sockets.size;
  }

  /** Messages posted straight into a channel (digests), oldest first, as the emulator accepted them. */
  channelPosts(channelId: string): RecordedCall[] {
    return this.callsTo('POST', new RegExp(`^/channels/${channelId}/messages$`)).filter((c) => c.status === 200);
  }

  callsTo(method: string, path: RegExp): RecordedCall[] {
    return this.calls.filter((c) => c.method === method && path.test(c.path));
  }

  /** Polls `check` (which may ask the store, asynchronously) until it gives something truthy. */
  async waitFor<T>(check: () => T | undefined | null | false | Promise<T | undefined | null | false>, timeoutMs = 5000): Promise<T> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const v = await check();
      if (v) return v;
      if (Date.now() > until) throw new Error('emulator: timed out waiting');
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  private dispatch(t: string, d: unknown): void {
    const payload = JSON.stringify({ op: GatewayOpcodes.Dispatch, t, s: ++this.seq, d });
    for (const s of this.sockets) s.send(payload);
  }

  private onSocket(ws: WebSocket): void {
    this.sockets.add(ws);
    ws.on('close', () => this.sockets.delete(ws));
    ws.send(JSON.stringify({ op: GatewayOpcodes.Hello, d: { heartbeat_interval: 41250 } }));
    ws.on('message', (raw) => {
      const msg = JSON.parse(String(raw)) as { op: number; d: unknown };
      this.gatewayOps.push({ op: msg.op, at: Date.now() });
      if (msg.op === GatewayOpcodes.Heartbeat) ws.send(JSON.stringify({ op: GatewayOpcodes.HeartbeatAck }));
      else if (msg.op === GatewayOpcodes.Identify) this.onIdentify(ws);
      else if (msg.op === GatewayOpcodes.Resume)
        ws.send(JSON.stringify({ op: GatewayOpcodes.Dispatch, t: GatewayDispatchEvents.Resumed, s: ++this.seq, d: {} }));
    });
  }

  private onIdentify(ws: WebSocket): void {
    const ready: GatewayReadyDispatchData = {
      v: 10,
      user: { id: APP_ID, username: 'briefing-bot', discriminator: '0000', global_name: null, avatar: null, bot: true },
      guilds: [{ id: GUILD_ID, unavailable: true }],
      session_id: this.sessionId,
      resume_gateway_url: `ws://127.0.0.1:${this.port}`,
      shard: [0, 1],
      application: { id: APP_ID, flags: 0 as ApplicationFlags, flags_new: '0' },
    };
    ws.send(JSON.stringify({ op: GatewayOpcodes.Dispatch, t: GatewayDispatchEvents.Ready, s: ++this.seq, d: ready }));
    const channel: APIGuildTextChannel<ChannelType.GuildText> = {
      id: CHANNEL_ID,
      type: ChannelType.GuildText,
      guild_id: GUILD_ID,
      name: 'briefings',
      position: 0,
      permission_overwrites: [],
      nsfw: false,
      parent_id: null,
      topic: null,
      last_message_id: null,
      rate_limit_per_user: 0,
      default_auto_archive_duration: 1440,
    };
    const guild = {
      id: GUILD_ID,
      name: 'Analysts',
      icon: null,
      splash: null,
      discovery_splash: null,
      owner_id: USER_ID,
      afk_channel_id: null,
      afk_timeout: 60,
      verification_level: 0,
      default_message_notifications: 0,
      explicit_content_filter: 0,
      roles: [],
      emojis: [],
      features: [],
      mfa_level: 0,
      application_id: null,
      system_channel_id: null,
      system_channel_flags: 0,
      rules_channel_id: null,
      vanity_url_code: null,
      description: null,
      banner: null,
      premium_tier: 0,
      preferred_locale: 'en-US',
      public_updates_channel_id: null,
      nsfw_level: 0,
      premium_progress_bar_enabled: false,
      safety_alerts_channel_id: null,
      stickers: [],
      joined_at: new Date().toISOString(),
      large: false,
      unavailable: false,
      member_count: 2,
      voice_states: [],
      members: [],
      channels: [channel],
      threads: [],
      presences: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
    };
    ws.send(JSON.stringify({ op: GatewayOpcodes.Dispatch, t: GatewayDispatchEvents.GuildCreate, s: ++this.seq, d: guild }));
  }

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const arrived = performance.now();
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const url = new URL(req.url ?? '/', 'http://x');
    const path = decodeURIComponent(url.pathname.replace(/^\/api\/v\d+/, ''));
    const raw = Buffer.concat(chunks);
    const text = raw.toString('utf8');
    const multipart = /^multipart\/form-data/i.test(req.headers['content-type'] ?? '')
      ? parseMultipart(raw, req.headers['content-type']!)
      : null;
    let body: unknown = text;
    if (multipart) body = multipart.body;
    else {
      try {
        body = text ? JSON.parse(text) : null;
      } catch {
        /* plain text stays a string */
      }
    }
    const method = req.method ?? 'GET';
    const call: RecordedCall = {
      method,
      path,
      query: url.searchParams,
      body,
      at: Date.now(),
      t: arrived,
      ...(multipart ? { files: multipart.files } : {}),
    };
    this.calls.push(call);
    const hold = this.holds.find((h) => h.times > 0 && h.method === method && h.path.test(path));
    if (hold) {
      // A slow Discord: the request is taken, and answered only after the delay.
      hold.times--;
      await new Promise((r) => setTimeout(r, hold.ms));
    }
    const fault = this.faults.find((f) => f.times > 0 && f.method === method && f.path.test(path));
    if (fault) {
      fault.times--;
      call.status = fault.status;
      return this.send(res, fault.status, fault.body, fault.headers);
    }
    const [status, out] = this.route(method, path, url.searchParams, body);
    call.status = status;
    this.send(res, status, out);
  }

  private send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    if (status === 204) {
      res.writeHead(204, headers).end();
      return;
    }
    res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
  }

  private message(channelId: string, body: Record<string, unknown>, id = snowflake()): APIMessage {
    const m = {
      id,
      channel_id: channelId,
      author: { id: APP_ID, username: 'briefing-bot', discriminator: '0000', global_name: null, avatar: null, bot: true },
      content: (body.content as string) ?? '',
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      embeds: (body.embeds as APIMessage['embeds']) ?? [],
      pinned: false,
      type: 0,
      components: (body.components as APIMessage['components']) ?? [],
      flags: (body.flags as number) ?? 0,
    } as APIMessage;
    this.messages.set(id, m);
    return m;
  }

  private route(method: string, path: string, query: URLSearchParams, body: unknown): [number, unknown] {
    const b = (body ?? {}) as Record<string, unknown>;
    const gateway: RESTGetAPIGatewayBotResult = {
      url: `ws://127.0.0.1:${this.port}`,
      shards: 1,
      session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 },
    };
    if (method === 'GET' && path === '/gateway/bot') return [200, gateway];
    if (method === 'GET' && path === '/applications/@me') return [200, { id: APP_ID, name: 'briefing-bot' }];
    if (method === 'GET' && path === '/users/@me')
      return [200, { id: APP_ID, username: 'briefing-bot', discriminator: '0000', global_name: null, avatar: null, bot: true }];
    if (method === 'PUT' && /^\/applications\/\d+(\/guilds\/\d+)?\/commands$/.test(path)) {
      return [200, (body as Record<string, unknown>[]).map((c) => ({ ...c, id: snowflake(), application_id: APP_ID, version: '1' }))];
    }
    let m = /^\/interactions\/(\d+)\/([^/]+)\/callback$/.exec(path);
    if (method === 'POST' && m) {
      const data = (b.data ?? {}) as Record<string, unknown>;
      // Replies (4) and updates (7) carry a message; record it under the interaction token.
      const msg = b.type === 4 || b.type === 5 || b.type === 7 ? this.message(CHANNEL_ID, data) : null;
      if (msg) this.messages.set(`original:${m[2]}`, msg);
      if (query.get('with_response') !== 'true') return [204, null];
      return [
        200,
        {
          interaction: {
            id: m[1],
            type: 2,
            response_message_id: msg?.id,
            response_message_loading: b.type === 5,
            response_message_ephemeral: Boolean(((data.flags as number) ?? 0) & 64),
          },
          resource: msg ? { type: b.type, message: msg } : undefined,
        },
      ];
    }
    m = /^\/webhooks\/\d+\/([^/]+)\/messages\/@original$/.exec(path);
    if (m && method === 'PATCH') {
      const prev = this.messages.get(`original:${m[1]}`);
      const msg = this.message(CHANNEL_ID, b, prev?.id);
      this.messages.set(`original:${m[1]}`, msg);
      return [200, msg];
    }
    if (m && method === 'GET') return [200, this.messages.get(`original:${m[1]}`)];
    if (m && method === 'DELETE') return [204, null];
    if (method === 'POST' && /^\/webhooks\/\d+\/[^/]+$/.test(path)) return [200, this.message(CHANNEL_ID, b)];
    m = /^\/channels\/(\d+)\/messages$/.exec(path);
    if (m && method === 'POST') {
      // Like Discord: with enforce_nonce, a repeat of a recent nonce returns the first message instead of posting again.
      const key = `nonce:${m[1]}:${String(b.nonce)}`;
      const recent = Date.now() - (this.nonceSeen.get(key) ?? -Infinity) <= this.nonceWindowMs;
      const earlier = b.enforce_nonce === true && b.nonce !== undefined && recent ? this.messages.get(key) : undefined;
      if (earlier) return [200, earlier];
      const msg = this.message(m[1]!, b);
      this.posted.set(m[1]!, [...(this.posted.get(m[1]!) ?? []), msg]);
      if (b.nonce !== undefined) {
        this.messages.set(key, msg);
        this.nonceSeen.set(key, Date.now());
      }
      return [200, msg];
    }
    if (m && method === 'GET') {
      // The channel's latest messages, newest first (what the bot posted there, as far as this emulator knows).
      const limit = Math.min(100, Number(query.get('limit') ?? 50));
      return [200, [...(this.posted.get(m[1]!) ?? [])].reverse().slice(0, limit)];
    }
    m = /^\/channels\/(\d+)\/messages\/(\d+)$/.exec(path);
    if (m && method === 'PATCH') {
      const prev = (this.posted.get(m[1]!) ?? []).find((x) => x.id === m![2]);
      if (!prev) return [404, { code: 10008, message: 'Unknown Message' }];
      const msg = this.message(m[1]!, { ...prev, ...b }, prev.id);
      this.posted.set(
        m[1]!,
        (this.posted.get(m[1]!) ?? []).map((x) => (x.id === prev.id ? msg : x)),
      );
      return [200, msg];
    }
    m = /^\/channels\/(\d+)\/messages\/(\d+)\/threads$/.exec(path);
    if (m && method === 'POST') {
      return [
        201,
        {
          id: snowflake(),
          type: ChannelType.PublicThread,
          guild_id: GUILD_ID,
          parent_id: m[1],
          name: b.name,
          owner_id: APP_ID,
          thread_metadata: {
            archived: false,
            auto_archive_duration: b.auto_archive_duration ?? 1440,
            archive_timestamp: new Date().toISOString(),
            locked: false,
          },
          message_count: 0,
          member_count: 1,
          rate_limit_per_user: 0,
          flags: 0,
        },
      ];
    }
    return [404, { message: `Unknown route ${method} ${path}`, code: 0 }];
  }
}
