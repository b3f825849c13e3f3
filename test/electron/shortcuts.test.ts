// Hotkey registration fallbacks, with fake globalShortcut and command-line objects passed in.
import { describe, expect, it } from 'vitest';
import {
  defaultAccelerator,
  isForbiddenAccelerator,
  mergeEnableFeatures,
  registerHotkey,
  sameAccelerator,
  sessionKind,
  type CommandLineLike,
} from '../../src-main/electron/shortcuts.js';

function fakeShortcuts(accept: boolean | 'throw') {
  const registered: string[] = [];
  return {
    registered,
    register(acc: string, _cb: () => void) {
      if (accept === 'throw') throw new Error('portal failed');
      if (accept) registered.push(acc);
      return accept;
    },
    unregisterAll() {
      registered.length = 0;
    },
  };
}

function fakeCommandLine(initial: Record<string, string> = {}): CommandLineLike & { appended: [string, string | undefined][] } {
  const switches = new Map(Object.entries(initial));
  const appended: [string, string | undefined][] = [];
  return {
    appended,
    hasSwitch: (n) => switches.has(n),
    getSwitchValue: (n) => switches.get(n) ?? '',
    appendSwitch: (n, v) => {
      appended.push([n, v]);
      switches.set(n, v ?? '');
    },
  };
}

const noKde = { installed: false, accelerator: 'Control+Alt+Space' };
const kde = { installed: true, accelerator: 'Control+Alt+Space' };

describe('registerHotkey', () => {
  it('uses the X11 global shortcut when it registers', () => {
    const gs = fakeShortcuts(true);
    const s = registerHotkey({
      globalShortcut: gs,
      accelerator: 'Control+Alt+K',
      session: 'x11',
      portalEnabled: false,
      kdeEntry: noKde,
      onToggle: () => {},
    });
    expect(s.path).toBe('x11-global-shortcut');
    expect(gs.registered).toEqual(['Control+Alt+K']);
  });

  it('uses the portal on Wayland when the feature is on, and says nothing works when it is off and no KDE entry exists', () => {
    expect(
      registerHotkey({
        globalShortcut: fakeShortcuts(true),
        accelerator: 'Control+Alt+K',
        session: 'wayland',
        portalEnabled: true,
        kdeEntry: noKde,
        onToggle: () => {},
      }).path,
    ).toBe('wayland-portal');
    const gs = fakeShortcuts(true);
    const none = registerHotkey({
      globalShortcut: gs,
      accelerator: 'Control+Alt+K',
      session: 'wayland',
      portalEnabled: false,
      kdeEntry: noKde,
      onToggle: () => {},
    });
    expect(none.path).toBe('none');
    expect(none.detail).toMatch(/portal is not enabled.*koompi-assistant --toggle/);
    expect(gs.registered).toEqual([]);
  });

  it('falls back to the KDE desktop entry when registration fails or throws', () => {
    expect(
      registerHotkey({
        globalShortcut: fakeShortcuts(false),
        accelerator: 'Control+Alt+K',
        session: 'x11',
        portalEnabled: false,
        kdeEntry: kde,
        onToggle: () => {},
      }).path,
    ).toBe('kde-desktop-entry');
    expect(
      registerHotkey({
        globalShortcut: fakeShortcuts('throw'),
        accelerator: 'Control+Alt+K',
        session: 'wayland',
        portalEnabled: true,
        kdeEntry: kde,
        onToggle: () => {},
      }).path,
    ).toBe('kde-desktop-entry');
  });

  it('does not register the key the KDE entry already binds (that would toggle twice)', () => {
    const gs = fakeShortcuts(true);
    const s = registerHotkey({
      globalShortcut: gs,
      accelerator: 'Ctrl+Alt+Space',
      session: 'x11',
      portalEnabled: false,
      kdeEntry: kde,
      onToggle: () => {},
    });
    expect(s.path).toBe('kde-desktop-entry');
    expect(gs.registered).toEqual([]);
  });

  it('never takes Meta+Space (KOOMPI language switch)', () => {
    expect(isForbiddenAccelerator('Meta+Space')).toBe(true);
    expect(isForbiddenAccelerator('Super+Space')).toBe(true);
    expect(isForbiddenAccelerator('Control+Alt+Space')).toBe(false);
    const gs = fakeShortcuts(true);
    const s = registerHotkey({
      globalShortcut: gs,
      accelerator: 'Super+Space',
      session: 'x11',
      portalEnabled: false,
      kdeEntry: noKde,
      onToggle: () => {},
    });
    expect(gs.registered).toEqual(['Control+Alt+Space']);
    expect(s.detail).toMatch(/switches the keyboard language/);
  });

  it('compares accelerators whatever the spelling', () => {
    expect(sameAccelerator('Ctrl+Alt+Space', 'Alt+Control+space')).toBe(true);
    expect(sameAccelerator('Ctrl+Alt+Space', 'Ctrl+Shift+Space')).toBe(false);
  });
});

