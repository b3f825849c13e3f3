// Gemini chat client (tier 'cloud'): streams POST /v1beta/models/{model}:streamGenerateContent?alt=sse.
// The key travels only in the x-goog-api-key header, never in a URL.
import { Agent, request, type Dispatcher } from 'undici';
import { ProviderError, type Availability, type ChatProvider, type ChatRequest, type ChatStats } from '../provider.js';
import { SseDecoder } from '../sse-decoder.js';
import { errorFromResponse, errorFromStream } from './gemini-errors.js';
import {
  BLOCKING_FINISH_REASONS,
  buildRequestBody,
  GEMINI_DEFAULT_BASE_URL,
  GEMINI_DEFAULT_MODEL,
  responseText,
  type GeminiResponse,
} from './gemini-wire.js';

export interface GeminiClientOptions {
  /** API base, e.g. https://generativelanguage.googleapis.com (KOOMPI_GEMINI_BASE_URL). */
  baseUrl?: string;
  /** Model name, or a function read at each request (settings can change). */
  model?: string | (() => string);
  /** Returns the key, or null when none is set. Called per request; never cached here. */
  getApiKey: () => string | null | undefined | Promise<string | null | undefined>;
  /** TCP connect timeout (default 5 s). */
  connectTimeoutMs?: number;
  /** Time to the response headers, i.e. until Gemini starts answering (default 60 s). */
  headersTimeoutMs?: number;
  /** Longest silence between two body chunks (default 60 s). */
  idleTimeoutMs?: number;
  dispatcher?: Dispatcher;
}

export interface GeminiClient extends ChatProvider {
  readonly tier: 'cloud';
  /** The model the next request will use. */
  model(): string;
  /** Closes the client's connection pool (only when it created it). */
  close(): Promise<void>;
}

const MAX_ERROR_BODY = 64 * 1024;
/** Gemini keys are printable ASCII without spaces (AIza… followed by letters, digits, '-' and '_'). */
const KEY_CHARS = /^[\x21-\x7e]+$/;

