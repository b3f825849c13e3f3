// Terminal public entry: commands on a pseudo-terminal (app) or on the user's own terminal (koompi-ask), sessions
// with a shared working directory, Stop that escalates, scrollback instead of an output kill.
export { TerminalSession, type SessionRunOptions } from './terminal-session.js';
export { SessionPool } from './session-pool.js';
export { ForegroundSession } from './foreground.js';
export { spawnPty, DEFAULT_SIZE, type PtyProcess, type PtySize } from './pty-process.js';
export { stopEscalating, DEFAULT_STOP, type StopTiming } from './stop.js';
export { DEFAULT_SCROLLBACK_BYTES } from './output-batcher.js';
export { argvToText } from './prelude.js';
export type { RunControl, RunEvent, RunResult } from './types.js';
