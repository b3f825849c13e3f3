// The router: rules -> local -> cloud -> fallback. Streams AnswerEvents and resolves with the final Answer.
//
// - Tier 1 answers when its match is above ACT_THRESHOLD and it has an action (or is answer-only: greeting/help).
// - Complex or creative questions try the cloud first when it is allowed (allowCloud, no privacy mode, not
//   offline, key set); everything else tries the local model first, then the cloud when allowed.
// - A tier that fails before its first token hands over to the next one (with a notice). Once text has been
//   streamed, a failure ends the answer with `error` set and the partial text kept: never silently replaced.
// - Nothing answered: if a tier was reached and refused (bad key, quota, missing model…), the answer carries
//   that error (exit 1); if nothing was running or allowed, the fallback text says what to start or set (exit 3).
import { ACT_THRESHOLD, type Answer, type AnswerEvent, type ChatMessage, type CommandJudgement, type Tier } from '../types.js';
import { ProviderError, type Availability, type ChatProvider, type ChatStats } from '../providers/provider.js';
import { matchIntent, type IntentContext } from '../intents/index.js';
import { extractCommands, judgeCommand } from '../commands/index.js';
import { classifyQuestion } from './complexity.js';
import { detectLang } from './lang.js';
import { errorLine, isHard, type Cause } from './causes.js';
import { buildFallbackText, tooLongText } from './fallback-text.js';

/** Longer questions are refused with a clear answer (not truncated: a cut question is a different question). */
export { MAX_QUESTION_CHARS } from '../types.js';
import { MAX_QUESTION_CHARS } from '../types.js';
/** History sent to a model is capped to the most recent messages within this many characters. */
export const MAX_HISTORY_CHARS = 16_000;
export const MAX_HISTORY_MESSAGES = 20;
/** availability() is given this long before the tier counts as unavailable (providers aim for about 1 s). */
export const AVAILABILITY_GUARD_MS = 2_500;

/** Intents that answer with text only (no action) and still count as a rules answer. */
const ANSWER_ONLY_INTENT = /^(greeting|help|thanks|smalltalk|about)(\.|$)/;

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
  systemPrompt: (opts: { hasKoompiCli: boolean; lang: 'en' | 'km' }) => string;
}

export interface Router {
  ask(req: AskRequest, onEvent?: (e: AnswerEvent) => void): Promise<Answer>;
}

export function judgeAnswer(text: string): CommandJudgement[] {
  const out: CommandJudgement[] = [];
  for (const c of extractCommands(text)) out.push(judgeCommand(c));
  return out;
}

function capHistory(history: ChatMessage[] | undefined): ChatMessage[] {
  if (!history || history.length === 0) return [];
  const out: ChatMessage[] = [];
  let chars = 0;
  for (let i = history.length - 1; i >= 0 && out.length < MAX_HISTORY_MESSAGES; i--) {
    const m = history[i]!;
    if (chars + m.content.length > MAX_HISTORY_CHARS) break;
    chars += m.content.length;
    out.unshift(m);
  }
  // A conversation sent to a model starts with the user.
  while (out.length > 0 && out[0]!.role !== 'user') out.shift();
  return out;
}

