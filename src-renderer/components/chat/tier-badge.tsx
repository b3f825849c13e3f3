// Which tier (and model) answered: Rules / Local · model / Cloud · model / Offline help.
import type { Tier } from '../../types';
import { useT } from '../../hooks/use-t';

export function TierBadge({ tier, model }: { tier: Tier; model: string | null }) {
  const t = useT();
  const name = t(`tier.${tier}`);
  const text = (tier === 'local' || tier === 'cloud') && model ? `${name} · ${model}` : name;
  return (
    <span className={`badge tier tier-${tier}`} data-tier={tier} title={`${t('tier.label')}: ${text}`}>
      {text}
    </span>
  );
}
