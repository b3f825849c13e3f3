// Session hardening: only our app:// origin (and the loopback dev server in dev) loads; the only permission
// is clipboard writing for our own origin; the menu has no reload/devtools/quit in the installed app; the
// app:// handler serves files from the renderer directory only.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hardenSession, isAllowedRequestUrl, isPermissionGranted, loopbackOrigin, RENDERER_CSP } from '../../src-main/electron/security.js';
import { appPageUrl, handleAppScheme, resolveAppFile } from '../../src-main/electron/app-protocol.js';
import { appMenuTemplate } from '../../src-main/electron/app-menu.js';

describe('security', () => {
  it('lets only our own origin load, not other files or the network', () => {
    expect(isAllowedRequestUrl('app://koompi/index.html?view=overlay', null)).toBe(true);
    expect(isAllowedRequestUrl('app://koompi/assets/index-abc.js', null)).toBe(true);
    expect(isAllowedRequestUrl('data:image/png;base64,AAAA', null)).toBe(true);
    for (const url of [
      'file:///usr/lib/koompi-assistant/app.asar/dist/renderer/index.html',
      'file:///etc/passwd',
      'app://other/x.js',
      'https://cdn.example.com/x.js',
      'http://127.0.0.1:11434/api/tags',
      'ws://localhost:5173/',
      'blob:app://koompi/1',
      'not a url',
    ]) {
      expect(isAllowedRequestUrl(url, null), url).toBe(false);
    }
    expect(isAllowedRequestUrl('http://localhost:5173/src/main.tsx', 'http://localhost:5173')).toBe(true);
    expect(isAllowedRequestUrl('ws://localhost:5173/', 'http://localhost:5173')).toBe(true);
    expect(isAllowedRequestUrl('http://localhost:11434/api/chat', 'http://localhost:5173')).toBe(false);
  });

  it('accepts a dev server only on loopback', () => {
    expect(loopbackOrigin('http://localhost:5173/')).toBe('http://localhost:5173');
    expect(loopbackOrigin('http://127.0.0.1:5173')).toBe('http://127.0.0.1:5173');
    expect(loopbackOrigin('https://evil.example:5173')).toBeNull();
    expect(loopbackOrigin('http://192.168.1.2:5173')).toBeNull();
    expect(loopbackOrigin(undefined)).toBeNull();
  });

  it('grants clipboard writing to our page only, and nothing else', () => {
    expect(isPermissionGranted('clipboard-sanitized-write', 'app://koompi/index.html', null)).toBe(true);
    expect(isPermissionGranted('clipboard-sanitized-write', 'https://evil.example/', null)).toBe(false);
    expect(isPermissionGranted('clipboard-read', 'app://koompi/index.html', null)).toBe(false);
    for (const p of ['media', 'geolocation', 'notifications', 'openExternal'])
      expect(isPermissionGranted(p, 'app://koompi/', null)).toBe(false);

    const got: { media?: boolean; clip?: boolean; check?: (wc: unknown, p: string, o: string) => boolean; cancel?: boolean } = {};
    hardenSession(
      {
        setPermissionRequestHandler: (h: (wc: unknown, p: string, cb: (ok: boolean) => void, d: { requestingUrl: string }) => void) => {
          h(
            null,
            'media',
            (ok) => {
              got.media = ok;
            },
            { requestingUrl: 'app://koompi/index.html' },
          );
          h(
            null,
            'clipboard-sanitized-write',
            (ok) => {
              got.clip = ok;
            },
            { requestingUrl: 'app://koompi/index.html' },
          );
        },
        setPermissionCheckHandler: (h: (wc: unknown, p: string, o: string) => boolean) => {
          got.check = h;
        },
        webRequest: {
          onBeforeRequest: (h: (d: { url: string }, cb: (r: { cancel: boolean }) => void) => void) =>
            h({ url: 'https://x.example/' }, (r) => {
              got.cancel = r.cancel;
            }),
        },
      } as never,
      null,
    );
    expect(got.media).toBe(false);
    expect(got.clip).toBe(true);
    expect(got.check?.(null, 'clipboard-sanitized-write', 'app://koompi')).toBe(true);
    expect(got.check?.(null, 'media', 'app://koompi')).toBe(false);
    expect(got.cancel).toBe(true);
  });

  it('has a CSP that allows nothing by default and no inline code', () => {
    expect(RENDERER_CSP).toMatch(/^default-src 'none';/);
    expect(RENDERER_CSP).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
  });
});

