// The Ollama chat provider and model manager against the protocol double on 127.0.0.1: streaming, errors, timeouts, abort.
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startOllamaDouble, tokenize, type DoubleOptions, type OllamaDouble } from '../../doubles/ollama-double.js';
import { OllamaChatProvider, type OllamaChatOptions } from '../../../src-main/core/providers/ollama/chat-provider.js';
import { createOllamaFromEnv } from '../../../src-main/core/providers/ollama/factory.js';
import { parseModelfile } from '../../../src-main/core/providers/ollama/modelfile.js';
import type { PullProgress } from '../../../src-main/core/providers/ollama/models.js';
import { ProviderError } from '../../../src-main/core/providers/provider.js';
import { statusError } from '../../../src-main/core/providers/ollama/http.js';

const KHMER_ANSWER = 'ដើម្បីដំឡើង Firefox សូមប្រើ:\n\n```bash\nkoompi pkg install firefox\n```\nរួចរាល់ 🚀';
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function setup(
  opts: DoubleOptions = {},
  client: Partial<OllamaChatOptions> = {},
): Promise<{ d: OllamaDouble; p: OllamaChatProvider }> {
  const d = await startOllamaDouble({ answer: KHMER_ANSWER, ...opts });
  const p = new OllamaChatProvider({ host: d.url, ...client });
  cleanups.push(
    () => d.close(),
    () => p.close(),
  );
  return { d, p };
}

const ask = { model: 'qwen2.5:1.5b', system: 'SYS', messages: [{ role: 'user' as const, content: 'how do I install firefox?' }] };

async function chatCollect(
  p: OllamaChatProvider,
  req = ask,
): Promise<{ text: string; stats?: Awaited<ReturnType<OllamaChatProvider['chat']>>; error?: ProviderError }> {
  let text = '';
  try {
    const stats = await p.chat(req, (t) => {
      text += t;
    });
    return { text, stats };
  } catch (e) {
    if (!(e instanceof ProviderError)) throw e;
    return { text, error: e };
  }
}

describe('OllamaChatProvider.chat', () => {
  it('streams the text byte for byte in normal and chaotic framing (several seeds) and keeps the stats', async () => {
    const { d, p } = await setup();
    for (const [framing, seed] of [
      ['normal', 1],
      ['chaotic', 1],
      ['chaotic', 2],
      ['chaotic', 3],
    ] as const) {
      d.setScenario({ framing, seed });
      const r = await chatCollect(p);
      expect(r.error).toBeUndefined();
      expect(r.text).toBe(KHMER_ANSWER);
      const n = tokenize(KHMER_ANSWER).length;
      expect(r.stats).toMatchObject({
        doneReason: 'stop',
        evalCount: n,
        evalDurationNs: n * 20_000_000,
        promptEvalCount: 26,
        loadDurationNs: 1_000_000,
      });
      expect(r.stats?.tokensPerSecond).toBeCloseTo(50, 6);
    }
    const sent = d.requests.find((r) => r.path === '/api/chat')!.body as Record<string, unknown>;
    expect(sent).toMatchObject({
      model: 'qwen2.5:1.5b',
      stream: true,
      messages: [
        { role: 'system', content: 'SYS' },
        { role: 'user', content: 'how do I install firefox?' },
      ],
    });
  });

  it('sends keep_alive and model options from its settings', async () => {
    const { d, p } = await setup({}, { keepAlive: '30m', modelOptions: { temperature: 0.2 } });
    await chatCollect(p);
    expect(d.requests.at(-1)!.body).toMatchObject({ keep_alive: '30m', options: { temperature: 0.2 } });
  });

  it('keeps the text already delivered and raises a stream error on an error line mid-stream', async () => {
    const { p } = await setup({ errorAfterTokens: 5, errorMessage: 'model runner has unexpectedly stopped', framing: 'chaotic' });
    const r = await chatCollect(p);
    expect(r.text).toBe(tokenize(KHMER_ANSWER).slice(0, 5).join(''));
    expect(r.error?.kind).toBe('stream');
    expect(r.error?.message).toContain('model runner has unexpectedly stopped');
  });

  it('raises a stream error when the stream is cut before done', async () => {
    const { p } = await setup({ cutAfterTokens: 4 });
    const r = await chatCollect(p);
    expect(r.text).toBe(tokenize(KHMER_ANSWER).slice(0, 4).join(''));
    expect(r.error?.kind).toBe('stream');
  });

  it('raises a stream error when the stream ends cleanly without done', async () => {
    const { p } = await setup({ omitDone: true, framing: 'chaotic' });
    const r = await chatCollect(p);
    expect(r.text).toBe(KHMER_ANSWER);
    expect(r.error?.kind).toBe('stream');
    expect(r.error?.message).toContain('cut off');
  });

  it('names the pull command for a missing model', async () => {
    const { p } = await setup();
    const r = await chatCollect(p, { ...ask, model: 'llama3.2:3b' });
    expect(r.error?.kind).toBe('model-missing');
    expect(r.error?.fix).toBe('Run: koompi-ask models pull llama3.2:3b');
    expect(r.text).toBe('');
  });

  it('times out when the first token does not come', async () => {
    const { p } = await setup({ firstTokenDelayMs: 5_000 }, { firstTokenTimeoutMs: 300 });
    const r = await chatCollect(p);
    expect(r.error?.kind).toBe('timeout');
  });

  it('passes an abort to the socket: the double sees the connection closed', async () => {
    const { d, p } = await setup({ tokens: Array.from({ length: 400 }, (_, i) => `t${i} `), tokenDelayMs: 5 });
    const ctl = new AbortController();
    let text = '';
    const pending = p.chat({ ...ask, signal: ctl.signal }, (t) => {
      text += t;
      if (text.length > 20) ctl.abort();
    });
    await expect(pending).rejects.toMatchObject({ kind: 'aborted' });
    await vi.waitFor(() => expect(d.requests.find((r) => r.path === '/api/chat')?.outcome).toBe('client-closed'), { timeout: 2000 });
  });
});

