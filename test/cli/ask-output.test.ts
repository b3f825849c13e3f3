// koompi-ask when its reader goes away (`koompi-ask … | head -c 20`): the answer stops, no crash, no stack trace.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOllamaDouble, type OllamaDouble } from '../doubles/ollama-double.js';

const BIN = fileURLToPath(new URL('../../bin/koompi-ask', import.meta.url));
let dir: string;
let ollama: OllamaDouble;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'koompi-cli-out-'));
  ollama = await startOllamaDouble({ answer: 'word '.repeat(300), framing: 'normal', tokenDelayMs: 5 });
});
afterAll(async () => {
  await ollama.close();
  await rm(dir, { recursive: true, force: true });
});

function runClosingStdout(args: string[]): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        NO_COLOR: '1',
        KOOMPI_HAS_CLI: '0',
        OLLAMA_HOST: ollama.url,
        KOOMPI_CONFIG_DIR: dir,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
    });
    child.stdout.once('data', () => child.stdout.destroy()); // the reader goes away after the first bytes
    const guard = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(guard);
      resolve({ code, signal, stderr });
    });
  });
}

describe('koompi-ask with a closed stdout', () => {
  it('stops the answer and exits without an unhandled EPIPE', async () => {
    const r = await runClosingStdout(['tell me a long story about the moon']);
    expect(r.signal).toBeNull();
    expect(r.stderr).not.toMatch(/EPIPE|Unhandled|node:events|\n\s+at /);
    expect(r.code).toBe(1);
    // The request to the model was abandoned, not read to the end.
    const chat = ollama.requests.filter((q) => q.path === '/api/chat').at(-1)!;
    const until = Date.now() + 5000;
    while (chat.outcome === 'pending' && Date.now() < until) await new Promise((res) => setTimeout(res, 20));
    expect(chat.outcome).toBe('client-closed');
  });
});
