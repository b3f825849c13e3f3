// The quick-ask overlay: frameless, created hidden at startup so the hotkey shows it at once; Esc or
// losing focus hides it (per setting); it asks the core to preload the local model each time it opens.
import type { BrowserWindow } from 'electron';
import type { AppCommand } from '../ipc/contract.js';
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

export interface Overlay {
  window: BrowserWindow;
  show(): void;
  hide(): void;
  toggle(): void;
  ask(question: string): void;
  isVisible(): boolean;
}

export function createOverlay(deps: OverlayDeps): Overlay {
  const win = deps.factory('overlay', {
    width: 720, height: 460, minWidth: 420, minHeight: 200,
    frame: false, resizable: true, movable: true, skipTaskbar: true, alwaysOnTop: true,
    fullscreenable: false, minimizable: false, maximizable: false, center: true,
    title: 'KOOMPI Assistant', backgroundColor: '#00000000', transparent: false,
  });
  win.on('close', (e) => { if (!deps.quitting()) { e.preventDefault(); win.hide(); } });
  win.on('blur', () => { if (deps.hideOnBlur() && win.isVisible()) win.hide(); });
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
    hide: () => { if (!win.isDestroyed()) win.hide(); },
    // Visible is enough: on Wayland a window shown for another process (the KDE shortcut's `--toggle`)
    // may never get focus, and "hide only when focused" would leave the hotkey unable to dismiss it.
    toggle: () => (win.isVisible() ? win.hide() : show()),
    ask: (question) => { show(); deps.send({ type: 'ask', question }); },
    isVisible: () => !win.isDestroyed() && win.isVisible(),
  };
}
