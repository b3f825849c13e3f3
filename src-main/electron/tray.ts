// The tray icon (StatusNotifierItem, hosted by Plasma): state icons (ready / thinking / offline) and the
// menu: Ask…, Open chat, the local model and its status, Settings, Quit. A click opens the quick-ask.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Menu, MenuItemConstructorOptions, NativeImage, Tray } from 'electron';

export type TrayState = 'ready' | 'thinking' | 'offline';

export interface TrayDeps {
  Tray: new (image: NativeImage | string) => Tray;
  Menu: { buildFromTemplate(template: MenuItemConstructorOptions[]): Menu };
  createImage: (path: string) => NativeImage;
  assetsDir: string;
  /** True when the panel is dark (then the light-on-dark icons are used). */
  darkPanel: () => boolean;
  actions: { ask(): void; openChat(): void; openSettings(): void; quit(): void };
}

export interface TrayHandle {
  setState(state: TrayState): void;
  setModel(model: string | null, status: string): void;
  destroy(): void;
}

/** Icon file for a state, trying H6's layout first, then flat names, then the app icon; null if none. */
export function trayIconPath(assetsDir: string, state: TrayState, dark: boolean, exists: (p: string) => boolean = existsSync): string | null {
  const shade = dark ? 'dark' : 'light';
  const candidates = [
    join(assetsDir, 'icons/tray', `${shade}-panel`, `koompi-assistant-tray-${state}.png`),
    join(assetsDir, 'tray', `koompi-assistant-tray-${state}-${shade}.png`),
    join(assetsDir, 'icons/tray', `${shade}-panel`, 'koompi-assistant-tray-ready.png'),
    join(assetsDir, 'icons/hicolor/24x24/apps/koompi-assistant.png'),
  ];
  return candidates.find((p) => exists(p)) ?? null;
}

export function createTray(deps: TrayDeps): TrayHandle {
  let state: TrayState = 'ready';
  let model: { name: string | null; status: string } = { name: null, status: 'checking…' };
  const image = (s: TrayState) => {
    const p = trayIconPath(deps.assetsDir, s, deps.darkPanel());
    return p ? deps.createImage(p) : deps.createImage(''); // an empty image still registers the item
  };
  const tray = new deps.Tray(image(state));
  const tooltip = () => `KOOMPI Assistant: ${state === 'offline' ? 'local model offline' : state}`;
  const rebuild = () => {
    // Linux needs setContextMenu: StatusNotifierItem hosts show only the menu, not click handlers, on some panels.
    tray.setContextMenu(deps.Menu.buildFromTemplate([
      { label: 'Ask…', click: deps.actions.ask },
      { label: 'Open chat', click: deps.actions.openChat },
      { type: 'separator' },
      { label: `Local model: ${model.name ?? 'none'} (${model.status})`, enabled: false },
      { type: 'separator' },
      { label: 'Settings', click: deps.actions.openSettings },
      { label: 'Quit', click: deps.actions.quit },
    ]));
    tray.setToolTip(tooltip());
  };
  tray.on('click', () => deps.actions.ask());
  rebuild();
  return {
    setState(s) {
      if (s === state) return;
      state = s;
      tray.setImage(image(s));
      tray.setToolTip(tooltip());
    },
    setModel(name, status) {
      if (name === model.name && status === model.status) return; // checked every minute: a new menu would close an open one
      model = { name, status };
      rebuild();
    },
    destroy: () => tray.destroy(),
  };
}
