// Tier 2: the local model through Ollama's /api/chat (streamed NDJSON), its liveness check, model choice and warm-up.
import type { ChatMessage } from '../../types.js';
import { ProviderError, type Availability, type ChatProvider, type ChatRequest, type ChatStats } from '../provider.js';
import { BUSY_FIX, OLLAMA_LOG_FIX, OllamaHttp, pullFix, ServerBusyError, START_OLLAMA_FIX, type OllamaHttpOptions } from './http.js';
import { busyGaveUp, DEFAULT_BUSY_POLICY, waitNotice, withBusyRetry, type BusyPolicy } from '../busy-retry.js';
import { normalizeModelName, OllamaModelManager } from './models.js';

export const PREFERRED_MODEL = 'koompi-assistant:latest';
export const FALLBACK_MODEL = 'qwen2.5:1.5b';

export interface OllamaChatOptions extends OllamaHttpOptions {
  /** Share an HTTP layer (and its connection pool) with a model manager; otherwise one is made from host/dispatcher. */
  http?: OllamaHttp;
  /** A model chosen by the user (KOOMPI_MODEL or a setting). Unset: koompi-assistant:latest if installed, else qwen2.5:1.5b. */
  model?: string;
  /** Ollama keep_alive ("5m", "1h", seconds as a number, -1 forever, 0 unload); unset leaves Ollama's default. */
  keepAlive?: string | number;
  /** Ollama model options (temperature, num_ctx, …) sent with every chat. */
  modelOptions?: Record<string, unknown>;
  /** Liveness check deadline (version + tags). Default 1 s on this machine, 2 s for a server on the network. */
  livenessTimeoutMs?: number;
  /** How long an availability answer is reused. Default 3000 ms. */
  availabilityCacheMs?: number;
  /** Deadline for the first streamed line of an answer (model load included). Default 90 s. */
  firstTokenTimeoutMs?: number;
  /** Longest silence between two chunks of an answer. Default 60 s. */
  idleTimeoutMs?: number;
  /** How long to wait out a busy server (HTTP 503, queue full), with backoff and jitter. Default 2 min. */
  busyPolicy?: BusyPolicy;
  /** For tests: the jitter's random source. */
  random?: () => number;
}

type Json = Record<string, unknown>;

export class OllamaChatProvider implements ChatProvider {
  readonly tier = 'local' as const;
  readonly http: OllamaHttp;
  readonly models: OllamaModelManager;
  readonly keepAlive: string | number | undefined;
  private readonly configuredModel: string | undefined;
  private readonly modelOptions: Record<string, unknown> | undefined;
  private readonly livenessTimeoutMs: number;
  private readonly cacheMs: number;
  private readonly firstTokenTimeoutMs: number;
  private readonly idleTimeoutMs: number;
  private readonly busyPolicy: BusyPolicy;
  /** Ollama on another machine (a school server): slowness there means load, not a hang. */
  private readonly shared: boolean;
  /** A shared server took the connection but did not answer the liveness check in time: chat() waits for it first. */
  private unverified = false;
  private readonly random: () => number;
  /** The model the last successful check chose, used when a busy server is too slow to list its models. */
  private lastModel: string | null = null;
  private cached: { at: number; value: Availability } | null = null;
  private inflight: Promise<Availability> | null = null;

  constructor(opts: OllamaChatOptions = {}) {
    this.http = opts.http ?? new OllamaHttp(opts);
    this.models = new OllamaModelManager(this.http);
    this.configuredModel = opts.model?.trim() || undefined;
    this.keepAlive = opts.keepAlive;
    this.modelOptions = opts.modelOptions;
    this.shared = !/^https?:\/\/(127\.|localhost[:/]|\[::1\])/.test(this.http.baseUrl);
    // Under the router's 2.5 s guard either way: a server on the network (Wi-Fi, a classroom) gets longer.
    this.livenessTimeoutMs = opts.livenessTimeoutMs ?? (this.shared ? 1500 : 1000);
    this.cacheMs = opts.availabilityCacheMs ?? 3000;
    this.firstTokenTimeoutMs = opts.firstTokenTimeoutMs ?? 90_000;
    this.idleTimeoutMs = opts.idleTimeoutMs ?? 60_000;
    this.busyPolicy = opts.busyPolicy ?? DEFAULT_BUSY_POLICY;
    this.random = opts.random ?? Math.random;
  }

  get baseUrl(): string {
    return this.http.baseUrl;
  }

  /** Forgets the cached availability (after a failure, or when settings change). */
  invalidate(): void {
    this.cached = null;
  }

