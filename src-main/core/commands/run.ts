// Runs one confirmed command in its own process group: streams output, enforces a time limit and an output cap, cancels cleanly.
import { spawn } from 'node:child_process';
import { homedir } from 'node:os';

export type RunEvent =
  | { type: 'start'; pid: number; argv: string[] }
  | { type: 'stdout'; data: string }
  | { type: 'stderr'; data: string }
  | { type: 'notice'; message: string }
  | { type: 'exit'; result: RunResult };

export interface RunResult {
  exitCode: number | null;
  signal: string | null;
  durationMs: number;
  timedOut: boolean;
  cancelled: boolean;
  /** Output went past maxOutputBytes: the rest was dropped and the command stopped. */
  truncated: boolean;
  /** Could not start at all (e.g. program not found). */
  error: string | null;
}

export interface RunOptions {
  /** Shell text, run as `bash -c TEXT`. Give this or argv. */
  text?: string;
  /** Program and arguments, run without a shell (intent actions). */
  argv?: string[];
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Time limit; default 10 minutes. */
  timeoutMs?: number;
  /** Output cap over stdout+stderr; default 1 MiB. */
  maxOutputBytes?: number;
  /** Time between SIGTERM and SIGKILL when stopping; default 2 s. */
  killGraceMs?: number;
  signal?: AbortSignal;
  /** Data for the command's standard input; by default it gets none (/dev/null). */
  stdin?: string;
}

export const DEFAULT_TIMEOUT_MS = 10 * 60_000;
export const DEFAULT_MAX_OUTPUT = 1024 * 1024;

/** Runs exactly the given text (bash -c) or argv, in a new process group, and resolves when it is over. */
export function runCommand(opts: RunOptions, onEvent: (e: RunEvent) => void = () => undefined): Promise<RunResult> {
  const argv = opts.argv ?? (opts.text !== undefined ? ['bash', '-c', opts.text] : null);
  if (!argv || argv.length === 0) return Promise.reject(new Error('runCommand needs text or argv'));
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const cap = opts.maxOutputBytes ?? DEFAULT_MAX_OUTPUT;
  const grace = opts.killGraceMs ?? 2000;
  const started = Date.now();
  return new Promise<RunResult>((resolve) => {
    let timedOut = false;
    let cancelled = false;
    let truncated = false;
    let bytes = 0;
    let finished = false;
    let killTimer: NodeJS.Timeout | null = null;
    let spawnError: string | null = null;
    const child = spawn(argv[0]!, argv.slice(1), {
      cwd: opts.cwd ?? homedir(),
      env: opts.env ?? process.env,
      detached: true,
      stdio: [opts.stdin !== undefined ? 'pipe' : 'ignore', 'pipe', 'pipe'],
    });
    const killGroup = (sig: NodeJS.Signals): void => {
      if (child.pid === undefined) return;
      try { process.kill(-child.pid, sig); } catch { /* already gone */ }
    };
    const stop = (): void => {
      killGroup('SIGTERM');
      if (!killTimer) {
        killTimer = setTimeout(() => killGroup('SIGKILL'), grace);
        killTimer.unref();
      }
    };
    const onAbort = (): void => { if (!finished) { cancelled = true; onEvent({ type: 'notice', message: 'cancelled: stopping the command' }); stop(); } };
    if (opts.signal?.aborted) onAbort();
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    const timer = setTimeout(() => {
      timedOut = true;
      onEvent({ type: 'notice', message: `time limit of ${Math.round(timeoutMs / 1000)} s reached: stopping the command` });
      stop();
    }, timeoutMs);
    timer.unref();
    const take = (stream: 'stdout' | 'stderr') => (chunk: Buffer): void => {
      if (truncated) return;
      const room = cap - bytes;
      if (chunk.length > room) {
        if (room > 0) onEvent({ type: stream, data: chunk.subarray(0, room).toString('utf8') });
        bytes = cap;
        truncated = true;
        onEvent({ type: 'notice', message: `output passed ${cap} bytes: the rest is not shown and the command was stopped` });
        stop();
        return;
      }
      bytes += chunk.length;
      onEvent({ type: stream, data: chunk.toString('utf8') });
    };
    child.stdout!.on('data', take('stdout'));
    child.stderr!.on('data', take('stderr'));
    if (opts.stdin !== undefined) { child.stdin!.on('error', () => undefined); child.stdin!.end(opts.stdin); }
    if (child.pid !== undefined) onEvent({ type: 'start', pid: child.pid, argv });
    let exitCode: number | null = null;
    let exitSignal: string | null = null;
    let closeWait: NodeJS.Timeout | null = null;
    const finish = (): void => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      if (closeWait) clearTimeout(closeWait);
      opts.signal?.removeEventListener('abort', onAbort);
      // Anything the command left behind in its group goes too when we stopped it on purpose.
      if (timedOut || cancelled || truncated) killGroup('SIGKILL');
      if (killTimer) clearTimeout(killTimer);
      child.stdout?.destroy();
      child.stderr?.destroy();
      const result: RunResult = { exitCode, signal: exitSignal, durationMs: Date.now() - started, timedOut, cancelled, truncated, error: spawnError };
      onEvent({ type: 'exit', result });
      resolve(result);
    };
    child.on('error', (e) => { spawnError = e.message; exitCode = null; finish(); });
    child.on('exit', (code, sig) => {
      exitCode = code;
      exitSignal = sig;
      // Output may still be in the pipes; a background child holding them open must not keep us waiting forever.
      closeWait = setTimeout(finish, 300);
    });
    child.on('close', (code, sig) => {
      if (exitCode === null && exitSignal === null) { exitCode = code; exitSignal = sig; }
      finish();
    });
  });
}
