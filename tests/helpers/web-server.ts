// A local HTTP server standing in for the web: news sites, feeds, and the
// misbehaving servers a fetcher meets (slow, huge, looping, failing).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Route = (req: IncomingMessage, res: ServerResponse) => void;

export interface WebServer {
  /** http://127.0.0.1:PORT */
  origin: string;
  /** Every request, in order: path, headers, and when it arrived (ms since epoch). */
  log: { path: string; headers: IncomingMessage['headers']; at: number }[];
  route(path: string, handler: Route): void;
  close(): Promise<void>;
}

export async function startWebServer(routes: Record<string, Route> = {}): Promise<WebServer> {
  const table = new Map(Object.entries(routes));
  const log: WebServer['log'] = [];
  const server = createServer((req, res) => {
    const path = req.url ?? '/';
    log.push({ path, headers: req.headers, at: Date.now() });
    const handler = table.get(path) ?? table.get(path.split('?')[0]!);
    if (handler) handler(req, res);
    else {
      res.statusCode = 404;
      res.end('not found');
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    log,
    route: (path, handler) => table.set(path, handler),
    close: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/** A handler that sends a fixed body with headers, and answers 304 when the client's ETag matches. */
export function page(body: string | Buffer, contentType = 'text/html; charset=utf-8', etag?: string): Route {
  return (req, res) => {
    if (etag && req.headers['if-none-match'] === etag) {
      res.statusCode = 304;
      res.end();
      return;
    }
    res.setHeader('content-type', contentType);
    if (etag) res.setHeader('etag', etag);
    res.end(body);
  };
}
