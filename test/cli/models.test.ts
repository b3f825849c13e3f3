// koompi-ask models … through main(), with OLLAMA_HOST pointing at the Ollama double.
import { PassThrough, Writable } from 'node:stream';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src-main/cli/main.js';
import type { CliIo } from '../../src-main/cli/io.js';
import { startOllamaDouble, type OllamaDouble } from '../doubles/ollama-double.js';
import { BASE_SYSTEM_PROMPT } from '../../src-main/core/providers/system-prompt.js';

class Capture extends Writable {
  text = '';
  isTTY: boolean;
  constructor(tty = false) {
    super();
    this.isTTY = tty;
  }
  override _write(chunk: Buffer, _enc: BufferEncoding, cb: () => void): void {
    this.text += chunk.toString('utf8');
    cb();
  }
}

let d: OllamaDouble;
beforeEach(async () => {
  d = await startOllamaDouble({ models: [{ name: 'qwen2.5:1.5b', size: 986_061_892 }] });
});
afterEach(async () => {
  await d.close();
});

async function run(argv: string[], opts: { tty?: boolean; host?: string } = {}): Promise<{ code: number; out: string; err: string }> {
  const stdout = new Capture(opts.tty);
  const stderr = new Capture();
  const io: CliIo = { stdout, stderr, stdin: new PassThrough(), env: { OLLAMA_HOST: opts.host ?? `127.0.0.1:${d.port}` } };
  const code = await main(argv, io);
  return { code, out: stdout.text, err: stderr.text };
}

describe('koompi-ask models', () => {
  it('lists models with sizes, and as JSON', async () => {
    const r = await run(['models', 'list']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^NAME\s+SIZE/);
    expect(r.out).toMatch(/qwen2\.5:1\.5b\s+986 MB\s+1\.5B/);
    const j = await run(['models', 'list', '--json']);
    expect(JSON.parse(j.out)).toEqual([expect.objectContaining({ name: 'qwen2.5:1.5b', size: 986_061_892 })]);
  });

  it('pulls with one line per status when not on a TTY', async () => {
    const r = await run(['models', 'pull', 'llama3.2:1b']);
    expect(r.code).toBe(0);
    const lines = r.out.trim().split('\n');
    expect(lines[0]).toBe('pulling manifest');
    expect(lines.filter((l) => l.startsWith('pulling ') && l !== 'pulling manifest')).toHaveLength(d.scenario.pullLayers);
    expect(lines.slice(-4)).toEqual(['verifying sha256 digest', 'writing manifest', 'success', 'Pulled llama3.2:1b.']);
    expect(r.out).not.toContain('\r');
  });

  it('pulls with a redrawn progress bar on a TTY', async () => {
    const r = await run(['models', 'pull', 'llama3.2:1b'], { tty: true });
    expect(r.code).toBe(0);
    expect(r.out).toContain('\r');
    expect(r.out).toMatch(/\[#{30}\]\s+100%/);
  });

  it('shows a model and removes it; a second removal fails with exit 1', async () => {
    const s = await run(['models', 'show', 'qwen2.5:1.5b']);
    expect(s.code).toBe(0);
    expect(s.out).toContain('Family:');
    expect((await run(['models', 'rm', 'qwen2.5:1.5b'])).out).toBe('Removed qwen2.5:1.5b.\n');
    const again = await run(['models', 'rm', 'qwen2.5:1.5b']);
    expect(again.code).toBe(1);
    expect(again.err).toContain("model 'qwen2.5:1.5b' not found");
    expect(again.err).toContain('koompi-ask models pull qwen2.5:1.5b');
  });

  it('setup creates koompi-assistant from the repo Modelfile', async () => {
    const r = await run(['models', 'setup']);
    expect(r.code).toBe(0);
    const create = d.requests.find((q) => q.path === '/api/create')!.body as Record<string, unknown>;
    expect(create).toMatchObject({
      model: 'koompi-assistant',
      from: 'qwen2.5:1.5b',
      system: BASE_SYSTEM_PROMPT,
      parameters: { temperature: 0.3, num_ctx: 4096 },
    });
    expect(d.models.map((m) => m.name)).toContain('koompi-assistant:latest');
  });

  it('setup pulls the base model first when it is missing, and refuses a bad Modelfile', async () => {
    d.models.length = 0;
    const r = await run(['models', 'setup']);
    expect(r.code).toBe(0);
    expect(d.requests.map((q) => q.path)).toEqual(expect.arrayContaining(['/api/pull', '/api/create']));
    const dir = mkdtempSync(join(tmpdir(), 'koompi-mf-'));
    writeFileSync(join(dir, 'Modelfile'), 'SYSTEM hi\n');
    const bad = await run(['models', 'setup', join(dir, 'Modelfile')]);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('FROM is missing');
  });

  it('usage errors exit 2', async () => {
    expect((await run(['models'])).code).toBe(2);
    expect((await run(['models', 'pull'])).code).toBe(2);
    expect((await run(['models', 'frobnicate'])).code).toBe(2);
    expect((await run(['models', 'pull', 'bad name;rm'])).code).toBe(2);
  });

  it('Ollama down exits 1 with the fix', async () => {
    const down = await run(['models', 'list'], { host: '127.0.0.1:1' });
    expect(down.code).toBe(1);
    expect(down.err).toContain('sudo systemctl enable --now ollama');
  });
});
