// Tray icons and menu, with fake Tray/Menu classes passed in.
import { describe, expect, it } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { createTray, trayIconPath } from '../../src-main/electron/tray.js';

describe('trayIconPath', () => {
  it('prefers the state icon for the panel shade, then falls back, then gives null', () => {
    const have = (files: string[]) => (p: string) => files.includes(p);
    expect(trayIconPath('/a', 'thinking', true, have(['/a/icons/tray/dark-panel/koompi-assistant-tray-thinking.png']))).toBe(
      '/a/icons/tray/dark-panel/koompi-assistant-tray-thinking.png',
    );
    expect(trayIconPath('/a', 'offline', false, have(['/a/tray/koompi-assistant-tray-offline-light.png']))).toBe(
      '/a/tray/koompi-assistant-tray-offline-light.png',
    );
    expect(trayIconPath('/a', 'offline', false, have(['/a/icons/tray/light-panel/koompi-assistant-tray-ready.png']))).toBe(
      '/a/icons/tray/light-panel/koompi-assistant-tray-ready.png',
    );
    expect(trayIconPath('/a', 'ready', false, have([]))).toBeNull();
  });
  it('finds the shipped icons in assets/', () => {
    expect(trayIconPath('assets', 'offline', true)).toMatch(/offline/);
  });
});

describe('createTray', () => {
  it('sets a context menu (needed on Linux) with the model status, and a click opens the quick-ask', () => {
    const menus: MenuItemConstructorOptions[][] = [];
    const calls: string[] = [];
    class FakeTray {
      handlers = new Map<string, () => void>();
      constructor(_i: unknown) {
        trays.push(this);
      }
      on(e: string, f: () => void) {
        this.handlers.set(e, f);
      }
      setContextMenu(m: MenuItemConstructorOptions[]) {
        menus.push(m);
      }
      setToolTip(t: string) {
        calls.push(`tip:${t}`);
      }
      setImage() {
        calls.push('image');
      }
      destroy() {}
    }
    const trays: FakeTray[] = [];
    const t = createTray({
      Tray: FakeTray as never,
      Menu: { buildFromTemplate: (m: MenuItemConstructorOptions[]) => m as never },
      createImage: (p) => ({ p }) as never,
      assetsDir: 'assets',
      darkPanel: () => false,
      actions: {
        ask: () => calls.push('ask'),
        openChat: () => calls.push('chat'),
        openSettings: () => calls.push('settings'),
        quit: () => calls.push('quit'),
      },
    });
    expect(menus[0]?.map((i) => i.label).filter(Boolean)).toEqual([
      'Ask…',
      'Open chat',
      'Local model: none (checking…)',
      'Settings',
      'Quit',
    ]);
    trays[0]?.handlers.get('click')?.();
    expect(calls).toContain('ask');
    t.setModel('qwen2.5:1.5b', 'ready');
    expect(menus.at(-1)?.[3]?.label).toBe('Local model: qwen2.5:1.5b (ready)');
    const built = menus.length;
    t.setModel('qwen2.5:1.5b', 'ready'); // the minute check with nothing new must not replace an open menu
    expect(menus).toHaveLength(built);
    t.setState('offline');
    expect(calls.at(-1)).toBe('tip:KOOMPI Assistant: local model offline');
    (menus.at(-1)?.find((i) => i.label === 'Quit')?.click as () => void)();
    expect(calls.at(-1)).toBe('quit');
  });

  it('follows a theme change with the other icon variant, and registers again with its state kept', () => {
    const images: string[] = [];
    let destroyed = 0;
    class FakeTray {
      constructor(i: { p: string }) {
        images.push(`new:${i.p}`);
      }
      on() {}
      setContextMenu() {}
      setToolTip() {}
      setImage(i: { p: string }) {
        images.push(`set:${i.p}`);
      }
      destroy() {
        destroyed++;
      }
    }
    let dark = false;
    const t = createTray({
      Tray: FakeTray as never,
      Menu: { buildFromTemplate: (m: MenuItemConstructorOptions[]) => m as never },
      createImage: (p) => ({ p }) as never,
      assetsDir: 'assets',
      darkPanel: () => dark,
      actions: { ask: () => undefined, openChat: () => undefined, openSettings: () => undefined, quit: () => undefined },
    });
    const shade = (e: string | undefined) => (e?.includes('dark') ? 'dark' : e?.includes('light') ? 'light' : 'app');
    t.refresh();
    expect(images).toHaveLength(1); // nothing changed, nothing redrawn
    dark = true;
    t.refresh();
    expect(images.at(-1)).toMatch(/^set:/);
    t.setState('thinking');
    t.reRegister();
    expect(destroyed).toBe(1);
    expect(images.at(-1)).toMatch(/^new:/);
    expect(shade(images.at(-1))).toBe(shade(images.at(-2)));
  });

  it('speaks Khmer when the UI does', () => {
    const menus: MenuItemConstructorOptions[][] = [];
    class FakeTray {
      on() {}
      setContextMenu(m: MenuItemConstructorOptions[]) {
        menus.push(m);
      }
      setToolTip() {}
      setImage() {}
      destroy() {}
    }
    const t = createTray({
      Tray: FakeTray as never,
      Menu: { buildFromTemplate: (m: MenuItemConstructorOptions[]) => m as never },
      createImage: (p) => ({ p }) as never,
      assetsDir: 'assets',
      darkPanel: () => false,
      lang: 'km',
      actions: { ask: () => undefined, openChat: () => undefined, openSettings: () => undefined, quit: () => undefined },
    });
    expect(
      menus
        .at(-1)
        ?.map((i) => i.label)
        .filter(Boolean),
    ).toEqual(['សួរ…', 'បើកការជជែក', 'ម៉ូដែលក្នុងម៉ាស៊ីន៖ គ្មាន (កំពុងពិនិត្យ…)', 'ការកំណត់', 'ចាកចេញ']);
    t.setLanguage('en');
    expect(menus.at(-1)?.[0]?.label).toBe('Ask…');
  });
});
