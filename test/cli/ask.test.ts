// The real koompi-ask (bin/koompi-ask, a child process) against the Ollama and Gemini doubles on 127.0.0.1.
import { spawn } from 'node:child_process';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOllamaDouble, type OllamaDouble, type OllamaScenario } from '../doubles/ollama-double.js';
import { startGeminiDouble, type GeminiDouble, type GeminiScenario } from '../doubles/gemini-double.js';

const BIN = fileURLToPath(new URL('../../bin/koompi-ask', import.meta.url));
const KEY = 'cli-test-key-123';
const LOCAL_ANSWER = 'Mount it:\n\n```bash\n$ sudo mount /dev/sdb1 /mnt\n```\n\nសួស្តី — then open /mnt.';
const CLOUD_ANSWER = 'A backup script:\n\n```sh\ntar czf ~/backup.tgz \\\n  ~/Documents\n```\nRun it daily. 😀';
const CLOSED = '127.0.0.1:9';

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

function run(
  args: string[],
  env: Record<string, string>,
  opts: { onStdout?: (s: string, kill: (sig: NodeJS.Signals) => void) => void } = {},
): Promise<Run> {
  return new Promise((resolve, reject) => {
    const t0 = Date.now();
    const child = spawn(process.execPath, [BIN, ...args], {
      // No documentation (no articles, no index): these tests drive the model tiers; test/cli/ask-docs.test.ts the docs tier.
      env: {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        NO_COLOR: '1',
        KOOMPI_HAS_CLI: '0',
        KOOMPI_KNOWLEDGE_DIR: '/nonexistent/koompi-knowledge',
        KOOMPI_CACHE_DIR: '/nonexistent/koompi-cache',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
      opts.onStdout?.(stdout, (sig) => child.kill(sig));
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
    });
    const guard = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(guard);
      resolve({ code, signal, stdout, stderr, ms: Date.now() - t0 });
    });
  });
}

let configDir: string;
let cloudConfigDir: string;
/** Time to start the CLI and load the core, doing nothing (an empty question). */
let startupMs = 0;

/**
 * The bound: fallback within 5 s, measured from spawn to exit. Starting node + tsx normally takes
 * about a second; on a loaded machine it can take several, which is not the router's doing, so startup
 * time beyond 1.5 s (measured just before) is added to the bound.
 */
const fallbackBound = (): number => 5000 + Math.max(0, startupMs - 1500);
const cleanups: Array<() => Promise<void>> = [];

beforeAll(async () => {
  configDir = await mkdtemp(join(tmpdir(), 'koompi-cli-'));
  cloudConfigDir = await mkdtemp(join(tmpdir(), 'koompi-cli-cloud-'));
  await writeFile(join(cloudConfigDir, 'settings.json'), JSON.stringify({ version: 2, allowCloud: true }));
});

async function measureStartup(): Promise<void> {
  const r = await run(['   '], { OLLAMA_HOST: CLOSED, KOOMPI_CONFIG_DIR: configDir });
  expect(r.code).toBe(2);
  startupMs = r.ms;
}
afterAll(async () => {
  for (const c of cleanups) await c();
  await rm(configDir, { recursive: true, force: true });
  await rm(cloudConfigDir, { recursive: true, force: true });
});

async function doubles(
  o: { local?: Partial<OllamaScenario>; cloud?: GeminiScenario } = {},
): Promise<{ ollama: OllamaDouble; gemini: GeminiDouble }> {
  const ollama = await startOllamaDouble({ answer: LOCAL_ANSWER, framing: 'chaotic', seed: 5, ...o.local });
  const gemini = await startGeminiDouble({ apiKey: KEY, answer: CLOUD_ANSWER, chaosSeed: 9, scenario: o.cloud ?? 'ok' });
  cleanups.push(
    () => ollama.close(),
    () => gemini.close(),
  );
  return { ollama, gemini };
}

