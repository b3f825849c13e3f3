// koompi-ask --run: a confirmed command runs on the user's own terminal, as if typed there. It inherits stdin, stdout
// and stderr and stays in koompi-ask's process group, which is the terminal's foreground group, so it can prompt and
// be answered and Ctrl+C reaches it directly; koompi-ask only waits (it ignores SIGINT meanwhile). Commands of one
// answer share a working directory that follows `cd`. After a ^C, whatever the command left running (background
// jobs ignore SIGINT in a non-interactive shell) is found by a mark in its environment and stopped too.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildScript } from './prelude.js';
import { envOf, findProcs } from './proc-session.js';
import type { RunResult } from './types.js';

const MARK = 'KOOMPI_RUN_MARK';
const isDir = (p: string): boolean => {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
};
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Stops the processes carrying this run's mark (SIGTERM, then SIGKILL); returns how many there were. */
async function sweep(mark: string): Promise<number> {
  const left = (): number[] =>
    findProcs((p) => p.pid !== process.pid)
      .filter((p) => envOf(p.pid, MARK) === mark)
      .map((p) => p.pid);
  const first = left();
  for (const pid of first) {
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      /* gone */
    }
  }
  if (first.length === 0) return 0;
  await sleep(300);
  for (const pid of left()) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      /* gone */
    }
  }
  return first.length;
}

export class ForegroundSession {
  private cwdNow: string;
  private readonly dir = mkdtempSync(join(tmpdir(), 'koompi-run-'));
  private seq = 0;

  constructor(cwd: string = process.cwd()) {
    this.cwdNow = cwd;
  }

  get cwd(): string {
    return this.cwdNow;
  }

  async run(text: string, env: NodeJS.ProcessEnv = process.env): Promise<RunResult> {
    const started = Date.now();
    const cwdFile = join(this.dir, `cwd-${++this.seq}`);
    const mark = randomUUID();
    const script = buildScript(text, { cwdFile }, { pty: false });
    const ignore = (): void => undefined;
    // While the command runs, ^C is the command's: koompi-ask survives it and reports what happened.
    process.on('SIGINT', ignore);
    process.on('SIGQUIT', ignore);
    try {
      const child = spawn('bash', ['-c', script], {
        cwd: isDir(this.cwdNow) ? this.cwdNow : process.cwd(),
        env: { ...env, [MARK]: mark },
        stdio: 'inherit',
      });
      const forwardTerm = (): void => {
        try {
          child.kill('SIGTERM');
        } catch {
          /* gone */
        }
      };
      process.on('SIGTERM', forwardTerm);
      const ended = await new Promise<{ code: number | null; sig: string | null; error: string | null }>((resolve) => {
        child.on('error', (e) => resolve({ code: null, sig: null, error: e.message }));
        child.on('exit', (code, sig) => resolve({ code, sig, error: null }));
      });
      process.removeListener('SIGTERM', forwardTerm);
      const interrupted = ended.sig === 'SIGINT' || ended.code === 130;
      if (interrupted) await sweep(mark);
      try {
        const where = readFileSync(cwdFile, 'utf8').trim();
        if (where && isDir(where)) this.cwdNow = where;
      } catch {
        /* no EXIT trap ran */
      }
      rmSync(cwdFile, { force: true });
      return {
        exitCode: ended.code,
        signal: ended.sig,
        durationMs: Date.now() - started,
        timedOut: false,
        cancelled: interrupted,
        truncated: false,
        error: ended.error,
        cwd: this.cwdNow,
      };
    } finally {
      process.removeListener('SIGINT', ignore);
      process.removeListener('SIGQUIT', ignore);
    }
  }

  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
