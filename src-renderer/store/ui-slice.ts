// UI slice: which layout and panel, boot state, the health report, toasts, focus requests, the link
// waiting for the user's yes, and whether the sidebar is shown.
import type { StateCreator } from 'zustand';
import type { HealthReport } from '../../src-main/ipc/channels';
import { api, errorText } from '../api';
import type { AppState } from './index';

export type Panel = 'chat' | 'settings' | 'doctor';
export type MarkdownModule = typeof import('../markdown/render-block');

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
  doctor: { state: 'idle' | 'running' | 'done' | 'error'; report: HealthReport | null; error: string | null };
  toasts: Toast[];
  nextToastId: number;
  /** Only the latest health check may report (a slow earlier one cannot bring back a fixed problem). */
  doctorSeq: number;
  focusTick: number;
  /** A link from an answer the user clicked: shown with its real target until they open or cancel it. */
  pendingLink: { href: string; text: string } | null;
  sidebarOpen: boolean;
  /** The markdown parser, once loaded (lazily: the overlay's first paint does not wait for it). */
  markdown: MarkdownModule | null;
  markdownLoading: boolean;
  loadMarkdown(): Promise<void>;
  boot(view: 'overlay' | 'window', fromUrl?: boolean): Promise<void>;
  setPanel(p: Panel): void;
  runDoctor(): Promise<void>;
  pushToast(level: Toast['level'], message: string): void;
  dismissToast(id: number): void;
  requestFocus(): void;
  openExternal(url: string): void;
  askOpenLink(href: string, text: string): void;
  answerLink(open: boolean): void;
  toggleSidebar(open?: boolean): void;
  hideWindow(): void;
  openFullWindow(): void;
}

const MAX_TOASTS = 4;

export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set, get) => ({
  view: 'window',
  panel: 'chat',
  booted: false,
  bootError: null,
  doctor: { state: 'idle', report: null, error: null },
  toasts: [],
  nextToastId: 1,
  doctorSeq: 0,
  focusTick: 0,
  pendingLink: null,
  sidebarOpen: true,
  markdown: null,
  markdownLoading: false,

  async loadMarkdown() {
    if (get().markdown || get().markdownLoading) return;
    set({ markdownLoading: true });
    try {
      set({ markdown: await import('../markdown/render-block'), markdownLoading: false });
    } catch (e) {
      set({ markdownLoading: false });
      get().pushToast('error', errorText(e));
    }
  },

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
    const seq = get().doctorSeq + 1;
    set({ doctorSeq: seq, doctor: { ...get().doctor, state: 'running', error: null } });
    try {
      const report = await api().doctor();
      if (seq === get().doctorSeq) set({ doctor: { state: 'done', report, error: null } });
    } catch (e) {
      if (seq === get().doctorSeq) set({ doctor: { state: 'error', report: get().doctor.report, error: errorText(e) } });
    }
  },

  pushToast(level, message) {
    const t = { id: get().nextToastId, level, message };
    set({ nextToastId: t.id + 1, toasts: [...get().toasts, t].slice(-MAX_TOASTS) });
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
    api()
      .openExternal(url)
      .catch((e: unknown) => get().pushToast('error', errorText(e)));
  },

  askOpenLink(href, text) {
    if (!/^https:\/\//i.test(href)) return;
    set({ pendingLink: { href, text } });
  },

  answerLink(open) {
    const link = get().pendingLink;
    set({ pendingLink: null });
    if (open && link) get().openExternal(link.href);
  },

  toggleSidebar(open) {
    set({ sidebarOpen: open ?? !get().sidebarOpen });
  },

  hideWindow() {
    api()
      .hideWindow()
      .catch((e: unknown) => get().pushToast('error', errorText(e)));
  },

  openFullWindow() {
    api()
      .openFullWindow(get().activeId)
      .catch((e: unknown) => get().pushToast('error', errorText(e)));
  },
});
