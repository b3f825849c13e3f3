// Shared helpers for the intent tests: route a question with or without the koompi CLI present.
import { decideRoute, matchIntent } from '../../../src-main/core/intents/index.js';

export const NO_KOOMPI = { hasKoompiCli: false };
export const WITH_KOOMPI = { hasKoompiCli: true };

/** The command tier 1 would run, or null when it would not act. */
export const cmd = (q: string, ctx = NO_KOOMPI): string | null => decideRoute(q, ctx).command;
export const intentOf = (q: string, ctx = NO_KOOMPI): string | null => matchIntent(q, ctx)?.intent ?? null;
