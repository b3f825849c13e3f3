// The chat's event handling as pure reducers: events before the request id are kept and replayed, other
// requests change nothing, chunks append (and split), done finalises with the core's id and commands.
import { describe, expect, it } from 'vitest';
import {
  EARLY_MAX,
  fromView,
  reduceAccepted,
  reduceChatEvent,
  reduceChunk,
  type ChatEventState,
} from '../../src-renderer/store/chat-events.js';

function pendingState(): ChatEventState {
  const user = fromView({ id: 'u1', role: 'user', content: 'hi', createdAt: '' });
  const answer = { ...fromView({ id: 'a1', role: 'assistant', content: '', createdAt: '' }), streaming: true };
  return { messages: [user, answer], pending: { requestId: null, conversationId: null, messageId: 'a1' }, early: [] };
}
const answerOf = (s: ChatEventState) => s.messages.find((m) => m.key === 'a1')!;

describe('chat event reducers', () => {
  it('keeps events that arrive before the request id, and replays only ours once it is known', () => {
    let s = pendingState();
    s = reduceChatEvent(s, 'r1', 'c1', { type: 'start', tier: 'local', model: 'qwen', intent: null });
    s = reduceChatEvent(s, 'r1', 'c1', { type: 'chunk', text: 'Hello' });
    s = reduceChatEvent(s, 'r-other', 'c9', { type: 'chunk', text: 'NOT OURS' });
    expect(s.early).toHaveLength(3);
    expect(answerOf(s).content).toBe('');
    s = reduceAccepted(s, 'a1', 'r1', 'c1');
    expect(s.early).toEqual([]);
    expect(s.pending).toEqual({ requestId: 'r1', conversationId: 'c1', messageId: 'a1' });
    expect(answerOf(s)).toMatchObject({ content: 'Hello', tier: 'local', model: 'qwen' });
  });

  it('bounds the early queue', () => {
    let s = pendingState();
    for (let i = 0; i < EARLY_MAX + 10; i++) s = reduceChatEvent(s, 'r1', 'c1', { type: 'chunk', text: 'x' });
    expect(s.early).toHaveLength(EARLY_MAX);
  });

  it('ignores other requests and returns the same state object for them', () => {
    const s = reduceAccepted(pendingState(), 'a1', 'r1', 'c1');
    expect(reduceChatEvent(s, 'r2', 'c1', { type: 'chunk', text: 'x' })).toBe(s);
    expect(reduceChunk(s, 'r2', 'x')).toBe(s);
    expect(reduceChunk(s, 'r1', '')).toBe(s);
  });

  it('appends chunks into finished blocks and an open tail, collects notices and speed', () => {
    let s = reduceAccepted(pendingState(), 'a1', 'r1', 'c1');
    s = reduceChunk(s, 'r1', 'First paragraph.\n\nSecond');
    s = reduceChatEvent(s, 'r1', 'c1', { type: 'notice', message: 'Using the local model.' });
    s = reduceChatEvent(s, 'r1', 'c1', { type: 'stats', tokensPerSecond: 12 });
    const a = answerOf(s);
    expect(a.split.blocks).toEqual(['First paragraph.']);
    expect(a.split.tail).toBe('Second');
    expect(a.notices).toEqual(['Using the local model.']);
    expect(a.tokensPerSecond).toBe(12);
  });

  it('finalises on done with the core id, commands and error, and clears pending', () => {
    let s = reduceAccepted(pendingState(), 'a1', 'r1', 'c1');
    s = reduceChunk(s, 'r1', 'Run `df -h`');
    const commands = [{ id: 'cmd-1', command: 'df -h', risk: 'safe' as const, reasons: [], argv: null }];
    s = reduceChatEvent(s, 'r1', 'c1', {
      type: 'done',
      message: { id: 'm-9', role: 'assistant', content: 'Run `df -h`', createdAt: '', tier: 'local', commands, error: null },
    });
    expect(s.pending).toBeNull();
    const a = answerOf(s);
    expect(a).toMatchObject({ id: 'm-9', key: 'a1', streaming: false, commands });
    // Events after done change nothing.
    expect(reduceChatEvent(s, 'r1', 'c1', { type: 'chunk', text: 'late' })).toBe(s);
  });
});
