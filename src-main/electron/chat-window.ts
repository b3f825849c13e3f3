// The full chat window: made on first use from the shared factory, reused afterwards (closing hides it).
import type { BrowserWindow } from 'electron';
import type { AppCommand } from '../ipc/channels.js';
import type { WindowFactory } from './window-factory.js';

export interface ChatWindowDeps {
  factory: WindowFactory;
  send: (win: BrowserWindow, cmd: AppCommand) => void;
  /** True while the app is quitting: then closing really closes. */
  quitting: () => boolean;
}

export interface ChatWindow {
  open(cmd?: AppCommand): BrowserWindow;
  current(): BrowserWindow | null;
}

export function createChatWindow(deps: ChatWindowDeps): ChatWindow {
  let win: BrowserWindow | null = null;
  const make = (): BrowserWindow => {
    const w = deps.factory('window', {
      width: 1000,
      height: 720,
      minWidth: 560,
      minHeight: 420,
      title: 'KOOMPI Assistant',
      autoHideMenuBar: true,
    });
    w.once('ready-to-show', () => w.show());
    w.on('close', (e) => {
      if (!deps.quitting()) {
        e.preventDefault();
        w.hide();
      }
    });
    w.on('closed', () => {
      win = null;
    });
    return w;
  };
  return {
    open(cmd) {
      const fresh = !win || win.isDestroyed();
      const w = fresh ? (win = make()) : (win as BrowserWindow);
      if (!fresh) {
        if (w.isMinimized()) w.restore();
        w.show();
        w.focus();
      } // show() alone leaves a minimized window down
      if (cmd) deps.send(w, cmd);
      return w;
    },
    current: () => (win && !win.isDestroyed() ? win : null),
  };
}
