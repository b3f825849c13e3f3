// commands:run / commands:cancel / input / resize over the core's command registry: the renderer names an id
// (never text); the core's confirm -> check -> run -> log path asks the host's confirmation (destructive: the
// confirm word must be typed) and runs only then, on a pseudo-terminal (core/terminal) in the session of its
// answer, so a `cd` carries to the answer's next command. Output streams as 'command:event'; keystrokes and
// resizes come back by runId. No timer and no output cap stop a command; cancel escalates SIGINT -> SIGTERM ->
// SIGKILL. sudo goes through pkexec; long runs end with a notification.
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { CommandRunEvent, RunRefusal, RunStart } from '../../ipc/channels.js';
import type { Answer, SuggestedCommand } from '../types.js';
import {
  CommandRegistry,
  confirmAndRun,
  judgeCommand,
  prepareRun,
  runCommand,
  usesSudo,
  type ConfirmPort as CoreConfirmPort,
  type RunControl,
  type Runner,
} from '../commands/index.js';
import { SessionPool } from '../terminal/index.js';
import { matchIntent } from '../intents/index.js';
import { newId } from '../history/ids.js';
import { localizeJudgement } from '../commands/reasons-km.js';
import { detectLang } from '../router/lang.js';
import type { ConfirmPort, Emit } from './ports.js';

export interface CommandRunsDeps {
  emit: Emit;
  confirm: ConfirmPort;
  env: NodeJS.ProcessEnv;
  configDir: string;
  hasKoompiCli: boolean;
  notify?: (title: string, body: string) => void;
  longRunMs: number;
  /** Ignored: no timer stops a command any more (a package transaction killed half way can break the system). */
  timeoutMs?: number;
}

export interface CommandRuns {
  /**
   * Registers an answer's commands (a tier-1 action keeps its argv) and returns them with ids. The commands of one
   * conversation (or, without one, of one answer) share a terminal session: a `cd` in one carries to the next.
   */
  suggest(answer: Answer, question: string, conversationId?: string): SuggestedCommand[];
  /** Re-registers commands read back from history, judged again (the file's risk is never trusted). */
  adopt(stored: SuggestedCommand[], conversationId?: string): SuggestedCommand[];
  run(commandId: string, mode: 'inline' | 'konsole'): Promise<RunStart>;
  /**
   * "Run all" of a code block: one command for its lines, in order, in one shell that stops at the first failure,
   * judged as a whole and confirmed once; it shares the lines' session. Run it by its id like any other.
   */
  block(commandIds: string[]): { command: SuggestedCommand } | RunRefusal;
  /** Stop: SIGINT, then SIGTERM, then SIGKILL to the run's whole session. */
  cancel(runId: string): void;
  /** Keystrokes typed into the run's terminal. */
  input(runId: string, data: string): void;
  /** The run's terminal changed size. */
  resize(runId: string, cols: number, rows: number): void;
  idle(): Promise<void>;
  dispose(): void;
}

const SAFE_ID = /^[A-Za-z0-9_-]{1,100}$/;

