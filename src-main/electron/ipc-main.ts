// Binds the IPC contract to ipcMain: every channel goes through the validating dispatcher after a
// sender check; events go to our windows, queued per window until its renderer says it is ready.
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { CHANNELS, type EventName, type Events } from '../ipc/channels.js';
import type { Dispatch } from '../ipc/dispatch.js';
import type { Emit } from '../core/service/ports.js';
import type { SenderInfo } from '../ipc/sender-check.js';

/** What the trust check needs from an invoke: who sent it, from which frame, showing what. */
export function senderInfo(event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>): SenderInfo {
  const frame = event.senderFrame;
  return { webContentsId: event.sender.id, frameUrl: frame?.url ?? null, isMainFrame: !!frame && frame.parent === null };
}

export interface WebContentsLike {
  id: number;
  send(channel: string, ...args: unknown[]): void;
  isDestroyed(): boolean;
}

const MAX_QUEUED = 2000;

export interface RendererEmitter {
  emit: Emit;
  sendTo<E extends EventName>(wc: WebContentsLike, event: E, payload: Events[E]): void;
  track(wc: WebContentsLike): void;
  untrack(id: number): void;
  setReady(id: number, ready: boolean): void;
  ids(): number[];
}

export function createRendererEmitter(): RendererEmitter {
  const windows = new Map<number, { wc: WebContentsLike; ready: boolean; queue: [string, unknown][] }>();
  const deliver = (id: number, event: string, payload: unknown) => {
    const w = windows.get(id);
    if (!w || w.wc.isDestroyed()) {
      windows.delete(id);
      return;
    }
    if (w.ready) w.wc.send(event, payload);
    else if (w.queue.length < MAX_QUEUED) w.queue.push([event, payload]);
  };
  return {
    emit: (event, payload) => {
      for (const id of [...windows.keys()]) deliver(id, event, payload);
    },
    sendTo: (wc, event, payload) => deliver(wc.id, event, payload),
    track: (wc) => {
      if (!windows.has(wc.id)) windows.set(wc.id, { wc, ready: false, queue: [] });
    },
    untrack: (id) => {
      windows.delete(id);
    },
    setReady(id, ready) {
      const w = windows.get(id);
      if (!w) return;
      w.ready = ready;
      if (!ready || w.wc.isDestroyed()) return;
      const queued = w.queue.splice(0);
      for (const [event, payload] of queued) w.wc.send(event, payload);
    },
    ids: () => [...windows.keys()],
  };
}

export function registerIpcHandlers(deps: {
  ipcMain: Pick<IpcMain, 'handle'>;
  dispatch: Dispatch;
  isTrusted: (event: IpcMainInvokeEvent) => boolean;
  onReady: (event: IpcMainInvokeEvent) => void;
}): void {
  for (const channel of CHANNELS) {
    deps.ipcMain.handle(channel, async (event, payload: unknown) => {
      if (!deps.isTrusted(event))
        return {
          ok: false,
          error: { kind: 'untrusted-sender', message: 'Refused: this request did not come from a KOOMPI Assistant window.' },
        };
      const result = await deps.dispatch(channel, payload);
      if (channel === 'app:ready' && result.ok) deps.onReady(event);
      return result;
    });
  }
}
