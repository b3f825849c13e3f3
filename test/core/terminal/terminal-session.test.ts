// Real pseudo-terminals through script(1), no fakes: a pacman stand-in that prompts is answered and completes, `cd`
// carries to the next command, ^C and Stop leave no process of the session alive, 5 MiB of output is not killed.
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SessionPool, TerminalSession, type RunControl, type RunEvent } from '../../../src-main/core/terminal/index.js';
import { procInfo, sessionMembers } from '../../../src-main/core/terminal/proc-session.js';

const dir = realpathSync(mkdtempSync(join(tmpdir(), 'koompi-term-test-')));
const bin = join(dir, 'bin');
mkdirSync(bin);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// A pacman stand-in with pacman's own prompt: it needs a terminal and an answer, like the real one.
const PACMAN = `#!/bin/bash
[ -t 0 ] || { echo "error: no terminal" >&2; exit 1; }
echo "resolving dependencies..."
printf ':: Proceed with installation? [Y/n] '
read -r answer
case "$answer" in ""|y|Y) ;; *) echo "aborted"; exit 1 ;; esac
for i in 1 2 3; do printf '\\r(%d/3) installing firefox  [%-3s]' "$i" "$(printf '#%.0s' $(seq $i))"; sleep 0.05; done
echo
echo "installed $*" > "$PACMAN_LOG"
`;
writeFileSync(join(bin, 'pacman'), PACMAN);
chmodSync(join(bin, 'pacman'), 0o755);
const env = { ...process.env, PATH: `${bin}:${process.env.PATH ?? '/usr/bin:/bin'}`, PACMAN_LOG: join(dir, 'pacman.log') };

/** Alive and not a zombie (a container's pid 1 may never reap orphans). */
const alive = (pid: number): boolean => {
  const p = procInfo(pid);
  return p !== null && p.state !== 'Z';
};
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
async function until(cond: () => boolean, ms = 8000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await sleep(20);
  }
}

function collect(): { events: RunEvent[]; out: () => string; on: (e: RunEvent) => void } {
  const events: RunEvent[] = [];
  let text = '';
  return {
    events,
    out: () => text,
    on: (e) => {
      events.push(e);
      if (e.type === 'stdout') text += e.data;
    },
  };
}

