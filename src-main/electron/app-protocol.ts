// The app:// scheme that serves the built renderer (dist/renderer) instead of file://: a standard, secure
// origin of its own (so the `grantFileProtocolExtraPrivileges` fuse can be off), only files under the
// renderer directory, with the right type and the page's CSP as a header.
import { readFile } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import type { Protocol } from 'electron';
import { APP_ORIGIN, APP_SCHEME, originOf, RENDERER_CSP } from './security.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

/** Before app ready: app:// is standard (relative URLs, an origin), secure (like https), with V8 code cache (a faster second start). Same-origin ES modules need no CORS. */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

/** The page for a view. */
export function appPageUrl(view: 'overlay' | 'window'): string {
  return `${APP_ORIGIN}/index.html?view=${view}`;
}

/** The file an app:// URL names inside the renderer directory, or null (other host, escape, bad URL). */
export function resolveAppFile(url: string, rendererDir: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== `${APP_SCHEME}:` || originOf(url) !== APP_ORIGIN) return null;
  let path: string;
  try {
    path = decodeURIComponent(u.pathname);
  } catch {
    return null;
  }
  if (path.includes('\0')) return null;
  const root = resolve(rendererDir);
  const file = resolve(join(root, path === '/' ? 'index.html' : path));
  return file.startsWith(root + sep) ? file : null;
}

/** After app ready: answers app:// requests from the renderer directory. */
export function handleAppScheme(protocol: Pick<Protocol, 'handle'>, rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppFile(request.url, rendererDir);
    if (!file) return new Response('Not found', { status: 404 });
    try {
      const body = await readFile(file);
      const type = TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
      return new Response(body, {
        status: 200,
        headers: { 'content-type': type, 'content-security-policy': RENDERER_CSP, 'x-content-type-options': 'nosniff' },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}
