// The one way the bot reads the web (feeds, article pages, links users paste).
// Built on node:http/https rather than fetch() because the address check has
// to sit inside the connection: the IP that is checked is the IP that is
// dialled (a DNS answer that changes between a check and a connect is a
// classic SSRF bypass), and every redirect is checked the same way.
//
// Polite by construction: a User-Agent naming the bot, conditional GET,
// one request at a time per host with a gap, timeouts, a body cap (after
// decompression too, so a gzip bomb stops at the cap) and at most 5 redirects.
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import type { Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { AddressCheck } from './address-policy.js';
import { decodeBody } from './decode-body.js';
import { HostQueue } from './host-queue.js';

export type FetchErrorCode =
  | 'bad-url'
  | 'refused-address'
  | 'dns'
  | 'timeout'
  | 'too-large'
  | 'too-many-redirects'
  | 'http-status'
  | 'network';

export class FetchError extends Error {
  readonly code: FetchErrorCode;
  readonly status: number | undefined;
  /** From Retry-After on a 429 or 503: how long the server asked us to wait. */
  readonly retryAfterMs: number | undefined;

  constructor(code: FetchErrorCode, message: string, status?: number, retryAfterMs?: number) {
    super(message);
    this.code = code;
    this.status = status;
    this.retryAfterMs = retryAfterMs;
  }
}

export interface HttpClientOptions {
  userAgent: string;
  checkAddress: AddressCheck;
  /** dns.lookup by default; tests map names to local addresses. */
  lookup?: typeof dnsLookup;
  connectTimeoutMs?: number;
  totalTimeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  /** Pause between two requests to one host. */
  hostGapMs?: number;
}

export interface Validators {
  etag?: string | null;
  lastModified?: string | null;
}

export type HttpResult =
  | { notModified: true; url: string }
  | {
      notModified: false;
      /** The URL the body came from, after redirects. */
      url: string;
      status: number;
      contentType: string | null;
      text: string;
      etag: string | null;
      lastModified: string | null;
    };

export interface HttpClient {
  get(url: string, validators?: Validators): Promise<HttpResult>;
  /** Requests sent so far (each redirect counts), for the fetch report and the bench. */
  readonly requests: number;
}

export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** Retry-After is seconds or an HTTP date. */
export function retryAfterMs(value: string | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

function guardedLookup(check: AddressCheck, lookup: typeof dnsLookup): LookupFunction {
  return (hostname, options, callback) => {
    lookup(hostname, { ...options, all: true }, (err, addresses: LookupAddress[]) => {
      if (err) return callback(err, '', 0);
      // Every answer must pass: a name with one public and one private record is refused.
      for (const a of addresses) {
        const why = check(a.address);
        if (why) return callback(new FetchError('refused-address', `${hostname} resolves to ${a.address} (${why})`), '', 0);
      }
      if (addresses.length === 0) return callback(new FetchError('dns', `${hostname} has no address`), '', 0);
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}

function parseTarget(raw: string, check: AddressCheck): URL {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    throw new FetchError('bad-url', `not a URL: ${raw.slice(0, 200)}`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:')
    throw new FetchError('bad-url', `only http and https URLs are fetched, not ${u.protocol}`);
  if (u.username || u.password) throw new FetchError('bad-url', 'URLs with a user name or password are not fetched');
  // An IP literal never goes through lookup, so it is checked here.
  const host = u.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host)) {
    const why = check(host);
    if (why) throw new FetchError('refused-address', `${host} is ${/^[aeiou]/i.test(why) ? 'an' : 'a'} ${why} address`);
  }
  return u;
}

export function createHttpClient(options: HttpClientOptions): HttpClient {
  const o = {
    connectTimeoutMs: 10_000,
    totalTimeoutMs: 30_000,
    maxBytes: DEFAULT_MAX_BYTES,
    maxRedirects: 5,
    hostGapMs: 1000,
    lookup: dnsLookup,
    ...options,
  };
  const lookup = guardedLookup(o.checkAddress, o.lookup);
  const queue = new HostQueue(o.hostGapMs);
  let requests = 0;

  function once(u: URL, validators: Validators): Promise<{ res: IncomingMessage; body: () => Promise<Buffer> }> {
    return new Promise((resolve, reject) => {
      requests++;
      const headers: Record<string, string> = {
        'user-agent': o.userAgent,
        accept: 'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/html;q=0.9, */*;q=0.5',
        'accept-encoding': 'gzip, deflate, br',
      };
      if (validators.etag) headers['if-none-match'] = validators.etag;
      if (validators.lastModified) headers['if-modified-since'] = validators.lastModified;
      const lib = u.protocol === 'https:' ? https : http;
      const req = lib.get(u, { headers, lookup, agent: false });
      let failure: FetchError | null = null;
      const fail = (e: FetchError) => {
        failure = e;
        req.destroy(e);
        reject(e);
      };
      const total = setTimeout(
        () => fail(new FetchError('timeout', `${u.host} did not answer within ${o.totalTimeoutMs / 1000} s`)),
        o.totalTimeoutMs,
      );
      req.on('socket', (socket) => {
        const connect = setTimeout(
          () => fail(new FetchError('timeout', `could not connect to ${u.host} within ${o.connectTimeoutMs / 1000} s`)),
          o.connectTimeoutMs,
        );
        socket.once('connect', () => clearTimeout(connect));
        socket.once('secureConnect', () => clearTimeout(connect));
        socket.once('close', () => clearTimeout(connect));
      });
      req.on('error', (e) => {
        clearTimeout(total);
        reject(e instanceof FetchError ? e : new FetchError(networkCode(e), `${u.host}: ${e.message}`));
      });
      req.on('response', (res) => {
        // A timeout while the body streams ends it as a timeout, not as "connection closed".
        const body = () =>
          readCapped(res, o.maxBytes, u.host)
            .catch((e: unknown) => {
              throw failure ?? e;
            })
            .finally(() => clearTimeout(total));
        if (res.statusCode !== 200) {
          res.resume();
          clearTimeout(total);
        }
        resolve({ res, body });
      });
    });
  }

  async function get(raw: string, validators: Validators = {}): Promise<HttpResult> {
    let u = parseTarget(raw, o.checkAddress);
    for (let hop = 0; ; hop++) {
      const target = u;
      const { res, body } = await queue.run(target.host, () => once(target, hop === 0 ? validators : {}));
      const status = res.statusCode ?? 0;
      if (REDIRECTS.has(status) && res.headers.location) {
        if (hop >= o.maxRedirects) throw new FetchError('too-many-redirects', `more than ${o.maxRedirects} redirects from ${raw}`);
        u = parseTarget(new URL(res.headers.location, target).href, o.checkAddress);
        continue;
      }
      if (status === 304) return { notModified: true, url: target.href };
      if (status < 200 || status >= 300) {
        const wait = status === 429 || status === 503 ? retryAfterMs(res.headers['retry-after']) : undefined;
        throw new FetchError(
          'http-status',
          `${target.host} answered ${status}${res.statusMessage ? ` ${res.statusMessage}` : ''}`,
          status,
          wait,
        );
      }
      if (status !== 200) res.resume();
      const contentType = res.headers['content-type'] ?? null;
      const bytes = status === 200 ? await body() : Buffer.alloc(0);
      return {
        notModified: false,
        url: target.href,
        status,
        contentType,
        text: decodeBody(bytes, contentType),
        etag: (res.headers.etag as string | undefined) ?? null,
        lastModified: res.headers['last-modified'] ?? null,
      };
    }
  }

  return {
    get,
    get requests() {
      return requests;
    },
  };
}

function networkCode(e: Error & { code?: string }): FetchErrorCode {
  return e.code === 'ENOTFOUND' || e.code === 'EAI_AGAIN' ? 'dns' : 'network';
}

function decoded(res: IncomingMessage): Readable {
  const encoding = String(res.headers['content-encoding'] ?? '').toLowerCase();
  if (encoding === 'gzip' || encoding === 'x-gzip') return res.pipe(createGunzip());
  if (encoding === 'br') return res.pipe(createBrotliDecompress());
  if (encoding === 'deflate') return res.pipe(createInflate());
  return res;
}

function readCapped(res: IncomingMessage, maxBytes: number, host: string): Promise<Buffer> {
  const tooLarge = () =>
    new FetchError('too-large', `${host} sent more than ${maxBytes / 2 ** 20} MB; pages and feeds larger than that are not read`);
  const declared = Number(res.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    res.destroy();
    return Promise.reject(tooLarge());
  }
  return new Promise((resolve, reject) => {
    const stream = decoded(res);
    const chunks: Buffer[] = [];
    let size = 0;
    stream.on('data', (c: Buffer) => {
      size += c.length;
      if (size > maxBytes) {
        // Rejected before the streams are torn down, so their "aborted" does not speak first.
        reject(tooLarge());
        res.destroy();
        stream.destroy();
        return;
      }
      chunks.push(c);
    });
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', (e) => reject(e instanceof FetchError ? e : new FetchError('network', `${host}: ${e.message}`)));
    res.on('error', (e) => reject(e instanceof FetchError ? e : new FetchError('network', `${host}: ${e.message}`)));
    res.on('aborted', () => reject(new FetchError('network', `${host} closed the connection mid-body`)));
  });
}
