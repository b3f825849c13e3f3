// Session hardening: the page is served from our own app:// origin (never file://), its CSP allows only
// what it uses, the only permission granted is writing to the clipboard (Copy) for that origin, and the
// request filter lets through our origin alone (plus the loopback dev server in dev): the renderer never
// reaches the network or the disk.
import type { Session } from 'electron';

/** The renderer's scheme and host: app://koompi/index.html. */
export const APP_SCHEME = 'app';
export const APP_ORIGIN = 'app://koompi';

/**
 * The page's Content-Security-Policy (sent as a header by the app:// handler; index.html carries the same
 * as a meta tag for the e2e page): nothing by default; scripts, styles and the lazily loaded chunks from
 * our own origin; the data: favicon. No inline script or style attribute, no network, no frames, no forms.
 */
export const RENDERER_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** Permissions the page may have, for its own origin only: Copy uses the async clipboard API. */
const GRANTED = new Set(['clipboard-sanitized-write']);

/** scheme://host[:port]. (WHATWG URL gives custom schemes such as app:// an opaque "null" origin.) */
export function originOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.host ? `${u.protocol}//${u.host}` : null;
  } catch {
    return null;
  }
}

function isOwnOrigin(url: string | null | undefined, devServerOrigin: string | null): boolean {
  const o = originOf(url);
  return o !== null && (o === APP_ORIGIN || (!!devServerOrigin && o === originOf(devServerOrigin)));
}

export function isAllowedRequestUrl(url: string, devServerOrigin: string | null): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (originOf(url) === APP_ORIGIN) return true;
  if (u.protocol === 'devtools:' || u.protocol === 'data:') return true;
  if (devServerOrigin) {
    try {
      const dev = new URL(devServerOrigin);
      if (u.origin === dev.origin) return true;
      if (u.protocol === 'ws:' && u.host === dev.host) return true; // vite HMR
    } catch {
      return false;
    }
  }
  return false;
}

export function isPermissionGranted(permission: string, requestingUrl: string | null | undefined, devServerOrigin: string | null): boolean {
  return GRANTED.has(permission) && isOwnOrigin(requestingUrl, devServerOrigin);
}

type SessionLike = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'webRequest'>;

export function hardenSession(session: SessionLike, devServerOrigin: string | null): void {
  session.setPermissionRequestHandler((wc, permission, callback, details) =>
    callback(isPermissionGranted(permission, details?.requestingUrl ?? wc?.getURL(), devServerOrigin)),
  );
  session.setPermissionCheckHandler((_wc, permission, requestingOrigin) =>
    isPermissionGranted(permission, requestingOrigin, devServerOrigin),
  );
  session.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedRequestUrl(details.url, devServerOrigin) }));
}

/** The origin of a loopback http URL (a dev server), or null for anything else. */
export function loopbackOrigin(url: string | undefined): string | null {
  if (!url?.trim()) return null;
  try {
    const u = new URL(url.trim());
    return u.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(u.hostname) ? u.origin : null;
  } catch {
    return null;
  }
}
