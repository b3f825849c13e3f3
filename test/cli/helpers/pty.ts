// Runs a program on a REAL pseudo-terminal (util-linux script(1)) for the CLI tests: the program sees a TTY on
// stdin/stdout/stderr exactly as in Konsole; the test reads what the terminal shows and types into it.
import { spawn } from 'node:child_process';

export interface PtyRun {
  /** Everything the terminal showed so far (CR LF as the terminal sends it). */
  screen(): string;
  /** Types into the terminal (Enter is "\r", Ctrl+C is "\x03"). */
  type(text: string): void;
  /** Resolves once the screen contains the text (after `from` chars), or rejects after ms. */
  waitFor(text: string | RegExp, ms?: number, from?: number): Promise<void>;
  /** The program's exit code (script -e passes it through). */
  exited: Promise<number | null>;
  kill(): void;
}

const q = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

export function onPty(argv: string[], opts: { env: NodeJS.ProcessEnv; cwd?: string }): PtyRun {
  const child = spawn('script', ['-qfec', `exec ${argv.map(q).join(' ')}`, '/dev/null'], {
    env: { ...opts.env, SHELL: '/bin/sh' },
    cwd: opts.cwd,
    stdio: ['pipe', 'pipe', 'pipe'],
    detached: true,
  });
  let screen = '';
  const waiters = new Set<() => void>();
  const onData = (d: Buffer): void => {
    screen += d.toString('utf8');
    for (const w of [...waiters]) w();
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  child.stdin.on('error', () => undefined);
  const exited = new Promise<number | null>((resolve) =>
    child.on('close', (code) => {
      for (const w of [...waiters]) w();
      resolve(code);
    }),
  );
  const guard = setTimeout(() => {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      /* gone */
    }
  }, 60_000);
  void exited.then(() => clearTimeout(guard));
  let closed = false;
  void exited.then(() => {
    closed = true;
  });
  return {
    screen: () => screen,
    type: (t) => {
      child.stdin.write(t);
    },
    waitFor(text, ms = 20_000, from = 0) {
      const hit = (): boolean => (typeof text === 'string' ? screen.indexOf(text, from) >= 0 : text.test(screen.slice(from)));
      return new Promise((resolve, reject) => {
        if (hit()) {
          resolve();
          return;
        }
        const check = (): void => {
          if (hit()) {
            waiters.delete(check);
            clearTimeout(t);
            resolve();
          } else if (closed) {
            waiters.delete(check);
            clearTimeout(t);
            reject(new Error(`exited before showing ${String(text)}; screen:\n${screen}`));
          }
        };
        const t = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`timed out waiting for ${String(text)}; screen:\n${screen}`));
        }, ms);
        waiters.add(check);
      });
    },
    exited,
    kill: () => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        /* gone */
      }
    },
  };
}
