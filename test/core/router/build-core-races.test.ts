// buildCore under concurrency: a settings change while an answer streams, and two settings changes at once.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildCore } from '../../../src-main/core/router/index.js';
import { startOllamaDouble, type OllamaDouble } from '../../doubles/ollama-double.js';

let dir: string;
let ollama: OllamaDouble;
const ANSWER = 'word '.repeat(40);

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'koompi-core-races-'));
  ollama = await startOllamaDouble({ answer: ANSWER, framing: 'normal', tokenDelayMs: 10 });
});
afterEach(async () => {
  await ollama.close();
  await rm(dir, { recursive: true, force: true });
});

describe('buildCore races', () => {
  it('a settings change mid-answer does not cut the answer in flight; the next question uses the new settings', async () => {
    const core = await buildCore({ env: { OLLAMA_HOST: ollama.url }, configDir: dir });
    try {
      let chunks = 0;
      let changed: Promise<unknown> | null = null;
      const answer = core.ask({ question: 'tell me a long story about the moon' }, (e) => {
        if (e.type === 'chunk' && ++chunks === 3) changed = core.updateSettings({ keepAlive: '1h' });
      });
      const a = await answer;
      await changed;
      expect(chunks).toBeGreaterThan(3);
      expect(a.error).toBeNull();
      expect(a.text).toBe(ANSWER);
      ollama.setScenario({ tokenDelayMs: 0 });
      await core.ask({ question: 'tell me a short story about the sun' });
      const chat = ollama.requests.filter((r) => r.path === '/api/chat').at(-1)!;
      expect((chat.body as { keep_alive?: unknown }).keep_alive).toBe('1h');
    } finally {
      await core.close();
    }
  });

  it('two settings changes at once both stick, in memory and on disk', async () => {
    const core = await buildCore({ env: { OLLAMA_HOST: ollama.url }, configDir: dir });
    try {
      await Promise.all([
        core.updateSettings({ allowCloud: true }),
        core.updateSettings({ privacyMode: true }),
        core.updateSettings({ theme: 'dark' }),
      ]);
      expect(core.storedSettings()).toMatchObject({ allowCloud: true, privacyMode: true, theme: 'dark' });
      const file = JSON.parse(await readFile(join(dir, 'settings.json'), 'utf8')) as Record<string, unknown>;
      expect(file).toMatchObject({ allowCloud: true, privacyMode: true, theme: 'dark' });
    } finally {
      await core.close();
    }
  });

  it('a refused settings change says which setting and what it accepts, on its first line', async () => {
    const core = await buildCore({ env: { OLLAMA_HOST: ollama.url }, configDir: dir });
    try {
      const err = await core.updateSettings({ keepAlive: 'forever' }).then(
        () => null,
        (e: unknown) => e as Error,
      );
      expect(err).toBeInstanceOf(Error);
      const first = err!.message.split('\n')[0]!;
      expect(first).toContain('keepAlive');
      expect(first).toMatch(/30m/);
      // Nothing was saved, and the next change still works.
      expect(core.storedSettings().keepAlive).toBe('30m');
      await core.updateSettings({ keepAlive: '1h' });
      expect(core.storedSettings().keepAlive).toBe('1h');
    } finally {
      await core.close();
    }
  });
});
