// runCommand on a real pseudo-terminal: exit codes, exactly the text given, argv quoted (never read as shell),
// a missing program, Stop of a process tree, no time limit or output cap that stops a command.
import { mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCommand, type RunEvent } from '../../../src-main/core/commands/index.js';
import { procInfo } from '../../../src-main/core/terminal/proc-session.js';

const dir = realpathSync(mkdtempSync(join(tmpdir(), 'koompi-run-')));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const alive = (pid: number): boolean => {
  const p = procInfo(pid);
  return p !== null && p.state !== 'Z';
};
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
async function waitFor(cond: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await sleep(20);
  }
}
const outOf = (events: RunEvent[]): string => events.map((e) => (e.type === 'stdout' ? e.data : '')).join('');

describe('runCommand', () => {
  it('streams the terminal output in order and reports the exit code', async () => {
    const events: RunEvent[] = [];
    const r = await runCommand({ text: 'echo one; sleep 0.1; echo two >&2; sleep 0.1; echo three; exit 3', cwd: dir }, (e) =>
      events.push(e),
    );
    expect(r.exitCode).toBe(3);
    expect(outOf(events).replace(/\r/g, '')).toBe('one\ntwo\nthree\n');
    expect(events[0]!.type).toBe('start');
    expect(events[events.length - 1]!.type).toBe('exit');
  });

  it('runs in the given cwd and exactly the text given', async () => {
    const events: RunEvent[] = [];
    await runCommand({ text: "pwd; printf '%s\\n' \"a  b\" '$HOME'", cwd: dir }, (e) => events.push(e));
    expect(outOf(events).replace(/\r/g, '')).toBe(`${dir}\na  b\n$HOME\n`);
  });

  it('quotes every word of an argv: nothing in it is read as shell', async () => {
    const events: RunEvent[] = [];
    const r = await runCommand({ argv: ['printf', '%s|', 'a b', '$(touch x)', ';rm', "it's"], cwd: dir }, (e) => events.push(e));
    expect(r.exitCode).toBe(0);
    expect(outOf(events)).toBe("a b|$(touch x)|;rm|it's|");
  });

  it("reports a program that is not there with bash's 127", async () => {
    const r = await runCommand({ argv: ['/nonexistent/program-xyz'], cwd: dir });
    expect(r.exitCode).toBe(127);
  });

  it('Stop (abort) ends the whole process tree', async () => {
    const ac = new AbortController();
    const pidFile = join(dir, 'pids');
    const p = runCommand({
      text: `sleep 100 & echo $! > ${pidFile}; (sleep 100; echo never) & echo $! >> ${pidFile}; sleep 100; wait`,
      cwd: dir,
      signal: ac.signal,
      stopTiming: { intMs: 500, termMs: 500 },
    });
    await waitFor(() => {
      try {
        return readFileSync(pidFile, 'utf8').trim().split('\n').length === 2;
      } catch {
        return false;
      }
    });
    const pids = readFileSync(pidFile, 'utf8').trim().split('\n').map(Number);
    expect(pids.every(alive)).toBe(true);
    ac.abort();
    const r = await p;
    expect(r.cancelled).toBe(true);
    await waitFor(() => pids.every((pid) => !alive(pid)), 3000);
  });

  it('has no time limit: a run longer than the old 300 ms test limit is not stopped', async () => {
    const r = await runCommand({ text: 'sleep 1.2; echo done', cwd: dir });
    expect(r.exitCode).toBe(0);
    expect(r.timedOut).toBe(false);
    expect(r.durationMs).toBeGreaterThanOrEqual(1200);
  });

  it('does not wait for a background child of a finished command', async () => {
    const r = await runCommand({ text: 'sleep 5 & echo started', cwd: dir });
    expect(r.exitCode).toBe(0);
    expect(r.durationMs).toBeLessThan(4000);
  });
});
