// The dispatcher: unknown channels, malformed payloads and over-long questions are refused with a readable
// message before any handler runs; handler errors come back as data without stacks.
import { describe, expect, it } from 'vitest';
import { MAX_QUESTION_CHARS } from '../../src-main/ipc/channels.js';
import { createDispatcher } from '../../src-main/ipc/dispatch.js';

function setup() {
  const calls: unknown[] = [];
  const dispatch = createDispatcher({
    'chat:ask': async (req) => {
      calls.push(req);
      return { requestId: 'r1', conversationId: 'c1' };
    },
    'chat:stop': async () => {
      throw new Error('No such request.\n    at secret (/home/user/x.ts:1:1)');
    },
    'conversations:list': async () => {
      throw { weird: true };
    },
  });
  return { dispatch, calls };
}

describe('createDispatcher', () => {
  it('passes a valid payload (parsed) to its handler and wraps the result', async () => {
    const { dispatch, calls } = setup();
    expect(await dispatch('chat:ask', { conversationId: null, question: '  hello  ' })).toEqual({
      ok: true,
      value: { requestId: 'r1', conversationId: 'c1' },
    });
    expect(calls).toEqual([{ conversationId: null, question: 'hello' }]);
  });

  it.each([
    ['unknown channel', 'fs:read', { path: '/etc/passwd' }, /Unknown channel/],
    ['prototype key as channel', '__proto__', {}, /Unknown channel/],
    ['inherited key as channel', 'toString', {}, /Unknown channel/],
    ['wrong type', 'chat:ask', { conversationId: null, question: 42 }, /Invalid request for chat:ask \(question\)/],
    ['missing field', 'chat:ask', { question: 'hi' }, /Invalid request for chat:ask \(conversationId\)/],
    ['extra key', 'chat:ask', { conversationId: null, question: 'hi', command: 'rm -rf /' }, /Invalid request for chat:ask/],
    ['empty question', 'chat:ask', { conversationId: null, question: '   ' }, /The question is empty/],
    [
      'over-long question',
      'chat:ask',
      { conversationId: null, question: 'a'.repeat(MAX_QUESTION_CHARS + 1) },
      new RegExp(`longer than ${MAX_QUESTION_CHARS} characters`),
    ],
    ['not an object', 'chat:ask', 'hello', /Invalid request/],
    ['null payload', 'chat:stop', null, /Invalid request/],
    ['path-like id', 'chat:stop', { requestId: '../../etc' }, /Invalid request for chat:stop \(requestId\)/],
    ['command text instead of id', 'commands:run', { commandId: 'x', mode: 'inline', text: 'rm -rf ~' }, /Invalid request/],
    ['http external link', 'shell:open-external', { url: 'http://example.com' }, /Invalid request/],
  ])('refuses %s before any handler runs', async (_name, channel, payload, error) => {
    const { dispatch, calls } = setup();
    const r = await dispatch(channel, payload);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.message).toMatch(error);
    expect(!r.ok && r.error.kind).toBe(/Unknown channel/.test(String(error)) ? 'unknown-channel' : 'invalid-request');
    expect(calls).toEqual([]);
  });

  it('names the first bad field of an invalid request', async () => {
    const { dispatch } = setup();
    expect(await dispatch('chat:ask', { conversationId: null, question: 42 })).toMatchObject({
      ok: false,
      error: { kind: 'invalid-request', field: 'question' },
    });
  });

  it('turns thrown errors into one readable line, never a stack', async () => {
    const { dispatch } = setup();
    expect(await dispatch('chat:stop', { requestId: 'r1' })).toEqual({ ok: false, error: { kind: 'failed', message: 'No such request.' } });
    expect(await dispatch('conversations:list', {})).toEqual({ ok: false, error: { kind: 'failed', message: 'Something went wrong.' } });
  });

  it('answers a known channel without a handler with a clear message', async () => {
    const { dispatch } = setup();
    expect(await dispatch('doctor:run', {})).toEqual({
      ok: false,
      error: { kind: 'unavailable', message: 'doctor:run is not available here.' },
    });
  });
});
