// The preload (sandboxed): exposes window.koompi, the domain API built by createApi over ipcRenderer.
// ipcRenderer itself never reaches the page; listeners get only the payload, never the IPC event.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { createApi, type Transport } from '../ipc/create-api.js';
import type { Envelope, EventName } from '../ipc/contract.js';

// Type-checked to be exactly the contract's events, without pulling the contract's zod schemas into the preload.
const EVENTS: Record<EventName, true> = { 'chat:event': true, 'command:event': true, 'pull:event': true, 'app:command': true, 'settings:changed': true, 'notice': true };

const transport: Transport = {
  invoke: (channel, payload) => ipcRenderer.invoke(channel, payload) as Promise<Envelope<unknown>>,
  on(event, listener) {
    if (!Object.hasOwn(EVENTS, event)) throw new Error(`Unknown event ${String(event)}`);
    const wrapped = (_e: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(event, wrapped);
    return () => { ipcRenderer.removeListener(event, wrapped); };
  },
};

contextBridge.exposeInMainWorld('koompi', createApi(transport));
