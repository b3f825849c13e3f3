// The app's terminal sessions by key (one per conversation or answer): created on first use, the oldest idle ones
// closed past a limit (never one with a command running: nothing is stopped to make room), all closed (their runs
// stopped, temp folders removed) on dispose.
import { TerminalSession } from './terminal-session.js';

export class SessionPool {
  private readonly byKey = new Map<string, TerminalSession>();
  constructor(private readonly opts: { cwd?: string; max?: number } = {}) {}

  get(key: string): TerminalSession {
    let s = this.byKey.get(key);
    if (s) {
      this.byKey.delete(key);
      this.byKey.set(key, s);
      return s;
    }
    s = new TerminalSession(this.opts.cwd ? { cwd: this.opts.cwd } : {});
    this.byKey.set(key, s);
    const max = this.opts.max ?? 64;
    for (const [oldKey, old] of this.byKey) {
      if (this.byKey.size <= max) break;
      if (old.busy || old === s) continue;
      this.byKey.delete(oldKey);
      void old.dispose();
    }
    return s;
  }

  get size(): number {
    return this.byKey.size;
  }

  async dispose(): Promise<void> {
    const all = [...this.byKey.values()];
    this.byKey.clear();
    await Promise.all(all.map((s) => s.dispose()));
  }
}
