import type { LookupAddress } from 'node:dns';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allowEveryAddress, refusePrivateAddress } from '../../src/web/address-policy.js';
import { canonicalUrl } from '../../src/web/canonical-url.js';
import { createHttpClient, FetchError, retryAfterMs, type HttpClientOptions } from '../../src/web/http-client.js';
import { page, startWebServer, type WebServer } from '../helpers/web-server.js';

let web: WebServer;
beforeAll(async () => {
  web = await startWebServer({
    '/plain': page('<p>hello</p>'),
    '/gzip': (_q, s) => {
      s.setHeader('content-encoding', 'gzip');
      s.setHeader('content-type', 'text/html; charset=utf-8');
      s.end(gzipSync('<p>Ереван, gzip</p>'));
    },
    '/brotli': (_q, s) => {
      s.setHeader('content-encoding', 'br');
      s.setHeader('content-type', 'text/html; charset=utf-8');
      s.end(brotliCompressSync('<p>Tbilisi, brotli</p>'));
    },
    // "Москва" in windows-1251, declared in the header, then only in a meta tag
    '/cp1251-header': page(Buffer.from([0xcc, 0xee, 0xf1, 0xea, 0xe2, 0xe0]), 'text/html; charset=windows-1251'),
    '/cp1251-meta': page(
      Buffer.concat([
        Buffer.from('<html><head><meta charset="windows-1251"></head><body>'),
        Buffer.from([0xcc, 0xee, 0xf1, 0xea, 0xe2, 0xe0]),
      ]),
      'text/html',
    ),
    '/etag': page('<rss/>', 'application/rss+xml', '"v1"'),
    '/500': (_q, s) => {
      s.statusCode = 500;
      s.end('oops');
    },
    '/429': (_q, s) => {
      s.statusCode = 429;
      s.setHeader('retry-after', '120');
      s.end();
    },
    '/hang': () => {},
    '/loop': (_q, s) => {
      s.statusCode = 302;
      s.setHeader('location', '/loop');
      s.end();
    },
    '/hop': (_q, s) => {
      s.statusCode = 301;
      s.setHeader('location', '/plain');
      s.end();
    },
    '/huge-declared': (_q, s) => {
      s.setHeader('content-length', String(20 * 2 ** 20));
      s.write(Buffer.alloc(1024, 97));
    },
    '/huge-chunked': (_q, s) => {
      const chunk = Buffer.alloc(2 ** 20, 97);
      let sent = 0;
      const pump = () => {
        while (sent < 20 && s.write(chunk)) sent++;
        if (sent < 20) s.once('drain', pump);
        else s.end();
      };
      s.on('error', () => {});
      pump();
    },
    '/gzip-bomb': (_q, s) => {
      s.setHeader('content-encoding', 'gzip');
      s.end(gzipSync(Buffer.alloc(20 * 2 ** 20, 0)));
    },
    '/to-private': (_q, s) => {
      s.statusCode = 302;
      s.setHeader('location', 'http://10.0.0.5/admin');
      s.end();
    },
    '/to-metadata-name': (_q, s) => {
      s.statusCode = 302;
      s.setHeader('location', 'http://metadata.test/latest/meta-data');
      s.end();
    },
    '/to-file': (_q, s) => {
      s.statusCode = 302;
      s.setHeader('location', 'file:///etc/passwd');
      s.end();
    },
  });
});
afterAll(() => web.close());

const client = (o: Partial<HttpClientOptions> = {}) =>
  createHttpClient({ userAgent: 'briefing-bot/test', checkAddress: allowEveryAddress, hostGapMs: 0, ...o });

async function failure(p: Promise<unknown>): Promise<FetchError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof FetchError) return e;
    throw e;
  }
  throw new Error('expected the request to fail');
}

describe('address policy', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.8.9.10', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.254', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'linkLocal'],
    ['::1', 'loopback'],
    ['fc00::1', 'uniqueLocal'],
    ['fd00:ec2::254', 'uniqueLocal'],
    ['fe80::1', 'linkLocal'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['0.0.0.0', 'unspecified'],
  ])('refuses %s (%s)', (ip, why) => {
    expect(refusePrivateAddress(ip)).toBe(why);
  });

  it.each(['8.8.8.8', '172.32.0.1', '2606:4700::1111', '93.184.216.34'])('allows the public address %s', (ip) => {
    expect(refusePrivateAddress(ip)).toBeNull();
  });
});

