// Runs one confirmed command on a pseudo-terminal (core/terminal): output streams as it comes, the person can type
// into it, Stop escalates SIGINT -> SIGTERM -> SIGKILL. No time limit and no output cap ever stops a command: a
// package transaction killed half way can leave the system unbootable. Output past the scrollback is dropped instead.
import {
  argvToText,
  TerminalSession,
  type PtySize,
  type RunControl,
  type RunEvent,
  type RunResult,
  type StopTiming,
} from '../terminal/index.js';

export type { RunEvent, RunResult, RunControl };

export interface RunOptions {
  /** Shell text, run by bash exactly as given. Give this or argv. */
  text?: string;
  /** Program and arguments (intent actions): every word is quoted, so nothing in them is read as shell. */
  argv?: string[];
  /** Where a one-off run starts (ignored when a session is given: the session knows where its last `cd` went). */
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** The session whose working directory this run shares (one per answer); a one-off session otherwise. */
  session?: TerminalSession;
  signal?: AbortSignal;
  size?: PtySize;
  stopTiming?: StopTiming;
  scrollbackBytes?: number;
  /** The handle to type into, resize and stop the run, once it started. */
  onControl?: (c: RunControl) => void;
  /** Stop at the first line that fails ("Run all" of a block). */
  errexit?: boolean;
}

/** The scrollback kept while output waits to be shown (not a limit on the command). */
export { DEFAULT_SCROLLBACK_BYTES as DEFAULT_MAX_OUTPUT } from '../terminal/index.js';

/** Runs the text (or argv) on a pseudo-terminal and resolves when it is over. */
export async function runCommand(opts: RunOptions, onEvent: (e: RunEvent) => void = () => undefined): Promise<RunResult> {
  const text = opts.argv ? argvToText(opts.argv) : opts.text;
  if (text === undefined || (opts.argv && opts.argv.length === 0)) throw new Error('runCommand needs text or argv');
  const session = opts.session ?? new TerminalSession(opts.cwd ? { cwd: opts.cwd } : {});
  try {
    const result = await session.run(
      {
        text,
        env: opts.env ?? process.env,
        ...(opts.signal ? { signal: opts.signal } : {}),
        ...(opts.size ? { size: opts.size } : {}),
        ...(opts.stopTiming ? { stopTiming: opts.stopTiming } : {}),
        ...(opts.scrollbackBytes ? { scrollbackBytes: opts.scrollbackBytes } : {}),
        ...(opts.onControl ? { onControl: opts.onControl } : {}),
        ...(opts.errexit ? { errexit: true } : {}),
      },
      onEvent,
    );
    onEvent({ type: 'exit', result });
    return result;
  } finally {
    if (!opts.session) await session.dispose();
  }
}
