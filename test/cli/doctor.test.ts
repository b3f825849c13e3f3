// koompi-ask doctor against the Ollama and Gemini doubles: a stuck Ollama is told to restart (not to start), a wrong
// Gemini key is a failure (tried with one request only when the cloud is allowed), a missing model is exit 3 with
// the pull command.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { startOllamaDouble } from '../doubles/ollama-double.js';
import { startGeminiDouble } from '../doubles/gemini-double.js';

const BIN = fileURLToPath(new URL('../../bin/koompi-ask', import.meta.url));
const KEY = 'AIzaRightKey_0123456789abcdef';
const dirs: string[] = [];
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups) await c();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function config(settings: object | null): string {
  const d = mkdtempSync(join(tmpdir(), 'koompi-doctor-'));
  dirs.push(d);
  if (settings) writeFileSync(join(d, 'settings.json'), JSON.stringify({ version: 2, ...settings }));
  return d;
}

interface Check {
  id: string;
  status: string;
  message: string;
  fix: string | null;
}
function doctor(env: NodeJS.ProcessEnv): Promise<{ code: number | null; checks: Check[] }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'doctor', '--json'], {
      env: { PATH: process.env.PATH, KOOMPI_HAS_CLI: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      out += d;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, checks: (JSON.parse(out) as { checks: Check[] }).checks }));
  });
}
const find = (checks: Check[], id: string): Check => checks.find((c) => c.id === id)!;

describe('koompi-ask doctor', () => {
  it('Ollama that accepts but does not answer: "runs but does not answer", restart it; exit 3', async () => {
    const ollama = await startOllamaDouble({ hang: ['/api/version'] });
    cleanups.push(() => ollama.close());
    const r = await doctor({ OLLAMA_HOST: ollama.url, KOOMPI_CONFIG_DIR: config(null) });
    expect(r.code).toBe(3);
    const o = find(r.checks, 'ollama');
    expect(o.status).toBe('fail');
    expect(o.message).toMatch(/runs at .* but does not answer/);
    expect(o.fix).toMatch(/systemctl restart ollama/);
    expect(o.fix).not.toMatch(/enable --now/);
  }, 30_000);

  it('a missing model: exit 3 with the command that pulls it', async () => {
    const ollama = await startOllamaDouble({ models: [] });
    cleanups.push(() => ollama.close());
    const r = await doctor({ OLLAMA_HOST: ollama.url, KOOMPI_CONFIG_DIR: config(null) });
    expect(r.code).toBe(3);
    expect(find(r.checks, 'model').status).toBe('fail');
    expect(find(r.checks, 'model').fix).toMatch(/pull/);
  }, 30_000);

  it('a wrong Gemini key with the cloud allowed is a failure, not "ok"; the right key works', async () => {
    const gemini = await startGeminiDouble({ apiKey: KEY, answer: 'ok' });
    cleanups.push(() => gemini.close());
    const dir = config({ allowCloud: true });
    const env = { OLLAMA_HOST: '127.0.0.1:9', KOOMPI_CONFIG_DIR: dir, KOOMPI_GEMINI_BASE_URL: gemini.url };
    const wrong = await doctor({ ...env, GEMINI_API_KEY: 'AIzaWrongKey_0123456789abcdef' });
    expect(find(wrong.checks, 'gemini-key').status).toBe('fail');
    expect(find(wrong.checks, 'cloud').status).toBe('fail');
    expect(wrong.code).toBe(3);
    const right = await doctor({ ...env, GEMINI_API_KEY: KEY });
    expect(find(right.checks, 'gemini-key')).toMatchObject({ status: 'ok', message: expect.stringMatching(/works/) });
    expect(right.code).toBe(0);
  }, 30_000);

  it('with the cloud not allowed the key is not sent anywhere', async () => {
    const gemini = await startGeminiDouble({ apiKey: KEY, answer: 'ok' });
    cleanups.push(() => gemini.close());
    const r = await doctor({
      OLLAMA_HOST: '127.0.0.1:9',
      KOOMPI_CONFIG_DIR: config(null),
      KOOMPI_GEMINI_BASE_URL: gemini.url,
      GEMINI_API_KEY: 'AIzaWrongKey_0123456789abcdef',
    });
    expect(find(r.checks, 'gemini-key').message).toMatch(/not tried/);
    expect(gemini.requests.length).toBe(0);
  }, 30_000);
});
