// Download speed and time left for `models pull`: a smoothed rate over the bytes of the layer being fetched.

export interface Rate {
  bytesPerSecond: number | null;
  secondsLeft: number | null;
}

export class PullRate {
  private lastBytes = 0;
  private lastAt = 0;
  private rate: number | null = null;
  private key = '';

  constructor(private readonly now: () => number = Date.now) {}

  /** Feed the progress of one layer (its digest or status names it); returns the current estimate. */
  update(key: string, completed: number, total: number): Rate {
    const t = this.now();
    if (key !== this.key || completed < this.lastBytes) {
      this.key = key;
      this.lastBytes = completed;
      this.lastAt = t;
      return { bytesPerSecond: this.rate, secondsLeft: this.rate ? (total - completed) / this.rate : null };
    }
    const dt = (t - this.lastAt) / 1000;
    if (dt >= 0.25) {
      const r = (completed - this.lastBytes) / dt;
      this.rate = this.rate === null ? r : this.rate * 0.7 + r * 0.3;
      this.lastBytes = completed;
      this.lastAt = t;
    }
    const left = this.rate && this.rate > 0 ? Math.max(0, (total - completed) / this.rate) : null;
    return { bytesPerSecond: this.rate, secondsLeft: left };
  }
}

export function formatDuration(s: number): string {
  if (!Number.isFinite(s)) return '?';
  const sec = Math.round(s);
  if (sec < 60) return `${sec}s`;
  if (sec < 3600) return `${Math.floor(sec / 60)}m ${String(sec % 60).padStart(2, '0')}s`;
  return `${Math.floor(sec / 3600)}h ${String(Math.floor((sec % 3600) / 60)).padStart(2, '0')}m`;
}
