// Models slice: installed models and model downloads with their progress (keyed by model name); download
// events go through the pure reducer in ./pull-events.
import type { StateCreator } from 'zustand';
import type { ModelInfo, PullEvent } from '../../src-main/ipc/channels';
import { api, errorText } from '../api';
import type { AppState } from './index';
import { freshPull, reducePullEvent, type PullState } from './pull-events';

export type { PullState } from './pull-events';

export interface ModelsSlice {
  models: ModelInfo[];
  modelsState: 'idle' | 'loading' | 'ok' | 'error';
  modelsError: string | null;
  pulls: Record<string, PullState>;
  refreshModels(): Promise<void>;
  pullModel(name: string): Promise<void>;
  cancelPull(name: string): Promise<void>;
  applyPullEvent(pullId: string, name: string, event: PullEvent): void;
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
      patch(n, () => freshPull(n));
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
      set({ pulls: reducePullEvent(get().pulls, pullId, name, event) });
      if (event.type === 'done') {
        void get().refreshModels();
        if (get().doctor.report) void get().runDoctor();
      }
    },
  };
};
