// Coalesces a command's terminal output into a few events per second, with a scrollback limit instead of a kill:
// when more than the limit piles up before it can be sent, the oldest part is dropped (from a line start, so no
// escape sequence is cut) and the run is marked `truncated`. The command itself never notices.

export const DEFAULT_SCROLLBACK_BYTES = 2 * 1024 * 1024;

export interface OutputBatcher {
  push(data: string): void;
  /** Sends what is pending now. */
  flush(): void;
  /** True once some output was dropped for the scrollback limit. */
  readonly dropped: boolean;
}

export function createOutputBatcher(send: (data: string) => void, opts: { intervalMs?: number; limit?: number } = {}): OutputBatcher {
  const interval = opts.intervalMs ?? 16;
  const limit = opts.limit ?? DEFAULT_SCROLLBACK_BYTES;
  let pending = '';
  let timer: NodeJS.Timeout | null = null;
  let dropped = false;
  const flush = (): void => {
    if (timer) {
      clearTimeout(timer);
      timer = null;
    }
    if (pending === '') return;
    const out = pending;
    pending = '';
    send(out);
  };
  return {
    push(data) {
      pending += data;
      if (pending.length > limit) {
        let cut = pending.length - limit;
        const nl = pending.indexOf('\n', cut);
        cut = nl >= 0 && nl - cut < 4096 ? nl + 1 : cut;
        pending = pending.slice(cut);
        dropped = true;
      }
      if (!timer) {
        timer = setTimeout(flush, interval);
        timer.unref?.();
      }
    },
    flush,
    get dropped() {
      return dropped;
    },
  };
}
