// The global hotkey: which registration path is active (X11 globalShortcut, the Wayland GlobalShortcuts
// portal, or KDE's own X-KDE-Shortcuts desktop entry running `koompi-assistant --toggle`), reported as
// a HotkeyStatus for the doctor and settings. Electron pieces come in as arguments.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HotkeyStatus } from '../ipc/channels.js';

const FALLBACK_ACCELERATOR = 'Control+Alt+Space';
/** Where the package installs the toggle entry for kglobalaccel (see architecture.md). */
const KDE_TOGGLE_ENTRY = '/usr/share/kglobalaccel/koompi-assistant-toggle.desktop';

export interface CommandLineLike {
  hasSwitch(name: string): boolean;
  getSwitchValue(name: string): string;
  appendSwitch(name: string, value?: string): void;
}
export interface GlobalShortcutLike {
  register(accelerator: string, callback: () => void): boolean;
  unregisterAll(): void;
}

export function defaultAccelerator(assetsDir: string, read: (p: string) => string = (p) => readFileSync(p, 'utf8')): string {
  try {
    const v = read(join(assetsDir, 'hotkey-default.txt')).trim();
    return v && !isForbiddenAccelerator(v) ? v : FALLBACK_ACCELERATOR;
  } catch {
    return FALLBACK_ACCELERATOR;
  }
}

function keysOf(accelerator: string): string[] {
  const alias: Record<string, string> = {
    ctrl: 'control',
    cmdorctrl: 'control',
    commandorcontrol: 'control',
    super: 'meta',
    cmd: 'meta',
    command: 'meta',
    win: 'meta',
    option: 'alt',
  };
  return accelerator
    .split('+')
    .map((k) => k.trim().toLowerCase())
    .map((k) => alias[k] ?? k)
    .sort();
}

/** Same keys, whatever the spelling (Ctrl+Alt+Space == Control+Alt+Space). */
export function sameAccelerator(a: string, b: string): boolean {
  return keysOf(a).join('+') === keysOf(b).join('+');
}

/** Meta+Space switches the keyboard language on KOOMPI: never take it. */
export function isForbiddenAccelerator(accelerator: string): boolean {
  const k = keysOf(accelerator);
  return k.includes('meta') && k.includes('space') && k.length === 2;
}

/**
 * Which display backend Electron runs on. Since Electron 38 it picks Wayland by itself in a Wayland
 * session and ELECTRON_OZONE_PLATFORM_HINT is ignored (removed), so only the switches can force X11.
 */
export function sessionKind(env: NodeJS.ProcessEnv, commandLine?: CommandLineLike): 'wayland' | 'x11' {
  const ozone = commandLine?.getSwitchValue('ozone-platform') || commandLine?.getSwitchValue('ozone-platform-hint') || '';
  if (ozone === 'x11') return 'x11';
  return env.XDG_SESSION_TYPE === 'wayland' || !!env.WAYLAND_DISPLAY ? 'wayland' : 'x11';
}

/**
 * Chromium honours only the LAST --enable-features switch, so every feature (ours, the ones already on
 * the command line, and KOOMPI_EXTRA_FEATURES from the launcher) goes into ONE switch. Call before ready.
 */
export function mergeEnableFeatures(commandLine: CommandLineLike, ours: readonly string[], extra: string | undefined): string {
  const present = commandLine.hasSwitch('enable-features') ? commandLine.getSwitchValue('enable-features') : '';
  const all = [...present.split(','), ...ours, ...(extra ?? '').split(',')].map((f) => f.trim()).filter((f) => /^[\w:=./<>-]+$/.test(f));
  const merged = [...new Set(all)].join(',');
  if (merged) commandLine.appendSwitch('enable-features', merged);
  return merged;
}

export interface RegisterOptions {
  globalShortcut: GlobalShortcutLike;
  accelerator: string;
  session: 'wayland' | 'x11';
  /** Whether GlobalShortcutsPortal is in the merged --enable-features. */
  portalEnabled: boolean;
  /** Whether the KDE toggle entry is installed (kglobalaccel runs `koompi-assistant --toggle`). */
  kdeEntry: { installed: boolean; accelerator: string };
  onToggle: () => void;
}

export function registerHotkey(o: RegisterOptions): HotkeyStatus {
  o.globalShortcut.unregisterAll();
  let accelerator = o.accelerator;
  let note = '';
  if (isForbiddenAccelerator(accelerator)) {
    note = `${accelerator} switches the keyboard language on KOOMPI; using ${o.kdeEntry.accelerator} instead. `;
    accelerator = o.kdeEntry.accelerator;
  }
  const kde: HotkeyStatus = {
    accelerator: o.kdeEntry.accelerator,
    path: 'kde-desktop-entry',
    detail: `${note}Plasma runs \`koompi-assistant --toggle\` from the KDE desktop entry (X-KDE-Shortcuts=${o.kdeEntry.accelerator}); change it in System Settings → Shortcuts.`,
  };
  // The KDE entry already binds this key: registering it too would toggle twice (show, then hide).
  if (o.kdeEntry.installed && sameAccelerator(accelerator, o.kdeEntry.accelerator)) return kde;

  const canTry = o.session === 'x11' || o.portalEnabled;
  let ok = false;
  if (canTry) {
    try {
      ok = o.globalShortcut.register(accelerator, o.onToggle);
    } catch {
      ok = false;
    }
  }
  if (ok) {
    return o.session === 'x11'
      ? { accelerator, path: 'x11-global-shortcut', detail: `${note}${accelerator} is registered with the X11 desktop.` }
      : // On the portal path register() only means "requested" (electron#52218); Plasma keeps the key it bound.
        {
          accelerator,
          path: 'wayland-portal',
          detail: `${note}${accelerator} was requested through the GlobalShortcuts portal. If it does nothing, or after you change it here, set the key for KOOMPI Assistant in System Settings → Shortcuts.`,
        };
  }
  if (o.kdeEntry.installed) return { ...kde, detail: `${note}${accelerator} could not be registered by the app; ${kde.detail}` };
  const why =
    o.session === 'wayland' && !o.portalEnabled ? 'the GlobalShortcuts portal is not enabled' : `${accelerator} is taken or refused`;
  return {
    accelerator,
    path: 'none',
    detail: `${note}No global hotkey: ${why}. Bind \`koompi-assistant --toggle\` to a key in System Settings → Shortcuts, or pick another hotkey.`,
  };
}

export function kdeEntryInstalled(exists: (p: string) => boolean = existsSync): boolean {
  return exists(KDE_TOGGLE_ENTRY);
}
