// Settings slice: the settings view, key status, hotkey path and the live Ollama check.
import type { StateCreator } from 'zustand';
import type { BootInfo, HotkeyStatus, KeyStatus, OllamaCheck, SettingsView } from '../../src-main/ipc/channels';
import { api, errorText } from '../api';
import type { AppState } from './index';

export interface SettingsSlice {
  settings: SettingsView | null;
  key: KeyStatus | null;
  hotkey: HotkeyStatus | null;
  version: string;
  check: { state: 'idle' | 'checking' | 'done'; result: OllamaCheck | null };
  /** Only the latest host check may report: an older, slower one must not overwrite it. */
  checkSeq: number;
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
  checkSeq: 0,
  settingsError: null,

  applyBoot(boot) {
    set({ settings: boot.settings, key: boot.key, hotkey: boot.hotkey, version: boot.version });
  },

  setSettingsView(s) {
    set({ settings: s });
  },

  async saveSettings(patch) {
    // Optimistic: controls reflect the change at once; the core's answer (or the old value) follows.
    const before = get().settings;
    if (before) set({ settings: { ...before, ...patch } });
    try {
      const s = await api().setSettings(patch);
      set({ settings: s, settingsError: null });
      return true;
    } catch (e) {
      set({ settingsError: errorText(e), settings: before });
      return false;
    }
  },

  async checkOllama(host) {
    // Only the latest check may report: an older, slower one must not overwrite it.
    const seq = get().checkSeq + 1;
    set({ checkSeq: seq, check: { state: 'checking', result: get().check.result } });
    let result: OllamaCheck;
    try {
      result = await api().checkOllama(host);
    } catch (e) {
      result = { ok: false, host: host ?? '', error: errorText(e) };
    }
    if (seq === get().checkSeq) set({ check: { state: 'done', result } });
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
