// What the service needs from the core's command module: judge, intent actions, the exact text a run
// will show (sudo -> pkexec), and a run with streamed output, cancel, time limit and output cap.
import type { CommandJudgement, SuggestedCommand } from '../types.js';

export interface RunOutcome {
  code: number | null;
  signal: string | null;
  durationMs: number;
  timedOut?: boolean;
  truncated?: boolean;
}

export interface RunnerPort {
  judge(command: string): CommandJudgement;
  /** The tier-1 action for a question (argv and its exact command line), or null. */
  intentAction(question: string): { command: string; argv: string[] } | null;
  /** Exactly the text that will run in this mode (after the sudo -> pkexec rewrite). */
  runText(cmd: SuggestedCommand, mode: 'inline' | 'konsole'): string;
  run(req: { command: SuggestedCommand; runText: string; mode: 'inline' | 'konsole'; timeoutMs: number; signal: AbortSignal },
    onOutput: (data: string, stream: 'stdout' | 'stderr') => void): Promise<RunOutcome>;
}