  async availability(signal?: AbortSignal): Promise<Availability> {
    if (this.cached && Date.now() - this.cached.at < this.cacheMs) return this.cached.value;
    if (!this.inflight || signal) {
      const p = this.checkAvailability(signal)
        .then((value) => {
          this.cached = { at: Date.now(), value };
          return value;
        })
        .finally(() => {
          if (this.inflight === p) this.inflight = null;
        });
      if (!signal) this.inflight = p;
      return p;
    }
    return this.inflight;
  }

  private async checkAvailability(signal?: AbortSignal): Promise<Availability> {
    try {
      // The calls get a little longer than the deadline, and the deadline is our own timer: on a machine so busy
      // that timers fire late, it still decides first (plain promise steps), before the router's own guard does.
      const [version, installed] = await withDeadline(
        Promise.all([this.models.version(signal, this.livenessTimeoutMs + 500), this.models.list(signal, this.livenessTimeoutMs + 500)]),
        this.livenessTimeoutMs,
        () =>
          new ProviderError(
            'timeout',
            `Ollama at ${this.baseUrl} did not answer within ${this.livenessTimeoutMs / 1000} s.`,
            START_OLLAMA_FIX,
          ),
      );
      const names = new Set(installed.map((m) => normalizeModelName(m.name)));
      const model = chooseModel(this.configuredModel, names);
      if (model.ok) {
        this.lastModel = model.name;
        return { ok: true, model: model.name, version };
      }
      return { ok: false, reason: model.reason, fix: model.fix, kind: 'model-missing' };
    } catch (e) {
      if (e instanceof ProviderError) {
        if (e.kind === 'aborted') throw e;
        // A busy server is not a dead one: answering 503 (every slot taken, queue full), or, for a server on the
        // network, taking the connection but answering late (thirty students at once). chat() waits it out, with
        // notices, within its budget; the model is the one chosen before, or the configured one, or the default.
        // Ollama on this machine that takes the connection and never answers is stuck, not shared: not available.
        if (e instanceof ServerBusyError || (this.shared && e.kind === 'timeout')) {
          if (e.kind === 'timeout') this.unverified = true;
          return { ok: true, model: this.configuredModel ?? this.lastModel ?? FALLBACK_MODEL };
        }
        return { ok: false, reason: e.message, fix: e.fix ?? START_OLLAMA_FIX, kind: e.kind };
      }
      return {
        ok: false,
        reason: `Ollama check failed: ${e instanceof Error ? e.message : String(e)}`,
        fix: START_OLLAMA_FIX,
        kind: 'unreachable',
      };
    }
  }

  async chat(req: ChatRequest, onText: (text: string) => void): Promise<ChatStats> {
    const messages: Array<{ role: string; content: string }> = [];
    if (req.system) messages.push({ role: 'system', content: req.system });
    for (const m of req.messages as ChatMessage[]) messages.push({ role: m.role, content: m.content });
    const body: Json = { model: req.model, messages, stream: true };
    if (this.keepAlive !== undefined) body.keep_alive = this.keepAlive;
    if (this.modelOptions) body.options = this.modelOptions;
    let stats: ChatStats | null = null;
    let delivered = false;
    const lang = /[\u1780-\u17ff]/.test(req.messages[req.messages.length - 1]?.content ?? '') ? 'km' : 'en';
    try {
      if (this.unverified) await this.waitForServer(req, lang);
      await withBusyRetry(
        () =>
          this.http.stream(
            '/api/chat',
            body,
            {
              signal: req.signal,
              firstLineTimeoutMs: this.firstTokenTimeoutMs,
              idleTimeoutMs: this.idleTimeoutMs,
              model: req.model,
            },
            (line) => {
              const msg = line.message as Json | undefined;
              const content = msg?.content;
              if (typeof content === 'string' && content !== '') {
                delivered = true;
                onText(content);
              }
              if (line.done === true) stats = statsOf(line);
            },
          ),
        {
          policy: this.busyPolicy,
          random: this.random,
          ...(req.signal ? { signal: req.signal } : {}),
          isBusy: (e): e is ProviderError => e instanceof ServerBusyError && !delivered,
          onWait: (info) => req.onNotice?.(waitNotice(this.baseUrl, info, lang)),
          exhausted: (elapsed, last) => new ProviderError('server', `${busyGaveUp(this.baseUrl, elapsed, lang)} ${last.message}`, last.fix),
        },
      );
    } catch (e) {
      this.invalidate();
      throw e;
    }
    if (stats === null) {
      this.invalidate();
      throw new ProviderError('stream', 'The answer from Ollama was cut off before it finished.', OLLAMA_LOG_FIX);
    }
    return stats;
  }

