// The risk of a command as colour + text + the reasons (a tooltip, and said by screen readers): never
// colour alone. Give it an id and point the Run button's aria-describedby at it, so Run is described
// by its risk ("Run df -h" — "Safe. Only reads information…").
import type { Risk } from '../../types';
import { useT } from '../../hooks/use-t';

const ICON: Record<Risk, string> = { safe: '✓', elevated: '!', destructive: '⚠' };

export function RiskBadge({ risk, reasons, id }: { risk: Risk; reasons: string[]; id?: string }) {
  const t = useT();
  const why = reasons.length ? t('risk.why', { reasons: reasons.join('; ') }) : t('risk.safeWhy');
  return (
    <span className={`badge risk risk-${risk}`} title={why} data-risk={risk} id={id}>
      <span aria-hidden="true" className="badge-icon">
        {ICON[risk]}
      </span>
      {t(`risk.${risk}`)}
      <span className="visually-hidden">. {why}</span>
    </span>
  );
}
