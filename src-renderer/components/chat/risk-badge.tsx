// The risk of a command as colour + text + a tooltip with the reasons (never colour alone).
import type { Risk } from '../../types';
import { useT } from '../../hooks/use-t';

const ICON: Record<Risk, string> = { safe: '✓', elevated: '!', destructive: '⚠' };

export function RiskBadge({ risk, reasons }: { risk: Risk; reasons: string[] }) {
  const t = useT();
  const why = reasons.length ? t('risk.why', { reasons: reasons.join('; ') }) : t('risk.safeWhy');
  return (
    <span className={`badge risk risk-${risk}`} title={why} aria-label={`${t(`risk.${risk}`)}. ${why}`} data-risk={risk}>
      <span aria-hidden="true" className="badge-icon">{ICON[risk]}</span>
      {t(`risk.${risk}`)}
    </span>
  );
}
