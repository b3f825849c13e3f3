// The assistant service under races and failures: a conversation deleted as its answer starts, two questions
// at once in one conversation, quitting while a model loads, and errors that must say what to do.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './service-harness.js';

let h: Harness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

const CLOSED = '127.0.0.1:9';

describe('assistant service races', () => {
  it('a conversation deleted before its answer starts still ends the request with a done event carrying an error', async () => {
    h = await startHarness({ double: { answer: 'hello there' } });
    const { requestId, conversationId } = await h.service.handlers['chat:ask']({
      conversationId: null,
      question: 'Explain what a kernel is',
    });
    await h.service.handlers['conversations:delete']({ id: conversationId });
    const done = await h.waitFor('chat:event', (p) => p.requestId === requestId && p.event.type === 'done', 5000);
    expect(done.event.type === 'done' && done.event.message.error).toMatch(/no longer exists/);
    await h.service.idle();
    expect(await h.service.handlers['conversations:list']({})).toEqual([]);
  });

  it('a second question in a conversation whose answer is still coming is refused clearly; the first is kept in order', async () => {
    h = await startHarness({ double: { answer: 'word '.repeat(30), tokenDelayMs: 10 } });
    const first = await h.service.handlers['chat:ask']({ conversationId: null, question: 'Tell me about Angkor Wat' });
    await expect(
      h.service.handlers['chat:ask']({ conversationId: first.conversationId, question: 'And about Phnom Penh?' }),
    ).rejects.toThrow(/still coming.*(wait|Stop)/i);
    await h.waitFor('chat:event', (p) => p.requestId === first.requestId && p.event.type === 'done');
    await h.service.idle();
    // Once it is done, the follow-up is taken, and the conversation reads question, answer, question, answer.
    const second = await h.service.handlers['chat:ask']({ conversationId: first.conversationId, question: 'And about Phnom Penh?' });
    await h.waitFor('chat:event', (p) => p.requestId === second.requestId && p.event.type === 'done');
    const conv = await h.service.handlers['conversations:get']({ id: first.conversationId });
    expect(conv?.messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user', 'assistant']);
    expect(conv?.messages[1]!.content).toBe('word '.repeat(30));
  });

  it('quitting while a warm-up waits on a loading model ends at once and closes the connection', async () => {
    h = await startHarness({ double: { hang: ['/api/chat'] } });
    await h.service.handlers['ollama:warm-up']({});
    const deadline = Date.now() + 5000;
    while (!h.ollama.requests.some((r) => r.path === '/api/chat') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(h.ollama.requests.some((r) => r.path === '/api/chat')).toBe(true);
    // The warm-up allows a minute and more for a cold load; quitting must not wait for it.
    let timer: NodeJS.Timeout | undefined;
    const outcome = await Promise.race([
      h.service.dispose().then(() => 'disposed'),
      new Promise((r) => {
        timer = setTimeout(() => r('still waiting'), 10_000);
      }),
    ]);
    clearTimeout(timer);
    expect(outcome).toBe('disposed');
    const until = Date.now() + 5000;
    const warm = h.ollama.requests.find((r) => r.path === '/api/chat')!;
    while (warm.outcome === 'pending' && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    expect(warm.outcome).toBe('client-closed');
  });

  it("a command the assistant runs never sees the Gemini key from the app's environment", async () => {
    const fence = 'Check it:\n\n```bash\necho "key=${GEMINI_API_KEY:-none}"\n```\n';
    h = await startHarness({ double: { answer: fence }, env: () => ({ GEMINI_API_KEY: 'AIzaSecretFromEnv123' }) });
    const r0 = await h.service.handlers['chat:ask']({ conversationId: null, question: 'Explain how I print an environment variable' });
    const done = await h.waitFor('chat:event', (p) => p.requestId === r0.requestId && p.event.type === 'done');
    const cmd = done.event.type === 'done' ? done.event.message.commands![0]! : null;
    h.answerConfirm({ approved: true });
    const r = await h.service.handlers['commands:run']({ commandId: cmd!.id, mode: 'inline' });
    if (!('runId' in r)) throw new Error(r.refused);
    await h.waitFor('command:event', (p) => p.runId === r.runId && p.event.type === 'exit');
    const out = h
      .of('command:event')
      .filter((p) => p.runId === r.runId)
      .map((p) => (p.event.type === 'output' ? p.event.data : ''))
      .join('');
    expect(out.replace(/\r\n/g, '\n')).toBe('key=none\n');
  });

  it('a setting switched on and back off at once ends off (the last change wins), in memory and on disk', async () => {
    h = await startHarness();
    const [a, b] = await Promise.all([
      h.service.handlers['settings:set']({ allowCloud: true }),
      h.service.handlers['settings:set']({ allowCloud: false }),
    ]);
    expect(a.allowCloud).toBe(true);
    expect(b.allowCloud).toBe(false);
    expect((await h.service.handlers['settings:get']({})).allowCloud).toBe(false);
    const file = JSON.parse(await readFile(join(h.dir, 'config', 'settings.json'), 'utf8')) as { allowCloud: boolean };
    expect(file.allowCloud).toBe(false);
  });

  it('a pull with Ollama down reports the error with what to do', async () => {
    h = await startHarness({ env: () => ({ OLLAMA_HOST: CLOSED }) });
    const { pullId } = await h.service.handlers['models:pull']({ name: 'llama3.2:1b' });
    const ev = await h.waitFor('pull:event', (p) => p.pullId === pullId && p.event.type === 'error');
    expect(ev.event.type === 'error' && ev.event.message).toContain('sudo systemctl enable --now ollama');
    const check = await h.service.handlers['ollama:check']({});
    expect(check.ok).toBe(false);
    expect(!check.ok && check.error).toContain('sudo systemctl enable --now ollama');
  });
});
