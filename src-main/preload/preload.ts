// The preload (sandboxed): exposes window.koompi, the domain API built by createApi over ipcRenderer.
// ipcRenderer itself never reaches the page.
import { contextBridge, ipcRenderer } from 'electron';
import { createApi } from '../ipc/create-api.js';
import { createIpcTransport } from './ipc-transport.js';

contextBridge.exposeInMainWorld('koompi', createApi(createIpcTransport(ipcRenderer)));
