// One index writer at a time, across processes (the app and koompi-ask): an exclusive lock file holding
// the owner's pid, refreshed while the build runs. A lock whose owner is gone (same host), or that was not
// refreshed for STALE_MS, is stale (a crash) and is taken over.
import { closeSync, openSync, readFileSync, rmSync, statSync, utimesSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

export const LOCK_FILE = 'build.lock';
export const STALE_MS = 5 * 60_000;
const HEARTBEAT_MS = 10_000;

export interface LockInfo {
  pid: number;
  host: string;
  startedAt: string;
}

export interface HeldLock {
  /** Refreshes the lock (the build calls it as it goes: a synchronous build never lets a timer run). */
  touch(): void;
  release(): void;
}

export function lockPath(dir: string): string {
  return join(dir, LOCK_FILE);
}

export function readLock(dir: string): (LockInfo & { stale: boolean }) | null {
  const p = lockPath(dir);
  let st;
  try {
    st = statSync(p);
  } catch {
    return null;
  }
  let info: LockInfo = { pid: 0, host: '', startedAt: '' };
  try {
    info = JSON.parse(readFileSync(p, 'utf8')) as LockInfo;
  } catch {
    /* half-written lock: judged by age */
  }
  const old = Date.now() - st.mtimeMs > STALE_MS;
  const dead = info.host === hostname() && info.pid > 0 && !alive(info.pid);
  return { ...info, stale: old || dead || (info.pid === 0 && Date.now() - st.mtimeMs > 5_000) };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the lock or returns the live owner. */
export function acquireLock(dir: string): { lock: HeldLock } | { owner: LockInfo } {
  const p = lockPath(dir);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(p, 'wx', 0o644);
      const info: LockInfo = { pid: process.pid, host: hostname(), startedAt: new Date().toISOString() };
      writeSync(fd, JSON.stringify(info));
      closeSync(fd);
      const beat = setInterval(() => {
        try {
          const now = new Date();
          utimesSync(p, now, now);
        } catch {
          /* removed under us: nothing to refresh */
        }
      }, HEARTBEAT_MS);
      beat.unref();
      let released = false;
      let lastTouch = Date.now();
      return {
        lock: {
          touch() {
            const now = Date.now();
            if (now - lastTouch < 5_000) return;
            lastTouch = now;
            try {
              utimesSync(p, new Date(now), new Date(now));
            } catch {
              /* removed under us */
            }
          },
          release() {
            if (released) return;
            released = true;
            clearInterval(beat);
            try {
              const cur = JSON.parse(readFileSync(p, 'utf8')) as LockInfo;
              if (cur.pid === info.pid && cur.startedAt === info.startedAt) rmSync(p, { force: true });
            } catch {
              /* gone already */
            }
          },
        },
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const cur = readLock(dir);
      if (cur && !cur.stale) return { owner: cur };
      // Stale: remove it and try again (another process may win the retry; then we see it as the owner).
      rmSync(p, { force: true });
    }
  }
  const cur = readLock(dir);
  return { owner: cur ?? { pid: 0, host: '', startedAt: '' } };
}
