// buildCore: settings file + env overrides + key precedence, settings updates rebuild the Ollama client; doctor checks.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCore } from '../../../src-main/core/router/index.js';
import { startOllamaDouble, type OllamaDouble } from '../../doubles/ollama-double.js';
import { startGeminiDouble, type GeminiDouble } from '../../doubles/gemini-double.js';

let dir: string;
let ollama: OllamaDouble;
let other: OllamaDouble;
let gemini: GeminiDouble;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'koompi-core-'));
  ollama = await startOllamaDouble({ answer: 'first' });
  other = await startOllamaDouble({ answer: 'second', models: [{ name: 'qwen2.5:3b' }] });
  gemini = await startGeminiDouble({ apiKey: 'env-key', answer: 'cloud says hi' });
});
afterAll(async () => {
  await Promise.all([ollama.close(), other.close(), gemini.close()]);
  await rm(dir, { recursive: true, force: true });
});

describe('buildCore', () => {
  it('reads settings, reports a reset file, and answers through the configured Ollama', async () => {
    await writeFile(join(dir, 'settings.json'), '{ not json');
    const core = await buildCore({ env: {}, configDir: dir });
    try {
      expect(core.settingsNotice).toMatch(/reset to the defaults/);
      const updated = await core.updateSettings({ ollamaHost: ollama.url });
      expect(updated.ollamaHost).toBe(ollama.url);
      expect((await core.ask({ question: 'tell me about penguins in Antarctica' })).text).toBe('first');
      await core.updateSettings({ ollamaHost: other.url, model: 'qwen2.5:3b' });
      const a = await core.ask({ question: 'tell me about penguins in Antarctica' });
      expect(a.text).toBe('second');
      expect(a.model).toBe('qwen2.5:3b');
    } finally {
      await core.close();
    }
  });

  it('env overrides settings; GEMINI_API_KEY wins over the stored key', async () => {
    const env = {
      OLLAMA_HOST: '127.0.0.1:9',
      GEMINI_API_KEY: 'env-key',
      KOOMPI_GEMINI_BASE_URL: gemini.url,
      KOOMPI_GEMINI_MODEL: 'gemini-test',
    };
    const core = await buildCore({ env, configDir: dir, getGeminiKey: () => 'stored-key' });
    try {
      await core.updateSettings({ allowCloud: true });
      expect(core.settings().ollamaHost).toBe('127.0.0.1:9');
      expect(core.storedSettings().ollamaHost).toBe(other.url);
      expect(await core.geminiKey()).toBe('env-key');
      const a = await core.ask({ question: 'tell me about penguins in Antarctica' });
      expect(a.tier).toBe('cloud');
      expect(a.model).toBe('gemini-test');
      expect(gemini.requests.at(-1)!.headers['x-goog-api-key']).toBe('env-key');
      const rep = await core.doctor();
      expect(rep.ok).toBe(true);
      expect(rep.checks.find((c) => c.id === 'ollama')?.status).toBe('fail');
      expect(rep.checks.find((c) => c.id === 'ollama')?.fix).toBe('sudo systemctl enable --now ollama');
      expect(rep.checks.find((c) => c.id === 'gemini-key')?.message).toContain('GEMINI_API_KEY');
      expect(rep.checks.find((c) => c.id === 'cloud')?.status).toBe('ok');
    } finally {
      await core.close();
    }
  });

  it('the stored key is used when no env key; doctor names a missing model with its pull command', async () => {
    const core = await buildCore({
      env: { OLLAMA_HOST: ollama.url, KOOMPI_MODEL: 'missing:7b' },
      configDir: dir,
      getGeminiKey: async () => 'stored-key',
    });
    try {
      expect(await core.geminiKey()).toBe('stored-key');
      const rep = await core.doctor();
      const model = rep.checks.find((c) => c.id === 'model')!;
      expect(model.status).toBe('fail');
      expect(model.fix).toBe('koompi-ask models pull missing:7b');
      expect(rep.checks.find((c) => c.id === 'gemini-key')?.message).toContain('stored in Settings');
    } finally {
      await core.close();
    }
  });
});
