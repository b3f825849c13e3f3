// Tier 1 public entry (STUB until issue 2 lands): match a question against the intent rules.
import type { IntentMatch, RouteDecision } from '../types.js';

export interface IntentContext {
  /** Whether the `koompi` CLI is on PATH (then actions use `koompi pkg …`, else pacman/snapper). */
  hasKoompiCli: boolean;
}

export function matchIntent(_query: string, _ctx: IntentContext): IntentMatch | null {
  return null;
}

export function decideRoute(query: string, ctx: IntentContext): RouteDecision {
  const m = matchIntent(query, ctx);
  return { query, tier: 'llm', intent: m?.intent ?? null, confidence: m?.confidence ?? 0, command: null };
}
