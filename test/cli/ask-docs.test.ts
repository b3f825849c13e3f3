// koompi-ask and the docs tier (bin/koompi-ask as a child process, no model running): tier `docs` with `sources`
// in --json and exit 0; the sources printed after a plain answer; exit 3 with the fallback and `sources: []` when
// nothing answers. The index is the one every install has before a build: the shipped KOOMPI articles.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../../bin/koompi-ask', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'koompi-cli-docs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(args: string[]) {
  const t0 = Date.now();
  const r = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    timeout: 30_000,
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      NO_COLOR: '1',
      KOOMPI_HAS_CLI: '0',
      OLLAMA_HOST: '127.0.0.1:9',
      GEMINI_API_KEY: '',
      KOOMPI_CONFIG_DIR: join(dir, 'config'),
      KOOMPI_CACHE_DIR: join(dir, 'cache'),
      HOME: dir,
    },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, ms: Date.now() - t0 };
}

describe('koompi-ask with the docs tier', () => {
  it("--json: tier docs, exit 0, the sources with kind, title and ref, in the contract's key order", () => {
    const r = run(['--json', '--offline', 'how do I roll back the system to a snapshot']);
    expect(r.code).toBe(0);
    const a = JSON.parse(r.stdout) as Record<string, unknown> & { sources: Array<Record<string, string>>; commands: unknown[] };
    expect(Object.keys(a)).toEqual(['tier', 'text', 'model', 'intent', 'commands', 'sources', 'error']);
    expect(a).toMatchObject({ tier: 'docs', model: null, intent: null, error: null });
    expect(a.sources.length).toBeGreaterThan(0);
    for (const s of a.sources) expect(Object.keys(s)).toEqual(['kind', 'title', 'ref']);
    expect(a.sources[0]).toMatchObject({ kind: 'koompi', ref: expect.stringMatching(/^koompi:snapshots#[\w-]+$/) });
    expect(a.commands.length).toBeGreaterThan(0);
  });

  it('plain: the answer, then its sources numbered (in Khmer for a Khmer question)', () => {
    const r = run(['how do I roll back the system to a snapshot']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\nSources:\n\[1\] .+ \(koompi:snapshots#[\w-]+\)\n/);
    expect(r.stderr).toMatch(/\[docs\]/);
    const km = run(['តើខ្ញុំត្រឡប់ប្រព័ន្ធទៅស្ណាបស៊ុតមុនវិញយ៉ាងដូចម្តេច?']);
    expect(km.code).toBe(0);
    expect(km.stdout).toMatch(/\nប្រភព៖\n\[1\] /u);
  });

  it('nothing close enough: the fallback, exit 3, sources []', () => {
    const r = run(['--json', 'qwxz plorf zindle blarg']);
    expect(r.code).toBe(3);
    const a = JSON.parse(r.stdout) as { tier: string; sources: unknown[]; text: string };
    expect(a.tier).toBe('fallback');
    expect(a.sources).toEqual([]);
    expect(a.text).toContain('sudo systemctl enable --now ollama');
  });
});
