// commands:run / commands:cancel over the core's command registry: the renderer names an id (never
// text); the core's confirm -> check -> run -> log path asks the host's confirmation (destructive: the
// confirm word must be typed) and runs only then; output streams as 'command:event'. sudo goes through
// pkexec; long runs end with a notification.
import { join } from 'node:path';
import type { CommandRunEvent, RunResult } from '../../ipc/contract.js';
import type { Answer, SuggestedCommand } from '../types.js';
import { CommandRegistry, confirmAndRun, judgeCommand, prepareRun, runCommand, usesSudo, type ConfirmPort as CoreConfirmPort, type Runner } from '../commands/index.js';
import { matchIntent } from '../intents/index.js';
import { newId } from '../history/ids.js';
import type { ConfirmPort, Emit } from './ports.js';

export interface CommandRunsDeps {
  emit: Emit;
  confirm: ConfirmPort;
  env: NodeJS.ProcessEnv;
  configDir: string;
  hasKoompiCli: boolean;
  notify?: (title: string, body: string) => void;
  longRunMs: number;
  timeoutMs: number;
}

export interface CommandRuns {
  /** Registers an answer's commands (a tier-1 action keeps its argv) and returns them with ids. */
  suggest(answer: Answer, question: string): SuggestedCommand[];
  /** Re-registers commands read back from history, judged again (the file's risk is never trusted). */
  adopt(stored: SuggestedCommand[]): SuggestedCommand[];
  run(commandId: string, mode: 'inline' | 'konsole'): Promise<RunResult>;
  cancel(runId: string): void;
  idle(): Promise<void>;
  dispose(): void;
}

const SAFE_ID = /^[A-Za-z0-9_-]{1,100}$/;

export function createCommandRuns(deps: CommandRunsDeps): CommandRuns {
  const registry = new CommandRegistry();
  const runs = new Map<string, { controller: AbortController; done: Promise<void> }>();
  const historyFile = join(deps.configDir, 'command-history.jsonl');
  const home = deps.env.HOME?.startsWith('/') ? deps.env.HOME : undefined;
  // A command a model suggested must not see the app's secret (GEMINI_API_KEY may be in the app's environment).
  const { GEMINI_API_KEY: _key, ...runEnv } = deps.env;

  function run(commandId: string, mode: 'inline' | 'konsole'): Promise<RunResult> {
    const found = registry.get(commandId);
    if (!found) return Promise.resolve({ refused: 'That command is no longer available. Ask again to get it.' });
    // An action's argv runs without a shell, except when it needs the pkexec preamble or Konsole.
    const cmd: SuggestedCommand = found.argv && (mode === 'konsole' || usesSudo(found.command)) ? { ...found, argv: null } : found;
    const runId = newId('run');
    const controller = new AbortController();
    const send = (event: CommandRunEvent) => deps.emit('command:event', { runId, commandId, event });

    return new Promise<RunResult>((answer) => {
      let started = false;
      const confirm: CoreConfirmPort = async (c, info) => {
        const runText = prepareRun(c.command, { konsole: mode === 'konsole' }).displayText;
        return deps.confirm({ command: c, runText, mode, ...(info.note ? { note: info.note } : {}), ...(info.confirmWord ? { confirmWord: info.confirmWord } : {}) });
      };
      // Called by the core only after the confirmation passed: the renderer gets its runId first.
      const runner: Runner = async (opts, onEvent) => {
        started = true;
        answer({ runId });
        await new Promise((r) => setImmediate(r));
        send({ type: 'start', text: cmd.command, risk: cmd.risk, mode });
        // The host's environment, with the core's sudo -> pkexec shim on PATH when the command needs it.
        const env = cmd.argv ? runEnv : prepareRun(cmd.command, { konsole: mode === 'konsole', env: runEnv }).env ?? runEnv;
        return runCommand({ ...opts, env }, onEvent);
      };
      const done = confirmAndRun(cmd, confirm, {
        runner, historyFile, signal: controller.signal, timeoutMs: deps.timeoutMs, konsole: mode === 'konsole', ...(home ? { cwd: home } : {}),
        onEvent: (e) => { if (e.type === 'stdout' || e.type === 'stderr') send({ type: 'output', stream: e.type, data: e.data }); },
      }).then((outcome) => {
        if (outcome.status === 'declined') answer({ refused: 'Not run: you did not confirm it.' });
        else if (outcome.status === 'wrong-word') answer({ refused: `Not run: a destructive command needs its word “${outcome.expected}” typed to confirm.` });
        else if (outcome.status === 'unknown-id') answer({ refused: 'That command is no longer available.' });
        else {
          const r = outcome.result;
          if (r.error) send({ type: 'error', message: `Could not start the command: ${r.error}` });
          else send({ type: 'exit', code: r.exitCode, signal: r.signal, durationMs: r.durationMs, ...(r.timedOut ? { timedOut: true } : {}), ...(r.truncated ? { truncated: true } : {}) });
          if (r.durationMs >= deps.longRunMs) {
            const how = r.error ? 'It could not start.' : r.exitCode === 0 ? 'Done.' : r.timedOut ? 'Stopped: it took too long.' : r.cancelled ? 'Cancelled.' : `Exit code ${r.exitCode ?? r.signal}.`;
            deps.notify?.('Command finished', `${cmd.command.slice(0, 120)}\n${how}`);
          }
        }
      }).catch((err: unknown) => {
        const message = (err as Error)?.message || 'The command could not run.';
        if (started) send({ type: 'error', message });
        else answer({ refused: `Not run: ${message}` });
      }).finally(() => runs.delete(runId));
      runs.set(runId, { controller, done });
    });
  }

  return {
    suggest(answer, question) {
      if (answer.tier === 'rules') {
        const m = matchIntent(question, { hasKoompiCli: deps.hasKoompiCli });
        if (m?.argv && m.command && answer.commands.some((c) => c.command === m.command)) return [registry.addAction(m.argv, m.command)];
      }
      return registry.addFromMarkdown(answer.text);
    },
    adopt(stored) {
      return stored.map((c) => {
        const cmd: SuggestedCommand = { ...judgeCommand(c.command), id: SAFE_ID.test(c.id) ? c.id : newId('k'), argv: null };
        registry.add(cmd);
        return cmd;
      });
    },
    run,
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
