// Model download events as a pure reducer: (downloads by model name, event) -> downloads. The models
// slice applies it and does the side effects (refreshing the list and the health check when one is done).
import type { PullEvent } from '../../src-main/ipc/channels.js';

export interface PullState {
  name: string;
  pullId: string | null;
  state: 'running' | 'done' | 'error';
  status: string;
  percent: number | null;
  error: string | null;
}

export type Pulls = Record<string, PullState>;

export function freshPull(name: string): PullState {
  return { name, pullId: null, state: 'running', status: '', percent: 0, error: null };
}

export function reducePullEvent(pulls: Pulls, pullId: string, name: string, event: PullEvent): Pulls {
  const cur = pulls[name] ?? { ...freshPull(name), percent: null };
  let next: PullState;
  if (event.type === 'progress') {
    const pct = event.percent ?? (event.total ? ((event.completed ?? 0) / event.total) * 100 : null);
    next = { ...cur, pullId, status: event.status, percent: pct === null ? cur.percent : Math.max(0, Math.min(100, pct)) };
  } else if (event.type === 'done') {
    next = { ...cur, pullId, state: 'done', percent: 100 };
  } else {
    next = { ...cur, pullId, state: 'error', error: event.message };
  }
  return { ...pulls, [name]: next };
}
