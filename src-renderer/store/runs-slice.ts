// Runs slice: command runs keyed by the command id: confirmation wait, live terminal output (kept as a scrollback
// tail plus a running total, so the terminal view writes only what is new), typing and size sent back, exit, refusal.
import type { StateCreator } from 'zustand';
import type { CommandRunEvent } from '../../src-main/ipc/channels';
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
  /** The last MAX_OUTPUT characters of the terminal output. */
  output: string;
  /** Characters of output received in all (output may hold only the tail). */
  outputTotal: number;
  code: number | null;
  signal: string | null;
  durationMs: number | null;
  timedOut: boolean;
  truncated: boolean;
  message: string | null;
  /** Why the main process refused the run, by kind (said in the user's language), or null. */
  refusal: { kind: 'declined' | 'wrong-word' | 'gone' | 'error' | null; word: string | null } | null;
}

export interface RunsSlice {
  runs: Record<string, RunState>;
  /** "Run all" of a block: the id the core gave the block, by its commands' ids joined with spaces. */
  blocks: Record<string, string>;
  /** Runs the lines of a block in one shell, in order, stopping at the first failure (one confirmation). */
  runBlock(commandIds: string[]): Promise<void>;
  runCommand(commandId: string, mode: 'inline' | 'konsole'): Promise<void>;
  cancelRun(commandId: string): Promise<void>;
  /** Keystrokes typed into the run's terminal. */
  sendRunInput(commandId: string, data: string): Promise<void>;
  /** The run's terminal size (columns, rows). */
  resizeRun(commandId: string, cols: number, rows: number): Promise<void>;
  applyCommandEvent(runId: string, commandId: string, event: CommandRunEvent): void;
}

/** Output kept per run in the UI: a scrollback, not a limit on the command (it runs on whatever it prints). */
const MAX_OUTPUT = 1_000_000;

function fresh(commandId: string, mode: 'inline' | 'konsole'): RunState {
  return {
    commandId,
    runId: null,
    status: 'confirming',
    mode,
    text: null,
    risk: null,
    output: '',
    outputTotal: 0,
    code: null,
    signal: null,
    durationMs: null,
    timedOut: false,
    truncated: false,
    message: null,
    refusal: null,
  };
}

export const createRunsSlice: StateCreator<AppState, [], [], RunsSlice> = (set, get) => {
  const patch = (commandId: string, fn: (r: RunState) => RunState) => {
    const cur = get().runs[commandId];
    if (!cur) return;
    set({ runs: { ...get().runs, [commandId]: fn(cur) } });
  };

  return {
    runs: {},
    blocks: {},

    async runBlock(commandIds) {
      const key = commandIds.join(' ');
      let id = get().blocks[key];
      if (!id) {
        try {
          const r = await api().blockCommand(commandIds);
          if ('refused' in r) {
            get().pushToast('error', r.refused);
            return;
          }
          id = r.command.id;
          set({ blocks: { ...get().blocks, [key]: id } });
        } catch (e) {
          get().pushToast('error', errorText(e));
          return;
        }
      }
      await get().runCommand(id, 'inline');
    },

    async runCommand(commandId, mode) {
      const cur = get().runs[commandId];
      if (cur && (cur.status === 'confirming' || cur.status === 'running')) return;
      set({ runs: { ...get().runs, [commandId]: fresh(commandId, mode) } });
      try {
        const r = await api().runCommand(commandId, mode);
        if ('refused' in r)
          patch(commandId, (x) => ({
            ...x,
            status: 'refused',
            message: r.refused,
            refusal: { kind: r.kind ?? null, word: r.word ?? null },
          }));
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

    async sendRunInput(commandId, data) {
      const r = get().runs[commandId];
      if (!r?.runId || r.status !== 'running') return;
      try {
        await api().sendRunInput(r.runId, data);
      } catch {
        /* the run ended meanwhile */
      }
    },

    async resizeRun(commandId, cols, rows) {
      const r = get().runs[commandId];
      if (!r?.runId || r.status !== 'running') return;
      try {
        await api().resizeRun(r.runId, cols, rows);
      } catch {
        /* the run ended meanwhile */
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
            return {
              ...base,
              output: out.length > MAX_OUTPUT ? out.slice(out.length - MAX_OUTPUT) : out,
              outputTotal: r.outputTotal + event.data.length,
            };
          }
          case 'exit':
            return {
              ...base,
              status: 'exited',
              code: event.code,
              signal: event.signal,
              durationMs: event.durationMs,
              timedOut: !!event.timedOut,
              truncated: r.truncated || !!event.truncated,
            };
          case 'error':
            return { ...base, status: 'error', message: event.message };
        }
        return base;
      });
    },
  };
};
