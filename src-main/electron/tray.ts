// The tray icon (StatusNotifierItem, hosted by Plasma): state icons (ready / thinking / offline) and the
// menu: Ask…, Open chat, the local model and its status, Settings, Quit. A click opens the quick-ask. The
// light/dark variant follows the panel when the theme changes (refresh), and the item can be registered
// again when Plasma's tray host comes up after us (reRegister).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Menu, MenuItemConstructorOptions, NativeImage, Tray } from 'electron';

export type TrayState = 'ready' | 'thinking' | 'offline';
export type TrayLang = 'en' | 'km';
/** The local model's state as the menu says it. */
export type ModelStatus = 'checking' | 'ready' | 'offline';

/** Every word the tray shows, in English and Khmer. */
const TEXT: Record<
  TrayLang,
  {
    ask: string;
    open: string;
    model: (name: string, status: string) => string;
    none: string;
    automatic: string;
    status: Record<ModelStatus, string>;
    settings: string;
    quit: string;
    tip: Record<TrayState, string>;
  }
> = {
  en: {
    ask: 'Ask…',
    open: 'Open chat',
    model: (n, st) => `Local model: ${n} (${st})`,
    none: 'none',
    automatic: 'automatic',
    settings: 'Settings',
    quit: 'Quit',
    status: { checking: 'checking…', ready: 'ready', offline: 'Ollama not running' },
    tip: { ready: 'KOOMPI Assistant: ready', thinking: 'KOOMPI Assistant: thinking', offline: 'KOOMPI Assistant: local model offline' },
  },
  km: {
    ask: 'សួរ…',
    open: 'បើកការជជែក',
    model: (n, st) => `ម៉ូដែលក្នុងម៉ាស៊ីន៖ ${n} (${st})`,
    none: 'គ្មាន',
    automatic: 'ស្វ័យប្រវត្តិ',
    settings: 'ការកំណត់',
    quit: 'ចាកចេញ',
    status: { checking: 'កំពុងពិនិត្យ…', ready: 'រួចរាល់', offline: 'Ollama មិនដំណើរការ' },
    tip: { ready: 'ជំនួយការ KOOMPI៖ រួចរាល់', thinking: 'ជំនួយការ KOOMPI៖ កំពុងគិត', offline: 'ជំនួយការ KOOMPI៖ ម៉ូដែលក្នុងម៉ាស៊ីនមិនដំណើរការ' },
  },
};

export interface TrayDeps {
  Tray: new (image: NativeImage | string) => Tray;
  Menu: { buildFromTemplate(template: MenuItemConstructorOptions[]): Menu };
  createImage: (path: string) => NativeImage;
  assetsDir: string;
  /** True when the panel is dark (then the light-on-dark icons are used). */
  darkPanel: () => boolean;
  /** The UI language (the settings' language, resolved). */
  lang?: TrayLang;
  actions: { ask(): void; openChat(): void; openSettings(): void; quit(): void };
}

export interface TrayHandle {
  setState(state: TrayState): void;
  /** The local model (null: none; 'automatic' when the setting is automatic) and its state. */
  setModel(model: string | null, status: ModelStatus): void;
  setLanguage(lang: TrayLang): void;
  /** Picks the icon variant again (after a theme change). */
  refresh(): void;
  /** Drops the StatusNotifierItem and makes a new one (the host was not there when it was made). */
  reRegister(): void;
  destroy(): void;
}

/** Icon file for a state, trying H6's layout first, then flat names, then the app icon; null if none. */
export function trayIconPath(
  assetsDir: string,
  state: TrayState,
  dark: boolean,
  exists: (p: string) => boolean = existsSync,
): string | null {
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
  let model: { name: string | null; status: ModelStatus } = { name: null, status: 'checking' };
  const image = (s: TrayState) => {
    const p = trayIconPath(deps.assetsDir, s, deps.darkPanel());
    return p ? deps.createImage(p) : deps.createImage(''); // an empty image still registers the item
  };
  let shownDark = deps.darkPanel();
  let text = TEXT[deps.lang ?? 'en'];
  let tray = new deps.Tray(image(state));
  const tooltip = () => text.tip[state];
  const rebuild = () => {
    // Linux needs setContextMenu: StatusNotifierItem hosts show only the menu, not click handlers, on some panels.
    tray.setContextMenu(
      deps.Menu.buildFromTemplate([
        { label: text.ask, click: deps.actions.ask },
        { label: text.open, click: deps.actions.openChat },
        { type: 'separator' },
        {
          label: text.model(model.name === 'automatic' ? text.automatic : (model.name ?? text.none), text.status[model.status]),
          enabled: false,
        },
        { type: 'separator' },
        { label: text.settings, click: deps.actions.openSettings },
        { label: text.quit, click: deps.actions.quit },
      ]),
    );
    tray.setToolTip(tooltip());
  };
  const wire = () => {
    tray.on('click', () => deps.actions.ask());
    rebuild();
  };
  wire();
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
    setLanguage(lang) {
      if (TEXT[lang] === text) return;
      text = TEXT[lang];
      rebuild();
    },
    refresh() {
      const dark = deps.darkPanel();
      if (dark === shownDark) return;
      shownDark = dark;
      tray.setImage(image(state));
    },
    reRegister() {
      tray.destroy();
      shownDark = deps.darkPanel();
      tray = new deps.Tray(image(state));
      wire();
    },
    destroy: () => tray.destroy(),
  };
}
