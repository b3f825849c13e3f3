// Why a tier could not answer: collected by the router, turned into the fallback text and the error line.
import type { ProviderErrorKind } from '../providers/provider.js';

export type CauseKind =
  | ProviderErrorKind
  | 'unavailable'  // availability() said no (reason + fix from the provider)
  | 'not-allowed'  // allowCloud is off
  | 'privacy'      // privacy mode keeps everything local
  | 'offline'      // --offline / offline request
  | 'absent';      // no provider configured for this tier

export interface Cause {
  tier: 'local' | 'cloud';
  kind: CauseKind;
  message: string;
  fix: string | null;
  /** The model this tier would have used, when known. */
  model: string | null;
}

/** Failures where the tier was reached and refused: reported as errors (exit 1), not as "nothing is running" (exit 3). */
const HARD: ReadonlySet<CauseKind> = new Set<CauseKind>(['model-missing', 'auth', 'quota', 'blocked', 'server', 'stream']);

export function isHard(c: Cause): boolean {
  return HARD.has(c.kind);
}

export function errorLine(c: Cause): string {
  const msg = c.message.replace(/[.\s]+$/, '');
  return c.fix ? `${msg}. ${c.fix}` : `${msg}.`;
}
