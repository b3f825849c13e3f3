// A shared Ollama under load (the double limited like OLLAMA_NUM_PARALLEL / OLLAMA_MAX_QUEUE): a 503 is waited out
// with backoff and notices, the budget ends with an explanation, and a saturated server is never called dead.
import { networkInterfaces } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { OllamaChatProvider } from '../../../src-main/core/providers/ollama/chat-provider.js';
import { OllamaHttp, statusError } from '../../../src-main/core/providers/ollama/http.js';
import { backoffDelay, DEFAULT_BUSY_POLICY } from '../../../src-main/core/providers/busy-retry.js';
import type { ProviderError } from '../../../src-main/core/providers/provider.js';
import { BUSY_MESSAGE, startOllamaDouble, type OllamaDouble } from '../../doubles/ollama-double.js';

let d: OllamaDouble | null = null;
const open: OllamaChatProvider[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((p) => p.close()));
  await d?.close();
  d = null;
});

function provider(opts: ConstructorParameters<typeof OllamaChatProvider>[0] = {}): OllamaChatProvider {
  const p = new OllamaChatProvider({ host: d!.url, random: () => 0.5, ...opts });
  open.push(p);
  return p;
}
async function ask(
  p: OllamaChatProvider,
  notices: string[] = [],
  content = 'hello',
): Promise<{ text: string; error: ProviderError | null }> {
  let text = '';
  try {
    await p.chat({ model: 'qwen2.5:1.5b', system: '', messages: [{ role: 'user', content }], onNotice: (m) => notices.push(m) }, (t) => {
      text += t;
    });
    return { text, error: null };
  } catch (e) {
    return { text, error: e as ProviderError };
  }
}

