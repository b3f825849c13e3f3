// The resume journal of a build: pages parsed so far, one JSON line each, appended in batches. A build
// that was interrupted (crash, app closed) picks them up instead of parsing again; a torn last line is ignored.
import { appendFileSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PageRecord } from './model.js';

export const JOURNAL_FILE = 'build.journal';

export interface JournalEntry {
  key: string;
  path: string;
  m: number;
  s: number;
  page: PageRecord | null;
}

export class Journal {
  private buf: string[] = [];
  private bytes = 0;
  private readonly file: string;
  private writable = true;

  constructor(
    dir: string,
    private readonly fingerprint: string,
  ) {
    this.file = join(dir, JOURNAL_FILE);
  }

  /** Entries of an interrupted build made with the same tokenizer; empty otherwise. */
  load(): Map<string, JournalEntry> {
    const out = new Map<string, JournalEntry>();
    if (!existsSync(this.file)) return out;
    let lines: string[];
    try {
      lines = readFileSync(this.file, 'utf8').split('\n');
    } catch {
      return out;
    }
    try {
      const head = JSON.parse(lines[0] ?? '') as { fingerprint?: string };
      if (head.fingerprint !== this.fingerprint) return out;
    } catch {
      return out;
    }
    for (const l of lines.slice(1)) {
      if (!l) continue;
      try {
        const e = JSON.parse(l) as JournalEntry;
        out.set(e.key, e);
      } catch {
        /* torn line from a crash */
      }
    }
    return out;
  }

  start(keep: boolean): void {
    if (keep && existsSync(this.file)) return;
    try {
      writeFileSync(this.file, `${JSON.stringify({ fingerprint: this.fingerprint })}\n`);
    } catch {
      this.writable = false;
    }
  }

  add(e: JournalEntry): void {
    if (!this.writable) return;
    const line = `${JSON.stringify(e)}\n`;
    this.buf.push(line);
    this.bytes += line.length;
    if (this.bytes > 4 * 1024 * 1024) this.flush();
  }

  flush(): void {
    if (!this.writable || this.buf.length === 0) return;
    try {
      appendFileSync(this.file, this.buf.join(''));
    } catch {
      // A full disk: stop journalling (the build itself will report the error).
      this.writable = false;
    }
    this.buf = [];
    this.bytes = 0;
  }

  remove(): void {
    this.buf = [];
    rmSync(this.file, { force: true });
  }
}
