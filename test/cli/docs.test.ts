// koompi-ask docs index|search|status: JSON shapes from the contract, human output in English and Khmer,
// usage errors, and the real launcher (bundle + worker file) with its progress bar on a real terminal.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CliIo } from '../../src-main/cli/io.js';
import { main } from '../../src-main/cli/main.js';
import { makeTree, type Tree } from '../core/knowledge/fixture-tree.js';
import { onPty } from './helpers/pty.js';

let t: Tree;
beforeEach(() => {
  t = makeTree();
});
afterEach(() => {
  t.cleanup();
});

function fakeIo(env: NodeJS.ProcessEnv): { io: CliIo; out: () => string; err: () => string } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let o = '';
  let e = '';
  stdout.on('data', (d: Buffer) => {
    o += d.toString();
  });
  stderr.on('data', (d: Buffer) => {
    e += d.toString();
  });
  return { io: { stdout, stderr, stdin: new PassThrough(), env }, out: () => o, err: () => e };
}

const env = (): NodeJS.ProcessEnv => ({ ...t.env, KOOMPI_CACHE_DIR: t.cacheDir });

describe('docs', () => {
  it('status and search work before any build, on the KOOMPI articles, and say what to run', async () => {
    const s = fakeIo(env());
    expect(await main(['docs', 'status', '--json'], s.io)).toBe(0);
    expect(JSON.parse(s.out())).toMatchObject({ builtAt: null, stale: true, dir: join(t.cacheDir, 'docs') });
    const q = fakeIo(env());
    expect(await main(['docs', 'search', '--json', '--limit', '2', 'connect to wifi'], q.io)).toBe(0);
    const r = JSON.parse(q.out()) as { query: string; results: Record<string, unknown>[] };
    expect(r.query).toBe('connect to wifi');
    expect(r.results.length).toBeLessThanOrEqual(2);
    expect(r.results[0]).toMatchObject({
      kind: 'koompi',
      title: 'Wi-Fi (test fixture) › Connect to a network',
      ref: 'koompi:wifi-fixture#connect',
    });
    expect(typeof r.results[0]!.score).toBe('number');
    expect(r.results[0]!.text).toContain('nmcli device wifi connect');
    expect(q.err()).toMatch(/not indexed yet.*koompi-ask docs index/);
    const km = fakeIo(env());
    expect(await main(['docs', 'search', 'ភ្ជាប់វ៉ាយហ្វាយ'], km.io)).toBe(0);
    expect(km.out()).toMatch(/^1\. \[koompi\] វ៉ាយហ្វាយ/);
    expect(km.err()).toContain('koompi-ask docs index'); // the Khmer note names the command too
    expect(km.err()).toMatch(/[\u1780-\u17FF]/);
  });

  it('index builds, then search and status show the man pages, the wiki and KDE', async () => {
    const b = fakeIo(env());
    expect(await main(['docs', 'index', '--json'], b.io)).toBe(0);
    expect(JSON.parse(b.out())).toMatchObject({ ok: true, error: null });
    const h = fakeIo(env());
    expect(await main(['docs', 'index'], h.io)).toBe(0);
    expect(h.out()).toMatch(/^Nothing changed since the last build/);
    expect(h.out()).toMatch(/man +3 pages +\d+ sections +\(1 skipped/);
    const q = fakeIo(env());
    expect(await main(['docs', 'search', 'twist', 'widgets', 'recursively'], q.io)).toBe(0);
    expect(q.out()).toMatch(/^1\. \[man\] frobnicate\(1\) › OPTIONS {2}\(frobnicate\(1\)#options\)\n {3}-r, --recursive/);
    expect(q.err()).toBe('');
    const s = fakeIo(env());
    expect(await main(['docs', 'status'], s.io)).toBe(0);
    expect(s.out()).toMatch(/archwiki +1 pages +3 sections/);
    expect(s.out()).toMatch(/kde +1 pages/);
  });

  it('bad input gets a usage error (exit 2) that says what to do', async () => {
    for (const argv of [
      ['docs'],
      ['docs', 'frobnicate'],
      ['docs', 'search'],
      ['docs', 'search', '--limit', '0', 'x'],
      ['docs', 'search', '--limit', 'many', 'x'],
    ]) {
      const f = fakeIo(env());
      expect(await main(argv, f.io)).toBe(2);
      expect(f.err()).toMatch(/docs needs one of|needs a question|--limit must be/);
    }
  });

  it('runs through bin/koompi-ask: a progress bar on a terminal, then a cold search from the bundle', async () => {
    const bin = join(import.meta.dirname, '../../bin/koompi-ask');
    const run = onPty([bin, 'docs', 'index'], { env: { ...process.env, ...env() } });
    expect(await run.exited).toBe(0);
    expect(run.screen()).toMatch(/\[[#-]{30}\] +\d+%/);
    expect(run.screen()).toMatch(/Indexed \d+ sections/);
    const r = spawnSync(bin, ['docs', 'search', '--json', 'what does the -r option of frobnicate do'], {
      env: { ...process.env, ...env() },
      encoding: 'utf8',
    });
    expect(r.status).toBe(0);
    expect((JSON.parse(r.stdout) as { results: { ref: string }[] }).results[0]!.ref).toBe('frobnicate(1)');
  }, 120_000);
});
