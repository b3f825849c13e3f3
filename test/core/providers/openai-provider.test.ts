// The OpenAI-compatible local tier against the protocol double: streamed text exact under any framing, the
// model chosen from /v1/models, and every failure a ProviderError with the right kind and a fix.
import { afterEach, describe, expect, it } from 'vitest';
import { OpenAICompatProvider } from '../../../src-main/core/providers/openai/index.js';
import { ProviderError } from '../../../src-main/core/providers/provider.js';
import { startOpenAIDouble, type OpenAIDouble } from '../../doubles/openai-double.js';

let d: OpenAIDouble | null = null;
const providers: OpenAICompatProvider[] = [];
afterEach(async () => {
  await Promise.all(providers.splice(0).map((p) => p.close()));
  await d?.close();
  d = null;
});

function make(opts: Partial<ConstructorParameters<typeof OpenAICompatProvider>[0]> = {}): OpenAICompatProvider {
  const p = new OpenAICompatProvider({ baseUrl: d!.baseUrl, random: () => 0.5, ...opts });
  providers.push(p);
  return p;
}
const ask = async (
  p: OpenAICompatProvider,
  model: string,
  notices: string[] = [],
): Promise<{ text: string; error: ProviderError | null }> => {
  let text = '';
  try {
    await p.chat(
      { model, system: 'SYS', messages: [{ role: 'user', content: 'install firefox' }], onNotice: (m) => notices.push(m) },
      (t) => {
        text += t;
      },
    );
    return { text, error: null };
  } catch (e) {
    return { text, error: e as ProviderError };
  }
};
const TOKENS = ['ដំឡើង', ' Firefox', ' ដោយ', ': 🦊', '\n```bash\nsudo pacman -S firefox\n```\n'];

describe('OpenAICompatProvider', () => {
  it('takes the first listed model, sends system + user, and streams the exact text under chaotic framing, CRLF and comments', async () => {
    for (const [seed, crlf, comments] of [
      [1, false, false],
      [2, true, false],
      [3, false, true],
      [4, true, true],
    ] as const) {
      d = await startOpenAIDouble({ tokens: TOKENS, framing: 'chaotic', crlf, comments, seed, models: ['qwen2.5-1.5b-instruct', 'phi3'] });
      const p = make();
      const av = await p.availability();
      expect(av).toEqual({ ok: true, model: 'qwen2.5-1.5b-instruct' });
      const r = await ask(p, 'qwen2.5-1.5b-instruct');
      expect(r.error).toBeNull();
      expect(r.text).toBe(TOKENS.join(''));
      const body = d.requests.find((q) => q.path === '/v1/chat/completions')!.body as { messages: unknown[]; stream: boolean };
      expect(body.stream).toBe(true);
      expect(body.messages).toEqual([
        { role: 'system', content: 'SYS' },
        { role: 'user', content: 'install firefox' },
      ]);
      await p.close();
      providers.pop();
      await d.close();
      d = null;
    }
  });

  it('sends the key as a Bearer header only; a wrong key is an auth error pointing to set-key', async () => {
    d = await startOpenAIDouble({ apiKey: 'sk-school' });
    expect((await ask(make({ getApiKey: () => 'sk-school' }), 'qwen2.5-1.5b-instruct')).error).toBeNull();
    expect(d.requests.at(-1)!.headers.authorization).toBe('Bearer sk-school');
    const bad = make({ getApiKey: () => 'sk-wrong' });
    const av = await bad.availability();
    expect(av).toMatchObject({ ok: false, kind: 'auth', fix: expect.stringMatching(/config set-key openai/) });
    const r = await ask(bad, 'qwen2.5-1.5b-instruct');
    expect(r.error).toMatchObject({ kind: 'auth' });
  });

  it('a configured model the server lacks: not available, with the names it has and the command to pick one', async () => {
    d = await startOpenAIDouble({ models: ['llama-3.2-1b'] });
    const av = await make({ model: 'qwen-missing' }).availability();
    expect(av).toMatchObject({ ok: false, kind: 'model-missing', fix: 'Run: koompi-ask config set openaiModel llama-3.2-1b' });
    const r = await ask(make(), 'qwen-missing');
    expect(r.error).toMatchObject({ kind: 'model-missing' });
    expect(r.error!.fix).toMatch(/openaiModel/);
  });

  it('an error event mid-stream keeps the text before it and fails as a stream error', async () => {
    d = await startOpenAIDouble({ tokens: TOKENS, errorAfterTokens: 2, framing: 'chaotic' });
    const r = await ask(make(), 'qwen2.5-1.5b-instruct');
    expect(r.text).toBe(TOKENS.slice(0, 2).join(''));
    expect(r.error).toMatchObject({ kind: 'stream' });
    expect(r.error!.message).toMatch(/error part way/);
  });

  it('a cut socket and a stream without [DONE] or finish_reason are both "cut off", never a whole answer', async () => {
    d = await startOpenAIDouble({ tokens: TOKENS, cutAfterTokens: 3 });
    const cut = await ask(make(), 'qwen2.5-1.5b-instruct');
    expect(cut.text).toBe(TOKENS.slice(0, 3).join(''));
    expect(cut.error?.kind).toBe('stream');
    d.setScenario({ cutAfterTokens: null, omitDone: true });
    const noDone = await ask(make(), 'qwen2.5-1.5b-instruct');
    expect(noDone.text).toBe(TOKENS.join(''));
    expect(noDone.error?.message).toMatch(/cut off/);
  });

  it('503 while busy: waits with a notice saying how long, then answers', async () => {
    d = await startOpenAIDouble({ busyFor: 2 });
    const notices: string[] = [];
    const r = await ask(make({ busyPolicy: { budgetMs: 10_000, baseMs: 40, capMs: 100 } }), 'qwen2.5-1.5b-instruct', notices);
    expect(r.error).toBeNull();
    expect(notices).toHaveLength(2);
    expect(notices[0]).toMatch(/^Waiting for the server at http:\/\/127\.0\.0\.1:\d+\/v1: it is busy .*\d+ s so far/);
  });

  it('stays busy past the budget: gives up with the time waited and what to change on the server', async () => {
    d = await startOpenAIDouble({ busyFor: 1000 });
    const r = await ask(make({ busyPolicy: { budgetMs: 300, baseMs: 50, capMs: 100 } }), 'qwen2.5-1.5b-instruct');
    expect(r.error?.message).toMatch(/stayed busy for \d+ s/);
    expect(r.error?.fix).toMatch(/vLLM|OLLAMA_NUM_PARALLEL/);
  });

  it('a hung server times out (first token) instead of waiting forever; a closed port is unreachable', async () => {
    d = await startOpenAIDouble({ hang: true });
    const t0 = Date.now();
    const r = await ask(make({ firstTokenTimeoutMs: 300 }), 'qwen2.5-1.5b-instruct');
    expect(r.error?.kind).toBe('timeout');
    expect(Date.now() - t0).toBeLessThan(3000);
    const url = d.baseUrl;
    await d.close();
    d = null;
    const dead = new OpenAICompatProvider({ baseUrl: url });
    providers.push(dead);
    expect(await dead.availability()).toMatchObject({ ok: false, kind: 'unreachable' });
  });

  it('an address that is not an OpenAI API (no /v1) says how to fix the address', async () => {
    d = await startOpenAIDouble();
    const p = new OpenAICompatProvider({ baseUrl: d.url });
    providers.push(p);
    const av = await p.availability();
    expect(av).toMatchObject({ ok: false });
    expect(!av.ok && av.fix).toMatch(/\/v1/);
  });
});
