// Main-process registry of suggested commands: the renderer may only ask to run an id; the text always comes from here.
// confirmAndRun is the one confirm -> run -> log path of the app and of koompi-ask --run.
import { randomUUID } from 'node:crypto';
import type { SuggestedCommand } from '../types.js';
import { appendHistory } from './history.js';
import { extractSuggestedCommands } from './extract.js';
import { judgeCommand } from './judge.js';
import { confirmWordFor } from './confirm-word.js';
import { prepareRun } from './prepare.js';
import { runCommand, type RunControl, type RunEvent, type RunOptions, type RunResult } from './run.js';
import type { TerminalSession } from '../terminal/index.js';

/** Asks the person (dialog in the app, prompt in the terminal); destructive commands also need the word typed. */
export type ConfirmPort = (
  cmd: SuggestedCommand,
  info: { confirmWord: string | null; note: string | null },
) => Promise<{ approved: boolean; typedWord?: string }>;

export type Runner = (opts: RunOptions, onEvent: (e: RunEvent) => void) => Promise<RunResult>;

export type RunOutcome =
  { status: 'unknown-id' } | { status: 'declined' } | { status: 'wrong-word'; expected: string } | { status: 'ran'; result: RunResult };

export interface RequestOptions {
  onEvent?: (e: RunEvent) => void;
  /** JSONL history log; nothing is logged without it. */
  historyFile?: string;
  konsole?: boolean;
  signal?: AbortSignal;
  cwd?: string;
  runner?: Runner;
  /** The session (one per answer) whose working directory the run shares. */
  session?: TerminalSession;
  /** The run's handle (type, resize, stop) once it started. */
  onControl?: (c: RunControl) => void;
  /** True when the command gets the person's own terminal (koompi-ask): sudo asks there, no pkexec rewrite. */
  ownTerminal?: boolean;
}

const MAX_ENTRIES = 500;

export class CommandRegistry {
  private readonly byId = new Map<string, SuggestedCommand>();

  /** Registers the commands of one answer; returns them with their ids. */
  addFromMarkdown(markdown: string): SuggestedCommand[] {
    const cmds = extractSuggestedCommands(markdown);
    for (const c of cmds) this.put(c);
    return cmds;
  }

  /** Registers a tier-1 action (argv, run without a shell). */
  addAction(argv: string[], command: string): SuggestedCommand {
    const c: SuggestedCommand = { id: randomUUID(), argv: [...argv], ...judgeCommand(command) };
    this.put(c);
    return c;
  }

  add(cmd: SuggestedCommand): void {
    this.put({ ...cmd, argv: cmd.argv ? [...cmd.argv] : null, reasons: [...cmd.reasons] });
  }

  get(id: string): SuggestedCommand | undefined {
    const c = this.byId.get(id);
    return c ? { ...c, reasons: [...c.reasons], argv: c.argv ? [...c.argv] : null } : undefined;
  }

  get size(): number {
    return this.byId.size;
  }

  private put(c: SuggestedCommand): void {
    this.byId.set(c.id, c);
    while (this.byId.size > MAX_ENTRIES) this.byId.delete(this.byId.keys().next().value as string);
  }

  /** Runs the command with this id only after `confirm` approves (and, if destructive, the right word was typed). */
  async requestRun(id: string, confirm: ConfirmPort, opts: RequestOptions = {}): Promise<RunOutcome> {
    const cmd = this.byId.get(id);
    if (!cmd) return { status: 'unknown-id' };
    return confirmAndRun({ ...cmd, reasons: [...cmd.reasons] }, confirm, opts);
  }
}

/** The shared confirm → run → log path (the app's registry and the CLI's --run both use it). */
export async function confirmAndRun(cmd: SuggestedCommand, confirm: ConfirmPort, opts: RequestOptions = {}): Promise<RunOutcome> {
  const word = cmd.risk === 'destructive' ? confirmWordFor(cmd.command) : null;
  const prepared = cmd.argv || (opts.ownTerminal && !opts.konsole) ? null : prepareRun(cmd.command, { konsole: opts.konsole ?? false });
  const answer = await confirm(cmd, { confirmWord: word, note: prepared?.note ?? null });
  const log = (outcome: string, r?: RunResult): void => {
    if (!opts.historyFile) return;
    try {
      appendHistory(opts.historyFile, {
        time: new Date().toISOString(),
        command: cmd.command,
        risk: cmd.risk,
        exitCode: r?.exitCode ?? null,
        durationMs: r?.durationMs ?? 0,
        signal: r?.signal ?? null,
        timedOut: r?.timedOut ?? false,
        cancelled: r?.cancelled ?? false,
        truncated: r?.truncated ?? false,
        outcome,
        ...(r?.cwd ? { cwd: r.cwd } : {}),
      });
    } catch {
      /* the log must never stop a run from reporting */
    }
  };
  if (answer.approved !== true) return { status: 'declined' };
  if (word !== null && (answer.typedWord ?? '').trim() !== word) return { status: 'wrong-word', expected: word };
  const runner = opts.runner ?? runCommand;
  const runOpts: RunOptions = {};
  if (cmd.argv) runOpts.argv = cmd.argv;
  else if (prepared?.runArgv) runOpts.argv = prepared.runArgv;
  else runOpts.text = prepared?.runText ?? cmd.command;
  if (prepared?.env) runOpts.env = prepared.env;
  if (opts.cwd !== undefined) runOpts.cwd = opts.cwd;
  if (opts.signal) runOpts.signal = opts.signal;
  if (opts.session) runOpts.session = opts.session;
  if (opts.onControl) runOpts.onControl = opts.onControl;
  const result = await runner(runOpts, opts.onEvent ?? (() => undefined));
  log('ran', result);
  return { status: 'ran', result };
}
