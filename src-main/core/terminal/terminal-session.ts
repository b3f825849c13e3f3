// A terminal session: the commands of one answer run one after another, each on its own pseudo-terminal, and share a
// working directory that follows `cd` (the prelude records `pwd -P` when each shell exits). Nothing here has a timer
// or an output cap that stops a command; Stop escalates SIGINT -> SIGTERM -> SIGKILL, and when a run ends whatever it
// left in its session gets SIGHUP (as when a terminal window closes), and SIGKILL too if it was stopped or ^C'd.
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createOutputBatcher, DEFAULT_SCROLLBACK_BYTES } from './output-batcher.js';
import { buildScript } from './prelude.js';
import { sessionMembers, signalSession } from './proc-session.js';
import { spawnPty, type PtySize } from './pty-process.js';
import { DEFAULT_STOP, stopEscalating, type StopTiming } from './stop.js';
import type { RunControl, RunEvent, RunResult } from './types.js';

export interface SessionRunOptions {
  /** The confirmed shell text, run unchanged after the prelude. */
  text: string;
  env: NodeJS.ProcessEnv;
  size?: PtySize;
  /** Aborting stops the command (escalating). */
  signal?: AbortSignal;
  stopTiming?: StopTiming;
  /** Output kept while it waits to be sent; older output beyond it is dropped, never the command. */
  scrollbackBytes?: number;
  /** Gets the handle to type into, resize and stop the run once it has started. */
  onControl?: (c: RunControl) => void;
  /** How often output is sent (ms). */
  batchMs?: number;
  /** Stop at the first line that fails (bash -e): "Run all" of a block. */
  errexit?: boolean;
}

const isDir = (p: string): boolean => {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
};
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export class TerminalSession {
  private cwdNow: string;
  private readonly dir: string;
  private seq = 0;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly live = new Set<RunControl>();
  private disposed = false;
  private pending = 0;

  constructor(opts: { cwd?: string } = {}) {
    this.cwdNow = opts.cwd && isDir(opts.cwd) ? opts.cwd : homedir();
    this.dir = mkdtempSync(join(tmpdir(), 'koompi-term-'));
  }

  /** Where the next command starts. */
  get cwd(): string {
    return this.cwdNow;
  }

  /** A command of this session is running (or queued). */
  get busy(): boolean {
    return this.live.size > 0 || this.pending > 0;
  }

  /** Runs after the commands already queued in this session (one shell at a time, in order). */
  run(opts: SessionRunOptions, onEvent: (e: RunEvent) => void = () => undefined): Promise<RunResult> {
    this.pending++;
    const next = this.queue
      .then(() => this.runNow(opts, onEvent))
      .finally(() => {
        this.pending--;
      });
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async runNow(opts: SessionRunOptions, onEvent: (e: RunEvent) => void): Promise<RunResult> {
    const started = Date.now();
    if (this.disposed)
      return {
        exitCode: null,
        signal: null,
        durationMs: 0,
        timedOut: false,
        cancelled: true,
        truncated: false,
        error: 'the session was closed',
      };
    const n = ++this.seq;
    const cwdFile = join(this.dir, `cwd-${n}`);
    const pidFile = join(this.dir, `pid-${n}`);
    const script = buildScript(opts.text, { cwdFile, pidFile }, { pty: true, errexit: opts.errexit === true });
    const cwd = isDir(this.cwdNow) ? this.cwdNow : homedir();
    const pty = spawnPty({ script, cwd, env: opts.env, ...(opts.size ? { size: opts.size } : {}), pidFile });
    const batcher = createOutputBatcher((data) => onEvent({ type: 'stdout', data }), {
      intervalMs: opts.batchMs ?? 16,
      limit: opts.scrollbackBytes ?? DEFAULT_SCROLLBACK_BYTES,
    });
    pty.onData((d) => batcher.push(d));
    if (pty.pid !== undefined) onEvent({ type: 'start', pid: pty.pid, argv: ['bash', '-c', opts.text] });

    let cancelled = false;
    let stopping: Promise<void> | null = null;
    const stop = (): Promise<void> => {
      if (!stopping) {
        cancelled = true;
        stopping = stopEscalating(pty, opts.stopTiming ?? DEFAULT_STOP, (sig) => {
          if (sig !== 'SIGINT') onEvent({ type: 'notice', message: `still running: sending ${sig}` });
        }).then(() => undefined);
      }
      return stopping;
    };
    const control: RunControl = { write: (d) => pty.write(d), resize: (s) => pty.resize(s), stop };
    this.live.add(control);
    const onAbort = (): void => {
      void stop();
    };
    if (opts.signal?.aborted) onAbort();
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    opts.onControl?.(control);

    const ended = await pty.exited;
    opts.signal?.removeEventListener('abort', onAbort);
    this.live.delete(control);
    batcher.flush();
    const sid = pty.sessionId();
    // What the command left behind in its session: SIGHUP as a closing terminal would; SIGKILL after a Stop or ^C.
    if (sid !== null && sessionMembers(sid).length > 0) {
      signalSession(sid, 'SIGHUP');
      if (cancelled || ended.exitCode === 130) {
        await sleep(200);
        signalSession(sid, 'SIGKILL');
      }
    }
    try {
      const where = readFileSync(cwdFile, 'utf8').trim();
      if (where && isDir(where)) this.cwdNow = where;
    } catch {
      /* killed before its EXIT trap, or it replaced the trap: keep the old cwd */
    }
    rmSync(cwdFile, { force: true });
    rmSync(pidFile, { force: true });
    return {
      exitCode: ended.exitCode,
      signal: ended.signal,
      durationMs: Date.now() - started,
      timedOut: false,
      cancelled,
      truncated: batcher.dropped,
      error: ended.error,
      cwd: this.cwdNow,
    };
  }

  /** Stops what runs (escalating) and removes the session's temp folder. */
  async dispose(): Promise<void> {
    this.disposed = true;
    await Promise.all([...this.live].map((c) => c.stop()));
    await this.queue.catch(() => undefined);
    if (existsSync(this.dir)) rmSync(this.dir, { recursive: true, force: true });
  }
}
