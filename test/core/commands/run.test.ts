// Real runs in a temp dir: streaming order, exit codes, cancel of a process tree, time limit, output cap, stdin, argv mode.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCommand, type RunEvent } from '../../../src-main/core/commands/index.js';

const dir = mkdtempSync(join(tmpdir(), 'koompi-run-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const alive = (pid: number): boolean => { try { process.kill(pid, 0); return true; } catch { return false; } };
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function waitFor(cond: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) { if (Date.now() > end) throw new Error('timed out waiting'); await sleep(20); }
}

describe('runCommand', () => {
  it('streams stdout and stderr in order and reports the exit code', async () => {
    const events: RunEvent[] = [];
    const r = await runCommand({ text: 'echo one; sleep 0.1; echo two >&2; sleep 0.1; echo three; exit 3', cwd: dir }, (e) => events.push(e));
    expect(r.exitCode).toBe(3);
    expect(r.signal).toBeNull();
    const out = events.filter((e) => e.type === 'stdout' || e.type === 'stderr').map((e) => (e.type === 'stdout' || e.type === 'stderr' ? `${e.type}:${e.data.trim()}` : ''));
    expect(out).toEqual(['stdout:one', 'stderr:two', 'stdout:three']);
    expect(events[0]!.type).toBe('start');
    expect(events[events.length - 1]!.type).toBe('exit');
  });

  it('runs in the given cwd (home by default) and exactly the text given', async () => {
    let out = '';
    await runCommand({ text: "pwd; printf '%s\\n' \"a  b\" '$HOME'", cwd: dir }, (e) => { if (e.type === 'stdout') out += e.data; });
    expect(out).toBe(`${dir}\na  b\n$HOME\n`);
  });

  it('runs argv without a shell', async () => {
    let out = '';
    const r = await runCommand({ argv: ['printf', '%s|', 'a b', '$(touch x)', ';rm'], cwd: dir }, (e) => { if (e.type === 'stdout') out += e.data; });
    expect(r.exitCode).toBe(0);
    expect(out).toBe('a b|$(touch x)|;rm|');
  });

  it('reports a program that cannot start', async () => {
    const r = await runCommand({ argv: ['/nonexistent/program-xyz'], cwd: dir });
    expect(r.error).toMatch(/ENOENT/);
    expect(r.exitCode).toBeNull();
  });

  it('cancel kills the whole process tree', async () => {
    const ac = new AbortController();
    const pidFile = join(dir, 'pids');
    const p = runCommand({ text: `sleep 100 & echo $! > ${pidFile}; (sleep 100; echo never) & echo $! >> ${pidFile}; sleep 100; wait`, cwd: dir, signal: ac.signal, killGraceMs: 500 });
    await waitFor(() => { try { return readFileSync(pidFile, 'utf8').trim().split('\n').length === 2; } catch { return false; } });
    const pids = readFileSync(pidFile, 'utf8').trim().split('\n').map(Number);
    expect(pids.every(alive)).toBe(true);
    ac.abort();
    const r = await p;
    expect(r.cancelled).toBe(true);
    await waitFor(() => pids.every((pid) => !alive(pid)), 3000);
    expect(pids.some(alive)).toBe(false);
  });

  it('kills a process that ignores SIGTERM after the grace period', async () => {
    const ac = new AbortController();
    let pid = 0;
    const p = runCommand({ text: "trap '' TERM; echo ready; while true; do sleep 0.05; done", cwd: dir, signal: ac.signal, killGraceMs: 300 }, (e) => {
      if (e.type === 'start') pid = e.pid;
      if (e.type === 'stdout') ac.abort();
    });
    const r = await p;
    expect(r.cancelled).toBe(true);
    await waitFor(() => !alive(pid), 3000);
  });

  it('stops at the time limit', async () => {
    const notices: string[] = [];
    const r = await runCommand({ text: 'sleep 30', cwd: dir, timeoutMs: 300, killGraceMs: 200 }, (e) => { if (e.type === 'notice') notices.push(e.message); });
    expect(r.timedOut).toBe(true);
    expect(r.signal ?? r.exitCode).toBeTruthy();
    expect(notices.join(' ')).toMatch(/time limit/);
  });

  it('caps the output, says so and stops the command', async () => {
    let got = 0;
    const notices: string[] = [];
    const r = await runCommand({ text: 'yes', cwd: dir, maxOutputBytes: 10_000, timeoutMs: 10_000, killGraceMs: 200 }, (e) => {
      if (e.type === 'stdout') got += Buffer.byteLength(e.data);
      if (e.type === 'notice') notices.push(e.message);
    });
    expect(r.truncated).toBe(true);
    expect(got).toBeLessThanOrEqual(10_000);
    expect(got).toBeGreaterThan(0);
    expect(notices.join(' ')).toMatch(/10000 bytes/);
  });

  it('feeds stdin when given', async () => {
    let out = '';
    await runCommand({ text: 'tr a-z A-Z', cwd: dir, stdin: 'hello' }, (e) => { if (e.type === 'stdout') out += e.data; });
    expect(out).toBe('HELLO');
  });

  it('does not wait forever for a background child that keeps the pipes open', async () => {
    const r = await runCommand({ text: 'sleep 2 & echo started', cwd: dir });
    expect(r.exitCode).toBe(0);
    expect(r.durationMs).toBeLessThan(1900);
  });
});
