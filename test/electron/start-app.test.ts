// startApp under a stand-in electron: before ready it registers the app:// scheme and one merged
// --enable-features switch, listens for second instances and keeps the tray app alive when windows close;
// nothing touches the session, windows or the core until ready.
import { describe, expect, it } from 'vitest';
import { startApp, type ElectronApi } from '../../src-main/electron/start-app.js';

function standIn() {
  const calls: string[] = [];
  const on = new Map<string, (...a: unknown[]) => void>();
  const switches = new Map<string, string>();
  const electron = {
    app: {
      isPackaged: true,
      getAppPath: () => '/usr/lib/koompi-assistant/app.asar',
      on: (e: string, f: (...a: unknown[]) => void) => {
        on.set(e, f);
        calls.push(`on:${e}`);
      },
      whenReady: () => {
        calls.push('whenReady');
        return new Promise(() => undefined);
      },
      quit: () => calls.push('quit'),
      commandLine: {
        hasSwitch: (n: string) => switches.has(n),
        getSwitchValue: (n: string) => switches.get(n) ?? '',
        appendSwitch: (n: string, v?: string) => {
          switches.set(n, v ?? '');
          calls.push(`switch:${n}=${v}`);
        },
      },
    },
    protocol: {
      registerSchemesAsPrivileged: (s: { scheme: string; privileges: { secure: boolean } }[]) =>
        calls.push(`scheme:${s[0]!.scheme}:${s[0]!.privileges.secure}`),
    },
    session: new Proxy(
      {},
      {
        get: () => {
          throw new Error('session touched before ready');
        },
      },
    ),
    BrowserWindow: new Proxy(function () {}, {
      construct: () => {
        throw new Error('window before ready');
      },
    }),
  };
  return { electron: electron as unknown as ElectronApi, calls, on };
}

describe('startApp', () => {
  it('does the before-ready phase in order and nothing else', () => {
    const s = standIn();
    startApp(s.electron, { XDG_SESSION_TYPE: 'wayland', KOOMPI_EXTRA_FEATURES: 'Foo' }, { distDir: '/usr/lib/koompi-assistant/dist' });
    expect(s.calls.indexOf('scheme:app:true')).toBeGreaterThan(-1);
    expect(s.calls.indexOf('scheme:app:true')).toBeLessThan(s.calls.indexOf('whenReady'));
    expect(s.calls.filter((c) => c.startsWith('switch:enable-features'))).toEqual(['switch:enable-features=GlobalShortcutsPortal,Foo']);
    expect([...s.on.keys()]).toEqual(expect.arrayContaining(['second-instance', 'before-quit', 'window-all-closed']));
    expect(s.calls).not.toContain('quit');
  });

  it('keeps launches forwarded before ready (bounded), and --hidden asks for nothing', () => {
    const s = standIn();
    startApp(s.electron, {}, { distDir: '/d' });
    const second = s.on.get('second-instance')!;
    expect(() =>
      second({}, ['electron', '.', '--toggle'], '/', { argv: ['electron', '.', '--toggle'], activationToken: 'tok' }),
    ).not.toThrow();
    expect(() => second({}, ['electron', '.', '--hidden'], '/', null)).not.toThrow();
  });
});
