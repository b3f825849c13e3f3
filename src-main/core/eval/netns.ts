// Runs a command inside a fresh network namespace that has only loopback (`unshare -n`, root needed), and starts
// the local model server (Ollama or the protocol double) as a child, so the whole evaluation stays on the machine.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';

export interface NetnsSupport {
  ok: boolean;
  /** Why it cannot be used, with what to do, when ok is false. */
  reason: string | null;
}

export function netnsSupport(): NetnsSupport {
  if (typeof process.getuid === 'function' && process.getuid() !== 0) {
    return { ok: false, reason: 'a network namespace needs root: run it with sudo (sudo koompi-ask eval --netns …)' };
  }
  for (const tool of ['unshare', 'ip']) {
    const r = spawnSync(tool, ['--version'], { stdio: 'ignore' });
    if (r.error) return { ok: false, reason: `${tool} is missing: install util-linux and iproute2` };
  }
  return { ok: true, reason: null };
}

/** Runs argv inside `unshare -n` after bringing loopback up; resolves with its exit code. stdio is inherited. */
export function runInNetns(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn('unshare', ['-n', '--', 'sh', '-c', 'ip link set lo up && exec "$0" "$@"', ...argv], { stdio: 'inherit', env });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve(code ?? (signal ? 128 + 1 : 1)));
  });
}

export interface LocalServer {
  pid: number | undefined;
  stop(): Promise<void>;
}

/**
 * Starts a local model server with a shell command (e.g. `ollama serve`) and waits until `<url>/api/version`
 * answers. The command gets OLLAMA_HOST set to `host:port` of the url.
 */
export async function startLocalServer(command: string, url: string, env: NodeJS.ProcessEnv, timeoutMs = 30_000): Promise<LocalServer> {
  const u = new URL(url);
  const child: ChildProcess = spawn('sh', ['-c', command], {
    env: { ...env, OLLAMA_HOST: `${u.hostname}:${u.port || '11434'}` },
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: true,
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (d: string) => {
    stderr = (stderr + d).slice(-2000);
  });
  let exited = false;
  child.on('exit', () => {
    exited = true;
  });
  const stop = async (): Promise<void> => {
    if (exited || child.pid === undefined) return;
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
    const gone = new Promise<void>((r) => child.once('exit', () => r()));
    const t = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        /* gone */
      }
    }, 3000);
    await gone;
    clearTimeout(t);
  };
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited) throw new Error(`the server command "${command}" ended before it answered: ${stderr.trim().slice(-400) || 'no output'}`);
    try {
      const r = await fetch(new URL('/api/version', url), { signal: AbortSignal.timeout(1000) });
      if (r.ok) return { pid: child.pid, stop };
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  await stop();
  throw new Error(`the server command "${command}" did not answer on ${url} within ${Math.round(timeoutMs / 1000)} s`);
}
