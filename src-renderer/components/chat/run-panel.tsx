// Run and Open-in-Konsole buttons for one command, and its live run: waiting, output, exit code, Cancel.
import type { SuggestedCommand } from '../../types';
import { useStore } from '../../store/index';
import { useT } from '../../hooks/use-t';
import { RiskBadge } from './risk-badge';

export function CommandActions({ command, compact }: { command: SuggestedCommand; compact?: boolean }) {
  const t = useT();
  const run = useStore((s) => s.runs[command.id]);
  const runCommand = useStore((s) => s.runCommand);
  const busy = run?.status === 'confirming' || run?.status === 'running';
  return (
    <div className="command-actions" data-command-id={command.id}>
      <RiskBadge risk={command.risk} reasons={command.reasons} />
      <button type="button" className="btn btn-small btn-primary" disabled={busy} onClick={() => void runCommand(command.id, 'inline')} aria-label={t('code.runLabel', { command: command.command })}>
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
      status = run.signal && run.code === null ? t('run.signal', { signal: run.signal }) : t('run.exit', { code: String(run.code) });
      break;
    case 'refused':
      status = t('run.refused', { reason: run.message ?? '' });
      break;
    case 'error':
      status = t('run.error', { message: run.message ?? '' });
      break;
  }
  const ok = run.status === 'exited' && run.code === 0;
  return (
    <div className={`run-panel run-${run.status}${ok ? ' run-ok' : ''}`} data-run-status={run.status} data-exit-code={run.code ?? ''}>
      <div className="run-status" role="status">
        <span>{status}</span>
        {run.timedOut && <span> {t('run.timedOut')}</span>}
        {run.truncated && <span> {t('run.truncated')}</span>}
        {run.status === 'running' && run.runId && (
          <button type="button" className="btn btn-small" onClick={() => void cancel(commandId)}>{t('run.cancel')}</button>
        )}
      </div>
      {run.output && (
        <pre className="run-output" aria-label={t('run.output')} tabIndex={0}>{run.output}</pre>
      )}
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
