// Bundled (IIFE) into the e2e page before it loads: builds window.koompi with the SAME createApi the
// preload uses, over a Playwright binding (invokes) and a listener table the harness pushes events into.
import { createApi, type Transport } from '../src-main/ipc/create-api.js';
import type { Channel, Envelope, EventName } from '../src-main/ipc/channels.js';

type Listener = (payload: unknown) => void;
interface PageGlobals {
  __koompiInvoke(channel: Channel, payload: unknown): Promise<Envelope<unknown>>;
  __koompiEmit?: (event: EventName, payload: unknown) => void;
  koompi?: ReturnType<typeof createApi>;
}

const g = globalThis as unknown as PageGlobals;
const listeners = new Map<EventName, Set<Listener>>();

g.__koompiEmit = (event, payload) => {
  for (const l of listeners.get(event) ?? []) {
    try {
      l(payload);
    } catch (e) {
      console.error('listener failed', e);
    }
  }
};

const transport: Transport = {
  invoke: (channel, payload) => g.__koompiInvoke(channel, payload),
  on(event, listener) {
    let set = listeners.get(event);
    if (!set) listeners.set(event, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  },
};

g.koompi = Object.freeze(createApi(transport));
