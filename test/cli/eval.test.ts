// koompi-ask eval through main(): against the Ollama double on loopback, with Ollama stopped (documentation only),
// the progress bar on a TTY, usage errors, and (as root) the whole run inside a loopback-only network namespace.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src-main/cli/main.js';
import type { CliIo } from '../../src-main/cli/io.js';
import type { EvalReport } from '../../src-main/core/eval/types.js';
import { startOllamaDouble, type OllamaDouble } from '../doubles/ollama-double.js';

class Capture extends Writable {
  text = '';
  constructor(public isTTY = false) {
    super();
  }
  override _write(chunk: Buffer, _enc: BufferEncoding, cb: () => void): void {
    this.text += chunk.toString('utf8');
    cb();
  }
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SET = [
  {
    id: 'l1',
    group: 'linux',
    lang: 'en',
    q: 'How do I install firefox with pacman?',
    commands: [
      { program: 'pacman', flags: ['-S'] },
      { program: 'koompi', flags: ['pkg', 'install'] },
    ],
    facts: [],
    sources: [],
  },
  {
    id: 'k1',
    group: 'koompi',
    lang: 'en',
    pair: 'k2',
    q: 'How do I take a snapshot of the system?',
    commands: [
      { program: 'koompi', flags: ['snapshot', 'create'] },
      { program: 'snapper', flags: ['create'] },
    ],
    facts: [],
    sources: ['^koompi .*snapshot'],
  },
  {
    id: 'k2',
    group: 'koompi',
    lang: 'km',
    pair: 'k1',
    q: 'តើខ្ញុំថត snapshot នៃប្រព័ន្ធយ៉ាងដូចម្តេច?',
    commands: [
      { program: 'koompi', flags: ['snapshot', 'create'] },
      { program: 'snapper', flags: ['create'] },
    ],
    facts: [],
    sources: ['^koompi .*snapshot'],
  },
  {
    id: 'g1',
    group: 'guard',
    lang: 'en',
    q: 'Who won the football World Cup in 2022?',
    commands: [],
    facts: [],
    sources: [],
    must_refuse: true,
  },
];

let dir: string;
let setFile: string;
let d: OllamaDouble;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'koompi-eval-'));
  setFile = join(dir, 'set.jsonl');
  writeFileSync(setFile, SET.map((s) => JSON.stringify(s)).join('\n') + '\n');
  d = await startOllamaDouble({
    models: [{ name: 'qwen2.5:1.5b', size: 986_061_892 }],
    answer: 'Run:\n\n```bash\nsudo pacman -S firefox\n```\n',
  });
});
afterAll(async () => {
  await d.close();
});

async function run(argv: string[], host: string, tty = false): Promise<{ code: number; out: string; err: string }> {
  const stdout = new Capture();
  const stderr = new Capture(tty);
  const env = {
    OLLAMA_HOST: host,
    KOOMPI_CONFIG_DIR: join(dir, 'config'),
    KOOMPI_CACHE_DIR: join(dir, 'cache'),
    KOOMPI_HAS_CLI: '0',
    PATH: process.env.PATH,
  };
  const io: CliIo = { stdout, stderr, stdin: new PassThrough(), env };
  const code = await main(argv, io);
  return { code, out: stdout.text, err: stderr.text };
}

const readReport = (out: string): EvalReport => JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as EvalReport;

