// Tier 1 public entry: matches a question against the intent rules (English and Khmer) and decides the route.
import { ACT_THRESHOLD, type IntentMatch, type RouteDecision } from '../types.js';
import type { IntentContext } from './context.js';
import { translateKhmer } from './khmer.js';
import { normalize } from './normalize.js';
import { stripFillers } from './fillers.js';
import { isAsking, isKhmerQuestion, isQuestionForm } from './questions.js';
import { hostility } from './safety.js';
import { quoteArgv } from './shell-quote.js';
import { describe, refusal } from './texts.js';
import { matchChat } from './rules/chat.js';
import { diskRule, memoryRule, wifiListRule, wifiRadioRule } from './rules/info.js';
import { checkUpdatesRule, classroomRule, powerRule, snapshotListRule, snapshotRule, updateRule } from './rules/system.js';
import { installRule, pronounRequestRule, removeRule, searchRule } from './rules/packages.js';
import { serviceActionRule, serviceStatusRule } from './rules/services.js';
import { openRule } from './rules/apps.js';
import type { Hit, Rule } from './rules/hit.js';

export type { IntentContext } from './context.js';
export { detectKoompiCli, contextFromEnv } from './context.js';
export { normalize } from './normalize.js';

/** Read-only state queries: allowed in question form ("how much disk space do I have?"). */
const STATE_RULES: readonly Rule[] = [diskRule, memoryRule, wifiListRule, serviceStatusRule, snapshotListRule, checkUpdatesRule];
/** Requests to change something, in priority order (specific before general). */
const ACTION_RULES: readonly Rule[] = [
  classroomRule,
  powerRule,
  wifiRadioRule,
  snapshotRule,
  updateRule,
  removeRule,
  searchRule,
  installRule,
  serviceActionRule,
  openRule,
];
/** Confidence given to a match whose question carried shell syntax: reported, never acted on. */
const HOSTILE_CONFIDENCE = 0.1;

function firstHit(rules: readonly Rule[], text: string, ctx: IntentContext): Hit | null {
  for (const rule of rules) {
    const h = rule(text, ctx);
    if (h) return h;
  }
  return null;
}

/** Runs the rule pipeline on a question that passed the shell-syntax gate. */
function classify(query: string, ctx: IntentContext): { hit: Hit; lang: 'en' | 'km' } | null {
  const n = normalize(query);
  if (n.text === '') return null;
  const chat = matchChat(n.text);
  if (chat) return { hit: chat, lang: n.lang };
  if (n.lang === 'km' && isKhmerQuestion(n.text)) return null;
  const text = stripFillers(n.lang === 'km' ? translateKhmer(n.text) : n.text);
  if (text === '') return null;
  const again = matchChat(text);
  if (again) return { hit: again, lang: n.lang };
  // "i dont need X anymore, remove it": the negation belongs to the reason, not to the request
  const compound = pronounRequestRule(text, ctx);
  if (compound) return { hit: compound, lang: n.lang };
  if (isAsking(text)) return null;
  const state = firstHit(STATE_RULES, text, ctx);
  if (state) return { hit: state, lang: n.lang };
  if (isQuestionForm(text)) return null;
  // one word and a question mark ("restart?", "update?") asks whether to, it does not ask to
  if (n.questionMark && !text.includes(' ')) return null;
  const action = firstHit(ACTION_RULES, text, ctx);
  return action ? { hit: action, lang: n.lang } : null;
}

/** The decision without the answer text (what routing needs); null when no rule matched. */
function decide(query: string, ctx: IntentContext): { hit: Hit; lang: 'en' | 'km'; hostile: boolean } | null {
  const danger = hostility(query);
  if (danger === 'too-long') return null;
  if (danger === 'shell-syntax') {
    const cut = query.search(/[;&|`$<>\\\n\r]/);
    const found = classify(cut > 0 ? query.slice(0, cut) : '', ctx);
    if (!found) return null;
    const lang = /[\u1780-\u17FF]/.test(query) ? 'km' : 'en';
    return { hit: { ...found.hit, confidence: HOSTILE_CONFIDENCE, argv: null }, lang, hostile: true };
  }
  const found = classify(query, ctx);
  if (!found) return null;
  const argv = found.hit.confidence > ACT_THRESHOLD ? found.hit.argv : null;
  return { hit: { ...found.hit, argv }, lang: found.lang, hostile: false };
}

export function matchIntent(query: string, ctx: IntentContext): IntentMatch | null {
  const d = decide(query, ctx);
  if (!d) return null;
  const { hit, lang } = d;
  return {
    intent: hit.intent,
    confidence: hit.confidence,
    argv: hit.argv,
    command: hit.argv ? quoteArgv(hit.argv) : null,
    text: d.hostile ? refusal(lang) : describe(hit.intent, hit.subject, lang),
    lang,
  };
}

export function decideRoute(query: string, ctx: IntentContext): RouteDecision {
  const d = decide(query, ctx);
  const act = d !== null && d.hit.argv !== null && d.hit.confidence > ACT_THRESHOLD;
  return {
    query,
    tier: act ? 'rules' : 'llm',
    intent: d?.hit.intent ?? null,
    confidence: d?.hit.confidence ?? 0,
    command: act ? quoteArgv(d.hit.argv!) : null,
  };
}