/** The answer text exactly as the Ollama double put it on the wire (message.content of each NDJSON line). */
function wireText(ollama: OllamaDouble): string {
  return ollama
    .lastStreamBytes()
    .toString('utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => (JSON.parse(l) as { message?: { content?: string } }).message?.content ?? '')
    .join('');
}

const json = (r: Run) =>
  JSON.parse(r.stdout) as {
    tier: string;
    text: string;
    model: string | null;
    intent: string | null;
    commands: Array<{ command: string; risk: string; reasons: string[] }>;
    error: string | null;
  };

describe('koompi-ask "question"', () => {
  it('streams a local answer; --json returns it byte for byte with its commands', async () => {
    const { ollama } = await doubles();
    const env = { OLLAMA_HOST: ollama.url, KOOMPI_CONFIG_DIR: configDir };
    const plain = await run(['how do I mount my usb drive'], env);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toBe(LOCAL_ANSWER + '\n');
    expect(plain.stderr).toMatch(/\[local · qwen2\.5:1\.5b · [0-9.]+ tok\/s\]/);

    const r = await run(['--json', 'how do I mount my usb drive'], env);
    expect(r.code).toBe(0);
    const a = json(r);
    expect(Object.keys(a)).toEqual(['tier', 'text', 'model', 'intent', 'commands', 'sources', 'error']);
    expect((a as { sources?: unknown }).sources).toEqual([]);
    expect(a.tier).toBe('local');
    expect(a.model).toBe('qwen2.5:1.5b');
    expect(a.text).toBe(wireText(ollama));
    expect(a.text).toBe(LOCAL_ANSWER);
    expect(a.error).toBeNull();
    expect(a.intent).toBeNull();
    expect(a.commands.map((c) => c.command)).toEqual(['sudo mount /dev/sdb1 /mnt']);
    expect(a.commands[0]!.risk).not.toBe('safe');
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
  });

  it('a cloud answer likewise (key in the header only)', async () => {
    const { ollama, gemini } = await doubles();
    const env = { OLLAMA_HOST: ollama.url, KOOMPI_GEMINI_BASE_URL: gemini.url, GEMINI_API_KEY: KEY, KOOMPI_CONFIG_DIR: cloudConfigDir };
    const plain = await run(['write a script that backs up my Documents'], env);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toBe(CLOUD_ANSWER + '\n');
    expect(plain.stderr).toMatch(/\[cloud · gemini-3\.5-flash( · [0-9.]+ tok\/s)?\]/);
    const r = await run(['--json', 'write a script that backs up my Documents'], env);
    expect(r.code).toBe(0);
    const a = json(r);
    expect(a.tier).toBe('cloud');
    expect(a.model).toBe('gemini-3.5-flash');
    expect(a.text).toBe(CLOUD_ANSWER);
    expect(a.commands.map((c) => c.command)).toEqual(['tar czf ~/backup.tgz ~/Documents']);
    expect(gemini.requests.length).toBe(2);
    for (const req of gemini.requests) {
      expect(req.url).not.toContain(KEY);
      expect(req.headers['x-goog-api-key']).toBe(KEY);
    }
  });

  it('--offline keeps a creative question on the machine', async () => {
    const { ollama, gemini } = await doubles();
    const r = await run(['--json', '--offline', 'write a script that backs up my Documents'], {
      OLLAMA_HOST: ollama.url,
      KOOMPI_GEMINI_BASE_URL: gemini.url,
      GEMINI_API_KEY: KEY,
      KOOMPI_CONFIG_DIR: cloudConfigDir,
    });
    expect(r.code).toBe(0);
    expect(json(r).tier).toBe('local');
    expect(gemini.requests.length).toBe(0);
  });

  it('a bad key exits 1 with a clear message', async () => {
    const { gemini } = await doubles();
    const r = await run(['write a poem about rain'], {
      OLLAMA_HOST: CLOSED,
      KOOMPI_GEMINI_BASE_URL: gemini.url,
      GEMINI_API_KEY: 'wrong-key',
      KOOMPI_CONFIG_DIR: cloudConfigDir,
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Gemini rejected the API key; set a new one in Settings or GEMINI_API_KEY');
  });

  it('a quota error exits 1 and says when to retry', async () => {
    const { gemini } = await doubles({ cloud: 'quota' });
    const r = await run(['--json', 'write a poem about rain'], {
      OLLAMA_HOST: CLOSED,
      KOOMPI_GEMINI_BASE_URL: gemini.url,
      GEMINI_API_KEY: KEY,
      KOOMPI_CONFIG_DIR: cloudConfigDir,
    });
    expect(r.code).toBe(1);
    const a = json(r);
    expect(a.error).toMatch(/quota or rate limit/);
    expect(a.error).toContain('17 s');
  });

  it('a missing model exits 1 naming the pull command', async () => {
    const { ollama } = await doubles();
    const r = await run(['how do I mount my usb drive'], {
      OLLAMA_HOST: ollama.url,
      KOOMPI_MODEL: 'nope:1b',
      KOOMPI_CONFIG_DIR: configDir,
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('koompi-ask models pull nope:1b');
  });

  it('an error mid-stream exits 1, the partial text kept', async () => {
    const { ollama } = await doubles({ local: { errorAfterTokens: 6 } });
    const r = await run(['--json', 'how do I mount my usb drive'], { OLLAMA_HOST: ollama.url, KOOMPI_CONFIG_DIR: configDir });
    expect(r.code).toBe(1);
    const a = json(r);
    expect(a.tier).toBe('local');
    expect(a.error).toMatch(/unexpected EOF/);
    expect(a.text.length).toBeGreaterThan(0);
    expect(LOCAL_ANSWER.startsWith(a.text)).toBe(true);
    expect(a.text).toBe(wireText(ollama));
  });

  it('a cloud error mid-stream exits 1, the partial text kept', async () => {
    const { gemini } = await doubles({ cloud: 'mid-stream-error' });
    const r = await run(['--json', 'write a poem about rain'], {
      OLLAMA_HOST: CLOSED,
      KOOMPI_GEMINI_BASE_URL: gemini.url,
      GEMINI_API_KEY: KEY,
      KOOMPI_CONFIG_DIR: cloudConfigDir,
    });
    expect(r.code).toBe(1);
    const a = json(r);
    expect(a.tier).toBe('cloud');
    expect(a.text.length).toBeGreaterThan(0);
    expect(CLOUD_ANSWER.startsWith(a.text)).toBe(true);
  });

  it('Ollama down and no cloud -> fallback, exit 3, within 5 s', async () => {
    await measureStartup();
    const r = await run(['--json', 'how do I check disk space'], { OLLAMA_HOST: CLOSED, KOOMPI_CONFIG_DIR: configDir });
    expect(r.code).toBe(3);
    expect(r.ms).toBeLessThan(fallbackBound());
    const a = json(r);
    expect(a.tier).toBe('fallback');
    expect(a.text).toContain('sudo systemctl enable --now ollama');
    expect(a.text).toContain('Allow cloud');
  });

  it('Ollama hung and no cloud -> fallback, exit 3, within 5 s', async () => {
    const { ollama } = await doubles({ local: { hang: true } });
    await measureStartup();
    const r = await run(['how do I check disk space'], { OLLAMA_HOST: ollama.url, KOOMPI_CONFIG_DIR: configDir });
    expect(r.code).toBe(3);
    expect(r.ms).toBeLessThan(fallbackBound());
    expect(r.stdout).toContain('sudo systemctl enable --now ollama');
    expect(r.stderr).toContain('[fallback]');
  });

  it('tier 1 answers an intent above the threshold without any model (exit 0)', async () => {
    const r = await run(['--json', 'install firefox'], { OLLAMA_HOST: CLOSED, KOOMPI_CONFIG_DIR: configDir });
    expect(r.code).toBe(0);
    const a = json(r);
    expect(a.tier).toBe('rules');
    expect(a.intent).toBe('pkg.install');
    expect(a.model).toBeNull();
    expect(a.commands).toHaveLength(1);
    expect(a.commands[0]!.command).toContain('firefox');
    expect(a.commands[0]!.risk).toBe('elevated');
  });

  it('--run without a terminal refuses to run anything (exit 1)', async () => {
    const marker = join(configDir, 'ran-marker');
    const { ollama } = await doubles({ local: { answer: `Create it:\n\n\`\`\`bash\ntouch ${marker}\n\`\`\`\n` } });
    const r = await run(['--run', 'how do I create the marker'], { OLLAMA_HOST: ollama.url, KOOMPI_CONFIG_DIR: configDir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`touch ${marker}`);
    expect(r.stderr).toMatch(/needs a terminal/);
    await expect(stat(marker)).rejects.toThrow();
  });

  it('an empty question is a usage error (exit 2)', async () => {
    const r = await run(['   '], { OLLAMA_HOST: CLOSED, KOOMPI_CONFIG_DIR: configDir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no question given');
    expect(r.stdout).toBe('');
  });

  it('Ctrl-C mid-answer stops cleanly (exit 130) with the partial text shown', async () => {
    const { ollama } = await doubles({ local: { framing: 'normal', tokenDelayMs: 100 } });
    let sent = false;
    const r = await run(
      ['how do I mount my usb drive'],
      { OLLAMA_HOST: ollama.url, KOOMPI_CONFIG_DIR: configDir },
      {
        onStdout: (_s, kill) => {
          if (!sent) {
            sent = true;
            kill('SIGINT');
          }
        },
      },
    );
    expect(r.code).toBe(130);
    expect(r.stderr).toContain('Cancelled.');
    expect(LOCAL_ANSWER.startsWith(r.stdout.replace(/\n$/, ''))).toBe(true);
    expect(r.stdout.length).toBeLessThan(LOCAL_ANSWER.length);
  });

  it('doctor reports each check with its fix, in text and --json', async () => {
    const { ollama } = await doubles();
    const good = await run(['doctor', '--json'], { OLLAMA_HOST: ollama.url, KOOMPI_CONFIG_DIR: configDir });
    expect(good.code).toBe(0);
    const rep = JSON.parse(good.stdout) as {
      ok: boolean;
      checks: Array<{ id: string; status: string; message: string; fix: string | null }>;
    };
    expect(rep.ok).toBe(true);
    expect(rep.checks.filter((c) => c.id !== 'memory').map((c) => [c.id, c.status])).toEqual([
      ['settings', 'ok'],
      ['ollama', 'ok'],
      ['model', 'ok'],
      ['gemini-key', 'warn'],
      ['cloud', 'warn'],
    ]);
    // Which model fits this machine's RAM (its status depends on the machine running the test).
    expect(rep.checks.find((c) => c.id === 'memory')?.message).toMatch(/This machine has [\d.]+ GB of RAM/);
    expect(rep.checks[1]!.message).toContain('0.12.6');
    const bad = await run(['doctor'], { OLLAMA_HOST: CLOSED, KOOMPI_CONFIG_DIR: configDir });
    expect(bad.code).toBe(3);
    expect(bad.stdout).toContain('fix: sudo systemctl enable --now ollama');
    expect(bad.stdout).toContain('fix: export GEMINI_API_KEY');
  });
});
