// The preload's transport for createApi: invoke over ipcRenderer, and event subscriptions (known events
// only) that hand the page the payload alone, never the IPC event, and return their unsubscribe.
import type { IpcRenderer, IpcRendererEvent } from 'electron';
import type { Transport } from '../ipc/create-api.js';
import { isEventName, type Envelope } from '../ipc/channels.js';

export function createIpcTransport(ipc: Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>): Transport {
  return {
    invoke: (channel, payload) => ipc.invoke(channel, payload) as Promise<Envelope<unknown>>,
    on(event, listener) {
      if (!isEventName(event)) throw new Error(`Unknown event ${String(event)}`);
      const wrapped = (_e: IpcRendererEvent, payload: unknown) => listener(payload);
      ipc.on(event, wrapped);
      return () => {
        ipc.removeListener(event, wrapped);
      };
    },
  };
}
