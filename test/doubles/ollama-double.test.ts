// Drives the Ollama double with the official `ollama` npm client, so the double cannot drift from the real protocol.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Ollama } from 'ollama';
import { startOllamaDouble, tokenize, type OllamaDouble } from './ollama-double.js';

let d: OllamaDouble;
let ollama: Ollama;

beforeEach(async () => {
  d = await startOllamaDouble({ models: [{ name: 'qwen2.5:1.5b', size: 986_061_892 }], answer: 'សួស្តី! Run `koompi pkg update` now.' });
  ollama = new Ollama({ host: d.url });
});
afterEach(async () => {
  await d.close();
});

describe('ollama double, driven by the official client', () => {
  it('answers version', async () => {
    expect(await ollama.version()).toEqual({ version: d.scenario.version });
  });

  it('streams a chat in normal and chaotic framing, ending with done and timings', async () => {
    for (const framing of ['normal', 'chaotic'] as const) {
      d.setScenario({ framing, seed: 7 });
      const stream = await ollama.chat({ model: 'qwen2.5:1.5b', messages: [{ role: 'user', content: 'hi' }], stream: true });
      let text = '';
      let last: { done: boolean; done_reason: string; eval_count: number; eval_duration: number } | undefined;
      for await (const part of stream) {
        text += part.message.content;
        last = part;
      }
      expect(text).toBe(d.scenario.answer);
      expect(last?.done).toBe(true);
      expect(last?.done_reason).toBe('stop');
      expect(last?.eval_count).toBe(tokenize(d.scenario.answer).length);
      expect(last?.eval_duration).toBeGreaterThan(0);
    }
  });

  it('answers a non-streamed chat and the empty preload request', async () => {
    const r = await ollama.chat({ model: 'qwen2.5:1.5b', messages: [{ role: 'user', content: 'hi' }], stream: false });
    expect(r.message.content).toBe(d.scenario.answer);
    const load = await ollama.chat({ model: 'qwen2.5:1.5b', messages: [], keep_alive: '10m' });
    expect(load.done_reason).toBe('load');
    const gen = await ollama.generate({ model: 'qwen2.5:1.5b', prompt: '' });
    expect(gen.done_reason).toBe('load');
    const ps = await ollama.ps();
    expect(ps.models.map((m) => m.name)).toEqual(['qwen2.5:1.5b']);
  });

  it('raises the documented error line mid-stream to the official client', async () => {
    d.setScenario({ errorAfterTokens: 2, errorMessage: 'boom' });
    const stream = await ollama.chat({ model: 'qwen2.5:1.5b', messages: [{ role: 'user', content: 'hi' }], stream: true });
    let text = '';
    await expect(
      (async () => {
        for await (const p of stream) text += p.message.content;
      })(),
    ).rejects.toThrow('boom');
    expect(text).toBe(tokenize(d.scenario.answer).slice(0, 2).join(''));
  });

  it('gives 404 with an error body for a missing model', async () => {
    await expect(ollama.chat({ model: 'nope:1b', messages: [{ role: 'user', content: 'hi' }] })).rejects.toMatchObject({
      status_code: 404,
      error: "model 'nope:1b' not found",
    });
    await expect(ollama.show({ model: 'nope:1b' })).rejects.toMatchObject({ status_code: 404 });
  });

  it('lists, shows, pulls with progress, creates and deletes', async () => {
    const list = await ollama.list();
    expect(list.models.map((m) => [m.name, m.size])).toEqual([['qwen2.5:1.5b', 986_061_892]]);
    const shown = await ollama.show({ model: 'qwen2.5' + ':1.5b' });
    expect(shown.details.family).toBe('qwen2');

    const statuses: string[] = [];
    let sawBytes = false;
    for await (const p of await ollama.pull({ model: 'llama3.2:1b', stream: true })) {
      statuses.push(p.status);
      if (p.total && p.completed === p.total && p.digest) sawBytes = true;
    }
    expect(statuses[0]).toBe('pulling manifest');
    expect(statuses.slice(-3)).toEqual(['verifying sha256 digest', 'writing manifest', 'success']);
    expect(sawBytes).toBe(true);
    expect((await ollama.list()).models.map((m) => m.name)).toContain('llama3.2:1b');

    const created: string[] = [];
    for await (const p of await ollama.create({
      model: 'koompi-assistant',
      from: 'qwen2.5:1.5b',
      system: 'Be brief.',
      parameters: { temperature: 0.3 },
      stream: true,
    })) {
      created.push(p.status);
    }
    expect(created[created.length - 1]).toBe('success');
    const mine = await ollama.show({ model: 'koompi-assistant' });
    expect(mine.system).toBe('Be brief.');
    expect(mine.parameters).toMatch(/temperature\s+0\.3/);

    await ollama.delete({ model: 'llama3.2:1b' });
    expect((await ollama.list()).models.map((m) => m.name)).not.toContain('llama3.2:1b');
    await expect(ollama.delete({ model: 'llama3.2:1b' })).rejects.toMatchObject({ status_code: 404 });
  });

  it('reports an unknown model in the pull stream', async () => {
    d.setScenario({ unpullable: ['no-such-model'] });
    const it2 = await ollama.pull({ model: 'no-such-model', stream: true });
    await expect(
      (async () => {
        for await (const _ of it2) {
          /* drain */
        }
      })(),
    ).rejects.toThrow('file does not exist');
  });
});
