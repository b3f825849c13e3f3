// The Electron main process. It only wires: single-instance lock -> whenReady -> IPC -> windows, with
// every piece built by its own module (Electron objects passed in as arguments).
import { app, BrowserWindow, dialog, globalShortcut, ipcMain, Menu, nativeImage, nativeTheme, Notification, safeStorage, session, shell, Tray } from 'electron';
import Store from 'electron-store';
import { join } from 'node:path';
import type { HotkeyStatus } from '../ipc/contract.js';
import { createDispatcher } from '../ipc/dispatch.js';
import { isTrustedSender } from '../ipc/sender-check.js';
import { resolveConfigDir } from '../core/settings/index.js';
import { createAssistantService } from '../core/service/assistant-service.js';
import type { Emit } from '../core/service/ports.js';
import { actionFor, forwardedArgv, parseAppArgs, type LaunchAction } from './app-args.js';
import { createAppEffects } from './app-effects.js';
import { setAutostart } from './autostart.js';
import { createChatWindow } from './chat-window.js';
import { createConfirmDialog } from './confirm-dialog.js';
import { createHostHandlers } from './host-handlers.js';
import { createRendererEmitter, registerIpcHandlers } from './ipc-main.js';
import { createSafeKeyStore } from './key-store.js';
import { createNotifier } from './notifications.js';
import { createOverlay, type Overlay } from './overlay-window.js';
import { hardenSession, loopbackOrigin } from './security.js';
import { openSettingsStore, type StoreClass } from './settings-store.js';
import { defaultAccelerator, kdeEntryInstalled, mergeEnableFeatures, registerHotkey, sessionKind } from './shortcuts.js';
import { createTray } from './tray.js';
import { createWindowFactory } from './window-factory.js';

const env = process.env;
// The vite dev server, only for an unpackaged app and only on loopback (it gets the preload's API).
const devServer = app.isPackaged ? null : loopbackOrigin(env.KOOMPI_DEV_SERVER);
const rendererDir = join(__dirname, '../renderer');
const assetsDir = env.KOOMPI_ASSETS_DIR || join(app.getAppPath(), 'assets');
const kind = sessionKind(env, app.commandLine);
// Before ready: Chromium reads --enable-features once, so every feature goes into one switch.
const features = mergeEnableFeatures(app.commandLine, kind === 'wayland' ? ['GlobalShortcutsPortal'] : [], env.KOOMPI_EXTRA_FEATURES);

// Launches forwarded while we start up (e.g. the hotkey right after login) wait here instead of being lost.
let launch: ((a: LaunchAction) => void) | null = null;
const early: LaunchAction[] = [];
let quitting = false;

if (!app.requestSingleInstanceLock({ argv: process.argv })) app.quit();
else {
  app.on('second-instance', (_e, argv, _cwd, data) => {
    const a = actionFor(parseAppArgs(forwardedArgv(argv, data)), false);
    if (launch) launch(a); else if (early.length < 10) early.push(a);
  });
  // Set before windows close: a hidden window's prevented close would otherwise cancel the quit.
  app.on('before-quit', () => { quitting = true; });
  app.on('window-all-closed', () => { /* a tray app keeps running */ });
  start().catch((err: unknown) => { dialog.showErrorBox('KOOMPI Assistant could not start', (err as Error).message); app.exit(1); });
}