describe('TerminalSession on a real pty', () => {
  it('gives the command a terminal: the pacman prompt is answered and the install completes', async () => {
    const s = new TerminalSession({ cwd: dir });
    const c = collect();
    let ctl: RunControl | null = null;
    const done = s.run(
      {
        text: 'pacman -S firefox',
        env,
        onControl: (x) => {
          ctl = x;
        },
      },
      c.on,
    );
    await until(() => c.out().includes(':: Proceed with installation? [Y/n]'));
    ctl!.write('y\r');
    const r = await done;
    expect(r.exitCode).toBe(0);
    expect(readFileSync(env.PACMAN_LOG, 'utf8')).toBe('installed -S firefox\n');
    expect(c.out()).toContain('(3/3) installing firefox');
    await s.dispose();
  });

  it('a `cd` carries to the next command of the same session', async () => {
    const s = new TerminalSession({ cwd: dir });
    await s.run({ text: 'mkdir -p "Down loads" && cd "Down loads"', env });
    const c = collect();
    await s.run({ text: 'pwd; touch here.txt', env }, c.on);
    expect(c.out()).toContain(`${dir}/Down loads`);
    expect(readFileSync(join(dir, 'Down loads', 'here.txt'), 'utf8')).toBe('');
    expect(s.cwd).toBe(join(dir, 'Down loads'));
    await s.dispose();
  });

  it('sees a tty with the size given and follows a resize', async () => {
    const s = new TerminalSession({ cwd: dir });
    const c = collect();
    let ctl: RunControl | null = null;
    const done = s.run(
      {
        text: 'tty; stty size; echo ready; read -r x; stty size',
        env,
        size: { cols: 90, rows: 30 },
        onControl: (x) => {
          ctl = x;
        },
      },
      c.on,
    );
    await until(() => c.out().includes('ready'));
    ctl!.resize({ cols: 120, rows: 40 });
    await sleep(300);
    ctl!.write('\r');
    expect((await done).exitCode).toBe(0);
    expect(c.out()).toMatch(/\/dev\/pts\/\d+/);
    expect(c.out()).toContain('30 90');
    expect(c.out()).toContain('40 120');
    await s.dispose();
  });

  it('^C typed into the terminal stops the command and leaves no process of its session alive', async () => {
    const s = new TerminalSession({ cwd: dir });
    const c = collect();
    let ctl: RunControl | null = null;
    const pidFile = join(dir, 'bg.pid');
    const done = s.run(
      {
        text: `sleep 300 & echo $! > ${pidFile}; echo started; sleep 300`,
        env,
        onControl: (x) => {
          ctl = x;
        },
      },
      c.on,
    );
    await until(() => c.out().includes('started'));
    const bg = Number(readFileSync(pidFile, 'utf8'));
    expect(alive(bg)).toBe(true);
    const sid = sessionOfPid(bg);
    ctl!.write('\x03');
    const r = await done;
    expect(r.exitCode).toBe(130);
    await until(() => !alive(bg), 3000);
    expect(sessionMembers(sid)).toEqual([]);
    await s.dispose();
  });

  it('Stop escalates to SIGKILL for a command that ignores SIGINT and SIGTERM, and nothing is left', async () => {
    const s = new TerminalSession({ cwd: dir });
    const c = collect();
    const ac = new AbortController();
    const pidFile = join(dir, 'stubborn.pid');
    const done = s.run(
      {
        text: `trap '' INT TERM; (trap '' INT TERM; sleep 300) & echo $! > ${pidFile}; echo ready; while :; do sleep 0.05; done`,
        env,
        signal: ac.signal,
        stopTiming: { intMs: 300, termMs: 300 },
      },
      c.on,
    );
    await until(() => c.out().includes('ready'));
    const child = Number(readFileSync(pidFile, 'utf8'));
    const sid = sessionOfPid(child);
    ac.abort();
    const r = await done;
    expect(r.cancelled).toBe(true);
    expect(c.events.some((e) => e.type === 'notice' && /SIGKILL/.test(e.message))).toBe(true);
    await until(() => sessionMembers(sid).length === 0, 3000);
    expect(alive(child)).toBe(false);
    await s.dispose();
  });

  it('a command that prints 5 MiB runs to the end (scrollback, not a kill)', async () => {
    const s = new TerminalSession({ cwd: dir });
    let bytes = 0;
    let tail = '';
    const t0 = Date.now();
    const r = await s.run(
      { text: "head -c 5242880 /dev/zero | tr '\\0' x | fold -w 1023; echo; echo END-OF-OUTPUT", env, scrollbackBytes: 64 * 1024 * 1024 },
      (e) => {
        if (e.type === 'stdout') {
          bytes += e.data.length;
          tail = (tail + e.data).slice(-200);
        }
      },
    );
    expect(r.exitCode).toBe(0);
    expect(r.cancelled).toBe(false);
    expect(r.truncated).toBe(false);
    expect(tail).toContain('END-OF-OUTPUT');
    expect(bytes).toBeGreaterThanOrEqual(5 * 1024 * 1024);
    console.log(`5 MiB through the pty: ${bytes} chars in ${Date.now() - t0} ms`);
    await s.dispose();
  });

  it('with a small scrollback the oldest output is dropped and marked, and the command still completes', async () => {
    const s = new TerminalSession({ cwd: dir });
    let tail = '';
    const r = await s.run({ text: 'seq 1 400000; echo END', env, scrollbackBytes: 64 * 1024, batchMs: 200 }, (e) => {
      if (e.type === 'stdout') tail = (tail + e.data).slice(-100);
    });
    expect(r.exitCode).toBe(0);
    expect(r.truncated).toBe(true);
    expect(tail).toContain('END');
    await s.dispose();
  });

  it('reports a failing exit code and runs the next command after it', async () => {
    const s = new TerminalSession({ cwd: dir });
    expect((await s.run({ text: 'exit 7', env })).exitCode).toBe(7);
    expect((await s.run({ text: 'true', env })).exitCode).toBe(0);
    await s.dispose();
  });
});

function sessionOfPid(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[3]);
}

describe('SessionPool', () => {
  it('never closes a session whose command is still running to make room', async () => {
    const pool = new SessionPool({ cwd: dir, max: 1 });
    const busy = pool.get('a');
    const ac = new AbortController();
    const c = collect();
    const running = busy.run({ text: 'echo up; sleep 30', env, signal: ac.signal, stopTiming: { intMs: 200, termMs: 200 } }, c.on);
    await until(() => c.out().includes('up'));
    pool.get('b');
    pool.get('c');
    await sleep(300);
    expect(busy.busy).toBe(true);
    ac.abort();
    expect((await running).cancelled).toBe(true);
    await pool.dispose();
  });
});