describe('guarded HTTP client', () => {
  it('sends a User-Agent naming the bot and reads a page', async () => {
    const r = await client().get(`${web.origin}/plain`);
    expect(r.notModified).toBe(false);
    if (!r.notModified) expect(r.text).toBe('<p>hello</p>');
    expect(web.log.at(-1)!.headers['user-agent']).toBe('briefing-bot/test');
  });

  it('decodes gzip and brotli bodies', async () => {
    const c = client();
    const g = await c.get(`${web.origin}/gzip`);
    const b = await c.get(`${web.origin}/brotli`);
    expect(!g.notModified && g.text).toBe('<p>Ереван, gzip</p>');
    expect(!b.notModified && b.text).toBe('<p>Tbilisi, brotli</p>');
  });

  it('decodes windows-1251 from the header or from the meta tag', async () => {
    const c = client();
    const h = await c.get(`${web.origin}/cp1251-header`);
    const m = await c.get(`${web.origin}/cp1251-meta`);
    expect(!h.notModified && h.text).toBe('Москва');
    expect(!m.notModified && m.text).toContain('<body>Москва');
  });

  it('sends the ETag back and honours 304', async () => {
    const c = client();
    const first = await c.get(`${web.origin}/etag`);
    expect(first.notModified).toBe(false);
    const etag = first.notModified ? null : first.etag;
    expect(etag).toBe('"v1"');
    const second = await c.get(`${web.origin}/etag`, { etag });
    expect(second.notModified).toBe(true);
    expect(web.log.at(-1)!.headers['if-none-match']).toBe('"v1"');
  });

  it('reports a server error and a 429 with its Retry-After', async () => {
    const c = client();
    const e500 = await failure(c.get(`${web.origin}/500`));
    expect([e500.code, e500.status]).toEqual(['http-status', 500]);
    const e429 = await failure(c.get(`${web.origin}/429`));
    expect([e429.code, e429.status, e429.retryAfterMs]).toEqual(['http-status', 429, 120_000]);
  });

  it('gives up on a server that never answers', async () => {
    const e = await failure(client({ totalTimeoutMs: 300 }).get(`${web.origin}/hang`));
    expect(e.code).toBe('timeout');
  });

  it('follows a redirect, and stops a redirect loop after 5', async () => {
    const c = client();
    const r = await c.get(`${web.origin}/hop`);
    expect(!r.notModified && r.url).toBe(`${web.origin}/plain`);
    const before = c.requests;
    const e = await failure(c.get(`${web.origin}/loop`));
    expect(e.code).toBe('too-many-redirects');
    expect(c.requests - before).toBe(6);
  });

  it.each(['/huge-declared', '/huge-chunked', '/gzip-bomb'])('stops reading %s at 5 MB', async (path) => {
    const e = await failure(client().get(`${web.origin}${path}`));
    expect(e.code).toBe('too-large');
  });

  it.each([
    'ftp://example.com/feed',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'gopher://x',
    'not a url',
    'http://user:pw@example.com/',
  ])('refuses %s before any request', async (url) => {
    const before = web.log.length;
    const e = await failure(client({ checkAddress: refusePrivateAddress }).get(url));
    expect(e.code).toBe('bad-url');
    expect(web.log.length).toBe(before);
  });

  it.each(['http://127.0.0.1/', 'http://[::1]/', 'http://169.254.169.254/latest/meta-data', 'http://10.0.0.1/', 'http://[fe80::1]/'])(
    'refuses the private address %s by default',
    async (url) => {
      const e = await failure(client({ checkAddress: refusePrivateAddress }).get(url));
      expect(e.code).toBe('refused-address');
    },
  );

  // A name that resolves to a private address is refused after DNS, as is every redirect hop.
  const fakeDns = (table: Record<string, string>) =>
    ((host: string, _o: unknown, cb: (e: Error | null, a: LookupAddress[]) => void) => {
      const ip = table[host];
      if (!ip) cb(Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' }), []);
      else cb(null, [{ address: ip, family: ip.includes(':') ? 6 : 4 }]);
    }) as unknown as HttpClientOptions['lookup'];
  // Only the test server's own address is let through, standing in for a public site.
  const onlyTheTestServer = (ip: string) => (ip === '127.0.0.1' ? null : refusePrivateAddress(ip));

  it('refuses a host name that resolves to a private address', async () => {
    const c = client({ checkAddress: onlyTheTestServer, lookup: fakeDns({ 'intranet.test': '192.168.0.10' }) });
    const e = await failure(c.get('http://intranet.test/'));
    expect(e.code).toBe('refused-address');
    expect(e.message).toContain('192.168.0.10');
  });

  it('checks every redirect again: to a private IP, to a name for the metadata service, to file:', async () => {
    const port = new URL(web.origin).port;
    const c = client({
      checkAddress: onlyTheTestServer,
      lookup: fakeDns({ 'news.test': '127.0.0.1', 'metadata.test': '169.254.169.254' }),
    });
    const ok = await c.get(`http://news.test:${port}/plain`);
    expect(ok.notModified).toBe(false);
    expect((await failure(c.get(`http://news.test:${port}/to-private`))).code).toBe('refused-address');
    expect((await failure(c.get(`http://news.test:${port}/to-metadata-name`))).code).toBe('refused-address');
    expect((await failure(c.get(`http://news.test:${port}/to-file`))).code).toBe('bad-url');
  });

  it('sends one request at a time to a host, with the gap between them', async () => {
    let open = 0;
    let most = 0;
    web.route('/slow', (_q, s) => {
      open++;
      most = Math.max(most, open);
      setTimeout(() => {
        open--;
        s.end('ok');
      }, 30);
    });
    const c = client({ hostGapMs: 50 });
    const started = Date.now();
    await Promise.all([1, 2, 3].map(() => c.get(`${web.origin}/slow`)));
    expect(most).toBe(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(3 * 30 + 2 * 50);
  });
});

describe('Retry-After and canonical URLs', () => {
  it('reads seconds and HTTP dates', () => {
    expect(retryAfterMs('30')).toBe(30_000);
    expect(retryAfterMs('Wed, 25 Nov 2026 12:01:00 GMT', Date.parse('2026-11-25T12:00:00Z'))).toBe(60_000);
    expect(retryAfterMs('soon')).toBeUndefined();
  });

  it('strips tracking parameters and fragments, and sorts the rest', () => {
    expect(canonicalUrl('https://News.example.com:443/a/b?utm_source=rss&id=2&fbclid=x&a=1#comments')).toBe(
      'https://news.example.com/a/b?a=1&id=2',
    );
    expect(canonicalUrl('/x?utm_medium=feed', 'https://e.example/feed')).toBe('https://e.example/x');
    expect(canonicalUrl('javascript:alert(1)')).toBeNull();
  });
});
