// The channels only the host can answer: windows, the external browser and the Gemini key (the key goes
// into safeStorage; the renderer only ever gets its status back).
import type { Handlers, HostChannel, KeyStore } from '../core/service/ports.js';
import { isHttpsUrl } from './window-factory.js';

export interface HostHandlerDeps {
  keyStore: KeyStore;
  hideWindows: () => void;
  openFull: (conversationId: string | null) => void;
  openExternal: (url: string) => Promise<void>;
  /** Key changes alter what the doctor and the router see. */
  onKeyChanged?: () => void;
}

export function createHostHandlers(d: HostHandlerDeps): Handlers<HostChannel> {
  return {
    'window:hide': async () => d.hideWindows(),
    'window:open-full': async ({ conversationId }) => d.openFull(conversationId ?? null),
    'shell:open-external': async ({ url }) => {
      if (!isHttpsUrl(url)) throw new Error('Only https links open in the browser.');
      await d.openExternal(url);
    },
    'key:status': () => d.keyStore.status(),
    'key:set': async ({ key }) => {
      const s = await d.keyStore.set(key);
      d.onKeyChanged?.();
      return s;
    },
    'key:clear': async () => {
      const s = await d.keyStore.clear();
      d.onKeyChanged?.();
      return s;
    },
  };
}
