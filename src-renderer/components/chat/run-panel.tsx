// Run and Open-in-Konsole buttons for one command, and its live run: waiting, a terminal (xterm.js, loaded only when
// a command runs) to watch and answer it, the exit code, Stop (asking first for commands that change the system).
import { lazy, Suspense, useEffect, useId, useState } from 'react';
import type { SuggestedCommand } from '../../types';
import { CopyButton } from '../common/copy-button';
import { useStore } from '../../store/index';
import { useT } from '../../hooks/use-t';
import { RiskBadge } from './risk-badge';

const TerminalView = lazy(() => import('../terminal/terminal-view'));

export function CommandActions({ command, compact }: { command: SuggestedCommand; compact?: boolean }) {
  const t = useT();
  const run = useStore((s) => s.runs[command.id]);
  const runCommand = useStore((s) => s.runCommand);
  const busy = run?.status === 'confirming' || run?.status === 'running';
  // Run is described by its risk badge ("Safe. Only reads information…") for screen readers.
  const badgeId = useId();
  return (
    <div className="command-actions" data-command-id={command.id}>
      <RiskBadge risk={command.risk} reasons={command.reasons} id={badgeId} />
      <button
        type="button"
        className="btn btn-small btn-primary"
        disabled={busy}
        onClick={() => void runCommand(command.id, 'inline')}
        aria-label={t('code.runLabel', { command: command.command })}
        aria-describedby={badgeId}
      >
        ▶ {t('code.run')}
      </button>
      {!compact && (
        <button type="button" className="btn btn-small" disabled={busy} onClick={() => void runCommand(command.id, 'konsole')}>
          {t('code.konsole')}
        </button>
      )}
    </div>
  );
}

export function RunPanel({ commandId }: { commandId: string }) {
  const t = useT();
  const run = useStore((s) => s.runs[commandId]);
  const cancel = useStore((s) => s.cancelRun);
  const [askStop, setAskStop] = useState(false);
  useEffect(() => {
    if (run?.status !== 'running') setAskStop(false);
  }, [run?.status]);
  if (!run) return null;
  let status: string;
  switch (run.status) {
    case 'confirming':
      status = t('run.waiting');
      break;
    case 'running':
      status = run.mode === 'konsole' ? t('run.konsole') : t('run.running');
      break;
    case 'exited':
      status =
        run.code === 0
          ? t('run.exit', { code: '0' })
          : run.signal && run.code === null
            ? t('run.signal', { signal: run.signal })
            : run.code === 130
              ? t('run.interrupted')
              : t('run.failed', { code: String(run.code) });
      break;
    case 'refused':
      // The main process says why by kind, so the reason is in the user's language; its English text is the fallback.
      status =
        run.refusal?.kind === 'declined'
          ? t('run.refused.declined')
          : run.refusal?.kind === 'wrong-word'
            ? t('run.refused.wrongWord', { word: run.refusal.word ?? '' })
            : run.refusal?.kind === 'gone'
              ? t('run.refused.gone')
              : t('run.refused', { reason: run.message ?? '' });
      break;
    case 'error':
      status = t('run.error', { message: run.message ?? '' });
      break;
  }
  const ok = run.status === 'exited' && run.code === 0;
  // Stopping a package transaction or a system change half way can break the system: ask first for those.
  const changesSystem = run.risk === 'elevated' || run.risk === 'destructive';
  const stop = () => {
    if (changesSystem && !askStop) setAskStop(true);
    else {
      setAskStop(false);
      void cancel(commandId);
    }
  };
  const hasTerminal = run.runId !== null && (run.status === 'running' || run.outputTotal > 0);
  return (
    <div className={`run-panel run-${run.status}${ok ? ' run-ok' : ''}`} data-run-status={run.status} data-exit-code={run.code ?? ''}>
      <div className="run-status" role="status">
        <span>{status}</span>
        {run.truncated && <span> {t('run.truncated')}</span>}
        {run.status === 'running' && run.runId && !askStop && (
          <button type="button" className="btn btn-small" onClick={stop}>
            {t('run.cancel')}
          </button>
        )}
        {run.outputTotal > 0 && <CopyButton text={() => plainOutput(run.output)} what={t('run.output')} className="btn btn-small" />}
      </div>
      {askStop && run.status === 'running' && (
        <div className="run-stop-ask" role="alertdialog" aria-label={t('run.stopAsk')}>
          <span>{t('run.stopAsk')}</span>
          <button type="button" className="btn btn-small btn-danger" onClick={stop}>
            {t('run.stopAnyway')}
          </button>
          <button type="button" className="btn btn-small" onClick={() => setAskStop(false)} autoFocus>
            {t('run.keepRunning')}
          </button>
        </div>
      )}
      {hasTerminal && (
        <Suspense
          fallback={
            <pre className="run-output" tabIndex={0} aria-label={t('run.output')}>
              {plainOutput(run.output)}
            </pre>
          }
        >
          <TerminalView key={run.runId ?? commandId} commandId={commandId} />
        </Suspense>
      )}
    </div>
  );
}

/** Terminal output as plain text (for copying and the fallback view): escape sequences out, carriage returns folded. */
export function plainOutput(text: string): string {
  const noEsc = text.replace(/\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-Z\\-_])/g, '');
  return noEsc
    .split('\n')
    .map((l) => {
      const parts = l.replace(/\r$/, '').split('\r');
      return parts[parts.length - 1];
    })
    .join('\n');
}

/** "Run all" under a block of several commands: one shell, in order, stopping at the first failure; its own run. */
export function RunAll({ commands }: { commands: SuggestedCommand[] }) {
  const t = useT();
  const key = commands.map((c) => c.id).join(' ');
  const blockId = useStore((s) => s.blocks[key]);
  const run = useStore((s) => (blockId ? s.runs[blockId] : undefined));
  const runBlock = useStore((s) => s.runBlock);
  const busy = run?.status === 'confirming' || run?.status === 'running';
  return (
    <div className="run-all">
      <button type="button" className="btn btn-small" disabled={busy} onClick={() => void runBlock(commands.map((c) => c.id))}>
        ▶ {t('code.runAll', { n: String(commands.length) })}
      </button>
      {blockId && <RunPanel commandId={blockId} />}
    </div>
  );
}

/** A command shown on its own line (not inside a code block): its text, its actions and its run. */
export function StandaloneCommand({ command }: { command: SuggestedCommand }) {
  return (
    <div className="action-command">
      <code className="action-command-text">{command.command}</code>
      <CommandActions command={command} />
      <RunPanel commandId={command.id} />
    </div>
  );
}
