// Appends one JSON line per finished run to the command history log (time, command, risk, exit code, duration).
import { appendFileSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Risk } from '../types.js';

export interface HistoryEntry {
  time: string;
  command: string;
  risk: Risk;
  exitCode: number | null;
  durationMs: number;
  signal?: string | null;
  timedOut?: boolean;
  cancelled?: boolean;
  truncated?: boolean;
  /** Where the command ended (after any `cd`), when it ran. */
  cwd?: string;
  /** 'ran' or why it did not: 'declined', 'wrong-word'. */
  outcome?: string;
}

/** One write(2) in append mode per line, so lines from concurrent runs do not interleave. */
export function appendHistory(file: string, entry: HistoryEntry): void {
  mkdirSync(dirname(file), { recursive: true });
  appendFileSync(file, JSON.stringify(entry) + '\n', { encoding: 'utf8', flag: 'a', mode: 0o600 });
}

/** Reads the log back (bad lines are skipped). */
export function readHistory(file: string): HistoryEntry[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  const out: HistoryEntry[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      out.push(JSON.parse(line) as HistoryEntry);
    } catch {
      /* skip a torn line */
    }
  }
  return out;
}
