// commands:run / commands:cancel: look the id up in the registry (the renderer never supplies text), ask
// the host's confirmation, check it (destructive: the typed word must be the command's first word), and
// only then run through the core runner, streaming 'command:event'. Long runs end with a notification.
import type { CommandRunEvent, RunResult } from '../../ipc/contract.js';
import type { Answer, SuggestedCommand } from '../types.js';
import { newId } from '../history/ids.js';
import { createCommandRegistry } from './command-registry.js';
import type { ConfirmDecision, ConfirmPort, Emit } from './ports.js';
import type { RunnerPort } from './runner-port.js';

export interface CommandRunsDeps {
  emit: Emit;
  confirm: ConfirmPort;
  runner: RunnerPort;
  notify?: (title: string, body: string) => void;
  longRunMs: number;
  timeoutMs: number;
}

export interface CommandRuns {
  /** Registers an answer's commands (intent actions keep their argv) and returns them with ids. */
  suggest(answer: Answer, question: string): SuggestedCommand[];
  /** Re-registers commands read back from history, judged again (never trusting the file's risk). */
  adopt(stored: SuggestedCommand[]): SuggestedCommand[];
  run(commandId: string, mode: 'inline' | 'konsole'): Promise<RunResult>;
  cancel(runId: string): void;
  idle(): Promise<void>;
  dispose(): void;
}

/** The deliberate second step for destructive commands: the typed word must be the command's first word. */
export function checkDecision(cmd: SuggestedCommand, runText: string, d: ConfirmDecision): { ok: true } | { ok: false; reason: string } {
  if (!d.approved) return { ok: false, reason: 'Not run: you did not confirm it.' };
  if (cmd.risk !== 'destructive') return { ok: true };
  const typed = (d.typedWord ?? '').trim();
  const words = new Set([cmd.command, runText].map((t) => t.trim().split(/\s+/)[0] ?? '').filter(Boolean));
  if (typed === '' || !words.has(typed)) return { ok: false, reason: 'Not run: a destructive command needs its first word typed to confirm.' };
  return { ok: true };
}

export function createCommandRuns(deps: CommandRunsDeps): CommandRuns {
  const registry = createCommandRegistry();
  const runs = new Map<string, { controller: AbortController; done: Promise<void> }>();

  async function execute(runId: string, cmd: SuggestedCommand, runText: string, mode: 'inline' | 'konsole', controller: AbortController): Promise<void> {
    const send = (event: CommandRunEvent) => deps.emit('command:event', { runId, commandId: cmd.id, event });
    send({ type: 'start', text: runText, risk: cmd.risk, mode });
    const started = Date.now();
    try {
      const r = await deps.runner.run({ command: cmd, runText, mode, timeoutMs: deps.timeoutMs, signal: controller.signal }, (data, stream) => send({ type: 'output', stream, data }));
      send({ type: 'exit', code: r.code, signal: r.signal, durationMs: r.durationMs, ...(r.timedOut ? { timedOut: true } : {}), ...(r.truncated ? { truncated: true } : {}) });
      if (r.durationMs >= deps.longRunMs) {
        deps.notify?.('Command finished', `${runText.slice(0, 120)}\n${r.code === 0 ? 'Done.' : r.timedOut ? 'Stopped: it took too long.' : `Exit code ${r.code ?? r.signal}.`}`);
      }
    } catch (err) {
      send({ type: 'error', message: (err as Error).message || 'The command could not run.' });
      if (Date.now() - started >= deps.longRunMs) deps.notify?.('Command failed', runText.slice(0, 120));
    }
  }

  return {
    suggest(answer, question) {
      const action = answer.tier === 'rules' ? deps.runner.intentAction(question) : null;
      return answer.commands.map((c) => registry.add({ command: c.command, risk: c.risk, reasons: c.reasons, argv: action && action.command === c.command ? action.argv : null }));
    },
    adopt(stored) {
      return stored.map((c) => registry.add({ ...deps.runner.judge(c.command), argv: null }, c.id));
    },
    async run(commandId, mode) {
      const cmd = registry.get(commandId);
      if (!cmd) return { refused: 'That command is no longer available. Ask again to get it.' };
      const runText = deps.runner.runText(cmd, mode);
      let decision: ConfirmDecision;
      try {
        decision = await deps.confirm({ command: cmd, runText, mode });
      } catch (err) {
        return { refused: `Not run: the confirmation failed (${(err as Error).message}).` };
      }
      const verdict = checkDecision(cmd, runText, decision);
      if (!verdict.ok) return { refused: verdict.reason };
      const runId = newId('run');
      const controller = new AbortController();
      const done = new Promise<void>((resolve) => setImmediate(resolve))
        .then(() => execute(runId, cmd, runText, mode, controller))
        .finally(() => runs.delete(runId));
      runs.set(runId, { controller, done });
      return { runId };
    },
    cancel(runId) {
      runs.get(runId)?.controller.abort();
    },
    async idle() {
      while (runs.size > 0) await Promise.all([...runs.values()].map((r) => r.done));
    },
    dispose() {
      for (const r of runs.values()) r.controller.abort();
    },
  };
}
