// The progress of one model download: a bar, the status line, Cancel, and the result.
import { useStore } from '../../store/index';
import { useT } from '../../hooks/use-t';

export function PullProgress({ name }: { name: string }) {
  const t = useT();
  const pull = useStore((s) => s.pulls[name]);
  const cancel = useStore((s) => s.cancelPull);
  if (!pull) return null;
  const pct = pull.percent === null ? undefined : Math.max(0, Math.min(100, pull.percent));
  return (
    <div className={`pull pull-${pull.state}`} data-pull-state={pull.state} data-model={name}>
      {pull.state === 'running' && (
        <>
          <label className="pull-label">
            <span>
              {t('settings.pullProgress', { name })}
              {pct !== undefined ? ` · ${pct.toFixed(0)}%` : ''}
            </span>
            <progress max={100} value={pct} aria-valuetext={pct !== undefined ? `${pct.toFixed(0)}%` : pull.status} />
          </label>
          <div className="pull-foot">
            <span className="muted small">{pull.status}</span>
            {pull.pullId && (
              <button type="button" className="btn btn-small" onClick={() => void cancel(name)}>
                {t('settings.pullCancel')}
              </button>
            )}
          </div>
        </>
      )}
      {pull.state === 'done' && (
        <p className="ok-text" role="status">
          {t('settings.pullDone', { name })}
        </p>
      )}
      {pull.state === 'error' && (
        <p className="error-text" role="alert">
          {t('settings.pullError', { error: pull.error ?? '' })}
        </p>
      )}
    </div>
  );
}
