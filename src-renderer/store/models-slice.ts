// Models slice: installed models and model downloads with their progress (keyed by model name).
import type { StateCreator } from 'zustand';
import type { ModelInfo, PullProgress } from '../../src-main/ipc/contract';
import { api, errorText } from '../api';
import type { AppState } from './index';

export interface PullState {
  name: string;
  pullId: string | null;
  state: 'running' | 'done' | 'error';
  status: string;
  percent: number | null;
  error: string | null;
}

export interface ModelsSlice {
  models: ModelInfo[];
  modelsState: 'idle' | 'loading' | 'ok' | 'error';
  modelsError: string | null;
  pulls: Record<string, PullState>;
  refreshModels(): Promise<void>;
  pullModel(name: string): Promise<void>;
  cancelPull(name: string): Promise<void>;
  applyPullEvent(pullId: string, name: string, event: PullProgress): void;
}

export const createModelsSlice: StateCreator<AppState, [], [], ModelsSlice> = (set, get) => {
  const patch = (name: string, fn: (p: PullState) => PullState) => {
    const cur = get().pulls[name] ?? { name, pullId: null, state: 'running', status: '', percent: null, error: null };
    set({ pulls: { ...get().pulls, [name]: fn(cur) } });
  };
  return {
    models: [],
    modelsState: 'idle',
    modelsError: null,
    pulls: {},

    async refreshModels() {
      set({ modelsState: 'loading' });
      try {
        set({ models: await api().listModels(), modelsState: 'ok', modelsError: null });
      } catch (e) {
        set({ modelsState: 'error', modelsError: errorText(e) });
      }
    },

    async pullModel(name) {
      const n = name.trim();
      if (!n || get().pulls[n]?.state === 'running') return;
      patch(n, () => ({ name: n, pullId: null, state: 'running', status: '', percent: 0, error: null }));
      try {
        const { pullId } = await api().pullModel(n);
        patch(n, (p) => ({ ...p, pullId }));
      } catch (e) {
        patch(n, (p) => ({ ...p, state: 'error', error: errorText(e) }));
      }
    },

    async cancelPull(name) {
      const p = get().pulls[name];
      if (!p?.pullId || p.state !== 'running') return;
      try {
        await api().cancelPull(p.pullId);
      } catch (e) {
        get().pushToast('error', errorText(e));
      }
    },

    applyPullEvent(pullId, name, event) {
      if (event.type === 'progress') {
        const pct = event.percent ?? (event.total ? ((event.completed ?? 0) / event.total) * 100 : null);
        patch(name, (p) => ({ ...p, pullId, status: event.status, percent: pct ?? p.percent }));
      } else if (event.type === 'done') {
        patch(name, (p) => ({ ...p, pullId, state: 'done', percent: 100 }));
        void get().refreshModels();
        if (get().doctor.report) void get().runDoctor();
      } else {
        patch(name, (p) => ({ ...p, pullId, state: 'error', error: event.message }));
      }
    },
  };
};
