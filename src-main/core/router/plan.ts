// The router's decision, as a pure function: from the question and what is known about the machine right now
// (intent match, documentation match, settings, which providers exist, whether the cloud has a key), the order in
// which the tiers are tried and, for every tier left out, why (a `kind`, plus words for people and logs).
// No I/O here: router.ts gathers the state, run-tier.ts runs the tiers in this order.
import { ACT_THRESHOLD, type IntentMatch } from '../types.js';
import { classifyQuestion, type Complexity } from './complexity.js';
import type { CauseKind } from './causes.js';

export type PlanTier = 'rules' | 'docs' | 'local' | 'cloud';

/** How well the offline documentation matches the question (see docs-answer.ts for the measured thresholds). */
export type DocsStrength = 'strong' | 'good' | 'none';

export interface PlanState {
  intent: IntentMatch | null;
  /** 'absent': no documentation configured; 'error': the index could not be opened or searched. */
  docs: DocsStrength | 'absent' | 'error';
  allowCloud: boolean;
  privacyMode: boolean;
  offline: boolean;
  preferCloud: boolean;
  /** A follow-up in a conversation: a model has the context, a passage does not, so the docs never answer first. */
  followUp?: boolean;
  /** Whether a provider exists for each model tier (not whether it is running: run-tier finds that out). */
  hasLocal: boolean;
  /** 'no-key' when the cloud is allowed but has no key (a local check, no network). */
  cloud: 'absent' | 'no-key' | 'ready';
}

export type SkipKind = CauseKind | 'rules-answer';

export interface Skip {
  tier: PlanTier;
  kind: SkipKind;
  why: string;
}

export interface Plan {
  /** The tiers to try, in order; the first that answers ends the question; none: the fallback text. */
  order: PlanTier[];
  skipped: Skip[];
  complexity: Complexity;
  /** True when the documentation answers before any model (a strong match: instant and grounded). */
  docsFirst: boolean;
}

/** Intents that answer with text only (no action) and still count as a rules answer. */
const ANSWER_ONLY_INTENT = /^(greeting|help|thanks|smalltalk|about)(\.|$)/;

/** Whether tier 1 acts on this match: above the threshold, and with an action (or an answer-only intent). */
export function rulesAct(m: IntentMatch | null): boolean {
  if (!m || !(m.confidence > ACT_THRESHOLD)) return false;
  return (m.argv !== null && m.command !== null) || (m.argv === null && ANSWER_ONLY_INTENT.test(m.intent));
}

export function plan(question: string, state: PlanState): Plan {
  const complexity = classifyQuestion(question);
  const skipped: Skip[] = [];
  if (state.intent && rulesAct(state.intent)) {
    const why = `the rule ${state.intent.intent} answers`;
    return {
      order: ['rules'],
      skipped: (['docs', 'local', 'cloud'] as const).map((tier) => ({ tier, kind: 'rules-answer' as const, why })),
      complexity,
      docsFirst: false,
    };
  }
  skipped.push({
    tier: 'rules',
    kind: 'no-rule',
    why: state.intent ? `the rule ${state.intent.intent} is not sure enough (${state.intent.confidence.toFixed(2)})` : 'no rule matches',
  });

  // The cloud: only with consent, outside privacy mode, not offline, and with a key.
  let cloudOk = false;
  if (state.cloud === 'absent') skipped.push({ tier: 'cloud', kind: 'absent', why: 'no cloud provider' });
  else if (state.offline) skipped.push({ tier: 'cloud', kind: 'offline', why: 'offline was asked for' });
  else if (state.privacyMode) skipped.push({ tier: 'cloud', kind: 'privacy', why: 'privacy mode is on' });
  else if (!state.allowCloud) skipped.push({ tier: 'cloud', kind: 'not-allowed', why: 'the cloud is not allowed in settings' });
  else if (state.cloud === 'no-key') skipped.push({ tier: 'cloud', kind: 'no-key', why: 'no Gemini API key is set' });
  else cloudOk = true;

  const models: Array<'local' | 'cloud'> = [];
  const cloudFirst = cloudOk && (complexity.complex || state.preferCloud);
  if (cloudFirst) models.push('cloud');
  if (state.hasLocal) models.push('local');
  else skipped.push({ tier: 'local', kind: 'absent', why: 'no local model provider' });
  if (cloudOk && !cloudFirst) models.push('cloud');

  // The documentation: first when it matches strongly and the question is not one for a model (long, creative,
  // a comparison, a follow-up, or sent to the cloud on purpose); otherwise after the models, answering when none can.
  let docsFirst = false;
  const order: PlanTier[] = [];
  if (state.docs === 'absent') {
    skipped.push({ tier: 'docs', kind: 'absent', why: 'no documentation index' });
    order.push(...models);
  } else if (state.docs === 'error') {
    skipped.push({ tier: 'docs', kind: 'no-index', why: 'the documentation index could not be opened' });
    order.push(...models);
  } else if (state.docs === 'none') {
    skipped.push({ tier: 'docs', kind: 'no-match', why: 'no passage matches the question closely enough' });
    order.push(...models);
  } else if (state.docs === 'strong' && !complexity.complex && !state.preferCloud && !state.followUp) {
    docsFirst = true;
    order.push('docs', ...models);
  } else {
    order.push(...models, 'docs');
  }
  return { order, skipped, complexity, docsFirst };
}
