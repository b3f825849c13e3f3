// A Gemini key that cannot travel in a header (mis-pasted: a line break, a zero-width space, a Khmer letter)
// is a key problem with its fix, never "cannot reach Gemini", and the key itself is never repeated back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGeminiClient } from '../../../src-main/core/providers/gemini/index.js';
import { ProviderError } from '../../../src-main/core/providers/provider.js';
import { createRouter } from '../../../src-main/core/router/index.js';
import { systemPrompt } from '../../../src-main/core/providers/system-prompt.js';
import { startGeminiDouble, type GeminiDouble } from '../../doubles/gemini-double.js';

let dbl: GeminiDouble;
beforeAll(async () => {
  dbl = await startGeminiDouble({ apiKey: 'AIzaGoodKey', answer: 'hi' });
});
afterAll(async () => {
  await dbl.close();
});

const BAD_KEYS = ['AIzaSy\nBroken', 'AIzaSy\u200bHidden', 'AIzaSyសួស្តី', 'AIza Sy Spaced', 'AIzaSy\u00a0Nbsp'];

describe('Gemini key format', () => {
  it('refuses a key with characters a key cannot have, as an auth problem, without any request or echo', async () => {
    for (const key of BAD_KEYS) {
      const client = createGeminiClient({ baseUrl: dbl.url, getApiKey: () => key, headersTimeoutMs: 2000 });
      const before = dbl.requests.length;
      const err = await client
        .chat({ model: '', system: '', messages: [{ role: 'user', content: 'hi' }] }, () => {})
        .then(
          () => null,
          (e: unknown) => e,
        );
      await client.close();
      expect(err).toBeInstanceOf(ProviderError);
      const pe = err as ProviderError;
      expect(pe.kind).toBe('auth');
      expect(pe.message).toMatch(/paste/i);
      expect(pe.fix).toMatch(/GEMINI_API_KEY|Settings/);
      for (const part of key.split(/[^A-Za-z]+/).filter((p) => p.length > 3)) {
        expect(pe.message + (pe.fix ?? '')).not.toContain(part);
      }
      expect(dbl.requests.length).toBe(before);
    }
  });

  it('through the router, such a key is an error (exit 1), not the fallback that says nothing is running', async () => {
    const cloud = createGeminiClient({ baseUrl: dbl.url, getApiKey: () => 'AIzaSy\nBroken', headersTimeoutMs: 2000 });
    const router = createRouter({
      settings: () => ({ allowCloud: true, privacyMode: false, ollamaHost: null }),
      local: () => null,
      cloud: () => cloud,
      intentContext: () => ({ hasKoompiCli: false }),
      systemPrompt,
    });
    const a = await router.ask({ question: 'write a poem about the Mekong river' });
    await cloud.close();
    expect(a.tier).toBe('cloud');
    expect(a.error).toMatch(/key/i);
    expect(a.error).not.toContain('Broken');
  });
});
