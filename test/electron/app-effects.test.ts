// App effects: the tray follows streaming answers and the local model's status; settings changes
// re-register the hotkey, rewrite autostart, set the theme and the tray's language, each only when it changed.
import { describe, expect, it } from 'vitest';
import { createAppEffects } from '../../src-main/electron/app-effects.js';
import type { SettingsView } from '../../src-main/ipc/channels.js';

const base: SettingsView = {
  ollamaHost: 'h',
  model: null,
  keepAlive: '30m',
  allowCloud: false,
  privacyMode: false,
  geminiModel: 'g',
  hotkey: 'Ctrl+Alt+Space',
  language: 'auto',
  theme: 'system',
  autostart: false,
  hideOverlayOnBlur: true,
  openaiBaseUrl: null,
  locked: {},
};

describe('createAppEffects', () => {
  it('drives the tray state and applies only changed settings', async () => {
    const log: string[] = [];
    const fx = createAppEffects(
      {
        tray: {
          setState: (s) => log.push(`state:${s}`),
          setModel: (m, s) => log.push(`model:${m}:${s}`),
          setLanguage: (l) => log.push(`lang:${l}`),
        },
        applyHotkey: (a) => log.push(`hotkey:${a}`),
        applyAutostart: async (on) => log.push(`autostart:${on}`),
        applyTheme: (t) => log.push(`theme:${t}`),
        applyOverlay: (b) => log.push(`blur:${b}`),
        warn: (m) => log.push(`warn:${m}`),
        resolveLanguage: (l) => (l === 'km' ? 'km' : 'en'),
      },
      base,
    );
    fx.onEvent('chat:event', { requestId: 'r1', conversationId: 'c', event: { type: 'start', tier: 'local', model: 'm', intent: null } });
    fx.setLocalStatus(false, 'm');
    expect(log).toEqual(['state:thinking', 'model:m:offline']); // still thinking while the answer streams
    fx.onEvent('chat:event', {
      requestId: 'r1',
      conversationId: 'c',
      event: { type: 'done', message: { id: 'm', role: 'assistant', content: '', createdAt: '' } },
    });
    expect(log.at(-1)).toBe('state:offline');
    log.length = 0;
    fx.onEvent('settings:changed', { ...base, theme: 'dark', autostart: true });
    fx.onEvent('settings:changed', { ...base, theme: 'dark', autostart: true, hotkey: 'Ctrl+Alt+K', hideOverlayOnBlur: false });
    await Promise.resolve();
    expect(log).toEqual(['autostart:true', 'theme:dark', 'hotkey:Ctrl+Alt+K', 'blur:false']);
    // The tray speaks the UI's language.
    fx.onEvent('settings:changed', {
      ...base,
      theme: 'dark',
      autostart: true,
      hotkey: 'Ctrl+Alt+K',
      hideOverlayOnBlur: false,
      language: 'km',
    });
    expect(log.at(-1)).toBe('lang:km');
  });
});
