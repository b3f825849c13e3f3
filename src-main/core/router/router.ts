// The router: gathers what is known about the question (intent match, documentation match, settings, providers),
// asks the pure plan() for the tier order, runs the tiers in that order (run-tier.ts) and streams AnswerEvents.
//
// - Tier 1 (rules) answers when its match is above ACT_THRESHOLD and it has an action (or is answer-only).
// - The docs tier answers first when the documentation matches strongly (instant, and the measured accuracy of
//   those answers is at least the model's); otherwise models answer, grounded in the best passages (numbered,
//   cited as [n], listed as the answer's sources), and the docs tier answers when no model can.
// - Complex or creative questions try the cloud first when it is allowed; others the local model first.
// - A tier that fails before its first token hands over to the next one (with a notice). Once text has been
//   streamed, a failure ends the answer with `error` set and the partial text kept: never silently replaced.
// - Nothing answered: if a model tier was reached and refused (bad key, quota, missing model…), the answer
//   carries that error (exit 1); otherwise the fallback text says what to start or set (exit 3).
import type { Answer, AnswerEvent, AnswerSource, ChatMessage } from '../types.js';
import type { ChatProvider, Availability } from '../providers/provider.js';
import type { Grounding, GroundingPassage } from '../providers/system-prompt.js';
import { buildGrounding } from '../providers/system-prompt.js';
import type { DocHit, DocsIndex } from '../knowledge/types.js';
import { matchIntent, type IntentContext } from '../intents/index.js';
import { detectLang } from './lang.js';
import { errorLine, isHard, type Cause, type CauseTier } from './causes.js';
import { buildFallbackText, tooLongText } from './fallback-text.js';
import { plan, rulesAct, type Plan, type PlanState } from './plan.js';
import { assessHits } from './docs-match.js';
import { composeDocsAnswer, composeOptionAnswer, findOptionPage, toSource, type ManLookup, type OptionAnswer } from './docs-answer.js';
import { excerpt, optionParagraphs, optionsIn } from './docs-excerpt.js';
import { cancelled, guardedAvailability, runDocs, runModel, runRules, type TierOutcome } from './run-tier.js';

export { judgeAnswer, AVAILABILITY_GUARD_MS } from './run-tier.js';
/** Longer questions are refused with a clear answer (not truncated: a cut question is a different question). */
export { MAX_QUESTION_CHARS } from '../types.js';
import { MAX_QUESTION_CHARS } from '../types.js';
/** History sent to a model is capped to the most recent messages within this many characters. */
export const MAX_HISTORY_CHARS = 16_000;
/** With documentation passages in the prompt, less history fits in num_ctx. */
export const MAX_HISTORY_CHARS_GROUNDED = 6_000;
export const MAX_HISTORY_MESSAGES = 20;
/** Hits asked of the index for each question. */
export const DOCS_SEARCH_LIMIT = 8;

export interface AskRequest {
  question: string;
  history?: ChatMessage[];
  /** Never use the cloud for this question. */
  offline?: boolean;
  /** Try the cloud first for this question (still only when it is allowed and a key is set). */
  preferCloud?: boolean;
  signal?: AbortSignal;
}

export interface RouterSettings {
  allowCloud: boolean;
  privacyMode: boolean;
  /** For the fallback text ("Ollama is not running at …"). */
  ollamaHost?: string | null;
}

export interface RouterDeps {
  settings: () => RouterSettings;
  /** Read at each question, so a settings change can swap the provider. */
  local: () => ChatProvider | null;
  cloud: () => ChatProvider | null;
  intentContext: () => IntentContext;
  systemPrompt: (opts: { hasKoompiCli: boolean; lang: 'en' | 'km'; grounding?: Grounding | null }) => string;
  /** The documentation index (opened lazily by the caller; never built here). Absent: no docs tier. */
  docs?: () => DocsIndex | null;
}

export interface Router {
  ask(req: AskRequest, onEvent?: (e: AnswerEvent) => void): Promise<Answer>;
}

function capHistory(history: ChatMessage[] | undefined, maxChars: number): ChatMessage[] {
  if (!history || history.length === 0) return [];
  const out: ChatMessage[] = [];
  let chars = 0;
  for (let i = history.length - 1; i >= 0 && out.length < MAX_HISTORY_MESSAGES; i--) {
    const m = history[i]!;
    if (chars + m.content.length > maxChars) break;
    chars += m.content.length;
    out.unshift(m);
  }
  // A conversation sent to a model starts with the user.
  while (out.length > 0 && out[0]!.role !== 'user') out.shift();
  return out;
}