export function createCommandRuns(deps: CommandRunsDeps): CommandRuns {
  const registry = new CommandRegistry();
  const runs = new Map<
    string,
    { controller: AbortController; done: Promise<void>; control: RunControl | null; size: { cols: number; rows: number } | null }
  >();
  // One terminal session (shared working directory) per answer; the commands of an answer map to its key.
  const sessions = new SessionPool(deps.env.HOME?.startsWith('/') ? { cwd: deps.env.HOME } : {});
  const sessionOf = new Map<string, string>();
  // The language of the question each command answered: its risk reasons are shown (and confirmed) in it.
  const langOf = new Map<string, 'en' | 'km'>();
  const remember = (cmds: SuggestedCommand[], conversationId?: string, lang: 'en' | 'km' = 'en'): SuggestedCommand[] => {
    const key = conversationId ? `c:${conversationId}` : newId('s');
    for (const c of cmds) {
      sessionOf.set(c.id, key);
      if (lang === 'km') langOf.set(c.id, lang);
    }
    while (sessionOf.size > 2000) {
      const oldest = sessionOf.keys().next().value as string;
      sessionOf.delete(oldest);
      langOf.delete(oldest);
    }
    // The registry keeps the English judgement; what the person reads is in the question's language.
    return lang === 'km' ? cmds.map((c) => localizeJudgement(c, lang)) : cmds;
  };
  const shimDirs = new Set<string>();
  const blocks = new Set<string>();
  const historyFile = join(deps.configDir, 'command-history.jsonl');
  const home = deps.env.HOME?.startsWith('/') ? deps.env.HOME : undefined;
  // A command a model suggested must not see the app's secret (GEMINI_API_KEY may be in the app's environment).
  const { GEMINI_API_KEY: _key, ...runEnv } = deps.env;

  function run(commandId: string, mode: 'inline' | 'konsole'): Promise<RunStart> {
    const found = registry.get(commandId);
    if (!found) return Promise.resolve({ refused: 'That command is no longer available. Ask again to get it.', kind: 'gone' });
    // An action's argv runs without a shell, except when it needs the pkexec preamble or Konsole.
    const cmd: SuggestedCommand = found.argv && (mode === 'konsole' || usesSudo(found.command)) ? { ...found, argv: null } : found;
    const runId = newId('run');
    const controller = new AbortController();
    const send = (event: CommandRunEvent) => deps.emit('command:event', { runId, commandId, event });

    return new Promise<RunStart>((answer) => {
      let started = false;
      const confirm: CoreConfirmPort = async (c, info) => {
        const runText = prepareRun(c.command, { konsole: mode === 'konsole' }).displayText;
        return deps.confirm({
          command: localizeJudgement(c, langOf.get(commandId) ?? 'en'),
          runText,
          mode,
          ...(info.note ? { note: info.note } : {}),
          ...(info.confirmWord ? { confirmWord: info.confirmWord } : {}),
        });
      };
      // Called by the core only after the confirmation passed: the renderer gets its runId first.
      const runner: Runner = async (opts, onEvent) => {
        started = true;
        answer({ runId });
        await new Promise((r) => setImmediate(r));
        send({ type: 'start', text: cmd.command, risk: cmd.risk, mode });
        // The host's environment, with the core's sudo -> pkexec shim on PATH when the command needs it.
        const env = cmd.argv ? runEnv : (prepareRun(cmd.command, { konsole: mode === 'konsole', env: runEnv }).env ?? runEnv);
        const shim = env.PATH?.split(':')[0];
        if (shim && /koompi-root-shim-/.test(shim)) shimDirs.add(shim);
        const session = sessions.get(sessionOf.get(commandId) ?? commandId);
        return runCommand(
          {
            ...opts,
            env,
            session,
            ...(blocks.has(commandId) ? { errexit: true } : {}),
            onControl: (c) => {
              const entry = runs.get(runId);
              if (!entry) return;
              entry.control = c;
              if (entry.size) c.resize(entry.size);
            },
          },
          onEvent,
        );
      };
      const done = confirmAndRun(cmd, confirm, {
        runner,
        historyFile,
        signal: controller.signal,
        konsole: mode === 'konsole',
        ...(home ? { cwd: home } : {}),
        onEvent: (e) => {
          if (e.type === 'stdout' || e.type === 'stderr') send({ type: 'output', stream: e.type, data: e.data });
          else if (e.type === 'notice') send({ type: 'output', stream: 'stderr', data: `\r\n[koompi: ${e.message}]\r\n` });
        },
      })
        .then((outcome) => {
          if (outcome.status === 'declined') answer({ refused: 'You did not confirm it.', kind: 'declined' });
          else if (outcome.status === 'wrong-word')
            answer({
              refused: `A destructive command needs its word “${outcome.expected}” typed to confirm.`,
              kind: 'wrong-word',
              word: outcome.expected,
            });
          else if (outcome.status === 'unknown-id')
            answer({ refused: 'That command is no longer available. Ask again to get it.', kind: 'gone' });
          else {
            const r = outcome.result;
            if (r.error) send({ type: 'error', message: `Could not start the command: ${r.error}` });
            else
              send({
                type: 'exit',
                code: r.exitCode,
                signal: r.signal,
                durationMs: r.durationMs,
                ...(r.timedOut ? { timedOut: true } : {}),
                ...(r.truncated ? { truncated: true } : {}),
              });
            if (r.durationMs >= deps.longRunMs) {
              const how = r.error
                ? 'It could not start.'
                : r.exitCode === 0
                  ? 'Done.'
                  : r.timedOut
                    ? 'Stopped: it took too long.'
                    : r.cancelled
                      ? 'Cancelled.'
                      : `Exit code ${r.exitCode ?? r.signal}.`;
              deps.notify?.('Command finished', `${cmd.command.slice(0, 120)}\n${how}`);
            }
          }
        })
        .catch((err: unknown) => {
          const message = (err as Error)?.message || 'The command could not run.';
          if (started) send({ type: 'error', message });
          else answer({ refused: message, kind: 'error' });
        })
        .finally(() => runs.delete(runId));
      runs.set(runId, { controller, done, control: null, size: null });
    });
  }

  return {
    suggest(answer, question, conversationId) {
      const lang = detectLang(question);
      if (answer.tier === 'rules') {
        const m = matchIntent(question, { hasKoompiCli: deps.hasKoompiCli });
        if (m?.argv && m.command && answer.commands.some((c) => c.command === m.command))
          return remember([registry.addAction(m.argv, m.command)], conversationId, lang);
      }
      return remember(registry.addFromMarkdown(answer.text), conversationId, lang);
    },
    adopt(stored, conversationId) {
      return remember(
        stored.map((c) => {
          const cmd: SuggestedCommand = { ...judgeCommand(c.command), id: SAFE_ID.test(c.id) ? c.id : newId('k'), argv: null };
          registry.add(cmd);
          return cmd;
        }),
        conversationId,
      );
    },
    run,
    block(commandIds) {
      const parts = commandIds.map((id) => registry.get(id));
      if (parts.length < 2 || parts.some((c) => !c))
        return { refused: 'Those commands are no longer available. Ask again to get them.', kind: 'gone' };
      const text = parts.map((c) => c!.command).join('\n');
      const cmd: SuggestedCommand = { ...judgeCommand(text), id: newId('b'), argv: null };
      registry.add(cmd);
      blocks.add(cmd.id);
      const key = sessionOf.get(commandIds[0]!);
      if (key) sessionOf.set(cmd.id, key);
      const lang = langOf.get(commandIds[0]!);
      if (lang) langOf.set(cmd.id, lang);
      return { command: lang ? localizeJudgement(cmd, lang) : cmd };
    },
    cancel(runId) {
      const r = runs.get(runId);
      if (!r) return;
      if (r.control) void r.control.stop();
      else r.controller.abort();
    },
    input(runId, data) {
      runs.get(runId)?.control?.write(data);
    },
    resize(runId, cols, rows) {
      const r = runs.get(runId);
      if (!r) return;
      r.size = { cols, rows };
      r.control?.resize(r.size);
    },
    async idle() {
      while (runs.size > 0) await Promise.all([...runs.values()].map((r) => r.done));
    },
    dispose() {
      for (const r of runs.values()) r.controller.abort();
      void sessions.dispose().finally(() => {
        // The pkexec shim's private folders go with the service.
        for (const d of shimDirs) if (dirname(d).length > 1) rmSync(d, { recursive: true, force: true });
      });
    },
  };
}