async function start(): Promise<void> {
  await app.whenReady();
  hardenSession(session.defaultSession, devServer);
  const configDir = resolveConfigDir(env);
  const opened = await openSettingsStore(Store as unknown as StoreClass, configDir);
  // The panel follows the desktop theme, not our theme setting (which overrides shouldUseDarkColors).
  const systemDark = nativeTheme.shouldUseDarkColors;
  nativeTheme.themeSource = opened.settings.theme;
  const keyStore = createSafeKeyStore(safeStorage, configDir, env);
  const emitter = createRendererEmitter();

  const factory = createWindowFactory({
    BrowserWindow, shell, preloadPath: join(__dirname, '../preload/preload.cjs'),
    load: (win, view) => (devServer ? win.loadURL(`${devServer}/?view=${view}`) : win.loadFile(join(rendererDir, 'index.html'), { query: { view } })),
    onCreated: (win) => {
      const wc = win.webContents;
      emitter.track(wc);
      wc.on('did-start-loading', () => emitter.setReady(wc.id, false));
      wc.once('destroyed', () => emitter.untrack(wc.id));
    },
  });

  // Built in startup order; windows come last, so early calls see null and do nothing.
  let overlay: Overlay | null = null;
  let effects: ReturnType<typeof createAppEffects> | null = null;
  let hotkey: HotkeyStatus = { accelerator: opened.settings.hotkey, path: 'none', detail: 'Not registered yet.' };
  let hideOnBlur = opened.settings.overlay.hideOnBlur;
  let modals = 0; // native dialogs open: the overlay must not hide on the blur they cause
  const emit: Emit = (event, payload) => { effects?.onEvent(event, payload); emitter.emit(event, payload); };
  const chat = createChatWindow({ factory, send: (w, cmd) => emitter.sendTo(w.webContents, 'app:command', cmd), quitting: () => quitting });
  const notify = createNotifier(Notification, () => !!overlay?.isVisible() || !!chat.current()?.isVisible(), join(assetsDir, 'icons/hicolor/128x128/apps/koompi-assistant.png'));

  const service = await createAssistantService({
    configDir, env, emit, keyStore, notify, version: app.getVersion(), notices: opened.notices,
    confirm: createConfirmDialog(dialog, () => BrowserWindow.getFocusedWindow(), (open) => { modals += open ? 1 : -1; }),
    hotkeyStatus: () => hotkey,
  });
  const h = service.handlers;
  const dispatch = createDispatcher({
    ...h,
    ...createHostHandlers({
      keyStore,
      hideWindows: () => overlay?.hide(),
      openFull: (conversationId) => { overlay?.hide(); chat.open(conversationId ? { type: 'open-conversation', conversationId } : undefined); },
      openExternal: (url) => shell.openExternal(url),
    }),
  }, { onError: (channel, err) => console.error(`[ipc] ${channel}: ${err instanceof Error ? err.message : String(err)}`) });
  registerIpcHandlers({
    ipcMain, dispatch,
    isTrusted: (e) => isTrustedSender({ webContentsId: e.sender.id, frameUrl: e.senderFrame?.url ?? null }, { ownWebContentsIds: () => emitter.ids(), rendererDir, devServerOrigin: devServer }),
    onReady: (e) => emitter.setReady(e.sender.id, true),
  });

  const ov: Overlay = overlay = createOverlay({
    factory,
    hideOnBlur: () => hideOnBlur && modals === 0,
    quitting: () => quitting,
    warmUp: () => { void h['ollama:warm-up']({}).catch(() => undefined); },
    send: (cmd) => emitter.sendTo(ov.window.webContents, 'app:command', cmd),
  });
  const tray = createTray({
    Tray, Menu, createImage: (p) => nativeImage.createFromPath(p), assetsDir, darkPanel: () => systemDark,
    actions: {
      ask: () => ov.show(),
      openChat: () => chat.open(),
      openSettings: () => chat.open({ type: 'show-view', view: 'settings' }),
      quit: () => app.quit(),
    },
  });
  const applyHotkey = (accelerator: string) => {
    hotkey = registerHotkey({
      globalShortcut, accelerator, session: kind, portalEnabled: features.split(',').includes('GlobalShortcutsPortal'),
      kdeEntry: { installed: kdeEntryInstalled(), accelerator: defaultAccelerator(assetsDir) }, onToggle: () => ov.toggle(),
    });
  };
  const initial = await h['settings:get']({});
  effects = createAppEffects({
    tray, applyHotkey,
    applyAutostart: (on) => setAutostart(on, env),
    applyTheme: (t) => { nativeTheme.themeSource = t; },
    applyOverlay: (hide) => { hideOnBlur = hide; },
    warn: (message) => emitter.emit('notice', { level: 'warning', message }),
  }, initial);
  applyHotkey(initial.hotkey);
  // The autostart entry follows the setting even if someone removed or edited the file meanwhile.
  void setAutostart(initial.autostart, env).catch((e: unknown) => emitter.emit('notice', { level: 'warning', message: `Could not change autostart: ${(e as Error).message}` }));

  const checkLocal = async () => {
    const r = await h['ollama:check']({}).catch(() => null);
    effects?.setLocalStatus(!!r?.ok, (await h['settings:get']({})).model ?? 'automatic', r?.ok ? 'ready' : 'Ollama not running');
  };
  void checkLocal();
  setInterval(() => void checkLocal(), 60_000).unref();

  let disposed = false;
  app.on('will-quit', (e) => {
    if (disposed) return;
    e.preventDefault(); // finish writing history and stop runs before the process ends (bounded: logout waits)
    globalShortcut.unregisterAll();
    tray.destroy();
    const bound = new Promise<void>((resolve) => setTimeout(resolve, 5000));
    void Promise.race([service.dispose().catch(() => undefined), bound]).finally(() => { disposed = true; app.quit(); });
  });
  const run = (a: LaunchAction) => {
    if (a.kind === 'toggle') ov.toggle();
    else if (a.kind === 'ask') ov.ask(a.question);
    else if (a.kind === 'show') chat.open();
  };
  run(actionFor(parseAppArgs(process.argv), true));
  for (const a of early.splice(0)) run(a);
  launch = run;
}
