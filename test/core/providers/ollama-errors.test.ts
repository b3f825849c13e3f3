// Every way an Ollama answer can fail part way comes with what to do about it, not just what went wrong.
import { afterEach, describe, expect, it } from 'vitest';
import { startOllamaDouble, type DoubleOptions } from '../../doubles/ollama-double.js';
import { OllamaChatProvider } from '../../../src-main/core/providers/ollama/chat-provider.js';
import { ProviderError } from '../../../src-main/core/providers/provider.js';
import { statusError } from '../../../src-main/core/providers/ollama/http.js';
import { createRouter } from '../../../src-main/core/router/index.js';
import { systemPrompt } from '../../../src-main/core/providers/system-prompt.js';

const ANSWER = 'Use this:\n\n```bash\nkoompi pkg install firefox\n```\nរួចរាល់';
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function failure(opts: DoubleOptions, client: { idleTimeoutMs?: number } = {}): Promise<ProviderError> {
  const d = await startOllamaDouble({ answer: ANSWER, ...opts });
  const p = new OllamaChatProvider({ host: d.url, ...client });
  cleanups.push(
    () => d.close(),
    () => p.close(),
  );
  const err = await p
    .chat({ model: 'qwen2.5:1.5b', system: '', messages: [{ role: 'user', content: 'install firefox?' }] }, () => {})
    .then(
      () => null,
      (e: unknown) => e,
    );
  expect(err).toBeInstanceOf(ProviderError);
  return err as ProviderError;
}

const SAYS_WHAT_TO_DO = /journalctl -u ollama/;

describe('Ollama answer failures say what to do', () => {
  it('an error line mid-stream', async () => {
    const e = await failure({ errorAfterTokens: 3, errorMessage: 'model runner has unexpectedly stopped' });
    expect(e.kind).toBe('stream');
    expect(e.fix).toMatch(SAYS_WHAT_TO_DO);
  });

  it('the connection closed mid-answer', async () => {
    const e = await failure({ cutAfterTokens: 3 });
    expect(e.kind).toBe('stream');
    expect(e.fix).toMatch(SAYS_WHAT_TO_DO);
  });

  it('a stream that ends without its final line', async () => {
    const e = await failure({ omitDone: true });
    expect(e.kind).toBe('stream');
    expect(e.fix).toMatch(SAYS_WHAT_TO_DO);
  });

  it('silence mid-answer longer than the idle limit', async () => {
    // undici checks body silence on a coarse (about 1 s) clock, so the gap is made well longer than that.
    const e = await failure({ framing: 'normal', tokenDelayMs: 3000 }, { idleTimeoutMs: 150 });
    expect(e.kind).toBe('timeout');
    expect(e.fix).toMatch(SAYS_WHAT_TO_DO);
  });

  it('a server error status', () => {
    const e = statusError(500, '{"error":"llama runner process has terminated: signal: killed"}');
    expect(e.kind).toBe('server');
    expect(e.fix).toMatch(SAYS_WHAT_TO_DO);
  });

  it('a pull the registry refuses names where to check the model name', async () => {
    const d = await startOllamaDouble({ unpullable: ['ghost:1b'] });
    const p = new OllamaChatProvider({ host: d.url });
    cleanups.push(
      () => d.close(),
      () => p.close(),
    );
    const err = await p.models.pull('ghost:1b').then(
      () => null,
      (e: unknown) => e as ProviderError,
    );
    expect(err?.message).toContain('file does not exist');
    expect(err?.fix).toContain('ollama.com/library');
  });

  it("the router puts the fix in the answer's error line, partial text kept", async () => {
    const d = await startOllamaDouble({ answer: ANSWER, errorAfterTokens: 3 });
    const local = new OllamaChatProvider({ host: d.url });
    cleanups.push(
      () => d.close(),
      () => local.close(),
    );
    const router = createRouter({
      settings: () => ({ allowCloud: false, privacyMode: false, ollamaHost: d.url }),
      local: () => local,
      cloud: () => null,
      intentContext: () => ({ hasKoompiCli: false }),
      systemPrompt,
    });
    const a = await router.ask({ question: 'how do I check disk space' });
    expect(a.text.length).toBeGreaterThan(0);
    expect(a.error).toMatch(SAYS_WHAT_TO_DO);
  });
});
