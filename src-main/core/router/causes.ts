// Why a tier could not answer, as a machine-readable `kind`: collected by the router, turned into the fallback
// text and the error line. Nothing downstream reads the English message to decide anything.
import type { ProviderErrorKind } from '../providers/provider.js';

export type CauseKind =
  | ProviderErrorKind
  | 'unavailable' // availability() said no, without a more precise kind
  | 'no-key' // the cloud has no API key
  | 'not-allowed' // allowCloud is off
  | 'privacy' // privacy mode keeps everything local
  | 'offline' // --offline / offline request
  | 'absent' // no provider configured for this tier
  | 'no-index' // the documentation index could not be opened
  | 'no-match' // the documentation has no passage good enough for this question
  | 'no-rule'; // no intent rule acts on this question

export type CauseTier = 'rules' | 'docs' | 'local' | 'cloud';

export interface Cause {
  tier: CauseTier;
  kind: CauseKind;
  message: string;
  fix: string | null;
  /** The model this tier would have used, when known. */
  model: string | null;
}

/** Failures where the tier was reached and refused: reported as errors (exit 1), not as "nothing is running" (exit 3). */
const HARD: ReadonlySet<CauseKind> = new Set<CauseKind>(['model-missing', 'auth', 'quota', 'blocked', 'server', 'stream']);

export function isHard(c: Cause): boolean {
  return (c.tier === 'local' || c.tier === 'cloud') && HARD.has(c.kind);
}

export function errorLine(c: Cause): string {
  const msg = c.message.replace(/[.\s]+$/, '');
  return c.fix ? `${msg}. ${c.fix}` : `${msg}.`;
}
