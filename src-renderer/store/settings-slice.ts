// Settings slice: the settings view, key status, hotkey path and the live Ollama check.
import type { StateCreator } from 'zustand';
import type { BootInfo, HotkeyStatus, KeyStatus, OllamaCheck, SettingsView } from '../../src-main/ipc/contract';
import { api, errorText } from '../api';
import type { AppState } from './index';

export interface SettingsSlice {
  settings: SettingsView | null;
  key: KeyStatus | null;
  hotkey: HotkeyStatus | null;
  version: string;
  check: { state: 'idle' | 'checking' | 'done'; result: OllamaCheck | null };
  settingsError: string | null;
  applyBoot(boot: BootInfo): void;
  setSettingsView(s: SettingsView): void;
  saveSettings(patch: Partial<SettingsView>): Promise<boolean>;
  checkOllama(host?: string): Promise<void>;
  saveKey(key: string): Promise<string | null>;
  clearKey(): Promise<void>;
}

export const createSettingsSlice: StateCreator<AppState, [], [], SettingsSlice> = (set, get) => ({
  settings: null,
  key: null,
  hotkey: null,
  version: '',
  check: { state: 'idle', result: null },
  settingsError: null,

  applyBoot(boot) {
    set({ settings: boot.settings, key: boot.key, hotkey: boot.hotkey, version: boot.version });
  },

  setSettingsView(s) {
    set({ settings: s });
  },

  async saveSettings(patch) {
    try {
      const s = await api().setSettings(patch);
      set({ settings: s, settingsError: null });
      return true;
    } catch (e) {
      set({ settingsError: errorText(e) });
      return false;
    }
  },

  async checkOllama(host) {
    set({ check: { state: 'checking', result: get().check.result } });
    try {
      const result = await api().checkOllama(host);
      set({ check: { state: 'done', result } });
    } catch (e) {
      set({ check: { state: 'done', result: { ok: false, host: host ?? '', error: errorText(e) } } });
    }
  },

  async saveKey(key) {
    try {
      set({ key: await api().setKey(key) });
      return null;
    } catch (e) {
      return errorText(e);
    }
  },

  async clearKey() {
    try {
      set({ key: await api().clearKey() });
    } catch (e) {
      get().pushToast('error', errorText(e));
    }
  },
});
