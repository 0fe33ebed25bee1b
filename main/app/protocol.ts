/**
 * Serves the renderer build over outpost://app/ (see renderer-page.ts for why
 * not file://). Policy: GET/HEAD only, files inside the build folder only (no
 * traversal, no listing, no fallback page), and every response carries the CSP
 * itself, so the policy holds even if webRequest never sees the request.
 */
import { protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { APP_HOST, APP_SCHEME } from './renderer-page';
import { CONTENT_SECURITY_POLICY } from './security';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Must run before app 'ready'. standard+secure give the page a real, secure
 * origin (storage, relative URLs); supportFetchAPI and corsEnabled let Vite's
 * `type="module" crossorigin` scripts load. No other page exists in the app
 * that could read it cross-origin, and our responses carry no CORS allowance.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true } },
  ]);
}

/** Serve files under `root` (the dist-renderer folder) at outpost://app/. Call after 'ready'. */
export function serveRenderer(root: string): void {
  const base = resolve(root);
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return reply(405);
    const file = fileFor(base, request.url);
    if (file === null) return reply(404);
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      return reply(404);
    }
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers: {
        'Content-Type': contentTypes[extname(file).toLowerCase()] ?? 'application/octet-stream',
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-cache',
      },
    });
  });
}

/** The file a request maps to, or null when it is not ours or escapes the build folder. */
function fileFor(base: string, url: string): string | null {
  let pathname: string;
  try {
    const parsed = new URL(url);
    if (parsed.host !== APP_HOST) return null;
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  const file = resolve(base, `.${pathname}`);
  return file.startsWith(base + sep) ? file : null;
}

function reply(status: number): Response {
  return new Response(null, { status, headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY } });
}
