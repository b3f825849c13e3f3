// The one window factory: locked-down webPreferences, denied window.open (https goes to the browser),
// blocked navigation and webviews. A fake BrowserWindow class records what it was given.
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import { createWindowFactory } from '../../src-main/electron/window-factory.js';

class FakeWebContents extends EventEmitter {
  openHandler: ((d: { url: string }) => { action: string }) | null = null;
  setWindowOpenHandler(h: (d: { url: string }) => { action: string }) {
    this.openHandler = h;
  }
}
class FakeWindow {
  static made: FakeWindow[] = [];
  isDestroyed() {
    return false;
  }
  webContents = new FakeWebContents();
  constructor(readonly options: BrowserWindowConstructorOptions) {
    FakeWindow.made.push(this);
  }
}

function make() {
  const opened: string[] = [];
  const loaded: string[] = [];
  const gone: string[] = [];
  let clock = 0;
  const factory = createWindowFactory({
    now: () => clock,
    onRendererGone: (view, reason, reloading) => gone.push(`${view}:${reason}:${reloading}`),
    BrowserWindow: FakeWindow as unknown as new (o: BrowserWindowConstructorOptions) => BrowserWindow,
    shell: {
      openExternal: async (u: string) => {
        opened.push(u);
      },
    },
    preloadPath: '/app/dist/preload/preload.cjs',
    load: async (_w, view) => {
      loaded.push(view);
    },
  });
  const win = factory('overlay', { width: 10, height: 10, show: true, webPreferences: { nodeIntegration: true } }) as unknown as FakeWindow;
  return {
    win,
    opened,
    loaded,
    gone,
    tick: (ms: number) => {
      clock += ms;
    },
  };
}

describe('createWindowFactory', () => {
  it('forces the secure webPreferences and starts hidden, whatever the caller asked', () => {
    const { win, loaded } = make();
    expect(win.options.show).toBe(false);
    expect(win.options.webPreferences).toMatchObject({
      preload: '/app/dist/preload/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
      nodeIntegrationInSubFrames: false,
    });
    expect(loaded).toEqual(['overlay']);
  });

  it('denies every window.open and sends only https links to the browser', () => {
    const { win, opened } = make();
    for (const url of ['https://wiki.archlinux.org/', 'http://example.com', 'file:///etc/passwd', 'javascript:alert(1)']) {
      expect(win.webContents.openHandler?.({ url })).toEqual({ action: 'deny' });
    }
    expect(opened).toEqual(['https://wiki.archlinux.org/']);
  });

  it('blocks navigation, redirects and webviews', () => {
    const { win } = make();
    for (const ev of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      let prevented = false;
      win.webContents.emit(
        ev,
        {
          preventDefault: () => {
            prevented = true;
          },
        },
        'https://evil.example',
      );
      expect(prevented, ev).toBe(true);
    }
  });

  it('reloads a crashed renderer, a few times a minute at most, and not after a clean exit', () => {
    const { win, loaded, gone, tick } = make();
    win.webContents.emit('render-process-gone', {}, { reason: 'clean-exit' });
    expect(loaded).toEqual(['overlay']);
    for (let i = 0; i < 5; i++) win.webContents.emit('render-process-gone', {}, { reason: 'crashed' });
    expect(loaded).toEqual(['overlay', 'overlay', 'overlay', 'overlay']);
    expect(gone.filter((g) => g.endsWith(':false'))).toHaveLength(2);
    tick(61_000);
    win.webContents.emit('render-process-gone', {}, { reason: 'oom' });
    expect(loaded).toHaveLength(5);
  });
});
