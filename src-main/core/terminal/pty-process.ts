// One command on a real pseudo-terminal, through util-linux `script(1)`: the command sees a TTY (pacman's prompt and
// progress bars, `top`, sudo's password prompt), typing reaches it, Ctrl+C is the terminal's own ^C.
//
// Why script(1) and not node-pty: node-pty and its prebuilt forks are native addons. A prebuilt for Node 20 does not
// load in Electron 42 (Node 24 ABI) without a rebuild, and a rebuild or a prebuilt download is exactly what cannot
// happen at install here (no binary downloads, no compiler on the build machines). `script -qfec` from util-linux is
// on every Arch (and Debian) system, needs no native code in our process, and gives the command a new session with the
// pty as its controlling terminal. Resizing goes through `stty -F /dev/pts/N` on the command's own tty (the kernel then
// sends SIGWINCH), and stopping signals the command's session found through /proc.
import { spawn, execFile, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { childrenOf, procInfo, signalSession, ttyOf } from './proc-session.js';

export interface PtySize {
  cols: number;
  rows: number;
}

export interface PtySpawnOptions {
  /** Full bash script text to run (prelude + the confirmed command). */
  script: string;
  cwd: string;
  env: NodeJS.ProcessEnv;
  size?: PtySize;
  /** The prelude writes the session leader's pid here (see prelude.ts): the session is known even after a quick exit. */
  pidFile?: string;
}

export interface PtyExit {
  exitCode: number | null;
  signal: string | null;
}

export interface PtyProcess {
  readonly pid: number | undefined;
  /** Keystrokes or pasted text, exactly as a terminal would send them (Enter is "\r"). */
  write(data: string): void;
  resize(size: PtySize): void;
  /** Signals every process of the command's session (the command, its children, orphans it left). */
  signal(sig: NodeJS.Signals): number;
  /** The session id of the command (its leader's pid), once known. */
  sessionId(): number | null;
  readonly exited: Promise<PtyExit & { error: string | null }>;
  onData(fn: (data: string) => void): void;
}

export const DEFAULT_SIZE: PtySize = { cols: 100, rows: 24 };
const clampSize = (s: PtySize): PtySize => ({
  cols: Math.max(20, Math.min(500, Math.round(s.cols))),
  rows: Math.max(4, Math.min(200, Math.round(s.rows))),
});

/** Where script(1) lives; KOOMPI_SCRIPT_BIN overrides (tests, odd systems). */
const scriptBin = (env: NodeJS.ProcessEnv): string => env.KOOMPI_SCRIPT_BIN || 'script';

export function spawnPty(opts: PtySpawnOptions): PtyProcess {
  let size = clampSize(opts.size ?? DEFAULT_SIZE);
  // script(1) runs its -c text with $SHELL -c: pin it to sh for that one step and hand the real SHELL back inside.
  const env: NodeJS.ProcessEnv = {
    ...opts.env,
    TERM: opts.env.TERM && opts.env.TERM !== 'dumb' ? opts.env.TERM : 'xterm-256color',
    SHELL: '/bin/sh',
    KOOMPI_RUN_SCRIPT: opts.script,
    KOOMPI_ORIG_SHELL: opts.env.SHELL ?? '',
    KOOMPI_PTY_ROWS: String(size.rows),
    KOOMPI_PTY_COLS: String(size.cols),
  };
  const child: ChildProcessWithoutNullStreams = spawn(
    scriptBin(opts.env),
    ['-qfec', 'exec bash -c "$KOOMPI_RUN_SCRIPT" bash', '/dev/null'],
    {
      cwd: opts.cwd,
      env,
      detached: true,
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  );
  const listeners: ((d: string) => void)[] = [];
  const early: string[] = [];
  const deliver = (d: string): void => {
    if (listeners.length === 0) early.push(d);
    else for (const l of listeners) l(d);
  };
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stdout.on('data', deliver);
  child.stderr.on('data', deliver); // script's own complaints, if any
  child.stdin.on('error', () => undefined);

  let sid: number | null = null;
  const findSession = (): number | null => {
    if (sid !== null) return sid;
    if (opts.pidFile) {
      try {
        const n = Number(readFileSync(opts.pidFile, 'utf8').trim());
        if (Number.isInteger(n) && n > 1) {
          sid = n;
          return sid;
        }
      } catch {
        /* not written yet */
      }
    }
    if (child.pid === undefined) return null;
    const leader = childrenOf(child.pid)[0];
    if (leader) {
      const info = procInfo(leader.pid);
      if (info && info.sid === leader.pid) sid = leader.pid;
    }
    return sid;
  };

  const exited = new Promise<PtyExit & { error: string | null }>((resolve) => {
    let error: string | null = null;
    child.on('error', (e) => {
      error = e.message;
      resolve({ exitCode: null, signal: null, error });
    });
    child.on('close', (code, sig) => resolve({ exitCode: code, signal: sig, error }));
  });
  // Learn the session early (a command that ends quickly may never be asked).
  child.stdout.once('data', () => {
    findSession();
  });

  return {
    get pid() {
      return child.pid;
    },
    write(data) {
      if (child.stdin.writable) child.stdin.write(data);
    },
    resize(next) {
      size = clampSize(next);
      const s = findSession();
      const tty = s !== null ? ttyOf(s) : null;
      if (!tty) return;
      execFile('stty', ['-F', tty, 'rows', String(size.rows), 'cols', String(size.cols)], { timeout: 5000 }, () => undefined);
    },
    signal(sig) {
      const s = findSession();
      return s !== null ? signalSession(s, sig) : 0;
    },
    sessionId: findSession,
    exited,
    onData(fn) {
      listeners.push(fn);
      for (const d of early.splice(0)) fn(d);
    },
  };
}
