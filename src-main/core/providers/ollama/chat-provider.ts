// Tier 2: the local model through Ollama's /api/chat (streamed NDJSON), its liveness check, model choice and warm-up.
import type { ChatMessage } from '../../types.js';
import { ProviderError, type Availability, type ChatProvider, type ChatRequest, type ChatStats } from '../provider.js';
import { OLLAMA_LOG_FIX, OllamaHttp, pullFix, START_OLLAMA_FIX, type OllamaHttpOptions } from './http.js';
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
  /** Liveness check deadline (version + tags). Default 1000 ms. */
  livenessTimeoutMs?: number;
  /** How long an availability answer is reused. Default 3000 ms. */
  availabilityCacheMs?: number;
  /** Deadline for the first streamed line of an answer (model load included). Default 90 s. */
  firstTokenTimeoutMs?: number;
  /** Longest silence between two chunks of an answer. Default 60 s. */
  idleTimeoutMs?: number;
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
  private cached: { at: number; value: Availability } | null = null;
  private inflight: Promise<Availability> | null = null;

  constructor(opts: OllamaChatOptions = {}) {
    this.http = opts.http ?? new OllamaHttp(opts);
    this.models = new OllamaModelManager(this.http);
    this.configuredModel = opts.model?.trim() || undefined;
    this.keepAlive = opts.keepAlive;
    this.modelOptions = opts.modelOptions;
    this.livenessTimeoutMs = opts.livenessTimeoutMs ?? 1000;
    this.cacheMs = opts.availabilityCacheMs ?? 3000;
    this.firstTokenTimeoutMs = opts.firstTokenTimeoutMs ?? 90_000;
    this.idleTimeoutMs = opts.idleTimeoutMs ?? 60_000;
  }

  get baseUrl(): string { return this.http.baseUrl; }

  /** Forgets the cached availability (after a failure, or when settings change). */
  invalidate(): void { this.cached = null; }

  async availability(signal?: AbortSignal): Promise<Availability> {
    if (this.cached && Date.now() - this.cached.at < this.cacheMs) return this.cached.value;
    if (!this.inflight || signal) {
      const p = this.checkAvailability(signal).then((value) => {
        this.cached = { at: Date.now(), value };
        return value;
      }).finally(() => { if (this.inflight === p) this.inflight = null; });
      if (!signal) this.inflight = p;
      return p;
    }
    return this.inflight;
  }

  private async checkAvailability(signal?: AbortSignal): Promise<Availability> {
    try {
      const [version, installed] = await Promise.all([
        this.models.version(signal, this.livenessTimeoutMs),
        this.models.list(signal, this.livenessTimeoutMs),
      ]);
      const names = new Set(installed.map((m) => normalizeModelName(m.name)));
      const model = chooseModel(this.configuredModel, names);
      if (model.ok) return { ok: true, model: model.name, version };
      return { ok: false, reason: model.reason, fix: model.fix };
    } catch (e) {
      if (e instanceof ProviderError) {
        if (e.kind === 'aborted') throw e;
        return { ok: false, reason: e.message, fix: e.fix ?? START_OLLAMA_FIX };
      }
      return { ok: false, reason: `Ollama check failed: ${e instanceof Error ? e.message : String(e)}`, fix: START_OLLAMA_FIX };
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
    try {
      await this.http.stream('/api/chat', body, {
        signal: req.signal,
        firstLineTimeoutMs: this.firstTokenTimeoutMs,
        idleTimeoutMs: this.idleTimeoutMs,
        model: req.model,
      }, (line) => {
        const msg = line.message as Json | undefined;
        const content = msg?.content;
        if (typeof content === 'string' && content !== '') onText(content);
        if (line.done === true) stats = statsOf(line);
      });
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

  async close(): Promise<void> { await this.http.close(); }
}

function chooseModel(configured: string | undefined, installed: Set<string>): { ok: true; name: string } | { ok: false; reason: string; fix: string } {
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
  const td = n('total_duration');
  if (td !== undefined) s.totalDurationNs = td;
  const ld = n('load_duration');
  if (ld !== undefined) s.loadDurationNs = ld;
  if (evalCount !== undefined && evalDuration !== undefined && evalDuration > 0) s.tokensPerSecond = (evalCount / evalDuration) * 1e9;
  return s;
}
