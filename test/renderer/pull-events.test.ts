// Model download events as a pure reducer: progress from percent or bytes (clamped), done, error; other
// downloads untouched.
import { describe, expect, it } from 'vitest';
import { freshPull, reducePullEvent, type Pulls } from '../../src-renderer/store/pull-events.js';

describe('reducePullEvent', () => {
  it('tracks progress, done and errors per model, leaving the others as they were', () => {
    const other = freshPull('llama3');
    let s: Pulls = { 'qwen2.5:1.5b': freshPull('qwen2.5:1.5b'), llama3: other };
    s = reducePullEvent(s, 'p1', 'qwen2.5:1.5b', { type: 'progress', status: 'pulling', completed: 50, total: 200 });
    expect(s['qwen2.5:1.5b']).toMatchObject({ pullId: 'p1', status: 'pulling', percent: 25, state: 'running' });
    s = reducePullEvent(s, 'p1', 'qwen2.5:1.5b', { type: 'progress', status: 'verifying' });
    expect(s['qwen2.5:1.5b']!.percent).toBe(25);
    s = reducePullEvent(s, 'p1', 'qwen2.5:1.5b', { type: 'progress', status: 'x', percent: 140 });
    expect(s['qwen2.5:1.5b']!.percent).toBe(100);
    s = reducePullEvent(s, 'p1', 'qwen2.5:1.5b', { type: 'done' });
    expect(s['qwen2.5:1.5b']).toMatchObject({ state: 'done', percent: 100 });
    expect(s.llama3).toBe(other);
    const failed = reducePullEvent(s, 'p2', 'llama3', { type: 'error', message: 'no space left' });
    expect(failed.llama3).toMatchObject({ state: 'error', error: 'no space left', pullId: 'p2' });
    expect(s.llama3).toBe(other);
  });
});
