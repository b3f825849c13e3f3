// The local tier on an OpenAI-compatible server, end to end through koompi-ask's main(): chosen by
// KOOMPI_OPENAI_BASE_URL or by the openaiBaseUrl setting, its key from the environment or `config set-key openai`.
import { PassThrough, Writable } from 'node:stream';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../../src-main/cli/main.js';
import { startOpenAIDouble, type OpenAIDouble } from '../../doubles/openai-double.js';

class Capture extends Writable {
  text = '';
  override _write(c: Buffer, _e: BufferEncoding, cb: () => void): void {
    this.text += c.toString('utf8');
    cb();
  }
}

let d: OpenAIDouble;
let root: string;
let base: NodeJS.ProcessEnv;
beforeEach(async () => {
  d = await startOpenAIDouble({
    models: ['llama-3.2-1b-instruct'],
    tokens: ['Hello', ' from', ' the', ' school', ' server'],
    framing: 'chaotic',
  });
  root = await mkdtemp(join(tmpdir(), 'koompi-openai-tier-'));
  base = {
    PATH: process.env.PATH,
    KOOMPI_CONFIG_DIR: join(root, 'cfg'),
    XDG_CONFIG_DIRS: join(root, 'xdg'),
    KOOMPI_HAS_CLI: '0',
    KOOMPI_KNOWLEDGE_DIR: '/nonexistent/koompi-knowledge',
    KOOMPI_CACHE_DIR: '/nonexistent/koompi-cache',
    OLLAMA_HOST: '127.0.0.1:9',
  };
});
afterEach(async () => {
  await d.close();
  await rm(root, { recursive: true, force: true });
});

async function run(argv: string[], env: NodeJS.ProcessEnv, input?: string): Promise<{ code: number; out: string; err: string }> {
  const stdout = new Capture();
  const stderr = new Capture();
  const stdin = new PassThrough();
  stdin.end(input ?? '');
  const code = await main(argv, { stdout, stderr, stdin, env });
  return { code, out: stdout.text, err: stderr.text };
}

const QUESTION = 'Write a short poem about the Mekong river for my class';

describe('OpenAI-compatible local tier through koompi-ask', () => {
  it("KOOMPI_OPENAI_BASE_URL + KOOMPI_OPENAI_API_KEY: answers as the local tier with the server's model", async () => {
    d.setScenario({ apiKey: 'sk-env' });
    const r = await run(['--json', '--offline', QUESTION], { ...base, KOOMPI_OPENAI_BASE_URL: d.baseUrl, KOOMPI_OPENAI_API_KEY: 'sk-env' });
    const j = JSON.parse(r.out) as { tier: string; text: string; model: string; error: string | null };
    expect(r.code, r.err).toBe(0);
    expect(j).toMatchObject({ tier: 'local', text: 'Hello from the school server', model: 'llama-3.2-1b-instruct', error: null });
    expect(d.requests.filter((q) => q.path === '/v1/chat/completions')).toHaveLength(1);
  });

  it('set in settings from the terminal, with the key from set-key openai; a wrong key is an error with the fix', async () => {
    d.setScenario({ apiKey: 'sk-school' });
    expect((await run(['config', 'set', 'openaiBaseUrl', d.baseUrl], base)).code).toBe(0);
    const noKey = await run(['--json', '--offline', QUESTION], base);
    expect(noKey.code).toBe(1);
    expect(JSON.parse(noKey.out).error).toMatch(/refused the key.*config set-key openai/s);
    expect((await run(['config', 'set-key', 'openai'], base, 'sk-school\n')).code).toBe(0);
    const ok = await run(['--json', '--offline', QUESTION], base);
    expect(ok.code, ok.err).toBe(0);
    expect(JSON.parse(ok.out)).toMatchObject({ tier: 'local', text: 'Hello from the school server' });
    expect(d.requests.at(-1)!.headers.authorization).toBe('Bearer sk-school');
  });

  it('doctor names the OpenAI-compatible server, not Ollama', async () => {
    const r = await run(['doctor', '--json'], { ...base, KOOMPI_OPENAI_BASE_URL: d.baseUrl });
    const rep = JSON.parse(r.out) as { ok: boolean; checks: Array<{ id: string; status: string; message: string }> };
    expect(rep.ok).toBe(true);
    expect(rep.checks.find((c) => c.id === 'ollama')?.message).toMatch(
      /OpenAI-compatible server at .* answers \(1 model: llama-3\.2-1b-instruct\)/,
    );
    expect(rep.checks.find((c) => c.id === 'model')?.status).toBe('ok');
    expect(rep.checks.some((c) => c.id === 'memory')).toBe(false);
  });
});
