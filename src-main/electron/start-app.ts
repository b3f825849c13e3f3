// The desktop app's start, in named phases (as VS Code's app.ts and Fiddle's onReady do it): every Electron
// module comes in as one argument, so the order and the wiring can be read, and traced under a stand-in.
//   1. claimInstance    (the lock itself is taken in main.ts) later launches (argv + activation token) queued
//   2. beforeReady      app:// scheme, Chromium features (both must precede ready)
//   3. secureSession    (ready) request filter, permissions, app:// handler, application menu
//   4. openCore         settings store, key store, the assistant service
//   5. wireIpc          the validating dispatcher behind ipcMain, with the sender check
//   6. createWindows    the hidden overlay (so the hotkey shows it at once) and the chat window on demand
//   7. createShell      tray, hotkey, D-Bus toggle service, settings effects, theme and tray-host watchers
//   8. runLaunches      the first launch's flags, then the queued ones; later ones run at once
import type * as Electron from 'electron';
import { join } from 'node:path';
import type { HotkeyStatus } from '../ipc/channels.js';
import { createDispatcher } from '../ipc/dispatch.js';
import { isTrustedSender } from '../ipc/sender-check.js';
import { resolveConfigDir } from '../core/settings/index.js';
import { createAssistantService, type AssistantService } from '../core/service/assistant-service.js';
import type { Emit } from '../core/service/ports.js';
import { actionFor, forwardedArgv, parseAppArgs, type LaunchAction } from './app-args.js';
import { createAppEffects } from './app-effects.js';
import { appMenuTemplate } from './app-menu.js';
import { appPageUrl, handleAppScheme, registerAppScheme } from './app-protocol.js';
import { setAutostart } from './autostart.js';
import { createChatWindow, type ChatWindow } from './chat-window.js';
import { createConfirmDialog } from './confirm-dialog.js';
import { startToggleService } from './dbus/toggle-service.js';
import { createHostHandlers } from './host-handlers.js';
import { createRendererEmitter, registerIpcHandlers, senderInfo, type RendererEmitter } from './ipc-main.js';
import { createAppKeyStore } from './key-store.js';
import { createNotifier } from './notifications.js';
import { createOverlay, type Overlay } from './overlay-window.js';
import { APP_ORIGIN, hardenSession, loopbackOrigin } from './security.js';
import { openSettingsStore } from './settings-store.js';
import { defaultAccelerator, kdeEntryInstalled, mergeEnableFeatures, registerHotkey, sessionKind } from './shortcuts.js';
import { createTray, type TrayHandle } from './tray.js';
import { createWindowFactory, type WindowFactory } from './window-factory.js';

/** The Electron modules the app uses: `import * as electron from 'electron'`, or a stand-in. */
export type ElectronApi = Pick<
  typeof Electron,
  | 'app'
  | 'BrowserWindow'
  | 'dialog'
  | 'globalShortcut'
  | 'ipcMain'
  | 'Menu'
  | 'nativeImage'
  | 'nativeTheme'
  | 'Notification'
  | 'protocol'
  | 'safeStorage'
  | 'session'
  | 'shell'
  | 'Tray'
>;

export interface AppPaths {
  /** dist/ of the built app (main/, preload/, renderer/). */
  distDir: string;
}

/** A launch forwarded by a second instance: its argv and the Wayland activation token it was started with. */
interface Forwarded {
  argv: string[];
  activationToken?: string;
}

