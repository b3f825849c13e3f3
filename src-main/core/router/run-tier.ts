// Runs one tier of a plan and says how it went: an Answer (complete, cut off with an error, or cancelled), or a
// Cause with a `kind` when the tier could not answer before its first word (the router then tries the next one).
import type { Answer, AnswerEvent, AnswerSource, ChatMessage, CommandJudgement, IntentMatch, Tier } from '../types.js';
import { ProviderError, type Availability, type ChatProvider, type ChatStats } from '../providers/provider.js';
import { extractCommands, judgeCommand } from '../commands/index.js';
import { errorLine, type Cause } from './causes.js';
import type { DocsAnswer } from './docs-answer.js';

/** availability() is given this long before the tier counts as unavailable (providers aim for about 1 s). */
export const AVAILABILITY_GUARD_MS = 2_500;

export type TierOutcome = { type: 'answer'; answer: Answer } | { type: 'failed'; cause: Cause };

export function judgeAnswer(text: string): CommandJudgement[] {
  const out: CommandJudgement[] = [];
  for (const c of extractCommands(text)) out.push(judgeCommand(c));
  return out;
}

export function cancelled(tier: Tier, text: string, model: string | null, sources: AnswerSource[] = []): Answer {
  return { tier, text, model, intent: null, commands: judgeAnswer(text), sources, error: 'Cancelled.' };
}

/** Tier 1: the intent's answer; an action's answer shows the exact command it would run, as a fenced block. */
export function runRules(m: IntentMatch, emit: (e: AnswerEvent) => void): TierOutcome {
  emit({ type: 'start', tier: 'rules', model: null, intent: m.intent });
  const action = m.command !== null && m.argv !== null;
  const text = action ? `${m.text}\n\n\`\`\`bash\n${m.command}\n\`\`\`\n` : m.text;
  if (text) emit({ type: 'chunk', text });
  return {
    type: 'answer',
    answer: {
      tier: 'rules',
      text,
      model: null,
      intent: m.intent,
      commands: action ? [judgeCommand(m.command!)] : [],
      sources: [],
      error: null,
    },
  };
}

/** The docs tier: the composed passage (composed by the router from the hits it already has), or no-match. */
export function runDocs(docs: DocsAnswer | null, emit: (e: AnswerEvent) => void): TierOutcome {
  if (!docs)
    return {
      type: 'failed',
      cause: { tier: 'docs', kind: 'no-match', message: 'no passage matches the question closely enough', fix: null, model: null },
    };
  emit({ type: 'start', tier: 'docs', model: null, intent: null });
  emit({ type: 'chunk', text: docs.text });
  return {
    type: 'answer',
    answer: {
      tier: 'docs',
      text: docs.text,
      model: null,
      intent: null,
      commands: judgeAnswer(docs.text),
      sources: docs.sources,
      error: null,
    },
  };
}

/** availability() with a hard time limit, so a hung server cannot stall the router. */
export async function guardedAvailability(p: ChatProvider, signal: AbortSignal | undefined): Promise<Availability> {
  const ac = new AbortController();
  const onAbort = (): void => ac.abort();
  signal?.addEventListener('abort', onAbort, { once: true });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<Availability>((resolve) => {
    timer = setTimeout(() => {
      // On a starved machine (thirty koompi-ask at once) timers fire late, before I/O that already arrived: let
      // the loop take that I/O (and the provider's own verdict) first, as undici does for its connect timeout.
      setImmediate(() =>
        setImmediate(() => {
          ac.abort();
          resolve({ ok: false, reason: `no answer within ${AVAILABILITY_GUARD_MS / 1000} s`, fix: '', kind: 'timeout' });
        }),
      );
    }, AVAILABILITY_GUARD_MS);
  });
  try {
    return await Promise.race([
      p.availability(ac.signal).catch((e: unknown): Availability => ({
        ok: false,
        reason: e instanceof Error ? e.message : String(e),
        fix: e instanceof ProviderError && e.fix ? e.fix : '',
        kind: e instanceof ProviderError ? e.kind : 'unavailable',
      })),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}

export interface ModelTierInput {
  tier: 'local' | 'cloud';
  provider: ChatProvider | null;
  /** An availability already checked for this provider (the cloud's, while planning), or null to check now. */
  availability: Availability | null;
  system: string;
  messages: ChatMessage[];
  /** The passages the model was given (listed as the answer's sources). */
  sources: AnswerSource[];
  signal: AbortSignal | undefined;
  emit: (e: AnswerEvent) => void;
}

/** A model tier: availability, then the streamed answer. A failure before the first word hands over; after, it ends. */
export async function runModel(i: ModelTierInput): Promise<TierOutcome> {
  const { tier, provider, signal, emit, sources } = i;
  if (!provider) return { type: 'failed', cause: { tier, kind: 'absent', message: `no ${tier} provider`, fix: null, model: null } };
  if (signal?.aborted) return { type: 'answer', answer: cancelled('fallback', '', null) };
  const av = i.availability ?? (await guardedAvailability(provider, signal));
  if (signal?.aborted) return { type: 'answer', answer: cancelled('fallback', '', null) };
  if (!av.ok)
    return { type: 'failed', cause: { tier, kind: av.kind ?? 'unavailable', message: av.reason, fix: av.fix || null, model: null } };
  const model = av.model;
  emit({ type: 'start', tier, model, intent: null });
  let text = '';
  let stats: ChatStats;
  try {
    stats = await provider.chat(
      { model, system: i.system, messages: i.messages, signal, onNotice: (message) => emit({ type: 'notice', message }) },
      (t) => {
        if (t === '') return;
        text += t;
        emit({ type: 'chunk', text: t });
      },
    );
  } catch (e) {
    const pe = e instanceof ProviderError ? e : new ProviderError('stream', e instanceof Error ? e.message : String(e));
    if (pe.kind === 'aborted' || signal?.aborted) return { type: 'answer', answer: cancelled(tier, text, model, sources) };
    const cause: Cause = { tier, kind: pe.kind, message: pe.message, fix: pe.fix, model };
    if (text !== '') {
      return { type: 'answer', answer: { tier, text, model, intent: null, commands: judgeAnswer(text), sources, error: errorLine(cause) } };
    }
    return { type: 'failed', cause };
  }
  emit({
    type: 'stats',
    ...(stats.evalCount !== undefined ? { evalCount: stats.evalCount } : {}),
    ...(stats.evalDurationNs !== undefined ? { evalDurationNs: stats.evalDurationNs } : {}),
    ...(stats.tokensPerSecond !== undefined ? { tokensPerSecond: stats.tokensPerSecond } : {}),
    ...(stats.doneReason !== undefined ? { doneReason: stats.doneReason } : {}),
    ...(stats.promptEvalCount !== undefined ? { promptEvalCount: stats.promptEvalCount } : {}),
    ...(stats.promptEvalDurationNs !== undefined ? { promptEvalDurationNs: stats.promptEvalDurationNs } : {}),
    ...(stats.loadDurationNs !== undefined ? { loadDurationNs: stats.loadDurationNs } : {}),
    ...(stats.totalDurationNs !== undefined ? { totalDurationNs: stats.totalDurationNs } : {}),
  });
  return { type: 'answer', answer: { tier, text, model, intent: null, commands: judgeAnswer(text), sources, error: null } };
}
