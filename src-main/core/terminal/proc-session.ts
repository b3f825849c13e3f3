// Finds and signals the processes of one terminal session through /proc (Linux): the command's own session,
// which `script(1)` creates with setsid(), so a Stop reaches every process the command started, even orphans.
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

export interface ProcInfo {
  pid: number;
  ppid: number;
  pgid: number;
  sid: number;
  state: string;
}

/** Parses /proc/PID/stat; null when the process is gone. The name may contain spaces and ')' so split after the last ')'. */
export function procInfo(pid: number): ProcInfo | null {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null;
  }
  const close = text.lastIndexOf(')');
  if (close < 0) return null;
  const f = text.slice(close + 2).split(' ');
  // after the name: state ppid pgrp session ...
  return { pid, state: f[0] ?? '?', ppid: Number(f[1]), pgid: Number(f[2]), sid: Number(f[3]) };
}

function allPids(): number[] {
  const out: number[] = [];
  for (const name of readdirSync('/proc')) if (/^\d+$/.test(name)) out.push(Number(name));
  return out;
}

/** Live processes (zombies excluded) matching a predicate. */
export function findProcs(pred: (p: ProcInfo) => boolean): ProcInfo[] {
  const out: ProcInfo[] = [];
  for (const pid of allPids()) {
    const p = procInfo(pid);
    if (p && p.state !== 'Z' && pred(p)) out.push(p);
  }
  return out;
}

/** The children of a process (e.g. the session leader script(1) forked). */
export const childrenOf = (ppid: number): ProcInfo[] => findProcs((p) => p.ppid === ppid);

/** Every live process of a session. */
export const sessionMembers = (sid: number): ProcInfo[] => (sid > 1 ? findProcs((p) => p.sid === sid) : []);

/** Sends a signal to every live process of the session; returns how many were signalled. */
export function signalSession(sid: number, sig: NodeJS.Signals): number {
  let n = 0;
  for (const p of sessionMembers(sid)) {
    try {
      process.kill(p.pid, sig);
      n++;
    } catch {
      /* gone meanwhile */
    }
  }
  return n;
}

/** The terminal device a process has on fd 0 (e.g. /dev/pts/7), or null. */
export function ttyOf(pid: number): string | null {
  try {
    const link = readlinkSync(`/proc/${pid}/fd/0`);
    return link.startsWith('/dev/pts/') ? link : null;
  } catch {
    return null;
  }
}

/** The value of one environment variable of a process (own processes only), or null. */
export function envOf(pid: number, name: string): string | null {
  try {
    const entries = readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');
    const hit = entries.find((e) => e.startsWith(`${name}=`));
    return hit === undefined ? null : hit.slice(name.length + 1);
  } catch {
    return null;
  }
}
