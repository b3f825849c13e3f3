// The quick-ask overlay: frameless, created hidden at startup so the hotkey shows it at once; Esc or
// losing focus hides it (per setting); it asks the core to preload the local model each time it opens.
import type { BrowserWindow } from 'electron';
import type { AppCommand } from '../ipc/channels.js';
import type { WindowFactory } from './window-factory.js';

export interface OverlayDeps {
  factory: WindowFactory;
  hideOnBlur: () => boolean;
  /** Preloads the local model; must never throw (harmless when Ollama is down). */
  warmUp: () => void;
  send: (cmd: AppCommand) => void;
  /** True while the app is quitting: then closing really closes (a prevented close would cancel app.quit()). */
  quitting: () => boolean;
}

/**
 * Only options Linux honours. Electron documents skipTaskbar, minimizable, movable, maximizable and closable
 * as macOS/Windows only, so they are left out rather than pretended. On Linux the overlay stays out of the
 * way by being frameless, always on top (X11; Wayland compositors decide) and hidden when not in use.
 * 260 px high at least: the composer, a few lines of answer and the action row fit (also at 200 % zoom
 * the CSS switches to its compact layout below 360 px).
 */
export const OVERLAY_OPTIONS = {
  width: 720,
  height: 460,
  minWidth: 360,
  minHeight: 260,
  frame: false,
  resizable: true,
  alwaysOnTop: true,
  fullscreenable: false,
  center: true,
  title: 'KOOMPI Assistant',
  backgroundColor: '#00000000',
  transparent: false,
} as const;

export interface Overlay {
  window: BrowserWindow;
  show(): void;
  hide(): void;
  toggle(): void;
  ask(question: string): void;
  isVisible(): boolean;
}

export function createOverlay(deps: OverlayDeps): Overlay {
  const win = deps.factory('overlay', OVERLAY_OPTIONS);
  win.on('close', (e) => {
    if (!deps.quitting()) {
      e.preventDefault();
      win.hide();
    }
  });
  win.on('blur', () => {
    if (deps.hideOnBlur() && win.isVisible()) win.hide();
  });
  win.webContents.on('before-input-event', (event, input) => {
    if (input.type === 'keyDown' && input.key === 'Escape' && !input.alt && !input.control && !input.meta && !input.shift) {
      event.preventDefault();
      win.hide();
    }
  });

  const show = () => {
    if (win.isDestroyed()) return;
    win.center();
    win.show();
    win.focus();
    deps.warmUp();
    deps.send({ type: 'focus-input' });
  };
  return {
    window: win,
    show,
    hide: () => {
      if (!win.isDestroyed()) win.hide();
    },
    // Visible is enough: on Wayland a window shown for another process (the KDE shortcut's `--toggle`)
    // may never get focus, and "hide only when focused" would leave the hotkey unable to dismiss it.
    toggle: () => (win.isVisible() ? win.hide() : show()),
    ask: (question) => {
      show();
      deps.send({ type: 'ask', question });
    },
    isVisible: () => !win.isDestroyed() && win.isVisible(),
  };
}