export function startApp(electron: ElectronApi, env: NodeJS.ProcessEnv, paths: AppPaths): void {
  const { app } = electron;
  const devServer = app.isPackaged ? null : loopbackOrigin(env.KOOMPI_DEV_SERVER);
  const rendererDir = join(paths.distDir, 'renderer');
  const assetsDir = env.KOOMPI_ASSETS_DIR || join(app.getAppPath(), 'assets');

  // ---- 1. claimInstance ----------------------------------------------------------------------------------
  let launch: ((a: LaunchAction, token?: string) => void) | null = null;
  const early: { action: LaunchAction; token?: string }[] = [];
  let quitting = false;
  // The lock is held (main.ts took it before loading this file).
  app.on('second-instance', (_e, argv, _cwd, data) => {
    const token =
      typeof (data as Partial<Forwarded> | null)?.activationToken === 'string' ? (data as Forwarded).activationToken : undefined;
    const action = actionFor(parseAppArgs(forwardedArgv(argv, data)));
    if (launch) launch(action, token);
    else if (early.length < 10) early.push({ action, token });
  });
  // Set before windows close: a hidden window's prevented close would otherwise cancel the quit.
  app.on('before-quit', () => {
    quitting = true;
  });
  app.on('window-all-closed', () => {
    /* a tray app keeps running */
  });

  // ---- 2. beforeReady ------------------------------------------------------------------------------------
  registerAppScheme(electron.protocol);
  const kind = sessionKind(env, app.commandLine);
  // Chromium reads --enable-features once, so every feature goes into one switch.
  const features = mergeEnableFeatures(app.commandLine, kind === 'wayland' ? ['GlobalShortcutsPortal'] : [], env.KOOMPI_EXTRA_FEATURES);

  const start = async () => {
    await app.whenReady();
    secureSession(electron, rendererDir, devServer);
    const core = await openCore(electron, env, assetsDir);
    const emitter = createRendererEmitter();
    const factory = windowFactory(electron, paths, emitter, devServer);
    const windows = createWindows(factory, emitter, core, () => quitting);
    wireIpc(electron, core, windows, emitter, devServer);
    const shell = await createShell(electron, env, assetsDir, core, windows, features, kind);
    // ---- 8. runLaunches ----------------------------------------------------------------------------------
    const run = (a: LaunchAction, token?: string) => {
      if (token) shell.useActivationToken(token);
      if (a.kind === 'toggle') windows.overlay.toggle();
      else if (a.kind === 'ask') windows.overlay.ask(a.question);
      else if (a.kind === 'show') windows.chat.open();
    };
    run(actionFor(parseAppArgs(process.argv)));
    for (const e of early.splice(0)) run(e.action, e.token);
    launch = run;
    onQuit(electron, core.service, shell);
  };
  start().catch((err: unknown) => {
    electron.dialog.showErrorBox('KOOMPI Assistant could not start', (err as Error).message);
    app.exit(1);
  });
}

// ---- 3. secureSession --------------------------------------------------------------------------------------
function secureSession(electron: ElectronApi, rendererDir: string, devServer: string | null): void {
  hardenSession(electron.session.defaultSession, devServer);
  handleAppScheme(electron.protocol, rendererDir);
  electron.Menu.setApplicationMenu(electron.Menu.buildFromTemplate(appMenuTemplate(!electron.app.isPackaged)));
}

// ---- 4. openCore -------------------------------------------------------------------------------------------
interface Core {
  service: AssistantService;
  emit: Emit;
  keyStore: ReturnType<typeof createAppKeyStore>;
  /** Set once the hotkey is registered; the health check reads it. */
  hotkey: { status: HotkeyStatus };
  /** Receives every event the service emits (the shell's effects subscribe here). */
  listeners: Emit[];
  emitter: RendererEmitter | null;
  modals: { open: number };
  themeSource: 'system' | 'light' | 'dark';
  hideOnBlur: { value: boolean };
}

async function openCore(electron: ElectronApi, env: NodeJS.ProcessEnv, assetsDir: string): Promise<Core> {
  const { app, nativeTheme, safeStorage, dialog, BrowserWindow, Notification } = electron;
  const configDir = resolveConfigDir(env);
  const opened = await openSettingsStore(configDir, env);
  nativeTheme.themeSource = opened.settings.theme;
  const keyStore = createAppKeyStore(configDir, env, safeStorage);
  const moved = await keyStore.migrateLegacy().catch(() => null); // a key the safeStorage version kept
  if (moved) opened.notices.push(moved);
  const core: Core = {
    service: null as unknown as AssistantService,
    emit: (event, payload) => {
      for (const l of core.listeners) l(event, payload);
    },
    keyStore,
    hotkey: { status: { accelerator: opened.settings.hotkey, path: 'none', detail: 'Not registered yet.' } },
    listeners: [],
    emitter: null,
    modals: { open: 0 },
    themeSource: opened.settings.theme,
    hideOnBlur: { value: opened.settings.overlay.hideOnBlur },
  };
  const notify = createNotifier(
    Notification,
    () => BrowserWindow.getAllWindows().some((w) => w.isVisible()),
    join(assetsDir, 'icons/hicolor/128x128/apps/koompi-assistant.png'),
  );
  core.service = await createAssistantService({
    configDir,
    env,
    emit: core.emit,
    keyStore,
    notify,
    version: app.getVersion(),
    notices: opened.notices,
    // Native dialogs count as open modals: the overlay must not hide on the blur they cause.
    confirm: createConfirmDialog(
      dialog,
      () => BrowserWindow.getFocusedWindow(),
      (open) => {
        core.modals.open += open ? 1 : -1;
      },
    ),
    hotkeyStatus: () => core.hotkey.status,
    // Refresh the offline documentation index once the app has started (incremental; first time ~2 min).
    buildDocsAfterMs: 20_000,
  });
  return core;
}

