// A question can come from a pipe: `echo "install firefox" | koompi-ask --json` answers it (rules tier, no model).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../../bin/koompi-ask', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'koompi-stdin-q-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(args: string[], input: string): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { PATH: process.env.PATH, KOOMPI_CONFIG_DIR: dir, HOME: dir, KOOMPI_HAS_CLI: '0', OLLAMA_HOST: '127.0.0.1:9' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      out += d;
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      err += d;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out, err }));
    child.stdin.end(input);
  });
}

describe('a question from standard input', () => {
  it('is answered like an argument', async () => {
    const r = await run(['--json'], 'install firefox\n');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ tier: 'rules', intent: 'pkg.install' });
  }, 30_000);

  it('an empty pipe is still a usage error', async () => {
    const r = await run([], '');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/no question given/);
  }, 30_000);
});