export function createGeminiClient(opts: GeminiClientOptions): GeminiClient {
  const base = (opts.baseUrl || GEMINI_DEFAULT_BASE_URL).replace(/\/+$/, '');
  const ownAgent = opts.dispatcher ? null : new Agent({ connect: { timeout: opts.connectTimeoutMs ?? 5_000 } });
  const dispatcher = opts.dispatcher ?? ownAgent!;
  const headersTimeout = opts.headersTimeoutMs ?? 60_000;
  const bodyTimeout = opts.idleTimeoutMs ?? 60_000;
  const modelName = (): string => {
    const m = typeof opts.model === 'function' ? opts.model() : opts.model;
    return m && m.trim() ? m.trim() : GEMINI_DEFAULT_MODEL;
  };
  const key = async (): Promise<string | null> => {
    const k = await opts.getApiKey();
    return k && k.trim() ? k.trim() : null;
  };

  async function availability(): Promise<Availability> {
    if (!(await key())) {
      return { ok: false, reason: 'No Gemini API key is set', fix: 'Set GEMINI_API_KEY, or add a key in Settings', kind: 'no-key' };
    }
    return { ok: true, model: modelName() };
  }

  async function chat(req: ChatRequest, onText: (text: string) => void): Promise<ChatStats> {
    const apiKey = await key();
    if (!apiKey) throw new ProviderError('auth', 'No Gemini API key is set', 'Set GEMINI_API_KEY, or add a key in Settings');
    if (!KEY_CHARS.test(apiKey)) {
      // Cannot go in a header (undici would refuse it as if the network failed); never repeat the key itself.
      throw new ProviderError(
        'auth',
        'The Gemini API key contains characters a key cannot have (a space, a line break or a non-Latin letter): it was probably pasted wrongly',
        'Copy the key again from https://aistudio.google.com/apikey and paste it in Settings, or export GEMINI_API_KEY=…',
      );
    }
    const model = req.model || modelName();
    const url = `${base}/v1beta/models/${encodeURIComponent(model)}:streamGenerateContent?alt=sse`;
    const started = Date.now();
    let res: Dispatcher.ResponseData;
    try {
      res = await request(url, {
        method: 'POST',
        dispatcher,
        headers: { 'content-type': 'application/json', accept: 'text/event-stream', 'x-goog-api-key': apiKey },
        body: JSON.stringify(buildRequestBody(req.system, req.messages)),
        signal: req.signal,
        headersTimeout,
        bodyTimeout,
      });
    } catch (e) {
      throw networkError(e, base, req.signal, false);
    }

    if (res.statusCode < 200 || res.statusCode >= 300) {
      const raw = await readCapped(res.body, MAX_ERROR_BODY).catch(() => '');
      throw errorFromResponse(res.statusCode, raw, res.headers, model);
    }

    const dec = new SseDecoder();
    let sawText = false;
    let finishReason: string | undefined;
    let evalCount: number | undefined;
    let promptCount: number | undefined;
    let firstTokenAt = 0;
    const handle = (data: string): void => {
      let ev: GeminiResponse;
      try {
        ev = JSON.parse(data) as GeminiResponse;
      } catch {
        throw new ProviderError('stream', 'Gemini sent a malformed event (not JSON)', 'Ask again.');
      }
      if (ev.error) throw errorFromStream(ev.error, model);
      const block = ev.promptFeedback?.blockReason;
      if (block) {
        throw new ProviderError(
          'blocked',
          `Gemini blocked the question (${block})${ev.promptFeedback?.blockReasonMessage ? ': ' + ev.promptFeedback.blockReasonMessage : ''}`,
          'Rephrase the question, or ask the local model (--offline).',
        );
      }
      const text = responseText(ev);
      if (text) {
        if (!sawText) firstTokenAt = Date.now();
        sawText = true;
        onText(text);
      }
      const fr = ev.candidates?.[0]?.finishReason;
      if (fr) {
        finishReason = fr;
        if (BLOCKING_FINISH_REASONS.has(fr)) {
          throw new ProviderError(
            'blocked',
            `Gemini stopped the answer (finish reason ${fr})`,
            'Rephrase the question, or ask the local model (--offline).',
          );
        }
      }
      if (ev.usageMetadata) {
        evalCount = ev.usageMetadata.candidatesTokenCount ?? evalCount;
        promptCount = ev.usageMetadata.promptTokenCount ?? promptCount;
      }
    };

    try {
      for await (const chunk of res.body) {
        for (const ev of dec.push(chunk as Uint8Array)) handle(ev.data);
      }
    } catch (e) {
      res.body.destroy();
      if (e instanceof ProviderError) throw e;
      throw networkError(e, base, req.signal, true);
    }
    const { truncated } = dec.end();
    if (truncated || finishReason === undefined) {
      throw new ProviderError('stream', 'The Gemini answer was cut off (the stream ended without a finish reason)', 'Ask again.');
    }
    const end = Date.now();
    const stats: ChatStats = { doneReason: finishReason.toLowerCase(), totalDurationNs: (end - started) * 1e6 };
    if (evalCount !== undefined) stats.evalCount = evalCount;
    if (promptCount !== undefined) stats.promptEvalCount = promptCount;
    if (evalCount && firstTokenAt && end > firstTokenAt) {
      stats.evalDurationNs = (end - firstTokenAt) * 1e6;
      stats.tokensPerSecond = evalCount / ((end - firstTokenAt) / 1000);
    }
    return stats;
  }

  return {
    tier: 'cloud',
    model: modelName,
    availability,
    chat,
    async close() {
      if (ownAgent) await ownAgent.close();
    },
  };
}

async function readCapped(body: Dispatcher.ResponseData['body'], max: number): Promise<string> {
  const parts: Buffer[] = [];
  let n = 0;
  for await (const c of body) {
    const b = c as Buffer;
    parts.push(b);
    n += b.length;
    if (n >= max) {
      body.destroy();
      break;
    }
  }
  return Buffer.concat(parts).toString('utf8').slice(0, max);
}

function networkError(e: unknown, base: string, signal: AbortSignal | undefined, midStream: boolean): ProviderError {
  if (signal?.aborted) return new ProviderError('aborted', 'Cancelled');
  const code = (e as { code?: string } | null)?.code ?? '';
  const msg = e instanceof Error ? e.message : String(e);
  if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_CONNECT_TIMEOUT') {
    return new ProviderError('timeout', `Gemini did not answer in time (${base})`, 'Check the network, then ask again.');
  }
  if (code === 'UND_ERR_BODY_TIMEOUT') {
    return new ProviderError('timeout', 'Gemini stopped sending mid-answer (no data in time)', 'Ask again.');
  }
  if (midStream) return new ProviderError('stream', `The Gemini answer was cut off: ${msg}`, 'Ask again.');
  if (['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'ECONNRESET'].includes(code)) {
    return new ProviderError(
      'unreachable',
      `Cannot reach Gemini at ${base} (${code})`,
      'Check the internet connection, or ask the local model (--offline).',
    );
  }
  return new ProviderError(
    'unreachable',
    `Cannot reach Gemini at ${base}: ${msg}`,
    'Check the internet connection, or ask the local model (--offline).',
  );
}
