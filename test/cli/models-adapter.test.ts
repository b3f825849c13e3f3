// koompi-ask models setup --adapter FILE.gguf against the Ollama double: the blob is uploaded (digest checked by
// the double), then /api/create names it under `adapters`; a second setup does not upload again; bad files refused.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src-main/cli/main.js';
import type { CliIo } from '../../src-main/cli/io.js';
import { startOllamaDouble, type OllamaDouble } from '../doubles/ollama-double.js';

class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer, _enc: BufferEncoding, cb: () => void): void {
    this.text += chunk.toString('utf8');
    cb();
  }
}

let d: OllamaDouble;
const dir = mkdtempSync(join(tmpdir(), 'koompi-adapter-'));
// a GGUF header followed by some bytes: enough for the magic check and the digest
const adapterBytes = Buffer.concat([Buffer.from('GGUF'), Buffer.from([3, 0, 0, 0]), Buffer.alloc(300_000, 7)]);
const adapter = join(dir, 'koompi-lora.gguf');
writeFileSync(adapter, adapterBytes);
const digest = `sha256:${createHash('sha256').update(adapterBytes).digest('hex')}`;

beforeEach(async () => {
  d = await startOllamaDouble({ models: [{ name: 'qwen2.5:1.5b' }] });
});
afterEach(async () => {
  await d.close();
});

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const stdout = new Capture();
  const stderr = new Capture();
  const io: CliIo = { stdout, stderr, stdin: new PassThrough(), env: { OLLAMA_HOST: `127.0.0.1:${d.port}` } };
  return { code: await main(argv, io), out: stdout.text, err: stderr.text };
}

describe('models setup --adapter', () => {
  it('uploads the adapter as a blob and creates koompi-assistant with it on the same base', async () => {
    const r = await run(['models', 'setup', '--adapter', adapter]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(d.blobs.get(digest)?.equals(adapterBytes)).toBe(true);
    const paths = d.requests.map((q) => `${q.method} ${q.path}`);
    expect(paths.indexOf(`HEAD /api/blobs/${digest}`)).toBeLessThan(paths.indexOf(`POST /api/blobs/${digest}`));
    expect(paths.indexOf(`POST /api/blobs/${digest}`)).toBeLessThan(paths.indexOf('POST /api/create'));
    const create = d.requests.find((q) => q.path === '/api/create')!.body as Record<string, unknown>;
    expect(create).toMatchObject({ model: 'koompi-assistant', from: 'qwen2.5:1.5b', adapters: { 'koompi-lora.gguf': digest } });
    expect(d.models.find((m) => m.name === 'koompi-assistant:latest')?.adapters).toEqual({ 'koompi-lora.gguf': digest });
    expect(r.out).toContain('with the adapter');
  });

  it('does not upload a blob the server already has', async () => {
    expect((await run(['models', 'setup', '--adapter', adapter])).code).toBe(0);
    const before = d.requests.filter((q) => q.method === 'POST' && q.path.startsWith('/api/blobs/')).length;
    expect((await run(['models', 'setup', '--adapter', adapter])).code).toBe(0);
    expect(d.requests.filter((q) => q.method === 'POST' && q.path.startsWith('/api/blobs/')).length).toBe(before);
  });

  it('refuses a file that is not GGUF, pointing at the conversion, and a missing file', async () => {
    const st = join(dir, 'adapter_model.safetensors');
    writeFileSync(st, Buffer.from('{"__metadata__":{}}'));
    const r = await run(['models', 'setup', '--adapter', st]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('convert_lora_to_gguf.py');
    expect(d.requests.some((q) => q.path === '/api/create')).toBe(false);
    const m = await run(['models', 'setup', '--adapter', join(dir, 'nope.gguf')]);
    expect(m.code).toBe(2);
    expect(m.err).toContain('does not exist');
  });

  it('the double refuses a blob whose bytes do not match its digest, and a create naming a missing blob', async () => {
    const wrong = await fetch(`${d.url}/api/blobs/sha256:${'0'.repeat(64)}`, { method: 'POST', body: 'x' });
    expect(wrong.status).toBe(400);
    const res = await fetch(`${d.url}/api/create`, {
      method: 'POST',
      body: JSON.stringify({ model: 'x', from: 'qwen2.5:1.5b', adapters: { 'a.gguf': `sha256:${'1'.repeat(64)}` } }),
    });
    expect(await res.text()).toContain('not found');
  });
});
