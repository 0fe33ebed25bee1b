/**
 * Where the renderer page lives, in one place. The build is served from a
 * private privileged scheme (outpost://app/) instead of file://: the page gets
 * a real origin, so CSP 'self' means exactly our bundle, the page cannot read
 * other local files, and the CSP header is attached by our own handler (the
 * file:// scheme has no response headers to attach it to). Navigation and the
 * IPC sender check both compare against isAppPage() and nothing else.
 */
export const APP_SCHEME = 'outpost';
export const APP_HOST = 'app';
export const APP_PAGE_PATH = '/index.html';
export const APP_URL = `${APP_SCHEME}://${APP_HOST}${APP_PAGE_PATH}`;

/** True only for our renderer page itself (any query or hash: the router may use them). */
export function isAppPage(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host === APP_HOST &&
    parsed.pathname === APP_PAGE_PATH &&
    parsed.username === '' &&
    parsed.password === ''
  );
}
