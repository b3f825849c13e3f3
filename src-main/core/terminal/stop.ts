// Stopping a command the way a careful person would: SIGINT first (pacman, snapper and most tools clean up on it),
// then SIGTERM, SIGKILL last, to every process of the command's session. No timer ever starts this by itself.

export interface Stoppable {
  signal(sig: NodeJS.Signals): number;
  readonly exited: Promise<unknown>;
}

export interface StopTiming {
  /** Time given to SIGINT before SIGTERM (pacman may be writing its database: be patient). */
  intMs: number;
  /** Time given to SIGTERM before SIGKILL. */
  termMs: number;
}

export const DEFAULT_STOP: StopTiming = { intMs: 5000, termMs: 3000 };

const wait = (ms: number): Promise<'timeout'> =>
  new Promise((r) => {
    const t = setTimeout(() => r('timeout'), ms);
    t.unref?.();
  });

/** Escalates until the process has exited; resolves with the last signal that was needed. */
export async function stopEscalating(
  p: Stoppable,
  timing: StopTiming = DEFAULT_STOP,
  onStep?: (sig: NodeJS.Signals) => void,
): Promise<NodeJS.Signals> {
  const steps: [NodeJS.Signals, number][] = [
    ['SIGINT', timing.intMs],
    ['SIGTERM', timing.termMs],
    ['SIGKILL', 2000],
  ];
  let last: NodeJS.Signals = 'SIGINT';
  let done = false;
  void p.exited.then(() => {
    done = true;
  });
  for (const [sig, ms] of steps) {
    last = sig;
    onStep?.(sig);
    // A Stop right after the start can come before the command's session exists (or while its shell is still
    // setting up), so the signal is sent again once a second within the step, as a person presses Ctrl+C again.
    const end = Date.now() + ms;
    let reached = p.signal(sig) > 0;
    let lastSent = Date.now();
    while (!done && Date.now() < end) {
      await wait(Math.min(50, Math.max(1, end - Date.now())));
      if (done) break;
      if (!reached || Date.now() - lastSent >= 1000) {
        reached = p.signal(sig) > 0 || reached;
        lastSent = Date.now();
      }
    }
    if (done) return sig;
  }
  return last;
}