describe('OllamaChatProvider.availability', () => {
  it('reports the version and picks koompi-assistant when installed, else qwen2.5:1.5b', async () => {
    const { d, p } = await setup({ models: [{ name: 'qwen2.5:1.5b' }] }, { availabilityCacheMs: 0 });
    expect(await p.availability()).toEqual({ ok: true, model: 'qwen2.5:1.5b', version: d.scenario.version });
    d.models.push({ name: 'koompi-assistant:latest' });
    expect(await p.availability()).toMatchObject({ ok: true, model: 'koompi-assistant:latest' });
  });

  it('caches the answer for a few seconds', async () => {
    const { d, p } = await setup();
    await p.availability();
    await p.availability();
    expect(d.requests.filter((r) => r.path === '/api/version')).toHaveLength(1);
    p.invalidate();
    await p.availability();
    expect(d.requests.filter((r) => r.path === '/api/version')).toHaveLength(2);
  });

  it('says which pull fixes a configured model that is missing, or that no model is there', async () => {
    const { d, p } = await setup({ models: [] }, { model: 'llama3.2:1b', availabilityCacheMs: 0 });
    expect(await p.availability()).toEqual({
      ok: false,
      reason: 'The model llama3.2:1b is not installed in Ollama.',
      fix: 'Run: koompi-ask models pull llama3.2:1b',
      kind: 'model-missing',
    });
    const auto = new OllamaChatProvider({ host: d.url });
    cleanups.push(() => auto.close());
    const a = await auto.availability();
    expect(a.ok).toBe(false);
    if (!a.ok) expect(a.fix).toContain('koompi-ask models pull qwen2.5:1.5b');
  });

  it('fails fast on a closed port, with the fix to start Ollama', async () => {
    const srv = createServer();
    await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
    const port = (srv.address() as AddressInfo).port;
    await new Promise<void>((r) => srv.close(() => r()));
    const p = new OllamaChatProvider({ host: `http://127.0.0.1:${port}` });
    cleanups.push(() => p.close());
    const t0 = Date.now();
    const a = await p.availability();
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(a).toMatchObject({ ok: false, fix: 'Start Ollama: sudo systemctl enable --now ollama' });
    if (!a.ok) expect(a.reason).toContain('not reachable');
  });

  it('fails within about a second on a server that accepts and never answers', async () => {
    const { p } = await setup({ hang: true });
    const t0 = Date.now();
    const a = await p.availability();
    const took = Date.now() - t0;
    expect(a.ok).toBe(false);
    expect(took).toBeGreaterThanOrEqual(800); // it waited for its deadline, not for ever
    expect(took).toBeLessThan(3000);
  });
});

