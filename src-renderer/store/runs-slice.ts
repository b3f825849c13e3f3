// Runs slice: command runs keyed by the command id: confirmation wait, live output, exit, refusal.
import type { StateCreator } from 'zustand';
import type { CommandRunEvent } from '../../src-main/ipc/contract';
import type { Risk } from '../types';
import { api, errorText } from '../api';
import type { AppState } from './index';

export type RunStatus = 'confirming' | 'running' | 'exited' | 'refused' | 'error';

export interface RunState {
  commandId: string;
  runId: string | null;
  status: RunStatus;
  mode: 'inline' | 'konsole';
  text: string | null;
  risk: Risk | null;
  output: string;
  code: number | null;
  signal: string | null;
  durationMs: number | null;
  timedOut: boolean;
  truncated: boolean;
  message: string | null;
}

export interface RunsSlice {
  runs: Record<string, RunState>;
  runCommand(commandId: string, mode: 'inline' | 'konsole'): Promise<void>;
  cancelRun(commandId: string): Promise<void>;
  applyCommandEvent(runId: string, commandId: string, event: CommandRunEvent): void;
}

/** Output kept per run in the UI (the core bounds what it sends too). */
const MAX_OUTPUT = 200_000;

function fresh(commandId: string, mode: 'inline' | 'konsole'): RunState {
  return { commandId, runId: null, status: 'confirming', mode, text: null, risk: null, output: '', code: null, signal: null, durationMs: null, timedOut: false, truncated: false, message: null };
}

export const createRunsSlice: StateCreator<AppState, [], [], RunsSlice> = (set, get) => {
  const patch = (commandId: string, fn: (r: RunState) => RunState) => {
    const cur = get().runs[commandId];
    if (!cur) return;
    set({ runs: { ...get().runs, [commandId]: fn(cur) } });
  };

  return {
    runs: {},

    async runCommand(commandId, mode) {
      const cur = get().runs[commandId];
      if (cur && (cur.status === 'confirming' || cur.status === 'running')) return;
      set({ runs: { ...get().runs, [commandId]: fresh(commandId, mode) } });
      try {
        const r = await api().runCommand(commandId, mode);
        if ('refused' in r) patch(commandId, (x) => ({ ...x, status: 'refused', message: r.refused }));
        else patch(commandId, (x) => ({ ...x, runId: r.runId, status: x.status === 'confirming' ? 'running' : x.status }));
      } catch (e) {
        patch(commandId, (x) => ({ ...x, status: 'error', message: errorText(e) }));
      }
    },

    async cancelRun(commandId) {
      const r = get().runs[commandId];
      if (!r?.runId || r.status !== 'running') return;
      try {
        await api().cancelRun(r.runId);
      } catch (e) {
        get().pushToast('error', errorText(e));
      }
    },

    applyCommandEvent(runId, commandId, event) {
      if (!get().runs[commandId]) set({ runs: { ...get().runs, [commandId]: { ...fresh(commandId, 'inline'), status: 'running' } } });
      patch(commandId, (r) => {
        const base = { ...r, runId };
        switch (event.type) {
          case 'start':
            return { ...base, status: r.status === 'exited' ? r.status : 'running', text: event.text, risk: event.risk, mode: event.mode };
          case 'output': {
            const out = r.output + event.data;
            return { ...base, output: out.length > MAX_OUTPUT ? out.slice(out.length - MAX_OUTPUT) : out, truncated: r.truncated || out.length > MAX_OUTPUT };
          }
          case 'exit':
            return { ...base, status: 'exited', code: event.code, signal: event.signal, durationMs: event.durationMs, timedOut: !!event.timedOut, truncated: r.truncated || !!event.truncated };
          case 'error':
            return { ...base, status: 'error', message: event.message };
        }
        return base;
      });
    },
  };
};
