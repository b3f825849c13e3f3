// The one place windows are made: every window gets the same locked-down webPreferences, denied
// window.open (https links go to the browser), blocked navigation and no <webview>.
import type { BrowserWindow, BrowserWindowConstructorOptions, Shell } from 'electron';

export interface WindowFactoryDeps {
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => BrowserWindow;
  shell: Pick<Shell, 'openExternal'>;
  preloadPath: string;
  /** Loads our page into a window for a view ('overlay' | 'window'). */
  load: (win: BrowserWindow, view: 'overlay' | 'window') => Promise<void>;
  /** Told about every new window (the IPC emitter tracks its webContents). */
  onCreated?: (win: BrowserWindow) => void;
}

export type WindowFactory = (view: 'overlay' | 'window', options: BrowserWindowConstructorOptions) => BrowserWindow;

export function secureWebPreferences(preloadPath: string): NonNullable<BrowserWindowConstructorOptions['webPreferences']> {
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
  try { return new URL(url).protocol === 'https:'; } catch { return false; }
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
    deps.onCreated?.(win);
    void deps.load(win, view).catch((err: unknown) => console.error(`[window] could not load the ${view} page: ${(err as Error).message}`));
    return win;
  };
}