function windowFactory(electron: ElectronApi, paths: AppPaths, emitter: RendererEmitter, devServer: string | null): WindowFactory {
  return createWindowFactory({
    BrowserWindow: electron.BrowserWindow,
    shell: electron.shell,
    preloadPath: join(paths.distDir, 'preload/preload.cjs'),
    load: (win, view) => win.loadURL(devServer ? `${devServer}/?view=${view}` : appPageUrl(view)),
    onCreated: (win) => {
      const wc = win.webContents;
      emitter.track(wc);
      wc.on('did-start-loading', () => emitter.setReady(wc.id, false));
      wc.once('destroyed', () => emitter.untrack(wc.id));
    },
    onRendererGone: (view, reason, reloading) =>
      console.error(
        `[window] the ${view} page's renderer is gone (${reason}); ${reloading ? 'reloading it' : 'too many crashes, left as it is'}`,
      ),
  });
}

// ---- 6. createWindows --------------------------------------------------------------------------------------
interface Windows {
  overlay: Overlay;
  chat: ChatWindow;
}

function createWindows(factory: WindowFactory, emitter: RendererEmitter, core: Core, quitting: () => boolean): Windows {
  core.emitter = emitter;
  core.listeners.push((event, payload) => emitter.emit(event, payload));
  const chat = createChatWindow({ factory, send: (w, cmd) => emitter.sendTo(w.webContents, 'app:command', cmd), quitting });
  const overlay: Overlay = createOverlay({
    factory,
    hideOnBlur: () => core.hideOnBlur.value && core.modals.open === 0,
    quitting,
    warmUp: () => {
      void core.service.warmUp().catch(() => undefined);
    },
    send: (cmd) => emitter.sendTo(overlay.window.webContents, 'app:command', cmd),
  });
  return { overlay, chat };
}

// ---- 5. wireIpc --------------------------------------------------------------------------------------------
function wireIpc(electron: ElectronApi, core: Core, windows: Windows, emitter: RendererEmitter, devServer: string | null): void {
  const dispatch = createDispatcher(
    {
      ...core.service.handlers,
      ...createHostHandlers({
        keyStore: core.keyStore,
        hideWindows: () => windows.overlay.hide(),
        openFull: (conversationId) => {
          windows.overlay.hide();
          windows.chat.open(conversationId ? { type: 'open-conversation', conversationId } : undefined);
        },
        openExternal: (url) => electron.shell.openExternal(url),
      }),
    },
    { onError: (channel, err) => console.error(`[ipc] ${channel}: ${err instanceof Error ? err.message : String(err)}`) },
  );
  registerIpcHandlers({
    ipcMain: electron.ipcMain,
    dispatch,
    isTrusted: (e) =>
      isTrustedSender(senderInfo(e), { ownWebContentsIds: () => emitter.ids(), appOrigin: APP_ORIGIN, devServerOrigin: devServer }),
    onReady: (e) => emitter.setReady(e.sender.id, true),
  });
}

// ---- 7. createShell ----------------------------------------------------------------------------------------
interface Shell {
  tray: TrayHandle;
  /** Lets the next window activation take focus on Wayland (a token from the hotkey's launch). */
  useActivationToken(token: string): void;
  stop(): void;
}