const TIER_NAME: Record<CauseTier, string> = {
  rules: 'the rules',
  docs: 'the offline documentation',
  local: 'the local model',
  cloud: 'Gemini',
};
const TIER_NAME_KM: Record<CauseTier, string> = { rules: 'ច្បាប់', docs: 'ឯកសារក្នុងម៉ាស៊ីន', local: 'ម៉ូដែលក្នុងម៉ាស៊ីន', cloud: 'Gemini' };
const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** "The local model is not available (…); asking the offline documentation instead.", in the question's language. */
function handOverNotice(c: Cause, next: CauseTier, lang: 'en' | 'km'): string {
  const why = c.message.replace(/[.\s]+$/, '');
  // A model that failed mid-way names its model; one that was never reached does not.
  if (lang === 'km') {
    const what = c.kind === 'no-match' ? 'មិនមានអ្វីត្រូវគ្នាគ្រប់គ្រាន់' : `${c.model ? 'បរាជ័យ' : 'មិនអាចប្រើបាន'} (${why})`;
    return `${TIER_NAME_KM[c.tier]}${what}។ កំពុងសួរ${TIER_NAME_KM[next]}ជំនួសវិញ។`;
  }
  const what = c.kind === 'no-match' ? 'has nothing close enough' : `${c.model ? 'failed' : 'is not available'} (${why})`;
  return `${cap(TIER_NAME[c.tier])} ${what}; asking ${TIER_NAME[next]} instead.`;
}

/** What the index says about the question: the hits, and how well they match. */
interface DocsProbe {
  state: PlanState['docs'];
  hits: DocHit[];
  relevant: DocHit[];
  /** Finds a command's manual page in the same index (for the sources of a docs answer). */
  man?: ManLookup;
  /** An option question answered from the program's manual page ("what does grep -v do"). */
  option?: OptionAnswer | null;
}

/** The whole manual page of a program: section 1 (commands), else 8 (administration); null when there is none. */
function manPage(index: DocsIndex, program: string): DocHit | null {
  for (const sec of ['1', '8']) {
    try {
      const ref = `${program}(${sec})`;
      const h = index.section(ref);
      // An alias (egrep for grep) keeps the name the question used.
      if (h && h.kind === 'man') return { ...h, ref, title: ref };
    } catch {
      /* a damaged page: none */
    }
  }
  return null;
}