describe('warm-up and model management', () => {
  it('preloads the model with the empty chat request and keep_alive', async () => {
    const { d, p } = await setup({}, { keepAlive: '15m' });
    expect(await p.warmUp()).toBe('load');
    expect(d.requests.at(-1)!.body).toEqual({ model: 'qwen2.5:1.5b', messages: [], stream: false, keep_alive: '15m' });
    expect([...d.loaded.keys()]).toEqual(['qwen2.5:1.5b']);
    expect((await p.models.ps()).map((m) => m.name)).toEqual(['qwen2.5:1.5b']);
  });

  it('lists with sizes, shows, pulls with progress events, removes', async () => {
    const { d, p } = await setup({ models: [{ name: 'qwen2.5:1.5b', size: 986_061_892 }], framing: 'chaotic' });
    expect((await p.models.list()).map((m) => [m.name, m.size, m.parameterSize])).toEqual([['qwen2.5:1.5b', 986_061_892, '1.5B']]);
    expect((await p.models.show('qwen2.5:1.5b')).family).toBe('qwen2');
    await expect(p.models.show('nope')).rejects.toMatchObject({ kind: 'model-missing', fix: 'Run: koompi-ask models pull nope' });

    const events: PullProgress[] = [];
    await p.models.pull('llama3.2:1b', (e) => events.push(e));
    expect(events[0]).toEqual({ status: 'pulling manifest' });
    expect(events.at(-1)).toEqual({ status: 'success' });
    const layer = events.filter((e) => e.digest);
    expect(layer.length).toBe(d.scenario.pullLayers * (d.scenario.pullSteps + 1));
    expect(layer.at(-1)).toMatchObject({ percent: 100 });
    expect(layer[0]).toMatchObject({ percent: 0, completed: 0 });
    expect(await p.models.has('llama3.2:1b')).toBe(true);

    d.setScenario({ unpullable: ['ghost'] });
    await expect(p.models.pull('ghost')).rejects.toMatchObject({ kind: 'stream', message: expect.stringContaining('file does not exist') });

    await p.models.remove('llama3.2:1b');
    expect(await p.models.has('llama3.2:1b')).toBe(false);
    await expect(p.models.remove('llama3.2:1b')).rejects.toMatchObject({ kind: 'model-missing' });
  });

  it('creates koompi-assistant from the repo Modelfile through /api/create', async () => {
    const { d, p } = await setup();
    const spec = parseModelfile(readFileSync(new URL('../../../assets/ollama/Modelfile', import.meta.url), 'utf8'));
    const statuses: string[] = [];
    await p.models.create('koompi-assistant', spec, (e) => statuses.push(e.status));
    expect(statuses.at(-1)).toBe('success');
    expect(d.requests.at(-1)!.body).toEqual({
      model: 'koompi-assistant',
      from: 'qwen2.5:1.5b',
      system: spec.system,
      parameters: spec.parameters,
      stream: true,
    });
    expect((await p.models.show('koompi-assistant')).system).toBe(spec.system);
  });
});

describe('createOllamaFromEnv', () => {
  it('reads OLLAMA_HOST (bare host:port) and KOOMPI_MODEL over the setting', async () => {
    const d = await startOllamaDouble({ models: [{ name: 'tiny:1b' }, { name: 'qwen2.5:1.5b' }] });
    const c = createOllamaFromEnv({ OLLAMA_HOST: `127.0.0.1:${d.port}`, KOOMPI_MODEL: 'tiny:1b' }, { model: 'qwen2.5:1.5b' });
    cleanups.push(
      () => d.close(),
      () => c.close(),
    );
    expect(c.host).toBe(d.url);
    expect(await c.provider.availability()).toMatchObject({ ok: true, model: 'tiny:1b' });
  });
});

describe('statusError', () => {
  it('maps Ollama error bodies to kinds with fixes', () => {
    expect(statusError(404, '{"error":"model \'x:1b\' not found"}')).toMatchObject({
      kind: 'model-missing',
      fix: 'Run: koompi-ask models pull x:1b',
    });
    expect(statusError(500, '{"error":"llama runner process has terminated"}')).toMatchObject({
      kind: 'server',
      message: 'Ollama answered HTTP 500: llama runner process has terminated',
    });
    expect(statusError(502, '<html>bad gateway</html>').message).toContain('<html>bad gateway</html>');
  });
});
