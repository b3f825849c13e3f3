// App effects: the tray follows streaming answers and the local model's status; settings changes
// re-register the hotkey, rewrite autostart and set the theme, each only when it changed.
import { describe, expect, it } from 'vitest';
import { createAppEffects } from '../../src-main/electron/app-effects.js';
import type { SettingsView } from '../../src-main/ipc/contract.js';

const base: SettingsView = { ollamaHost: 'h', model: null, keepAlive: '30m', allowCloud: false, privacyMode: false, geminiModel: 'g', hotkey: 'Ctrl+Alt+Space', language: 'auto', theme: 'system', autostart: false, hideOverlayOnBlur: true };

describe('createAppEffects', () => {
  it('drives the tray state and applies only changed settings', async () => {
    const log: string[] = [];
    const fx = createAppEffects({
      tray: { setState: (s) => log.push(`state:${s}`), setModel: (m, s) => log.push(`model:${m}:${s}`) },
      applyHotkey: (a) => log.push(`hotkey:${a}`),
      applyAutostart: async (on) => log.push(`autostart:${on}`),
      applyTheme: (t) => log.push(`theme:${t}`),
      applyOverlay: (b) => log.push(`blur:${b}`),
      warn: (m) => log.push(`warn:${m}`),
    }, base);
    fx.onEvent('chat:event', { requestId: 'r1', conversationId: 'c', event: { type: 'start', tier: 'local', model: 'm', intent: null } });
    fx.setLocalStatus(false, 'm', 'down');
    expect(log).toEqual(['state:thinking', 'model:m:down']); // still thinking while the answer streams
    fx.onEvent('chat:event', { requestId: 'r1', conversationId: 'c', event: { type: 'done', message: { id: 'm', role: 'assistant', content: '', createdAt: '' } } });
    expect(log.at(-1)).toBe('state:offline');
    log.length = 0;
    fx.onEvent('settings:changed', { ...base, theme: 'dark', autostart: true });
    fx.onEvent('settings:changed', { ...base, theme: 'dark', autostart: true, hotkey: 'Ctrl+Alt+K', hideOverlayOnBlur: false });
    await Promise.resolve();
    expect(log).toEqual(['autostart:true', 'theme:dark', 'hotkey:Ctrl+Alt+K', 'blur:false']);
  });
});
