// The overlay and the chat window hide instead of closing, except while the app quits (a prevented close
// would cancel app.quit(), SIGTERM and logout); the overlay hides on blur and Esc, and shows on demand.
// A fake window class stands in for BrowserWindow.
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { BrowserWindow } from 'electron';
import type { AppCommand } from '../../src-main/ipc/channels.js';
import { createOverlay } from '../../src-main/electron/overlay-window.js';
import { createChatWindow } from '../../src-main/electron/chat-window.js';
import type { WindowFactory } from '../../src-main/electron/window-factory.js';

class FakeWindow extends EventEmitter {
  webContents = new EventEmitter();
  visible = false;
  focused = false;
  minimized = false;
  calls: string[] = [];
  isDestroyed() {
    return false;
  }
  isVisible() {
    return this.visible;
  }
  isFocused() {
    return this.focused;
  }
  isMinimized() {
    return this.minimized;
  }
  show() {
    this.calls.push('show');
    this.visible = true;
    this.focused = true;
  }
  hide() {
    this.calls.push('hide');
    this.visible = false;
    this.focused = false;
  }
  focus() {
    this.calls.push('focus');
    this.focused = true;
  }
  restore() {
    this.calls.push('restore');
    this.minimized = false;
  }
  center() {
    this.calls.push('center');
  }
}

const factoryOf =
  (made: FakeWindow[]): WindowFactory =>
  () => {
    const w = new FakeWindow();
    made.push(w);
    return w as unknown as BrowserWindow;
  };

/** Emits a cancellable event and says whether a listener prevented it. */
function emitPrevented(target: EventEmitter, name: string, ...rest: unknown[]): boolean {
  let prevented = false;
  target.emit(
    name,
    {
      preventDefault: () => {
        prevented = true;
      },
    },
    ...rest,
  );
  return prevented;
}

function overlay(opts: { hideOnBlur?: () => boolean; quitting?: () => boolean } = {}) {
  const made: FakeWindow[] = [];
  const sent: AppCommand[] = [];
  let warm = 0;
  const ov = createOverlay({
    factory: factoryOf(made),
    hideOnBlur: opts.hideOnBlur ?? (() => true),
    warmUp: () => {
      warm++;
    },
    send: (c) => sent.push(c),
    quitting: opts.quitting ?? (() => false),
  });
  return { ov, win: made[0] as FakeWindow, sent, warmUps: () => warm };
}

describe('createOverlay', () => {
  it('hides instead of closing, but lets the close through while the app quits', () => {
    let quitting = false;
    const { win } = overlay({ quitting: () => quitting });
    win.visible = true;
    expect(emitPrevented(win, 'close')).toBe(true);
    expect(win.visible).toBe(false);
    quitting = true;
    expect(emitPrevented(win, 'close')).toBe(false);
  });

  it('hides on blur only while the setting (and no open dialog) says so', () => {
    let hide = false;
    const { ov, win } = overlay({ hideOnBlur: () => hide });
    ov.show();
    win.emit('blur');
    expect(win.visible).toBe(true);
    hide = true;
    win.emit('blur');
    expect(win.visible).toBe(false);
  });

  it('hides on a bare Esc, not on Esc with a modifier', () => {
    const { ov, win } = overlay();
    ov.show();
    expect(emitPrevented(win.webContents, 'before-input-event', { type: 'keyDown', key: 'Escape', shift: true })).toBe(false);
    expect(win.visible).toBe(true);
    expect(emitPrevented(win.webContents, 'before-input-event', { type: 'keyDown', key: 'Escape' })).toBe(true);
    expect(win.visible).toBe(false);
  });

  it('shows with focus, warms the model up, and forwards a question; toggle hides a visible overlay, focused or not', () => {
    const { ov, win, sent, warmUps } = overlay();
    ov.ask('how do I update?');
    expect(win.visible).toBe(true);
    expect(warmUps()).toBe(1);
    expect(sent).toEqual([{ type: 'focus-input' }, { type: 'ask', question: 'how do I update?' }]);
    ov.toggle();
    expect(win.visible).toBe(false);
    ov.toggle();
    expect(win.visible).toBe(true);
    win.focused = false; // e.g. shown on Wayland without an activation token: the hotkey must still dismiss it
    ov.toggle();
    expect(win.visible).toBe(false);
  });
});

describe('createChatWindow', () => {
  it('hides on close except while quitting, and restores a minimized window when opened again', () => {
    const made: FakeWindow[] = [];
    let quitting = false;
    const chat = createChatWindow({ factory: factoryOf(made), send: () => {}, quitting: () => quitting });
    chat.open();
    const win = made[0] as FakeWindow;
    expect(emitPrevented(win, 'close')).toBe(true);
    win.minimized = true;
    chat.open();
    expect(made).toHaveLength(1);
    expect(win.calls.slice(-3)).toEqual(['restore', 'show', 'focus']);
    quitting = true;
    expect(emitPrevented(win, 'close')).toBe(false);
  });

  it('asks only for window options Linux honours', async () => {
    const { OVERLAY_OPTIONS } = await import('../../src-main/electron/overlay-window.js');
    for (const k of ['skipTaskbar', 'minimizable', 'movable', 'maximizable', 'closable'])
      expect(Object.keys(OVERLAY_OPTIONS)).not.toContain(k);
    expect(OVERLAY_OPTIONS).toMatchObject({ frame: false, alwaysOnTop: true, minHeight: 260 });
  });
});
