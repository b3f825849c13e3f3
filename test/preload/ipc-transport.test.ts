// The preload transport: the page gets payloads only (never the IPC event), unknown events are refused,
// and unsubscribing really removes the listener.
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { createApi } from '../../src-main/ipc/create-api.js';
import { createIpcTransport } from '../../src-main/preload/ipc-transport.js';

function fakeIpc() {
  const em = new EventEmitter();
  const invoked: [string, unknown][] = [];
  return {
    em,
    invoked,
    ipc: {
      invoke: async (c: string, p: unknown) => {
        invoked.push([c, p]);
        return c === 'chat:stop'
          ? { ok: false, error: { kind: 'failed', message: 'No such request.' } }
          : { ok: true, value: { requestId: 'r', conversationId: 'c' } };
      },
      on: (e: string, l: (...a: unknown[]) => void) => {
        em.on(e, l);
        return undefined as never;
      },
      removeListener: (e: string, l: (...a: unknown[]) => void) => {
        em.removeListener(e, l);
        return undefined as never;
      },
    },
  };
}

describe('createIpcTransport + createApi', () => {
  it('invokes channels and turns error envelopes into thrown errors', async () => {
    const f = fakeIpc();
    const api = createApi(createIpcTransport(f.ipc as never));
    expect(await api.ask('hello', null)).toEqual({ requestId: 'r', conversationId: 'c' });
    expect(f.invoked).toEqual([['chat:ask', { question: 'hello', conversationId: null }]]);
    await expect(api.stop('r')).rejects.toThrow('No such request.');
    await expect(api.stop('r')).rejects.toMatchObject({ name: 'IpcError', kind: 'failed' });
  });

  it('delivers only the payload and unsubscribes', () => {
    const f = fakeIpc();
    const api = createApi(createIpcTransport(f.ipc as never));
    const got: unknown[] = [];
    const off = api.onNotice((p) => got.push(p));
    f.em.emit('notice', { sender: 'secret-ipc-event' }, { level: 'info', message: 'hi' });
    off();
    f.em.emit('notice', {}, { level: 'info', message: 'after' });
    expect(got).toEqual([{ level: 'info', message: 'hi' }]);
    expect(f.em.listenerCount('notice')).toBe(0);
  });

  it('refuses unknown events', () => {
    expect(() => createIpcTransport(fakeIpc().ipc as never).on('fs:read' as never, () => {})).toThrow(/Unknown event/);
  });
});
