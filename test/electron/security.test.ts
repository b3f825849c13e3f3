// Session hardening: only our page (file://, the loopback dev server) loads; permissions are denied.
import { describe, expect, it } from 'vitest';
import { hardenSession, isAllowedRequestUrl, loopbackOrigin } from '../../src-main/electron/security.js';

describe('security', () => {
  it('lets only local resources load', () => {
    expect(isAllowedRequestUrl('file:///usr/lib/koompi-assistant/app.asar/dist/renderer/index.html', null)).toBe(true);
    expect(isAllowedRequestUrl('data:image/png;base64,AAAA', null)).toBe(true);
    for (const url of ['https://cdn.example.com/x.js', 'http://127.0.0.1:11434/api/tags', 'ws://localhost:5173/', 'not a url']) {
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

  it('denies every permission request and check', () => {
    const got: { perm?: boolean; check?: () => boolean; cancel?: boolean } = {};
    hardenSession({
      setPermissionRequestHandler: (h: (wc: unknown, p: string, cb: (ok: boolean) => void) => void) => h(null, 'media', (ok) => { got.perm = ok; }),
      setPermissionCheckHandler: (h: () => boolean) => { got.check = h; },
      webRequest: { onBeforeRequest: (h: (d: { url: string }, cb: (r: { cancel: boolean }) => void) => void) => h({ url: 'https://x.example/' }, (r) => { got.cancel = r.cancel; }) },
    } as never, null);
    expect(got.perm).toBe(false);
    expect(got.check?.()).toBe(false);
    expect(got.cancel).toBe(true);
  });
});
