// The local tier through an OpenAI-compatible server (llama.cpp's llama-server, vLLM, LM Studio, LocalAI):
// GET {base}/models for the liveness check and the model, streamed POST {base}/chat/completions (SSE, ending
// with `data: [DONE]`). Same ChatProvider contract as Ollama: deadlines on every call, a busy server (503/429)
// waited out with backoff, errors with their fix. The key (optional) goes in the Authorization header only.
import { Agent, type Dispatcher } from 'undici';
import { ProviderError, type Availability, type ChatProvider, type ChatRequest, type ChatStats } from '../provider.js';
import { SseDecoder } from '../sse-decoder.js';
import { busyGaveUp, DEFAULT_BUSY_POLICY, waitNotice, withBusyRetry, type BusyPolicy } from '../busy-retry.js';
import { errorMessage, OpenAIBusyError, openaiStatusError } from './openai-errors.js';
import { callControl, classify, send, START_SERVER_FIX } from './openai-http.js';

export interface OpenAIProviderOptions {
  /** e.g. http://school-server:8000/v1 (KOOMPI_OPENAI_BASE_URL or the openaiBaseUrl setting). */
  baseUrl: string;
  /** Called per request; null/empty = no Authorization header (most local servers want none). */
  getApiKey?: () => string | null | undefined | Promise<string | null | undefined>;
  /** The model to ask; unset = the first one /models lists. */
  model?: string;
  connectTimeoutMs?: number;
  /** Liveness (/models) deadline. Default 1500 ms (a LAN server). */
  livenessTimeoutMs?: number;
  availabilityCacheMs?: number;
  /** Until the first streamed event (prompt processing and queueing included). Default 90 s. */
  firstTokenTimeoutMs?: number;
  /** Longest silence between two events. Default 60 s. */
  idleTimeoutMs?: number;
  busyPolicy?: BusyPolicy;
  random?: () => number;
  dispatcher?: Dispatcher;
}

type Json = Record<string, unknown>;
const MAX_ERROR_BODY = 64 * 1024;

export class OpenAICompatProvider implements ChatProvider {
  readonly tier = 'local' as const;
  readonly baseUrl: string;
  private readonly dispatcher: Dispatcher;
  private readonly ownAgent: Agent | null;
  private readonly configuredModel: string | undefined;
  private lastModel: string | null = null;
  private cached: { at: number; value: Availability } | null = null;

  constructor(private readonly opts: OpenAIProviderOptions) {
    this.baseUrl = opts.baseUrl.trim().replace(/\/+$/, '');
    this.ownAgent = opts.dispatcher ? null : new Agent({ connect: { timeout: opts.connectTimeoutMs ?? 2000 }, keepAliveTimeout: 4000 });
    this.dispatcher = opts.dispatcher ?? this.ownAgent!;
    this.configuredModel = opts.model?.trim() || undefined;
  }

  private async headers(json: boolean): Promise<Record<string, string>> {
    const h: Record<string, string> = { accept: json ? 'application/json' : 'text/event-stream' };
    if (json === false) h['content-type'] = 'application/json';
    const k = (await this.opts.getApiKey?.())?.trim();
    if (k) h.authorization = `Bearer ${k}`;
    return h;
  }

  /** The ids /models lists (throws ProviderError). */
  async listModels(signal?: AbortSignal, timeoutMs = this.opts.livenessTimeoutMs ?? 1500): Promise<string[]> {
    const call = callControl(signal, timeoutMs);
    try {
      const res = await send(this.dispatcher, `${this.baseUrl}/models`, {
        method: 'GET',
        headers: await this.headers(true),
        signal: call.signal,
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
      });
      const text = await res.body.text();
      if (res.statusCode >= 400) throw openaiStatusError(res.statusCode, text, this.baseUrl, undefined, res.headers['retry-after']);
      let j: { data?: unknown };
      try {
        j = JSON.parse(text) as { data?: unknown };
      } catch {
        throw new ProviderError(
          'unreachable',
          `${this.baseUrl}/models did not answer with JSON: is this an OpenAI-compatible API?`,
          'Check the address: it usually ends in /v1',
        );
      }
      if (!Array.isArray(j.data))
        throw new ProviderError(
          'unreachable',
          `${this.baseUrl}/models has no "data" list: is this an OpenAI-compatible API?`,
          'Check the address: it usually ends in /v1',
        );
      return j.data
        .map((m) => (m && typeof m === 'object' ? (m as { id?: unknown }).id : null))
        .filter((id): id is string => typeof id === 'string' && id !== '');
    } catch (e) {
      throw classify(e, call, this.baseUrl, '/models', timeoutMs);
    } finally {
      call.dispose();
    }
  }

  invalidate(): void {
    this.cached = null;
  }

  async availability(signal?: AbortSignal): Promise<Availability> {
    if (this.cached && Date.now() - this.cached.at < (this.opts.availabilityCacheMs ?? 3000)) return this.cached.value;
    const value = await this.check(signal);
    this.cached = { at: Date.now(), value };
    return value;
  }