describe('app:// scheme', () => {
  const dir = '/usr/lib/koompi-assistant/dist/renderer';
  it('maps our URLs to files inside the renderer directory only', () => {
    expect(appPageUrl('overlay')).toBe('app://koompi/index.html?view=overlay');
    expect(resolveAppFile('app://koompi/index.html?view=window', dir)).toBe(`${dir}/index.html`);
    expect(resolveAppFile('app://koompi/', dir)).toBe(`${dir}/index.html`);
    expect(resolveAppFile('app://koompi/assets/a.js', dir)).toBe(`${dir}/assets/a.js`);
    for (const url of [
      'app://koompi/../../../etc/passwd',
      'app://koompi/%2e%2e/%2e%2e/etc/passwd',
      'app://koompi/a%00.js',
      'app://other/index.html',
      'file:///etc/passwd',
      'app://koompi/%E0%A4%A',
    ]) {
      const f = resolveAppFile(url, dir);
      expect(f === null || f.startsWith(dir + '/'), url).toBe(true);
    }
    // The URL parser resolves dot segments at the root, so a traversal stays inside the directory.
    expect(resolveAppFile('app://koompi/%2e%2e/%2e%2e/etc/passwd', dir)).toBe(`${dir}/etc/passwd`);
    expect(resolveAppFile('app://other/index.html', dir)).toBeNull();
  });

  it('serves a real file with its type and the CSP header, and 404 for anything else', async () => {
    const root = mkdtempSync(join(tmpdir(), 'koompi-app-scheme-'));
    try {
      mkdirSync(join(root, 'assets'));
      writeFileSync(join(root, 'index.html'), '<!doctype html>');
      writeFileSync(join(root, 'assets/a.js'), 'export {}');
      let handler: ((r: Request) => Promise<Response>) | null = null;
      handleAppScheme(
        {
          handle: (_s: string, h: (r: Request) => Promise<Response>) => {
            handler = h;
          },
        } as never,
        root,
      );
      const page = await handler!(new Request('app://koompi/index.html?view=overlay'));
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
      expect(page.headers.get('content-security-policy')).toBe(RENDERER_CSP);
      expect(await page.text()).toBe('<!doctype html>');
      expect((await handler!(new Request('app://koompi/assets/a.js'))).headers.get('content-type')).toMatch(/^text\/javascript/);
      expect((await handler!(new Request('app://koompi/missing.js'))).status).toBe(404);
      expect((await handler!(new Request('app://koompi/%2e%2e/%2e%2e/etc/passwd'))).status).toBe(404);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('application menu', () => {
  const flat = (items: ReturnType<typeof appMenuTemplate>): { role?: string; accelerator?: string }[] =>
    items.flatMap((i) => [i as { role?: string; accelerator?: string }, ...(Array.isArray(i.submenu) ? flat(i.submenu) : [])]);
  it('has no reload, DevTools or quit in the installed app', () => {
    const roles = flat(appMenuTemplate(false))
      .map((i) => i.role)
      .filter(Boolean);
    expect(roles).toEqual(expect.arrayContaining(['copy', 'paste', 'selectAll']));
    for (const r of ['reload', 'forceReload', 'toggleDevTools', 'quit', 'close']) expect(roles).not.toContain(r);
    expect(flat(appMenuTemplate(false)).some((i) => i.accelerator)).toBe(false);
  });
  it('keeps reload and DevTools for development', () => {
    expect(flat(appMenuTemplate(true)).map((i) => i.role)).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
  });
});
