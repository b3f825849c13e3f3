// UI slice: which layout and panel, boot state, the doctor report, toasts and focus requests.
import type { StateCreator } from 'zustand';
import type { DoctorReport } from '../../src-main/ipc/contract';
import { api, errorText } from '../api';
import type { AppState } from './index';

export type Panel = 'chat' | 'settings' | 'doctor';

export interface Toast {
  id: number;
  level: 'info' | 'warning' | 'error';
  message: string;
}

export interface UiSlice {
  view: 'overlay' | 'window';
  panel: Panel;
  booted: boolean;
  bootError: string | null;
  doctor: { state: 'idle' | 'running' | 'done' | 'error'; report: DoctorReport | null; error: string | null };
  toasts: Toast[];
  focusTick: number;
  boot(view: 'overlay' | 'window', fromUrl?: boolean): Promise<void>;
  setPanel(p: Panel): void;
  runDoctor(): Promise<void>;
  pushToast(level: Toast['level'], message: string): void;
  dismissToast(id: number): void;
  requestFocus(): void;
  openExternal(url: string): void;
  hideWindow(): void;
  openFullWindow(): void;
}

let toastIds = 1;
let doctorSeq = 0;
const MAX_TOASTS = 4;

export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set, get) => ({
  view: 'window',
  panel: 'chat',
  booted: false,
  bootError: null,
  doctor: { state: 'idle', report: null, error: null },
  toasts: [],
  focusTick: 0,

  async boot(requested, fromUrl = true) {
    let view = requested;
    set({ view });
    try {
      const boot = await api().ready(view);
      get().applyBoot(boot);
      if (!fromUrl && boot.view !== view) set({ view: (view = boot.view) });
      set({ booted: true, bootError: null });
      for (const n of boot.notices) get().pushToast('warning', n);
      if (view === 'window') {
        void get().refreshConversations();
        void get().runDoctor();
      }
    } catch (e) {
      set({ bootError: errorText(e) });
    }
  },

  setPanel(p) {
    set({ panel: p });
    if (p === 'doctor' && get().doctor.state !== 'running') void get().runDoctor();
  },

  async runDoctor() {
    // Only the latest run may report, so a slow earlier run cannot bring back a fixed problem.
    const seq = ++doctorSeq;
    set({ doctor: { ...get().doctor, state: 'running', error: null } });
    try {
      const report = await api().doctor();
      if (seq === doctorSeq) set({ doctor: { state: 'done', report, error: null } });
    } catch (e) {
      if (seq === doctorSeq) set({ doctor: { state: 'error', report: get().doctor.report, error: errorText(e) } });
    }
  },

  pushToast(level, message) {
    const t = { id: toastIds++, level, message };
    set({ toasts: [...get().toasts, t].slice(-MAX_TOASTS) });
  },

  dismissToast(id) {
    set({ toasts: get().toasts.filter((t) => t.id !== id) });
  },

  requestFocus() {
    set({ focusTick: get().focusTick + 1 });
  },

  openExternal(url) {
    // Only https leaves the app, and only through the main process.
    if (!/^https:\/\//i.test(url)) return;
    api().openExternal(url).catch((e: unknown) => get().pushToast('error', errorText(e)));
  },

  hideWindow() {
    api().hideWindow().catch((e: unknown) => get().pushToast('error', errorText(e)));
  },

  openFullWindow() {
    api().openFullWindow(get().activeId).catch((e: unknown) => get().pushToast('error', errorText(e)));
  },
});
