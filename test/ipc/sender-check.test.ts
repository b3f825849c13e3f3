// Only our own windows showing our own page may call the main process.
import { describe, expect, it } from 'vitest';
import { isTrustedSender } from '../../src-main/ipc/sender-check.js';

const policy = { ownWebContentsIds: () => [3, 7], rendererDir: '/usr/lib/koompi-assistant/dist/renderer', devServerOrigin: null };

describe('isTrustedSender', () => {
  it('accepts our window showing our page', () => {
    expect(isTrustedSender({ webContentsId: 3, frameUrl: 'file:///usr/lib/koompi-assistant/dist/renderer/index.html#overlay' }, policy)).toBe(true);
  });
  it.each([
    ['a foreign webContents', { webContentsId: 99, frameUrl: 'file:///usr/lib/koompi-assistant/dist/renderer/index.html' }],
    ['a remote page in our window', { webContentsId: 3, frameUrl: 'https://evil.example/index.html' }],
    ['another local file', { webContentsId: 3, frameUrl: 'file:///home/user/Downloads/evil.html' }],
    ['a traversal out of the renderer dir', { webContentsId: 7, frameUrl: 'file:///usr/lib/koompi-assistant/dist/renderer/../../../../home/u/x.html' }],
    ['an encoded traversal', { webContentsId: 7, frameUrl: 'file:///usr/lib/koompi-assistant/dist/renderer/%2e%2e/x.html' }],
    ['a gone frame', { webContentsId: 3, frameUrl: null }],
    ['the dev server when not in dev mode', { webContentsId: 3, frameUrl: 'http://localhost:5173/' }],
  ])('refuses %s', (_n, sender) => {
    expect(isTrustedSender(sender, policy)).toBe(false);
  });
  it('accepts the dev server origin only in dev mode, and only that origin', () => {
    const dev = { ...policy, devServerOrigin: 'http://localhost:5173' };
    expect(isTrustedSender({ webContentsId: 3, frameUrl: 'http://localhost:5173/index.html' }, dev)).toBe(true);
    expect(isTrustedSender({ webContentsId: 3, frameUrl: 'http://localhost:5174/index.html' }, dev)).toBe(false);
  });
});
