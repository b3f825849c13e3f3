// Session hardening: every permission request is denied and nothing but our own page (file:// in the
// build, the dev server in dev) and devtools is ever loaded; the renderer never reaches the network.
import type { Session } from 'electron';

export function isAllowedRequestUrl(url: string, devServerOrigin: string | null): boolean {
  let u: URL;
  try { u = new URL(url); } catch { return false; }
  if (u.protocol === 'file:' || u.protocol === 'devtools:' || u.protocol === 'data:' || u.protocol === 'blob:') return true;
  if (devServerOrigin) {
    try {
      const dev = new URL(devServerOrigin);
      if (u.origin === dev.origin) return true;
      if ((u.protocol === 'ws:' && u.host === dev.host)) return true; // vite HMR
    } catch { return false; }
  }
  return false;
}

export function hardenSession(session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'webRequest'>, devServerOrigin: string | null): void {
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
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