describe('Ollama under load', () => {
  it("the double answers 503 with Ollama's words once the slots and the queue are full", async () => {
    d = await startOllamaDouble({ numParallel: 1, maxQueue: 1, tokenDelayMs: 30 });
    const p = provider({ busyPolicy: { budgetMs: 0, baseMs: 10, capMs: 10 } });
    const results = await Promise.all([ask(p), ask(p), ask(p)]);
    expect(results.filter((r) => r.error === null)).toHaveLength(2);
    const refused = results.find((r) => r.error !== null)!;
    expect(refused.error!.message).toContain(BUSY_MESSAGE);
    expect(d.load).toMatchObject({ maxActive: 1, maxQueued: 1, rejected: 1 });
  });

  it('waits out a full server: every one of 12 concurrent questions is answered, with "waiting" notices', async () => {
    d = await startOllamaDouble({ numParallel: 2, maxQueue: 2, tokenDelayMs: 5 });
    const p = provider({ busyPolicy: { budgetMs: 20_000, baseMs: 20, capMs: 200 } });
    const notices: string[] = [];
    const results = await Promise.all(Array.from({ length: 12 }, () => ask(p, notices)));
    expect(results.every((r) => r.error === null && r.text === d!.scenario.answer)).toBe(true);
    expect(d.load.rejected).toBeGreaterThan(0);
    expect(d.load.maxActive).toBeLessThanOrEqual(2);
    expect(notices.length).toBe(d.load.rejected);
    expect(notices[0]).toMatch(
      /^Waiting for the server at http:\/\/127\.0\.0\.1:\d+: it is busy answering others \(\d+ s so far; asking again in \d+ s\)\.$/,
    );
  });

  it('speaks Khmer to a Khmer question while it waits', async () => {
    d = await startOllamaDouble({ numParallel: 1, maxQueue: 0, tokenDelayMs: 20 });
    const p = provider({ busyPolicy: { budgetMs: 5000, baseMs: 20, capMs: 50 } });
    const notices: string[] = [];
    const [a, b] = await Promise.all([ask(p), ask(p, notices, 'តើខ្ញុំដំឡើង firefox យ៉ាងដូចម្ដេច')]);
    expect(a.error).toBeNull();
    expect(b.error).toBeNull();
    expect(notices[0]).toMatch(/^កំពុងរង់ចាំម៉ាស៊ីនមេ/);
  });

  it('gives up when the budget is spent, saying for how long and what the server can change', async () => {
    d = await startOllamaDouble({ numParallel: 1, maxQueue: 0, firstTokenDelayMs: 1500 });
    const p = provider({ busyPolicy: { budgetMs: 300, baseMs: 50, capMs: 100 } });
    const hog = ask(p);
    await new Promise((r) => setTimeout(r, 100));
    const r = await ask(p);
    expect(r.error?.kind).toBe('server');
    expect(r.error?.message).toMatch(/stayed busy for \d+ s .*server busy/);
    expect(r.error?.fix).toMatch(/OLLAMA_NUM_PARALLEL/);
    expect((await hog).error).toBeNull();
  });

  it('the liveness check calls a saturated server usable (it waits in chat), a stuck one unavailable, a closed port dead', async () => {
    d = await startOllamaDouble({ numParallel: 1, maxQueue: 0, firstTokenDelayMs: 1500, livenessDelayWhenBusyMs: 300 });
    const p = provider({ model: 'qwen2.5:1.5b', availabilityCacheMs: 0 });
    const hog = ask(p);
    await new Promise((r) => setTimeout(r, 100));
    expect(d.load.active).toBe(1);
    expect(await p.availability()).toMatchObject({ ok: true, model: 'qwen2.5:1.5b' });
    await hog;
    d.setScenario({ hang: ['/api/version', '/api/tags'] });
    expect(await provider({ livenessTimeoutMs: 200 }).availability()).toMatchObject({ ok: false, kind: 'timeout' });
    const port = d.port;
    await d.close();
    d = null;
    const dead = new OllamaChatProvider({ host: `http://127.0.0.1:${port}`, availabilityCacheMs: 0 });
    open.push(dead);
    expect(await dead.availability()).toMatchObject({ ok: false, kind: 'unreachable' });
  });

  const lan = Object.values(networkInterfaces())
    .flat()
    .find((a) => a?.family === 'IPv4' && !a.internal)?.address;
  it.skipIf(!lan)(
    'a school server on the network that answers its liveness late is waited for, not called dead (skipped without a LAN address)',
    async () => {
      d = await startOllamaDouble({
        listenHost: lan!,
        numParallel: 1,
        maxQueue: 0,
        firstTokenDelayMs: 1200,
        livenessDelayWhenBusyMs: 2000,
      });
      const p = provider({ model: 'qwen2.5:1.5b', availabilityCacheMs: 0, busyPolicy: { budgetMs: 20_000, baseMs: 100, capMs: 400 } });
      const hog = ask(p);
      await new Promise((r) => setTimeout(r, 100));
      const t0 = Date.now();
      expect(await p.availability()).toMatchObject({ ok: true, model: 'qwen2.5:1.5b' });
      expect(Date.now() - t0).toBeLessThan(2500); // inside the router's guard
      const notices: string[] = [];
      const r = await ask(p, notices);
      expect(r.error).toBeNull();
      expect(r.text).toBe(d.scenario.answer);
      expect((await hog).error).toBeNull();
      // A stuck one is given up on when the budget is spent, saying so, never "not running".
      d.setScenario({ hang: ['/api/version', '/api/tags'] });
      const stuck = provider({
        model: 'qwen2.5:1.5b',
        availabilityCacheMs: 0,
        livenessTimeoutMs: 200,
        busyPolicy: { budgetMs: 300, baseMs: 100, capMs: 100 },
      });
      expect((await stuck.availability()).ok).toBe(true);
      const given = await ask(stuck);
      expect(given.error?.message).toMatch(/stayed busy for \d+ s/);
    },
    30_000,
  );

  it('backoff: grows, is capped, has jitter, and honours Retry-After', () => {
    const lo = (n: number) => backoffDelay(n, DEFAULT_BUSY_POLICY, () => 0);
    const hi = (n: number) => backoffDelay(n, DEFAULT_BUSY_POLICY, () => 0.999);
    expect([lo(1), lo(2), lo(3)]).toEqual([250, 500, 1000]);
    expect(hi(1)).toBeGreaterThan(lo(1));
    expect(hi(20)).toBeLessThanOrEqual(DEFAULT_BUSY_POLICY.capMs);
    expect(backoffDelay(1, DEFAULT_BUSY_POLICY, () => 0, 3)).toBe(3000);
    const e = statusError(503, JSON.stringify({ error: BUSY_MESSAGE }), undefined, '7', 'http://s:11434');
    expect(e.retryAfterSeconds).toBe(7);
    expect(e.message).toBe(`Ollama at http://s:11434 is busy: ${BUSY_MESSAGE}`);
    expect(new OllamaHttp({ host: 'http://s:1' }).baseUrl).toBe('http://s:1');
  });
});
