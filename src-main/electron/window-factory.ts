// The one place windows are made: every window gets the same locked-down webPreferences, denied
// window.open (https links go to the browser), blocked navigation and no <webview>; a crashed or killed
// renderer is reloaded (a blank overlay looks like a dead app), a few times a minute at most.
import type { BrowserWindow, BrowserWindowConstructorOptions, Shell } from 'electron';

export interface WindowFactoryDeps {
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => BrowserWindow;
  shell: Pick<Shell, 'openExternal'>;
  preloadPath: string;
  /** Loads our page into a window for a view ('overlay' | 'window'). */
  load: (win: BrowserWindow, view: 'overlay' | 'window') => Promise<void>;
  /** Told about every new window (the IPC emitter tracks its webContents). */
  onCreated?: (win: BrowserWindow) => void;
  /** Told when a renderer is gone and whether it is being reloaded (for the log). */
  onRendererGone?: (view: 'overlay' | 'window', reason: string, reloading: boolean) => void;
  now?: () => number;
}

/** Reloads after a renderer crash at most this often per minute; past it the window stays as it is. */
const MAX_RELOADS_PER_MINUTE = 3;

export type WindowFactory = (view: 'overlay' | 'window', options: BrowserWindowConstructorOptions) => BrowserWindow;

function secureWebPreferences(preloadPath: string): NonNullable<BrowserWindowConstructorOptions['webPreferences']> {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
  };
}

export function isHttpsUrl(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}

export function createWindowFactory(deps: WindowFactoryDeps): WindowFactory {
  return (view, options) => {
    const win = new deps.BrowserWindow({ ...options, show: false, webPreferences: secureWebPreferences(deps.preloadPath) });
    const wc = win.webContents;
    wc.setWindowOpenHandler(({ url }) => {
      if (isHttpsUrl(url)) void deps.shell.openExternal(url);
      return { action: 'deny' };
    });
    wc.on('will-navigate', (event) => event.preventDefault());
    wc.on('will-redirect', (event) => event.preventDefault());
    wc.on('will-attach-webview', (event) => event.preventDefault());
    const now = deps.now ?? Date.now;
    let reloads: number[] = [];
    wc.on('render-process-gone', (_event, details: { reason: string }) => {
      if (details.reason === 'clean-exit' || win.isDestroyed()) return;
      const t = now();
      reloads = reloads.filter((at) => t - at < 60_000);
      const reloading = reloads.length < MAX_RELOADS_PER_MINUTE;
      deps.onRendererGone?.(view, details.reason, reloading);
      if (!reloading) return;
      reloads.push(t);
      void deps
        .load(win, view)
        .catch((err: unknown) => console.error(`[window] could not reload the ${view} page: ${(err as Error).message}`));
    });
    deps.onCreated?.(win);
    void deps.load(win, view).catch((err: unknown) => console.error(`[window] could not load the ${view} page: ${(err as Error).message}`));
    return win;
  };
}
