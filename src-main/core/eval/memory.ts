// Samples the resident memory (RSS) of a process and all its descendants from /proc, for the report's peak.
import { readdirSync, readFileSync } from 'node:fs';

const PAGE = 4096;

/** Sum of RSS (bytes) of `root` and every descendant, read from /proc/<pid>/stat; 0 where /proc is missing. */
export function treeRssBytes(root = process.pid): number {
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((e) => /^\d+$/.test(e));
  } catch {
    return process.memoryUsage().rss;
  }
  const parent = new Map<number, number>();
  const rss = new Map<number, number>();
  for (const e of entries) {
    try {
      const stat = readFileSync(`/proc/${e}/stat`, 'utf8');
      // fields after the ")" that closes the command name: state ppid … rss is field 24 overall
      const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parent.set(Number(e), Number(rest[1]));
      rss.set(Number(e), Number(rest[21]) * PAGE);
    } catch {
      // the process ended while we looked
    }
  }
  const children = new Map<number, number[]>();
  for (const [pid, pp] of parent) {
    const list = children.get(pp) ?? [];
    list.push(pid);
    children.set(pp, list);
  }
  let total = 0;
  const stack = [root];
  const seen = new Set<number>();
  while (stack.length > 0) {
    const pid = stack.pop()!;
    if (seen.has(pid)) continue;
    seen.add(pid);
    total += rss.get(pid) ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

export interface MemorySampler {
  /** Takes one sample now (also done every intervalMs). */
  sample(): void;
  stop(): { peakBytes: number; samples: number };
}

export function startMemorySampler(intervalMs = 250, root = process.pid): MemorySampler {
  let peak = 0;
  let samples = 0;
  const sample = (): void => {
    peak = Math.max(peak, treeRssBytes(root));
    samples++;
  };
  sample();
  const t = setInterval(sample, intervalMs);
  t.unref();
  return {
    sample,
    stop: () => {
      clearInterval(t);
      sample();
      return { peakBytes: peak, samples };
    },
  };
}
