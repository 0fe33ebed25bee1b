/**
 * Loopback HTTP transport for the browser mode, the e2e tests and the demo.
 * Binds 127.0.0.1 only, requires the per-run token on every API request,
 * refuses cross-origin requests (Origin must be our own) and bounds body size.
 * The token reaches the page in the URL fragment, which browsers never send
 * to servers or put in logs.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { eventNames } from '../contract';
import type { Core } from '../core-types';

const MAX_BODY_BYTES = 1024 * 1024;
/**
 * Methods that carry a whole file (the CMS code file is ~15 MB). The client names the method in a header so
 * the limit is known before the body is read; the body must then call that same method.
 */
const LARGE_BODY_METHODS: Record<string, number> = {
  'codes.import': 40 * 1024 * 1024,
  'attachments.add': 40 * 1024 * 1024,
  'feeSchedules.importCsv': 6 * 1024 * 1024,
};
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};
const SECURITY_HEADERS = {
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
};

export interface HttpTransport {
  server: Server;
  port: number;
  token: string;
  /** The address to open, with the token in the fragment. */
  url: string;
  close(): Promise<void>;
}

export interface HttpOptions {
  core: Core;
  /** Folder of the renderer build to serve at /, if any. */
  staticDir?: string;
  port?: number;
  token?: string;
}

function sameToken(given: string | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

class BodyTooLarge extends Error {}

/** Reads the body; past the limit it keeps draining (discarding) so the client gets a 400, not a reset connection. */
function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
      else chunks.length = 0;
    });
    req.on('end', () => (size > limit ? reject(new BodyTooLarge()) : resolve(Buffer.concat(chunks).toString('utf8'))));
    req.on('error', reject);
  });
}

function serveStatic(res: ServerResponse, root: string, pathname: string): void {
  const relative = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '');
  let file = join(root, relative);
  if (!file.startsWith(root + sep) && file !== root) return send(res, 404, { error: 'not found' });
  if (!existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html');
  if (!existsSync(file)) return send(res, 404, { error: 'Renderer build missing: run `npm run build`.' });
  res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' });
  createReadStream(file).pipe(res);
}

export async function startHttpTransport(options: HttpOptions): Promise<HttpTransport> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  let origin = '';

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const isApi = url.pathname.startsWith('/api/');
      if (isApi) {
        const requestOrigin = req.headers.origin;
        if (requestOrigin !== undefined && requestOrigin !== origin) return send(res, 403, { error: 'Cross-origin requests are refused.' });
        const host = req.headers.host;
        if (host !== origin.replace('http://', '')) return send(res, 403, { error: 'Unexpected Host header.' });
        const auth = req.headers.authorization?.replace(/^Bearer /, '');
        if (!sameToken(auth, token))
          return send(res, 401, { error: 'Missing or wrong workstation token. Reopen the address printed by `npm run serve`.' });
      }
      if (url.pathname === '/api/call' && req.method === 'POST') {
        let body: { method?: unknown; input?: unknown };
        const declared = req.headers['x-outpost-method'];
        const large = typeof declared === 'string' ? LARGE_BODY_METHODS[declared] : undefined;
        const limit = large ?? MAX_BODY_BYTES;
        try {
          body = JSON.parse(await readBody(req, limit)) as typeof body;
        } catch (error) {
          const message =
            error instanceof BodyTooLarge
              ? `The request is too large (more than ${limit / 1024 / 1024} MB) and was not processed.`
              : 'The request was not valid JSON.';
          return send(res, 400, { ok: false, error: { code: 'VALIDATION', message } });
        }
        if (large !== undefined && body.method !== declared) {
          return send(res, 400, { ok: false, error: { code: 'VALIDATION', message: 'The request named one method and called another.' } });
        }
        const session = req.headers['x-outpost-session'];
        const result = await options.core.call(
          typeof body.method === 'string' ? body.method : '',
          body.input,
          typeof session === 'string' ? session : null,
        );
        return send(res, 200, result);
      }
      if (url.pathname === '/api/events' && req.method === 'GET') {
        res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/event-stream', Connection: 'keep-alive' });
        res.write(': connected\n\n');
        const unsubscribers = eventNames.map((event) =>
          options.core.on(event, (payload) => res.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`)),
        );
        const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), 15_000);
        req.on('close', () => {
          clearInterval(keepAlive);
          for (const off of unsubscribers) off();
        });
        return;
      }
      if (isApi) return send(res, 404, { error: 'Unknown endpoint.' });
      if (req.method !== 'GET' || !options.staticDir) return send(res, 404, { error: 'not found' });
      serveStatic(res, options.staticDir, url.pathname);
    })().catch(() => {
      if (!res.headersSent) send(res, 500, { error: 'Internal error.' });
      else res.end();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  origin = `http://127.0.0.1:${port}`;
  return {
    server,
    port,
    token,
    url: `${origin}/#token=${token}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
