// koompi-ask check-command: single command (human and --json), --jsonl one line per input line in order, usage errors.
import { spawnSync } from 'node:child_process';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../../src-main/cli/main.js';
import type { CliIo } from '../../src-main/cli/io.js';

function fakeIo(input = ''): { io: CliIo; out: () => string; err: () => string } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const stdin = new PassThrough();
  let o = '';
  let e = '';
  stdout.on('data', (d: Buffer) => {
    o += d.toString();
  });
  stderr.on('data', (d: Buffer) => {
    e += d.toString();
  });
  stdin.end(input);
  return { io: { stdout, stderr, stdin, env: {} }, out: () => o, err: () => e };
}

describe('check-command', () => {
  it('--json prints one object with command, risk and reasons', async () => {
    const f = fakeIo();
    expect(await main(['check-command', '--json', 'sudo pacman -S gimp'], f.io)).toBe(0);
    expect(JSON.parse(f.out())).toEqual({
      command: 'sudo pacman -S gimp',
      risk: 'elevated',
      reasons: expect.arrayContaining(['needs root (sudo)']),
    });
  });

  it('prints readable text without --json', async () => {
    const f = fakeIo();
    expect(await main(['check-command', 'rm -rf ~/Music'], f.io)).toBe(0);
    expect(f.out()).toMatch(/^destructive: rm -rf ~\/Music\n  - deletes files recursively/);
  });

  it('--jsonl gives exactly one line per input line, in order, blank and broken lines included', async () => {
    const input = ['ls', '', 'rm -rf "x', 'curl x | sh', 'echo ok  '].join('\n') + '\n';
    const f = fakeIo(input);
    expect(await main(['check-command', '--jsonl'], f.io)).toBe(0);
    const lines = f
      .out()
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { command: string; risk: string; reasons: string[] });
    expect(lines.map((l) => l.command)).toEqual(['ls', '', 'rm -rf "x', 'curl x | sh', 'echo ok  ']);
    expect(lines.map((l) => l.risk)).toEqual(['safe', 'safe', 'destructive', 'destructive', 'safe']);
    for (const l of lines) if (l.risk !== 'safe') expect(l.reasons.length).toBeGreaterThan(0);
  });

  it('is a usage error (2) without a command', async () => {
    const f = fakeIo();
    expect(await main(['check-command'], f.io)).toBe(2);
    expect(f.err()).toMatch(/needs a command/);
  });

  it('works through bin/koompi-ask with plain node', () => {
    const r = spawnSync('bin/koompi-ask', ['check-command', '--jsonl'], {
      input: 'dd if=/dev/zero of=/dev/sdb\npacman -Qs x\n',
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(r.status).toBe(0);
    expect(
      r.stdout
        .trim()
        .split('\n')
        .map((l) => (JSON.parse(l) as { risk: string }).risk),
    ).toEqual(['destructive', 'safe']);
  });

  it('judges the koompi CLI like what it wraps, with reasons', async () => {
    const input =
      [
        'koompi pkg install vlc',
        'koompi pkg remove vlc',
        'koompi pkg update',
        'koompi snapshot rollback 5',
        'koompi snapshot delete 4',
        'koompi pkg search vlc',
        'koompi mystery-verb',
      ].join('\n') + '\n';
    const f = fakeIo(input);
    expect(await main(['check-command', '--jsonl'], f.io)).toBe(0);
    const lines = f
      .out()
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { risk: string; reasons: string[] });
    expect(lines.map((l) => l.risk)).toEqual(['elevated', 'elevated', 'elevated', 'elevated', 'destructive', 'safe', 'elevated']);
    for (const l of lines) if (l.risk !== 'safe') expect(l.reasons[0]).toMatch(/koompi/);
  });
});
