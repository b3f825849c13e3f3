// The health check: each check with its state, detail, the exact fix (copyable) and an action
// button (download the model with progress, open settings). Loaded lazily.
import { useStore } from '../../store/index';
import { useT } from '../../hooks/use-t';
import { CopyButton } from '../common/copy-button';
import { PullProgress } from '../settings/pull-progress';
import type { HealthCheck } from '../../../src-main/ipc/channels';
import { textLang } from '../../i18n/text-lang';

/** Checks about the optional cloud tier and the documentation index (the KOOMPI guides answer without it): options. */
const OPTIONAL = new Set(['cloud-key', 'cloud-allowed', 'docs-index']);

function CheckItem({ check }: { check: HealthCheck }) {
  const t = useT();
  const optional = !check.ok && OPTIONAL.has(check.id);
  const pullModel = useStore((s) => s.pullModel);
  const setPanel = useStore((s) => s.setPanel);
  const action = check.action;
  const pulling = useStore((s) => (action?.kind === 'pull-model' ? s.pulls[action.model]?.state === 'running' : false));
  return (
    <li
      className={check.ok ? 'check check-ok' : optional ? 'check check-optional' : 'check check-bad'}
      data-check-id={check.id}
      data-ok={check.ok ? '1' : '0'}
    >
      <span className="check-icon" aria-hidden="true">
        {check.ok ? '✓' : optional ? 'i' : '!'}
      </span>
      <div className="check-body">
        <div className="check-head">
          <strong lang={textLang(check.label)}>{check.label}</strong>
          <span className={check.ok ? 'badge badge-ok' : optional ? 'badge badge-optional' : 'badge badge-bad'}>
            {check.ok ? t('doctor.ok') : optional ? t('doctor.optional') : t('doctor.problem')}
          </span>
        </div>
        <p className="check-detail" lang={textLang(check.detail)}>
          {check.detail}
        </p>
        {!check.ok && check.fix && (
          <div className="check-fix">
            <span className="muted small check-fix-label">{t('doctor.fix')}</span>
            <code translate="no">{check.fix}</code>
            <CopyButton text={check.fix} what={t('doctor.copyWhat')} />
          </div>
        )}
        {!check.ok && action?.kind === 'pull-model' && (
          <>
            <button type="button" className="btn btn-primary btn-small" disabled={pulling} onClick={() => void pullModel(action.model)}>
              {t('doctor.pull', { model: action.model })}
            </button>
            <PullProgress name={action.model} />
          </>
        )}
        {!check.ok && action?.kind === 'open-settings' && (
          <button type="button" className="btn btn-small" onClick={() => setPanel('settings')}>
            {t('doctor.openSettings')}
          </button>
        )}
      </div>
    </li>
  );
}

export default function DoctorPanel() {
  const t = useT();
  const doctor = useStore((s) => s.doctor);
  const run = useStore((s) => s.runDoctor);
  const checks = doctor.report?.checks ?? [];
  const allOk = checks.length > 0 && checks.every((c) => c.ok || OPTIONAL.has(c.id));
  return (
    <div className="panel doctor">
      <div className="panel-head">
        <div>
          <h1>{t('doctor.title')}</h1>
          <p className="muted">{t('doctor.intro')}</p>
        </div>
        <button type="button" className="btn" onClick={() => void run()} disabled={doctor.state === 'running'}>
          {doctor.state === 'running' ? t('doctor.running') : t('doctor.run')}
        </button>
      </div>
      {doctor.error && (
        <p className="error-text" role="alert">
          {t('doctor.error', { error: doctor.error })}
        </p>
      )}
      {allOk && (
        <p className="ok-text" role="status">
          ✓ {t('doctor.allGood')}
        </p>
      )}
      <ul className="checks" aria-busy={doctor.state === 'running'}>
        {checks.map((c) => (
          <CheckItem key={c.id} check={c} />
        ))}
      </ul>
    </div>
  );
}
