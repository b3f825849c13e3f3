// While a cold model loads (the Ollama double waits before its first token), koompi-ask says so with the seconds
// waited, on a real pseudo-terminal (redrawn, then cleared for the answer) and as one line when stderr is a pipe.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOllamaDouble, type OllamaDouble } from '../doubles/ollama-double.js';
import { onPty } from './helpers/pty.js';

const BIN = fileURLToPath(new URL('../../bin/koompi-ask', import.meta.url));
let ollama: OllamaDouble;
let dir: string;
beforeAll(async () => {
  ollama = await startOllamaDouble({ answer: 'Here it is.', firstTokenDelayMs: 3500 });
  dir = mkdtempSync(join(tmpdir(), 'koompi-wait-'));
});
afterAll(async () => {
  await ollama.close();
  rmSync(dir, { recursive: true, force: true });
});
const env = (): NodeJS.ProcessEnv => ({
  PATH: process.env.PATH,
  HOME: dir,
  KOOMPI_CONFIG_DIR: dir,
  KOOMPI_HAS_CLI: '0',
  OLLAMA_HOST: ollama.url,
  TERM: 'xterm-256color',
  LANG: 'C.UTF-8',
});

describe('a cold model', () => {
  it('on a terminal: "Loading MODEL … N s" counts up, then gives way to the answer', async () => {
    const t = onPty([process.execPath, BIN, '--offline', 'zqx plover wibble'], { env: env() });
    expect(await t.exited).toBe(0);
    const s = t.screen();
    expect(s).toMatch(/Loading qwen2\.5:1\.5b .*… 1 s/);
    expect(s).toMatch(/Loading qwen2\.5:1\.5b .*… 2 s/);
    expect(s).toContain('\r\x1b[K');
    expect(s.indexOf('Here it is.')).toBeGreaterThan(s.lastIndexOf('Loading'));
  }, 60_000);

  it('a Khmer question is told in Khmer', async () => {
    const t = onPty([process.execPath, BIN, '--offline', 'សួស្តី zqx plover'], { env: env() });
    expect(await t.exited).toBe(0);
    expect(t.screen()).toMatch(/កំពុងផ្ទុក qwen2\.5:1\.5b .*វិនាទី/);
  }, 60_000);

  it('piped: one line on stderr, stdout only the answer', async () => {
    const child = spawn(process.execPath, [BIN, '--offline', 'zqx plover wibble'], { env: env(), stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      out += d;
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      err += d;
    });
    expect(await new Promise((r) => child.on('close', r))).toBe(0);
    expect(err.match(/Loading qwen2\.5:1\.5b/g)).toHaveLength(1);
    expect(out).toBe('Here it is.\n');
  }, 60_000);
});
