// `koompi-ask VERB | head -1` and `| true` (the reader gone before anything is written): every verb ends quietly,
// with no stack trace on stderr. The real bin/koompi-ask in a real shell pipeline, with the Ollama double.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOllamaDouble, type OllamaDouble } from '../doubles/ollama-double.js';

const BIN = fileURLToPath(new URL('../../bin/koompi-ask', import.meta.url));
let ollama: OllamaDouble;
let dir: string;
beforeAll(async () => {
  ollama = await startOllamaDouble({ answer: 'line\n'.repeat(2000), pullSteps: 200 });
  dir = mkdtempSync(join(tmpdir(), 'koompi-epipe-'));
});
afterAll(async () => {
  await ollama.close();
  rmSync(dir, { recursive: true, force: true });
});

const q = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

function pipeline(args: string[], reader: string, input = ''): Promise<{ stderr: string; stdout: string }> {
  return new Promise((resolve, reject) => {
    const cmd = `${q(process.execPath)} ${q(BIN)} ${args.map(q).join(' ')} | ${reader}`;
    const child = spawn('sh', ['-c', cmd], {
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', KOOMPI_HAS_CLI: '0', OLLAMA_HOST: ollama.url, KOOMPI_CONFIG_DIR: dir, HOME: dir },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stderr = '';
    let stdout = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
    });
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(input);
    const guard = setTimeout(() => child.kill('SIGKILL'), 40_000);
    child.on('error', reject);
    child.on('close', () => {
      clearTimeout(guard);
      resolve({ stderr, stdout });
    });
  });
}

const many = Array.from({ length: 30_000 }, (_, i) => `install vlc ${i}`).join('\n') + '\n';
const VERBS: [string, string[], string][] = [
  ['ask', ['--offline', 'tell me a long story'], ''],
  ['doctor', ['doctor'], ''],
  ['models list', ['models', 'list'], ''],
  ['models pull', ['models', 'pull', 'qwen2.5:0.5b'], ''],
  ['--route-only --jsonl', ['--route-only', '--jsonl'], many],
  ['check-command --jsonl', ['check-command', '--jsonl'], many],
  ['--help', ['--help'], ''],
];

describe('a closed pipe ends every verb quietly', () => {
  for (const [name, args, input] of VERBS) {
    it(`${name} | head -1 and | true: no stack trace`, async () => {
      for (const reader of ['head -1', 'true']) {
        const r = await pipeline(args, reader, input);
        expect(r.stderr, `${name} | ${reader}`).not.toMatch(/EPIPE|Unhandled|node:internal|\n\s+at /);
      }
    }, 60_000);
  }
});
