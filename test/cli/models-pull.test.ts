// `models pull` on a real pseudo-terminal: the bar shows speed and time left while a (slowed) Ollama double
// streams the layers, and Ctrl+C stops the pull and says what happened and how to go on (exit 130).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOllamaDouble, type OllamaDouble } from '../doubles/ollama-double.js';
import { startSlowProxy, type SlowProxy } from '../../e2e/harness/slow-proxy.js';
import { formatDuration, PullRate } from '../../src-main/cli/pull-rate.js';
import { onPty } from './helpers/pty.js';

const BIN = fileURLToPath(new URL('../../bin/koompi-ask', import.meta.url));
let ollama: OllamaDouble;
let proxy: SlowProxy;
let dir: string;
beforeAll(async () => {
  ollama = await startOllamaDouble({ pullLayers: 2, pullSteps: 60 });
  proxy = await startSlowProxy(ollama.url, 150);
  dir = mkdtempSync(join(tmpdir(), 'koompi-pull-'));
});
afterAll(async () => {
  await proxy.close();
  await ollama.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('PullRate', () => {
  it('estimates speed and time left from the bytes of a layer', () => {
    let now = 0;
    const r = new PullRate(() => now);
    r.update('a', 0, 10_000_000);
    now = 1000;
    const e = r.update('a', 1_000_000, 10_000_000);
    expect(e.bytesPerSecond).toBe(1_000_000);
    expect(e.secondsLeft).toBe(9);
    expect(formatDuration(95)).toBe('1m 35s');
  });
});

describe('koompi-ask models pull on a terminal', () => {
  it('shows speed and time left, and Ctrl+C stops it with a message and exit 130', async () => {
    const t = onPty([process.execPath, BIN, 'models', 'pull', 'qwen2.5:0.5b'], {
      env: { PATH: process.env.PATH, HOME: dir, KOOMPI_CONFIG_DIR: dir, OLLAMA_HOST: proxy.url, TERM: 'xterm-256color', LANG: 'C.UTF-8' },
    });
    await t.waitFor(/\/s {2}\d+(m \d+)?s left/, 40_000);
    t.type('\x03');
    expect(await t.exited).toBe(130);
    expect(t.screen()).toMatch(/pull of qwen2\.5:0\.5b stopped \(Ctrl\+C\); it is not installed\. Run the same command again/);
    expect(t.screen()).not.toContain('Pulled qwen2.5:0.5b');
  }, 60_000);
});