describe('koompi-ask eval', () => {
  it('runs the set through the router against the Ollama double and writes report.json/md/svg', async () => {
    const out = join(dir, 'double');
    const r = await run(['eval', '--set', setFile, '--out', out], `127.0.0.1:${d.port}`);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Asked 4 questions');
    const rep = readReport(out);
    for (const k of [
      'items',
      'accuracy_linux',
      'accuracy_koompi',
      'response_time_p50_ms',
      'response_time_p95_ms',
      'memory_peak_mb',
      'offline_answered_pct',
      'by_tier',
    ]) {
      expect(rep, k).toHaveProperty(k);
    }
    expect(rep.items.map((i) => i.id)).toEqual(['l1', 'k1', 'k2', 'g1']);
    expect(rep.environment.ollama_version).toBe(d.scenario.version);
    expect(rep.memory.process_tree_peak_mb).toBeGreaterThan(10);
    const local = rep.items.filter((i) => i.tier === 'local');
    expect(local.length).toBeGreaterThan(0);
    // Ollama's own timing fields reach the report under Ollama's names
    expect(local[0]!.ollama).toMatchObject({
      load_duration: 1_000_000,
      prompt_eval_count: 26,
      prompt_eval_duration: 3_000_000,
      eval_count: expect.any(Number),
    });
    expect(rep.memory.ollama_ps_mb).toBeGreaterThan(900);
    expect(rep.network.attempts_beyond_loopback).toBe(0);
    expect(d.requests.some((q) => q.path === '/api/chat')).toBe(true);
    expect(readFileSync(join(out, 'report.svg'), 'utf8')).toMatch(/^<svg[\s\S]*<\/svg>\n$/);
    expect(readFileSync(join(out, 'report.md'), 'utf8')).toContain('## Accuracy per group');
  }, 60_000);

  it('with Ollama stopped answers from the documentation only, offline, and prints JSON with --json', async () => {
    const out = join(dir, 'docs-only');
    const r = await run(['eval', '--set', setFile, '--out', out, '--json'], '127.0.0.1:9');
    expect(r.code).toBe(0);
    const rep = JSON.parse(r.out) as EvalReport;
    expect(rep.by_tier.local).toBe(0);
    expect(rep.environment.ollama_version).toBeNull();
    expect(rep.items.find((i) => i.id === 'k1')!.tier).toBe('docs');
    // the KOOMPI snapshot article answers the snapshot question with its command; the Khmer twin finds it too
    expect(rep.items.find((i) => i.id === 'k1')).toMatchObject({ correct: true, hitAtK: true, sourceRank: 1 });
    expect(rep.items.find((i) => i.id === 'k2')!.hitAtK).toBe(true);
    expect(rep.memory.ollama_ps_mb).toBeNull();
    expect(existsSync(join(out, 'report.svg'))).toBe(true);
  }, 60_000);

  it('--baseline compares with an earlier report: per-group change and the items that flipped', async () => {
    const out = join(dir, 'compare');
    const r = await run(['eval', '--set', setFile, '--out', out, '--baseline', join(dir, 'double', 'report.json')], '127.0.0.1:9');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/vs baseline koompi: [+-]\d+\.\d pts/);
    const c = JSON.parse(readFileSync(join(out, 'comparison.json'), 'utf8')) as {
      groups: { group: string; before: number | null; after: number | null; delta: number | null }[];
      unmatched: number;
      improved: string[];
      regressed: string[];
    };
    const before = readReport(join(dir, 'double'));
    const after = readReport(out);
    const k = c.groups.find((g) => g.group === 'koompi')!;
    expect(k.before).toBe(before.accuracy_koompi);
    expect(k.after).toBe(after.accuracy_koompi);
    expect(c.unmatched).toBe(0);
    const flipped = after.items
      .filter((i) => before.items.find((o) => o.id === i.id)!.correct !== i.correct && i.correct !== null)
      .map((i) => i.id);
    expect([...c.improved, ...c.regressed].sort()).toEqual(flipped.sort());
    expect(readFileSync(join(out, 'report.md'), 'utf8')).toContain('## Compared with the baseline');
    writeFileSync(join(dir, 'not-a-report.json'), '{"a": 1}');
    const bad = await run(['eval', '--set', setFile, '--out', out, '--baseline', join(dir, 'not-a-report.json')], '127.0.0.1:9');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('not a koompi-ask eval report.json');
  }, 60_000);

  it('draws a progress bar on a TTY', async () => {
    const r = await run(['eval', '--set', setFile, '--out', join(dir, 'tty'), '--limit', '2'], '127.0.0.1:9', true);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/\r\[#{15}-{15}\] 1\/2/);
    expect(r.err).toMatch(/\r\[#{30}\] 2\/2/);
  }, 60_000);

  it('refuses bad usage with exit 2 and a reason', async () => {
    expect((await run(['eval', 'now'], '127.0.0.1:9')).err).toContain('eval takes no words');
    const lim = await run(['eval', '--limit', '0'], '127.0.0.1:9');
    expect(lim.code).toBe(2);
    expect(lim.err).toContain('--limit needs a whole number');
    const bad = join(dir, 'bad.jsonl');
    writeFileSync(bad, '{"id":"x"}\n');
    const b = await run(['eval', '--set', bad], '127.0.0.1:9');
    expect(b.code).toBe(2);
    expect(b.err).toContain('bad.jsonl:1: "group" must be a non-empty string');
    const missing = await run(['eval', '--set', join(dir, 'nope.jsonl')], '127.0.0.1:9');
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('--set FILE');
  });

  const root = process.getuid?.() === 0 && spawnSync('unshare', ['-n', 'true']).status === 0;
  it.runIf(root)(
    '--netns runs inside a loopback-only namespace with the local server started inside it',
    () => {
      const out = join(dir, 'netns');
      const r = spawnSync(
        process.execPath,
        [
          join(ROOT, 'bin/koompi-ask'),
          'eval',
          '--netns',
          '--set',
          setFile,
          '--out',
          out,
          '--server',
          `${process.execPath} --import tsx ${join(ROOT, 'eval/serve-double.ts')}`,
        ],
        {
          cwd: ROOT,
          encoding: 'utf8',
          timeout: 120_000,
          env: {
            PATH: process.env.PATH,
            KOOMPI_CONFIG_DIR: join(dir, 'config'),
            KOOMPI_CACHE_DIR: join(dir, 'cache'),
            KOOMPI_HAS_CLI: '0',
            NO_COLOR: '1',
          },
        },
      );
      expect(r.stderr).not.toContain('koompi-ask:');
      expect(r.status).toBe(0);
      const rep = readReport(out);
      expect(rep.environment.netns).toBe(true);
      expect(rep.environment.ollama_version).not.toBeNull();
      expect(rep.network).toEqual({ attempts_beyond_loopback: 0, targets: [], kernel_no_route: 0 });
      expect(rep.offline_answered_pct).toBe(100);
    },
    120_000,
  );
});
