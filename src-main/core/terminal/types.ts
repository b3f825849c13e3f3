// What one run of a confirmed command reports, in the app (pseudo-terminal) and in koompi-ask (the user's terminal).

export interface RunResult {
  exitCode: number | null;
  signal: string | null;
  durationMs: number;
  /** Kept for the history log's shape: no timer stops a command any more, so always false. */
  timedOut: boolean;
  /** Stopped on purpose (Stop in the app). */
  cancelled: boolean;
  /** Older output was dropped from the scrollback (the command itself ran on). */
  truncated: boolean;
  /** Could not start at all (e.g. script(1) or bash missing). */
  error: string | null;
  /** The working directory the command ended in (the next command of the same answer starts there). */
  cwd?: string;
}

export type RunEvent =
  | { type: 'start'; pid: number; argv: string[] }
  | { type: 'stdout'; data: string }
  | { type: 'stderr'; data: string }
  | { type: 'notice'; message: string }
  | { type: 'exit'; result: RunResult };

/** What the app can do to a running command: type, resize, stop. */
export interface RunControl {
  write(data: string): void;
  resize(size: { cols: number; rows: number }): void;
  /** SIGINT, then SIGTERM, then SIGKILL to the command's session; resolves when it is gone. */
  stop(): Promise<void>;
}
