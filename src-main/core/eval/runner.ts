// Runs an evaluation set through an ask function (the real router in koompi-ask eval), timing each answer,
// sampling memory and watching the network, and turns the results into a report.
import type { Answer, AnswerEvent } from '../types.js';
import { startMemorySampler } from './memory.js';
import { kernelNoRouteCount, watchNetwork } from './net-watch.js';
import { buildReport, type ReportContext } from './report.js';
import { DEFAULT_K, scoreItem } from './score.js';
import type { EvalItem, EvalReport, ItemResult, OllamaTimings } from './types.js';

export type AskFn = (question: string, onEvent: (e: AnswerEvent) => void, signal: AbortSignal) => Promise<Answer>;

export interface RunOptions {
  items: EvalItem[];
  ask: AskFn;
  /** Models loaded in Ollama right now (`/api/ps`), sizes in bytes; null when Ollama cannot be asked. */
  ollamaPs?: () => Promise<{ name: string; size: number }[] | null>;
  context: Omit<ReportContext, 'startedAt' | 'finishedAt'>;
  k?: number;
  /** Longest wait for one answer before it is cut and scored as an error. */
  itemTimeoutMs?: number;
  onProgress?: (done: number, total: number, last: ItemResult) => void;
  signal?: AbortSignal;
  /** Whether the Ollama server runs as a child of this process (then its memory is already in the tree). */
  serverInTree?: boolean;
}

const TEXT_KEEP = 600;

export async function runEvaluation(opts: RunOptions): Promise<EvalReport> {
  const k = opts.k ?? DEFAULT_K;
  const startedAt = new Date();
  const noRouteBefore = kernelNoRouteCount();
  const net = watchNetwork();
  const mem = startMemorySampler();
  let psPeak: number | null = null;
  const psModels = new Set<string>();
  const results: ItemResult[] = [];
  let memory = { peakBytes: 0, samples: 0 };
  let network = { attempts: 0, targets: [] as string[] };
  try {
    for (const item of opts.items) {
      if (opts.signal?.aborted) break;
      const r = await runOne(item, opts.ask, k, opts.itemTimeoutMs ?? 180_000, opts.signal);
      mem.sample();
      if (r.tier === 'local' && opts.ollamaPs) {
        const ps = await opts.ollamaPs().catch(() => null);
        if (ps) {
          const size = ps.reduce((s, m) => s + m.size, 0);
          psPeak = Math.max(psPeak ?? 0, size);
          for (const m of ps) psModels.add(m.name);
        }
      }
      results.push(r);
      opts.onProgress?.(results.length, opts.items.length, r);
    }
  } finally {
    memory = mem.stop();
    network = net.stop();
  }
  const noRouteAfter = kernelNoRouteCount();
  return buildReport(results, {
    ...opts.context,
    startedAt,
    finishedAt: new Date(),
    k,
    memory: {
      treePeakBytes: memory.peakBytes,
      samples: memory.samples,
      ollamaPsBytes: psPeak,
      ollamaPsModels: [...psModels],
      serverInTree: opts.serverInTree ?? false,
    },
    network: {
      attempts: network.attempts,
      targets: network.targets,
      kernelNoRoute: opts.context.netns && noRouteBefore !== null && noRouteAfter !== null ? noRouteAfter - noRouteBefore : null,
    },
  });
}

async function runOne(item: EvalItem, ask: AskFn, k: number, timeoutMs: number, outer?: AbortSignal): Promise<ItemResult> {
  const ac = new AbortController();
  const onOuter = (): void => ac.abort();
  outer?.addEventListener('abort', onOuter, { once: true });
  const timer = setTimeout(() => ac.abort(), timeoutMs);
  const t0 = performance.now();
  let firstText: number | null = null;
  const ollama: OllamaTimings = {};
  const onEvent = (e: AnswerEvent): void => {
    if (e.type === 'chunk' && e.text !== '' && firstText === null) firstText = performance.now() - t0;
    if (e.type === 'stats') Object.assign(ollama, timingsOf(e));
  };
  let answer: Answer;
  try {
    answer = await ask(item.q, onEvent, ac.signal);
  } catch (e) {
    answer = {
      tier: 'fallback',
      text: '',
      model: null,
      intent: null,
      commands: [],
      sources: [],
      error: e instanceof Error ? e.message : String(e),
    };
  } finally {
    clearTimeout(timer);
    outer?.removeEventListener('abort', onOuter);
  }
  const total = performance.now() - t0;
  if (ac.signal.aborted && !outer?.aborted && answer.error === null)
    answer = { ...answer, error: `no answer within ${Math.round(timeoutMs / 1000)} s` };
  const sources = answer.sources ?? [];
  const score = scoreItem(item, { tier: answer.tier, text: answer.text, commands: answer.commands, sources, error: answer.error }, k);
  return {
    id: item.id,
    group: item.group,
    lang: item.lang,
    q: item.q,
    tier: answer.tier,
    model: answer.model,
    first_text_ms: firstText === null ? null : Math.round(firstText),
    total_ms: Math.round(total),
    ollama,
    sources: sources.slice(0, k),
    commands: answer.commands.map((c) => c.command),
    error: answer.error,
    text: answer.text.length > TEXT_KEEP ? `${answer.text.slice(0, TEXT_KEEP)}…` : answer.text,
    ...score,
  };
}

/** Ollama's timing fields from a stats event, under Ollama's own names; fields the event lacks stay absent. */
export function timingsOf(e: Extract<AnswerEvent, { type: 'stats' }>): OllamaTimings {
  const src = e as Record<string, unknown>;
  const out: OllamaTimings = {};
  const pairs: [keyof OllamaTimings, string][] = [
    ['load_duration', 'loadDurationNs'],
    ['prompt_eval_count', 'promptEvalCount'],
    ['prompt_eval_duration', 'promptEvalDurationNs'],
    ['eval_count', 'evalCount'],
    ['eval_duration', 'evalDurationNs'],
    ['total_duration', 'totalDurationNs'],
  ];
  for (const [name, key] of pairs) if (typeof src[key] === 'number') out[name] = src[key];
  return out;
}