  private async check(signal?: AbortSignal): Promise<Availability> {
    try {
      const ids = await this.listModels(signal);
      if (ids.length === 0)
        return {
          ok: false,
          reason: `The server at ${this.baseUrl} lists no model.`,
          fix: 'Load a model on the server (llama-server -m FILE, vllm serve NAME, or load one in LM Studio).',
          kind: 'model-missing',
        };
      if (this.configuredModel) {
        if (ids.includes(this.configuredModel)) {
          this.lastModel = this.configuredModel;
          return { ok: true, model: this.configuredModel };
        }
        return {
          ok: false,
          reason: `The server at ${this.baseUrl} has no model ${this.configuredModel} (it has: ${ids.slice(0, 5).join(', ')}).`,
          fix: `Run: koompi-ask config set openaiModel ${ids[0]}`,
          kind: 'model-missing',
        };
      }
      this.lastModel = ids[0]!;
      return { ok: true, model: ids[0]! };
    } catch (e) {
      if (!(e instanceof ProviderError)) return { ok: false, reason: String(e), fix: START_SERVER_FIX, kind: 'unavailable' };
      if (e.kind === 'aborted') throw e;
      // Busy (503 while loading or without a free slot, 429) is alive: chat() waits it out, with the model known
      // from before (or the configured one). A server that never answers stays unavailable (it may be stuck).
      const known = this.configuredModel ?? this.lastModel;
      if (e instanceof OpenAIBusyError && known) return { ok: true, model: known };
      return { ok: false, reason: e.message, fix: e.fix ?? START_SERVER_FIX, kind: e.kind };
    }
  }

  async chat(req: ChatRequest, onText: (text: string) => void): Promise<ChatStats> {
    const messages: Array<{ role: string; content: string }> = [];
    if (req.system) messages.push({ role: 'system', content: req.system });
    for (const m of req.messages) messages.push({ role: m.role, content: m.content });
    const body = JSON.stringify({ model: req.model, messages, stream: true });
    let delivered = false;
    const lang = /[\u1780-\u17ff]/.test(req.messages[req.messages.length - 1]?.content ?? '') ? 'km' : 'en';
    try {
      return await withBusyRetry(
        () =>
          this.stream(body, req, (t) => {
            delivered = true;
            onText(t);
          }),
        {
          policy: this.opts.busyPolicy ?? DEFAULT_BUSY_POLICY,
          random: this.opts.random ?? Math.random,
          ...(req.signal ? { signal: req.signal } : {}),
          isBusy: (e): e is ProviderError => e instanceof OpenAIBusyError && !delivered,
          onWait: (info) => req.onNotice?.(waitNotice(this.baseUrl, info, lang)),
          exhausted: (elapsed, last) => new ProviderError('server', `${busyGaveUp(this.baseUrl, elapsed, lang)} ${last.message}`, last.fix),
        },
      );
    } catch (e) {
      this.invalidate();
      throw e;
    }
  }

  private async stream(body: string, req: ChatRequest, onText: (t: string) => void): Promise<ChatStats> {
    const first = this.opts.firstTokenTimeoutMs ?? 90_000;
    const idle = this.opts.idleTimeoutMs ?? 60_000;
    const call = callControl(req.signal, first);
    try {
      const res = await send(this.dispatcher, `${this.baseUrl}/chat/completions`, {
        method: 'POST',
        headers: await this.headers(false),
        body,
        signal: call.signal,
        headersTimeout: first,
        bodyTimeout: idle,
      });
      if (res.statusCode >= 400) {
        const text = (await res.body.text()).slice(0, MAX_ERROR_BODY);
        throw openaiStatusError(res.statusCode, text, this.baseUrl, req.model, res.headers['retry-after']);
      }
      const decoder = new SseDecoder();
      const stats: ChatStats = {};
      let done = false;
      let finished = false;
      let firstEvent = true;
      const handle = (data: string): void => {
        if (firstEvent) {
          firstEvent = false;
          call.clearTimer();
        }
        if (done) return;
        if (data === '[DONE]') {
          done = true;
          return;
        }
        let ev: Json;
        try {
          ev = JSON.parse(data) as Json;
        } catch {
          throw new ProviderError('stream', `The server sent an event that is not JSON: ${JSON.stringify(data.slice(0, 120))}`);
        }
        if (ev.error !== undefined && ev.error !== null) {
          throw new ProviderError(
            'stream',
            `The server reported an error part way: ${errorMessage(JSON.stringify(ev))}`,
            "Ask again; if it keeps failing, read the server's log.",
          );
        }
        const choice = Array.isArray(ev.choices) ? (ev.choices[0] as Json | undefined) : undefined;
        const delta = choice?.delta as Json | undefined;
        if (typeof delta?.content === 'string' && delta.content !== '') onText(delta.content);
        if (typeof choice?.finish_reason === 'string') {
          finished = true;
          stats.doneReason = choice.finish_reason;
        }
        const usage = ev.usage as Json | undefined | null;
        if (usage && typeof usage.completion_tokens === 'number') stats.evalCount = usage.completion_tokens;
        if (usage && typeof usage.prompt_tokens === 'number') stats.promptEvalCount = usage.prompt_tokens;
      };
      const resBody = res.body;
      await new Promise<void>((resolve, reject) => {
        const fail = (e: unknown): void => {
          resBody.destroy();
          reject(e);
        };
        resBody.on('data', (chunk: Buffer) => {
          try {
            for (const e of decoder.push(chunk)) handle(e.data);
          } catch (e) {
            fail(e);
          }
        });
        resBody.once('end', () => {
          decoder.end();
          resolve();
        });
        resBody.once('error', reject);
      });
      // [DONE] ends a stream; some servers stop after the finish_reason event without it, which is a whole answer too.
      if (!done && !finished)
        throw new ProviderError(
          'stream',
          `The answer from ${this.baseUrl} was cut off before it finished.`,
          "Ask again; if it keeps failing, read the server's log.",
        );
      return stats;
    } catch (e) {
      throw classify(e, call, this.baseUrl, '/chat/completions', first);
    } finally {
      call.dispose();
    }
  }

  async close(): Promise<void> {
    await this.ownAgent?.destroy();
  }

  /** Lets calls in flight finish, then closes (a client replaced by new settings). */
  async retire(): Promise<void> {
    await this.ownAgent?.close();
  }
}