describe('mergeEnableFeatures', () => {
  it('appends ONE --enable-features with ours, the existing ones and the launcher extras, de-duplicated', () => {
    const cl = fakeCommandLine({ 'enable-features': 'WaylandWindowDecorations' });
    const merged = mergeEnableFeatures(cl, ['GlobalShortcutsPortal'], 'UseOzonePlatform, WaylandWindowDecorations,bad value');
    expect(merged).toBe('WaylandWindowDecorations,GlobalShortcutsPortal,UseOzonePlatform');
    expect(cl.appended).toEqual([['enable-features', merged]]);
  });
  it('appends nothing when there is nothing to enable', () => {
    const cl = fakeCommandLine();
    expect(mergeEnableFeatures(cl, [], undefined)).toBe('');
    expect(cl.appended).toEqual([]);
  });
});

describe('defaults and session', () => {
  it('reads the default accelerator from assets, refusing Meta+Space and missing files', () => {
    expect(defaultAccelerator('/a', () => 'Control+Alt+J\n')).toBe('Control+Alt+J');
    expect(defaultAccelerator('/a', () => 'Meta+Space')).toBe('Control+Alt+Space');
    expect(
      defaultAccelerator('/a', () => {
        throw new Error('ENOENT');
      }),
    ).toBe('Control+Alt+Space');
  });
  it('detects Wayland unless X11 is forced', () => {
    expect(sessionKind({ XDG_SESSION_TYPE: 'wayland' })).toBe('wayland');
    expect(sessionKind({ XDG_SESSION_TYPE: 'wayland' }, fakeCommandLine({ 'ozone-platform': 'x11' }))).toBe('x11');
    expect(sessionKind({ XDG_SESSION_TYPE: 'x11' })).toBe('x11');
    expect(sessionKind({ XDG_SESSION_TYPE: 'wayland' }, fakeCommandLine({ 'ozone-platform-hint': 'x11' }))).toBe('x11');
    expect(sessionKind({ XDG_SESSION_TYPE: 'wayland' }, fakeCommandLine({ 'ozone-platform-hint': 'auto' }))).toBe('wayland');
  });
  it('ignores ELECTRON_OZONE_PLATFORM_HINT, which Electron 38+ no longer reads (it would run on Wayland anyway)', () => {
    expect(sessionKind({ XDG_SESSION_TYPE: 'wayland', ELECTRON_OZONE_PLATFORM_HINT: 'x11' }, fakeCommandLine())).toBe('wayland');
  });
  it('does not claim a portal shortcut is bound: register() only means requested there', () => {
    const s = registerHotkey({
      globalShortcut: fakeShortcuts(true),
      accelerator: 'Control+Alt+K',
      session: 'wayland',
      portalEnabled: true,
      kdeEntry: noKde,
      onToggle: () => {},
    });
    expect(s.detail).toMatch(/requested through the GlobalShortcuts portal.*System Settings/);
  });
});
