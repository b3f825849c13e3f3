// What one rule returns: the intent, how sure it is, the action (argv) and the names the answer mentions.
import type { IntentContext } from '../context.js';

export interface Hit {
  intent: string;
  confidence: number;
  /** null for answer-only intents and for matches not sure enough to act on. */
  argv: string[] | null;
  /** Names shown in the answer text (packages, a service, an app, a snapshot id). */
  subject: string[];
}

export type Rule = (text: string, ctx: IntentContext) => Hit | null;

/** Confidence for a clear request in a known shape. */
export const SURE = 0.95;
/** Confidence for a clear request phrased loosely ("get me vlc"). */
export const LIKELY = 0.9;
/** Confidence for a match that looks right but should be confirmed by the model (never acts). */
export const UNSURE = 0.6;

export function hit(intent: string, confidence: number, argv: string[] | null, subject: string[] = []): Hit {
  return { intent, confidence, argv: confidence > 0.85 ? argv : null, subject };
}