  /** A shared server that answered its liveness check too late: ask again, patiently, before sending the question. */
  private async waitForServer(req: ChatRequest, lang: 'en' | 'km'): Promise<void> {
    await withBusyRetry(() => this.models.version(req.signal, 5000), {
      policy: this.busyPolicy,
      random: this.random,
      ...(req.signal ? { signal: req.signal } : {}),
      isBusy: (e): e is ProviderError => e instanceof ProviderError && (e.kind === 'timeout' || e instanceof ServerBusyError),
      onWait: (info) => req.onNotice?.(waitNotice(this.baseUrl, info, lang)),
      exhausted: (elapsed, last) => new ProviderError('timeout', `${busyGaveUp(this.baseUrl, elapsed, lang)} ${last.message}`, BUSY_FIX),
    });
    this.unverified = false;
  }

  /**
   * Preloads a model into memory with Ollama's documented empty chat request (no messages), so the first real
   * question does not wait for the load. Resolves with Ollama's done_reason ("load", or "unload" for keepAlive 0).
   */
  async warmUp(model?: string, keepAlive: string | number | undefined = this.keepAlive, signal?: AbortSignal): Promise<string | undefined> {
    const name = model ?? (await this.resolveModel(signal));
    if (!name) throw new ProviderError('model-missing', 'No local model is installed.', pullFix(FALLBACK_MODEL));
    const body: Json = { model: name, messages: [], stream: false };
    if (keepAlive !== undefined) body.keep_alive = keepAlive;
    const r = await this.http.json('POST', '/api/chat', body, { signal, timeoutMs: this.firstTokenTimeoutMs, model: name });
    return typeof r.done_reason === 'string' ? r.done_reason : undefined;
  }

  /** The model chat() should use now, or null when none is installed (or Ollama is down). */
  async resolveModel(signal?: AbortSignal): Promise<string | null> {
    const a = await this.availability(signal);
    return a.ok ? a.model : null;
  }

  async close(): Promise<void> {
    await this.http.close();
  }
}

/** Settles with `work`, or rejects with `late()` when `ms` pass first (work's own rejection is then ignored). */
function withDeadline<T>(work: Promise<T>, ms: number, late: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  // Two loop turns after the timer: an answer that already arrived on a starved machine is taken first.
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => setImmediate(() => setImmediate(() => reject(late()))), ms);
  });
  work.catch(() => undefined);
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

function chooseModel(
  configured: string | undefined,
  installed: Set<string>,
): { ok: true; name: string } | { ok: false; reason: string; fix: string } {
  if (configured) {
    if (installed.has(normalizeModelName(configured))) return { ok: true, name: configured };
    const fix = normalizeModelName(configured) === PREFERRED_MODEL ? 'Run: koompi-ask models setup' : pullFix(configured);
    return { ok: false, reason: `The model ${configured} is not installed in Ollama.`, fix };
  }
  if (installed.has(PREFERRED_MODEL)) return { ok: true, name: PREFERRED_MODEL };
  if (installed.has(normalizeModelName(FALLBACK_MODEL))) return { ok: true, name: FALLBACK_MODEL };
  return {
    ok: false,
    reason: `Neither ${PREFERRED_MODEL} nor ${FALLBACK_MODEL} is installed in Ollama.`,
    fix: `${pullFix(FALLBACK_MODEL)} (then koompi-ask models setup for the tuned koompi-assistant model)`,
  };
}

function statsOf(line: Json): ChatStats {
  const n = (k: string): number | undefined => (typeof line[k] === 'number' ? (line[k] as number) : undefined);
  const s: ChatStats = {};
  if (typeof line.done_reason === 'string') s.doneReason = line.done_reason;
  const evalCount = n('eval_count');
  const evalDuration = n('eval_duration');
  if (evalCount !== undefined) s.evalCount = evalCount;
  if (evalDuration !== undefined) s.evalDurationNs = evalDuration;
  const pe = n('prompt_eval_count');
  if (pe !== undefined) s.promptEvalCount = pe;
  const ped = n('prompt_eval_duration');
  if (ped !== undefined) s.promptEvalDurationNs = ped;
  const td = n('total_duration');
  if (td !== undefined) s.totalDurationNs = td;
  const ld = n('load_duration');
  if (ld !== undefined) s.loadDurationNs = ld;
  if (evalCount !== undefined && evalDuration !== undefined && evalDuration > 0) s.tokensPerSecond = (evalCount / evalDuration) * 1e9;
  return s;
}