function manLookup(index: DocsIndex): ManLookup {
  return (program) => {
    const h = manPage(index, program);
    if (!h) return null;
    const ref = h.ref.replace(/#.*$/, '');
    return { kind: 'man', title: ref, ref };
  };
}

/** A passage as the model sees it: the option's paragraph or the part of the section that matches the question. */
function toPassage(h: DocHit, question: string): GroundingPassage {
  const opts = h.kind === 'man' ? optionsIn(question) : [];
  const paras = opts.length ? optionParagraphs(h.text, opts) : [];
  return { kind: h.kind, title: h.title, ref: h.ref, text: paras.length ? paras.join('\n\n') : excerpt(h.text, question) };
}

export function createRouter(deps: RouterDeps): Router {
  function probeDocs(question: string): DocsProbe {
    if (!deps.docs) return { state: 'absent', hits: [], relevant: [] };
    try {
      const index = deps.docs();
      if (!index) return { state: 'error', hits: [], relevant: [] };
      const hits = index.search(question, { limit: DOCS_SEARCH_LIMIT });
      const a = assessHits(question, hits);
      // The option's own paragraph in the program's manual is the most precise answer there is: a strong match.
      const option = findOptionPage(question, (p) => manPage(index, p));
      return { state: option ? 'strong' : a.strength, hits, relevant: a.relevant, man: manLookup(index), option };
    } catch {
      return { state: 'error', hits: [], relevant: [] };
    }
  }

  async function ask(req: AskRequest, onEvent: (e: AnswerEvent) => void = () => {}): Promise<Answer> {
    const emit = (e: AnswerEvent): void => {
      try {
        onEvent(e);
      } catch {
        /* a listener's failure must not break the answer */
      }
    };
    const finish = (a: Answer): Answer => {
      emit({ type: 'done', answer: a });
      return a;
    };
    const question = req.question.trim();
    const lang = detectLang(question);

    if (question === '') {
      emit({ type: 'start', tier: 'fallback', model: null, intent: null });
      return finish({ tier: 'fallback', text: '', model: null, intent: null, commands: [], sources: [], error: 'The question is empty.' });
    }
    if (question.length > MAX_QUESTION_CHARS) {
      const text = tooLongText(lang, question.length, MAX_QUESTION_CHARS);
      emit({ type: 'start', tier: 'fallback', model: null, intent: null });
      emit({ type: 'chunk', text });
      return finish({
        tier: 'fallback',
        text,
        model: null,
        intent: null,
        commands: [],
        sources: [],
        error: `The question is too long (${question.length} characters; the limit is ${MAX_QUESTION_CHARS}).`,
      });
    }

    // What is known now: the intent match first (a rules answer needs nothing else), then docs, settings, providers.
    const ctx = deps.intentContext();
    const intent = matchIntent(question, ctx);
    const s = deps.settings();
    const local = deps.local();
    const cloud = deps.cloud();
    const docs: DocsProbe = rulesAct(intent) ? { state: 'absent', hits: [], relevant: [] } : probeDocs(question);
    // The cloud's key is a local check (no network call); done only when the settings allow the cloud at all.
    let cloudAv: Availability | null = null;
    const cloudGated = !cloud || req.offline === true || s.privacyMode || !s.allowCloud || rulesAct(intent);
    if (!cloudGated) cloudAv = await guardedAvailability(cloud, req.signal);
    const state: PlanState = {
      intent,
      docs: docs.state,
      allowCloud: s.allowCloud,
      privacyMode: s.privacyMode,
      offline: req.offline === true,
      preferCloud: req.preferCloud === true,
      hasLocal: local !== null,
      followUp: (req.history ?? []).some((m) => m.role === 'assistant'),
      cloud: !cloud ? 'absent' : cloudAv && !cloudAv.ok ? 'no-key' : 'ready',
    };
    const p: Plan = plan(question, state);

    // Skipped tiers whose reason the user can act on feed the fallback text.
    const causes: Cause[] = [];
    for (const k of p.skipped) {
      if (k.kind === 'rules-answer' || k.tier === 'rules') continue;
      const message = k.tier === 'cloud' && k.kind === 'no-key' && cloudAv && !cloudAv.ok ? cloudAv.reason : k.why;
      const fix = k.tier === 'cloud' && k.kind === 'no-key' && cloudAv && !cloudAv.ok ? cloudAv.fix || null : null;
      causes.push({ tier: k.tier, kind: k.kind, message, fix, model: null });
    }

    // Grounding for the model tiers: the relevant passages, numbered, within the token budget.
    const passages = docs.relevant.map((h) => toPassage(h, question));
    if (docs.option) {
      const ref = docs.option.page.ref.replace(/#.*$/, '');
      passages.unshift({ kind: 'man', title: ref, ref, text: docs.option.paragraphs.join('\n\n') });
    }
    const grounding = passages.length > 0 ? buildGrounding(passages) : null;
    const groundSources: AnswerSource[] = grounding
      ? grounding.used.map((u) => toSource({ kind: u.kind as DocHit['kind'], title: u.title, ref: u.ref }))
      : [];
    const messages: ChatMessage[] = [
      ...capHistory(req.history, grounding ? MAX_HISTORY_CHARS_GROUNDED : MAX_HISTORY_CHARS),
      { role: 'user', content: question },
    ];

    for (let i = 0; i < p.order.length; i++) {
      const tier = p.order[i]!;
      const next = p.order[i + 1];
      if (req.signal?.aborted) return finish(cancelled('fallback', '', null));
      let out: TierOutcome;
      if (tier === 'rules') out = runRules(intent!, emit);
      else if (tier === 'docs')
        out = runDocs(
          docs.option ? composeOptionAnswer(docs.option, lang, docs.relevant) : composeDocsAnswer(question, lang, docs.relevant, docs.man),
          emit,
        );
      else {
        out = await runModel({
          tier,
          provider: tier === 'local' ? local : cloud,
          availability: tier === 'cloud' ? cloudAv : null,
          system: deps.systemPrompt({ hasKoompiCli: ctx.hasKoompiCli, lang, grounding }),
          messages,
          sources: groundSources,
          signal: req.signal,
          emit,
        });
      }
      if (out.type === 'answer') return finish(out.answer);
      causes.push(out.cause);
      if (next) emit({ type: 'notice', message: handOverNotice(out.cause, next, lang) });
    }

    // Nothing answered.
    const hard = causes.filter(isHard);
    if (hard.length > 0) {
      const last = hard[hard.length - 1]!;
      const tier = last.tier === 'cloud' ? 'cloud' : 'local';
      emit({ type: 'start', tier, model: last.model, intent: null });
      return finish({ tier, text: '', model: last.model, intent: null, commands: [], sources: [], error: hard.map(errorLine).join(' ') });
    }
    const text = buildFallbackText(sortCauses(causes), lang, s.ollamaHost ?? null);
    emit({ type: 'start', tier: 'fallback', model: null, intent: null });
    emit({ type: 'chunk', text });
    return finish({ tier: 'fallback', text, model: null, intent: null, commands: [], sources: [], error: null });
  }

  return { ask };
}

const TIER_RANK: Record<CauseTier, number> = { local: 0, cloud: 1, docs: 2, rules: 3 };

function sortCauses(causes: Cause[]): Cause[] {
  // Local first (it is the one the user can start), then the cloud, then the documentation; one line per tier and kind.
  const seen = new Set<string>();
  return [...causes]
    .sort((a, b) => TIER_RANK[a.tier] - TIER_RANK[b.tier])
    .filter((c) => {
      const k = `${c.tier}:${c.kind}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
}
