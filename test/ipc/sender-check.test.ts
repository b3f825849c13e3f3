// Only our own windows showing our own page (app://koompi, or the dev server in dev), from their main
// frame, may call the main process.
import { describe, expect, it } from 'vitest';
import { isTrustedSender } from '../../src-main/ipc/sender-check.js';

const policy = { ownWebContentsIds: () => [3, 7], appOrigin: 'app://koompi', devServerOrigin: null };
const main = { isMainFrame: true };

describe('isTrustedSender', () => {
  it('accepts our window showing our page', () => {
    expect(isTrustedSender({ ...main, webContentsId: 3, frameUrl: 'app://koompi/index.html?view=overlay' }, policy)).toBe(true);
  });
  it.each([
    ['a foreign webContents', { ...main, webContentsId: 99, frameUrl: 'app://koompi/index.html' }],
    ['a sub-frame of our window', { isMainFrame: false, webContentsId: 3, frameUrl: 'app://koompi/index.html' }],
    ['a remote page in our window', { ...main, webContentsId: 3, frameUrl: 'https://evil.example/index.html' }],
    ['a local file', { ...main, webContentsId: 3, frameUrl: 'file:///usr/lib/koompi-assistant/dist/renderer/index.html' }],
    ['another app:// host', { ...main, webContentsId: 7, frameUrl: 'app://evil/index.html' }],
    ['a gone frame', { ...main, webContentsId: 3, frameUrl: null }],
    ['the dev server when not in dev mode', { ...main, webContentsId: 3, frameUrl: 'http://localhost:5173/' }],
  ])('refuses %s', (_n, sender) => {
    expect(isTrustedSender(sender, policy)).toBe(false);
  });
  it('accepts the dev server origin only in dev mode, and only that origin', () => {
    const dev = { ...policy, devServerOrigin: 'http://localhost:5173' };
    expect(isTrustedSender({ ...main, webContentsId: 3, frameUrl: 'http://localhost:5173/index.html' }, dev)).toBe(true);
    expect(isTrustedSender({ ...main, webContentsId: 3, frameUrl: 'http://localhost:5174/index.html' }, dev)).toBe(false);
  });
});