async function guardedAvailability(p: ChatProvider, signal: AbortSignal | undefined): Promise<Availability> {
  const ac = new AbortController();
  const onAbort = (): void => ac.abort();
  signal?.addEventListener('abort', onAbort, { once: true });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<Availability>((resolve) => {
    timer = setTimeout(() => {
      ac.abort();
      resolve({ ok: false, reason: `no answer within ${AVAILABILITY_GUARD_MS / 1000} s`, fix: '' });
    }, AVAILABILITY_GUARD_MS);
  });
  try {
    return await Promise.race([
      p.availability(ac.signal).catch((e: unknown): Availability => ({
        ok: false,
        reason: e instanceof Error ? e.message : String(e),
        fix: e instanceof ProviderError && e.fix ? e.fix : '',
      })),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}

/** Reads an optional `kind` a provider may attach to a failed availability. */
function availabilityKind(a: Availability): Cause['kind'] {
  const k = (a as { kind?: unknown }).kind;
  if (typeof k === 'string') return k as Cause['kind'];
  if (!a.ok && /not (installed|found|pulled)|neither .* is installed|no such model|model .*missing/i.test(a.reason)) return 'model-missing';
  return 'unavailable';
}

const tierName = (t: 'local' | 'cloud'): string => (t === 'local' ? 'the local model' : 'Gemini');

export function createRouter(deps: RouterDeps): Router {
  async function ask(req: AskRequest, onEvent: (e: AnswerEvent) => void = () => {}): Promise<Answer> {
    const emit = (e: AnswerEvent): void => {
      try { onEvent(e); } catch { /* a listener's failure must not break the answer */ }
    };
    const finish = (a: Answer): Answer => {
      emit({ type: 'done', answer: a });
      return a;
    };
    const question = req.question.trim();
    const lang = detectLang(question);

    if (question === '') {
      emit({ type: 'start', tier: 'fallback', model: null, intent: null });
      return finish({ tier: 'fallback', text: '', model: null, intent: null, commands: [], error: 'The question is empty.' });
    }
    if (question.length > MAX_QUESTION_CHARS) {
      const text = tooLongText(lang, question.length, MAX_QUESTION_CHARS);
      emit({ type: 'start', tier: 'fallback', model: null, intent: null });
      emit({ type: 'chunk', text });
      return finish({
        tier: 'fallback', text, model: null, intent: null, commands: [],
        error: `The question is too long (${question.length} characters; the limit is ${MAX_QUESTION_CHARS}).`,
      });
    }

    // Tier 1: rules.
    const ctx = deps.intentContext();
    const m = matchIntent(question, ctx);
    if (m && m.confidence > ACT_THRESHOLD && ((m.argv !== null && m.command !== null) || (m.argv === null && ANSWER_ONLY_INTENT.test(m.intent)))) {
      emit({ type: 'start', tier: 'rules', model: null, intent: m.intent });
      // An action's answer shows the exact command it would run, as a fenced block like a model's answer.
      const text = m.command !== null && m.argv !== null ? `${m.text}\n\n\`\`\`bash\n${m.command}\n\`\`\`\n` : m.text;
      if (text) emit({ type: 'chunk', text });
      return finish({
        tier: 'rules', text, model: null, intent: m.intent,
        commands: m.command !== null && m.argv !== null ? [judgeCommand(m.command)] : [], error: null,
      });
    }

    // Which model tiers may answer, in which order.
    const s = deps.settings();
    const causes: Cause[] = [];
    let cloudAllowed = false;
    /** The cloud's availability (key set, model) when it was checked up front; reused for the attempt. */
    let cloudAv: Availability | null = null;
    const cloud = deps.cloud();
    if (!cloud) causes.push({ tier: 'cloud', kind: 'absent', message: 'no cloud provider', fix: null, model: null });
    else if (req.offline) causes.push({ tier: 'cloud', kind: 'offline', message: 'offline', fix: null, model: null });
    else if (s.privacyMode) causes.push({ tier: 'cloud', kind: 'privacy', message: 'privacy mode', fix: null, model: null });
    else if (!s.allowCloud) causes.push({ tier: 'cloud', kind: 'not-allowed', message: 'cloud not allowed', fix: null, model: null });
    else {
      // Allowed by the settings; usable only with a key (a local check: the cloud's availability makes no call).
      cloudAv = await guardedAvailability(cloud, req.signal);
      if (cloudAv.ok) cloudAllowed = true;
      else causes.push({ tier: 'cloud', kind: 'unavailable', message: cloudAv.reason, fix: cloudAv.fix || null, model: null });
    }

    const complexity = classifyQuestion(question);
    const order: Array<'local' | 'cloud'> = (complexity.complex || req.preferCloud === true) && cloudAllowed ? ['cloud', 'local'] : cloudAllowed ? ['local', 'cloud'] : ['local'];
    const messages: ChatMessage[] = [...capHistory(req.history), { role: 'user', content: question }];
    const system = deps.systemPrompt({ hasKoompiCli: ctx.hasKoompiCli, lang });

    for (let i = 0; i < order.length; i++) {
      const tier = order[i]!;
      const next = order[i + 1];
      const provider = tier === 'local' ? deps.local() : cloud;
      const handOver = (why: string): void => {
        if (next) emit({ type: 'notice', message: `${why}; asking ${tierName(next)} instead.` });
      };
      if (!provider) {
        causes.push({ tier, kind: 'absent', message: `no ${tier} provider`, fix: null, model: null });
        continue;
      }
      if (req.signal?.aborted) return finish(cancelled('fallback', '', null));
      const av = tier === 'cloud' && cloudAv ? cloudAv : await guardedAvailability(provider, req.signal);
      if (req.signal?.aborted) return finish(cancelled('fallback', '', null));
      if (!av.ok) {
        const kind = availabilityKind(av);
        causes.push({ tier, kind, message: av.reason, fix: av.fix || null, model: null });
        handOver(`${tier === 'local' ? 'The local model' : 'Gemini'} is not available (${av.reason})`);
        continue;
      }
      const model = av.model;
      emit({ type: 'start', tier, model, intent: null });
      let text = '';
      let stats: ChatStats;
      try {
        stats = await provider.chat({ model, system, messages, signal: req.signal }, (t) => {
          if (t === '') return;
          text += t;
          emit({ type: 'chunk', text: t });
        });
      } catch (e) {
        const pe = e instanceof ProviderError ? e : new ProviderError('stream', e instanceof Error ? e.message : String(e));
        if (pe.kind === 'aborted' || req.signal?.aborted) return finish(cancelled(tier, text, model));
        if (text !== '') {
          return finish({ tier, text, model, intent: null, commands: judgeAnswer(text), error: errorLine({ tier, kind: pe.kind, message: pe.message, fix: pe.fix, model }) });
        }
        causes.push({ tier, kind: pe.kind, message: pe.message, fix: pe.fix, model });
        handOver(`${tier === 'local' ? 'The local model' : 'Gemini'} failed (${pe.message})`);
        continue;
      }
      emit({
        type: 'stats',
        ...(stats.evalCount !== undefined ? { evalCount: stats.evalCount } : {}),
        ...(stats.evalDurationNs !== undefined ? { evalDurationNs: stats.evalDurationNs } : {}),
        ...(stats.tokensPerSecond !== undefined ? { tokensPerSecond: stats.tokensPerSecond } : {}),
        ...(stats.doneReason !== undefined ? { doneReason: stats.doneReason } : {}),
      });
      return finish({ tier, text, model, intent: null, commands: judgeAnswer(text), error: null });
    }

    // Nothing answered.
    const hard = causes.filter(isHard);
    if (hard.length > 0) {
      const last = hard[hard.length - 1]!;
      emit({ type: 'start', tier: last.tier, model: last.model, intent: null });
      return finish({ tier: last.tier, text: '', model: last.model, intent: null, commands: [], error: hard.map(errorLine).join(' ') });
    }
    const text = buildFallbackText(sortCauses(causes), lang, s.ollamaHost ?? null);
    emit({ type: 'start', tier: 'fallback', model: null, intent: null });
    emit({ type: 'chunk', text });
    return finish({ tier: 'fallback', text, model: null, intent: null, commands: [], error: null });
  }

  return { ask };
}

function sortCauses(causes: Cause[]): Cause[] {
  // Local first (it is the one the user can start), then the cloud; one line per tier and kind.
  const seen = new Set<string>();
  return [...causes]
    .sort((a, b) => (a.tier === b.tier ? 0 : a.tier === 'local' ? -1 : 1))
    .filter((c) => {
      const k = `${c.tier}:${c.kind}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
}

function cancelled(tier: Tier, text: string, model: string | null): Answer {
  return { tier, text, model, intent: null, commands: judgeAnswer(text), error: 'Cancelled.' };
}