async function createShell(
  electron: ElectronApi,
  env: NodeJS.ProcessEnv,
  assetsDir: string,
  core: Core,
  windows: Windows,
  features: string,
  kind: 'wayland' | 'x11',
): Promise<Shell> {
  const { app, nativeTheme, globalShortcut } = electron;
  // The panel's shade is the desktop's, not our theme setting (which overrides shouldUseDarkColors): it is
  // read while our theme follows the system, and kept otherwise.
  let panelDark = nativeTheme.shouldUseDarkColors;
  const initial = await core.service.settings();
  const resolveLanguage = (l: 'auto' | 'en' | 'km'): 'en' | 'km' =>
    l !== 'auto' ? l : /^km/i.test(app.getLocale?.() ?? env.LANG ?? '') ? 'km' : 'en';
  const tray = createTray({
    lang: resolveLanguage(initial.language),
    Tray: electron.Tray,
    Menu: electron.Menu,
    createImage: (p) => electron.nativeImage.createFromPath(p),
    assetsDir,
    darkPanel: () => panelDark,
    actions: {
      ask: () => windows.overlay.show(),
      openChat: () => windows.chat.open(),
      openSettings: () => windows.chat.open({ type: 'show-view', view: 'settings' }),
      quit: () => app.quit(),
    },
  });
  nativeTheme.on('updated', () => {
    if (nativeTheme.themeSource === 'system') panelDark = nativeTheme.shouldUseDarkColors;
    tray.refresh();
  });

  const applyHotkey = (accelerator: string) => {
    core.hotkey.status = registerHotkey({
      globalShortcut,
      accelerator,
      session: kind,
      portalEnabled: features.split(',').includes('GlobalShortcutsPortal'),
      kdeEntry: { installed: kdeEntryInstalled(), accelerator: defaultAccelerator(assetsDir) },
      onToggle: () => windows.overlay.toggle(),
    });
  };
  const emitter = core.emitter;
  const effects = createAppEffects(
    {
      tray,
      applyHotkey,
      applyAutostart: (on) => setAutostart(on, env),
      applyTheme: (t) => {
        nativeTheme.themeSource = t;
      },
      applyOverlay: (hide) => {
        core.hideOnBlur.value = hide;
      },
      warn: (message) => emitter?.emit('notice', { level: 'warning', message }),
      resolveLanguage,
    },
    initial,
  );
  core.listeners.unshift((event, payload) => effects.onEvent(event, payload));
  applyHotkey(initial.hotkey);
  // The autostart entry follows the setting even if someone removed or edited the file meanwhile.
  void setAutostart(initial.autostart, env).catch((e: unknown) =>
    emitter?.emit('notice', { level: 'warning', message: `Could not change autostart: ${(e as Error).message}` }),
  );

  const useActivationToken = (token: string) => {
    // Electron forwards the token of a second instance by itself; for the D-Bus path it is handed over
    // here where the runtime offers it (app.setActivationToken), and otherwise the compositor decides.
    const set = (app as unknown as { setActivationToken?: (t: string) => void }).setActivationToken;
    if (token && typeof set === 'function') set.call(app, token);
  };
  // The hotkey's fast path, and the tray host's arrival (Plasma's panel may come up after us at login).
  const dbus = await startToggleService({
    address: env.DBUS_SESSION_BUS_ADDRESS,
    uid: process.getuid?.() ?? 0,
    onToggle: (token) => {
      useActivationToken(token);
      windows.overlay.toggle();
    },
    onTrayHost: () => tray.reRegister(),
  }).catch(() => null);

  const checkLocal = async () => {
    const r = await core.service.checkOllama().catch(() => null);
    effects.setLocalStatus(!!r?.ok, (await core.service.settings()).model ?? 'automatic');
  };
  void checkLocal();
  const timer = setInterval(() => void checkLocal(), 60_000);
  timer.unref();
  return {
    tray,
    useActivationToken,
    stop: () => {
      clearInterval(timer);
      dbus?.stop();
      globalShortcut.unregisterAll();
      tray.destroy();
    },
  };
}

function onQuit(electron: ElectronApi, service: AssistantService, shell: Shell): void {
  let disposed = false;
  electron.app.on('will-quit', (e) => {
    if (disposed) return;
    e.preventDefault(); // finish writing history and stop runs before the process ends (bounded: logout waits)
    shell.stop();
    const bound = new Promise<void>((resolve) => setTimeout(resolve, 5000));
    void Promise.race([service.dispose().catch(() => undefined), bound]).finally(() => {
      disposed = true;
      electron.app.quit();
    });
  });
}
