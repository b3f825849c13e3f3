// ipcMain glue: every channel registered, foreign senders refused before dispatch, events queued per
// window until its renderer says ready.
import { describe, expect, it } from 'vitest';
import type { IpcMainInvokeEvent } from 'electron';
import { CHANNELS } from '../../src-main/ipc/channels.js';
import { createDispatcher } from '../../src-main/ipc/dispatch.js';
import { isTrustedSender } from '../../src-main/ipc/sender-check.js';
import { createRendererEmitter, registerIpcHandlers, senderInfo } from '../../src-main/electron/ipc-main.js';

type Handler = (e: IpcMainInvokeEvent, payload: unknown) => Promise<unknown>;

function fakeWc(id: number) {
  const sent: [string, unknown][] = [];
  return {
    id,
    sent,
    send: (c: string, p: unknown) => {
      sent.push([c, p]);
    },
    isDestroyed: () => false,
  };
}

describe('registerIpcHandlers', () => {
  it('registers every channel and refuses foreign senders before any handler runs', async () => {
    const handlers = new Map<string, Handler>();
    const emitter = createRendererEmitter();
    emitter.track(fakeWc(1));
    let asked = 0;
    const dispatch = createDispatcher({
      'chat:ask': async () => {
        asked++;
        return { requestId: 'r', conversationId: 'c' };
      },
      'app:ready': async ({ view }) => ({
        version: '1',
        view,
        settings: {} as never,
        key: { set: false, backend: 'x', plainText: false },
        hotkey: { accelerator: '', path: 'none', detail: '' },
        notices: [],
      }),
    });
    const ready: number[] = [];
    registerIpcHandlers({
      ipcMain: {
        handle: (c: string, h: Handler) => {
          handlers.set(c, h);
        },
      } as never,
      dispatch,
      isTrusted: (e) => isTrustedSender(senderInfo(e), { ownWebContentsIds: () => emitter.ids(), appOrigin: 'app://koompi' }),
      onReady: (e) => ready.push(e.sender.id),
    });
    expect([...handlers.keys()].sort()).toEqual([...CHANNELS].sort());

    const ev = (id: number, url: string, parent: unknown = null) =>
      ({ sender: { id }, senderFrame: { url, parent } }) as unknown as IpcMainInvokeEvent;
    const ask = handlers.get('chat:ask')!;
    const payload = { conversationId: null, question: 'hi' };
    expect(await ask(ev(2, 'app://koompi/index.html?view=overlay'), payload)).toMatchObject({
      ok: false,
      error: { kind: 'untrusted-sender', message: expect.stringMatching(/Refused/) },
    });
    expect(await ask(ev(1, 'https://evil.example/'), payload)).toMatchObject({
      ok: false,
      error: { kind: 'untrusted-sender', message: expect.stringMatching(/Refused/) },
    });
    expect(await ask(ev(1, 'app://koompi/index.html', { url: 'app://koompi/index.html' }), payload)).toMatchObject({
      ok: false,
      error: { kind: 'untrusted-sender' },
    });
    expect(asked).toBe(0);
    expect(await ask(ev(1, 'app://koompi/index.html?view=overlay'), payload)).toEqual({
      ok: true,
      value: { requestId: 'r', conversationId: 'c' },
    });
    expect(asked).toBe(1);
    expect(await ask(ev(1, 'app://koompi/index.html?view=overlay'), { question: 7 })).toMatchObject({ ok: false });
    expect(asked).toBe(1);

    await handlers.get('app:ready')!(ev(1, 'app://koompi/index.html?view=overlay'), { view: 'overlay' });
    expect(ready).toEqual([1]);
  });
});

describe('createRendererEmitter', () => {
  it('queues events per window until its renderer is ready, then delivers them in order', () => {
    const em = createRendererEmitter();
    const a = fakeWc(1);
    const b = fakeWc(2);
    em.track(a);
    em.track(b);
    em.emit('notice', { level: 'info', message: 'one' });
    em.setReady(1, true);
    expect(a.sent).toEqual([['notice', { level: 'info', message: 'one' }]]);
    em.emit('notice', { level: 'info', message: 'two' });
    em.sendTo(b, 'app:command', { type: 'focus-input' });
    expect(a.sent.map(([, p]) => (p as { message: string }).message)).toEqual(['one', 'two']);
    expect(b.sent).toEqual([]);
    em.setReady(2, true);
    expect(b.sent.map(([c]) => c)).toEqual(['notice', 'notice', 'app:command']);
    em.setReady(1, false); // reload: queue again
    em.emit('notice', { level: 'info', message: 'three' });
    expect(a.sent).toHaveLength(2);
    em.untrack(2);
    expect(em.ids()).toEqual([1]);
  });
});
