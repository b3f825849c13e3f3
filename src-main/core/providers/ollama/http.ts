// HTTP layer for Ollama on undici: JSON calls and NDJSON streams with timeouts that fit, abort passed to the socket,
// and every failure turned into a ProviderError a person can act on.
import { Agent, request, type Dispatcher } from 'undici';
import { NdjsonDecoder } from '../ndjson-decoder.js';
import { ProviderError } from '../provider.js';
import { errorCode, networkFailure } from '../network-errors.js';
import { DEFAULT_OLLAMA_HOST } from './host.js';

export const START_OLLAMA_FIX = 'Start Ollama: sudo systemctl enable --now ollama';
export const pullFix = (model: string): string => `Run: koompi-ask models pull ${model}`;
/** For failures inside Ollama (runner crashed, out of memory, connection dropped): what a person can do next. */
export const OLLAMA_LOG_FIX = 'Ask again; if it keeps failing, read the Ollama log: journalctl -u ollama -e';

export interface OllamaHttpOptions {
  /** Base URL, already resolved (see resolveOllamaHost). */
  host?: string;
  /** TCP connect timeout; default 1 s on loopback, 3 s for a server on the network. */
  connectTimeoutMs?: number;
  /** Use this undici dispatcher instead of a private Agent (the caller then owns its lifetime). */
  dispatcher?: Dispatcher;
}

export interface CallOptions {
  signal?: AbortSignal;
  /** Deadline for the whole call (headers and body). */
  timeoutMs: number;
  /** The model the call is about: a 404 then becomes 'model-missing' with the pull command as the fix. */
  model?: string;
}

export interface StreamOptions {
  signal?: AbortSignal;
  /** Deadline until the first streamed line (a model may need a minute to load). */
  firstLineTimeoutMs: number;
  /** Longest silence allowed between two chunks once the stream runs. */
  idleTimeoutMs: number;
  model?: string;
  /** What to do about an {"error": …} line (default: ask again / read the Ollama log). */
  errorLineFix?: string;
}

type Json = Record<string, unknown>;

export class OllamaHttp {
  readonly baseUrl: string;
  private readonly dispatcher: Dispatcher;
  private readonly ownsDispatcher: boolean;

  constructor(opts: OllamaHttpOptions = {}) {
    this.baseUrl = (opts.host ?? DEFAULT_OLLAMA_HOST).replace(/\/+$/, '');
    if (opts.dispatcher) {
      this.dispatcher = opts.dispatcher;
      this.ownsDispatcher = false;
    } else {
      // A second on this machine; a server on the network (school Wi-Fi, thirty laptops at once) gets three.
      const local = /^https?:\/\/(127\.|localhost[:/]|\[::1\])/.test(this.baseUrl);
      this.dispatcher = new Agent({ connect: { timeout: opts.connectTimeoutMs ?? (local ? 1000 : 3000) }, keepAliveTimeout: 4000 });
      this.ownsDispatcher = true;
    }
  }

  /** Sends a request and returns the parsed JSON body ({} for an empty body). */
  async json<T = Json>(method: 'GET' | 'POST' | 'DELETE', path: string, body: unknown, opts: CallOptions): Promise<T> {
    const call = new CallControl(opts.signal, opts.timeoutMs);
    try {
      const res = await this.send(method, path, body, call.signal, opts.timeoutMs, opts.timeoutMs);
      const text = await res.body.text();
      if (res.statusCode >= 400) throw statusError(res.statusCode, text, opts.model, res.headers['retry-after'], this.baseUrl);
      if (text.trim() === '') return {} as T;
      try {
        return JSON.parse(text) as T;
      } catch {
        throw new ProviderError('server', `Ollama answered ${path} with something that is not JSON: ${JSON.stringify(text.slice(0, 120))}`);
      }
    } catch (e) {
      throw this.classify(e, call, path);
    } finally {
      call.dispose();
    }
  }

  /**
   * POSTs body and feeds each NDJSON line of the answer to onLine. An {"error": …} line becomes a ProviderError
   * ('stream'), after the lines before it were delivered. Resolves when the server ends the stream.
   */
  async stream(path: string, body: unknown, opts: StreamOptions, onLine: (line: Json) => void): Promise<void> {
    const call = new CallControl(opts.signal, opts.firstLineTimeoutMs);
    try {
      const res = await this.send('POST', path, body, call.signal, opts.firstLineTimeoutMs, opts.idleTimeoutMs);
      if (res.statusCode >= 400)
        throw statusError(res.statusCode, await res.body.text(), opts.model, res.headers['retry-after'], this.baseUrl);
      const decoder = new NdjsonDecoder('Ollama server');
      let first = true;
      const handle = (v: unknown): void => {
        if (first) {
          first = false;
          call.clearTimer();
        }
        if (v === null || typeof v !== 'object' || Array.isArray(v)) {
          throw new ProviderError('stream', `Ollama sent an unexpected line: ${JSON.stringify(v).slice(0, 120)}`);
        }
        const line = v as Json;
        if (typeof line.error === 'string' || (line.error !== undefined && line.error !== null)) {
          throw new ProviderError(
            'stream',
            `Ollama reported an error part way: ${String(line.error)}`,
            opts.errorLineFix ?? OLLAMA_LOG_FIX,
          );
        }
        onLine(line);
      };
      const resBody = res.body;
      await new Promise<void>((resolve, reject) => {
        const fail = (e: unknown): void => {
          resBody.destroy();
          reject(e);
        };
        resBody.on('data', (chunk: Buffer) => {
          try {
            decoder.push(chunk, handle);
          } catch (e) {
            fail(e);
          }
        });
        resBody.once('end', () => {
          try {
            decoder.end(handle);
            resolve();
          } catch (e) {
            fail(e);
          }
        });
        resBody.once('error', reject);
      });
    } catch (e) {
      throw this.classify(e, call, path);
    } finally {
      call.dispose();
    }
  }

  async close(): Promise<void> {
    if (this.ownsDispatcher) await this.dispatcher.destroy();
  }

  /** Refuses new calls and closes once the calls in flight have ended (each keeps its own timeouts). */
  async closeWhenIdle(): Promise<void> {
    if (this.ownsDispatcher) await this.dispatcher.close();
  }

  private send(
    method: string,
    path: string,
    body: unknown,
    signal: AbortSignal,
    headersTimeout: number,
    bodyTimeout: number,
  ): Promise<Dispatcher.ResponseData> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    return request(`${this.baseUrl}${path}`, {
      method: method as Dispatcher.HttpMethod,
      dispatcher: this.dispatcher,
      headers:
        payload === undefined
          ? { accept: 'application/json' }
          : { 'content-type': 'application/json', accept: 'application/x-ndjson, application/json' },
      body: payload,
      signal,
      headersTimeout: headersTimeout + 1000, // our own timer fires first and gives the clearer message
      bodyTimeout,
    });
  }

  private classify(e: unknown, call: CallControl, path: string): ProviderError {
    if (call.userAborted) return new ProviderError('aborted', 'Cancelled.');
    if (call.timedOut) {
      return new ProviderError(
        'timeout',
        `Ollama at ${this.baseUrl} did not answer ${path} within ${Math.round(call.timeoutMs / 100) / 10} s.`,
        START_OLLAMA_FIX,
      );
    }
    if (e instanceof ProviderError) return e;
    const code = errorCode(e);
    switch (networkFailure(code)) {
      case 'unreachable':
        return new ProviderError('unreachable', `Ollama is not reachable at ${this.baseUrl} (${code}).`, START_OLLAMA_FIX);
      case 'timeout':
        return new ProviderError('timeout', `Ollama at ${this.baseUrl} stopped answering ${path} (${code}).`, OLLAMA_LOG_FIX);
      case 'stream':
        return new ProviderError('stream', `The connection to Ollama closed before ${path} finished (${code}).`, OLLAMA_LOG_FIX);
      default:
        return new ProviderError('server', `Ollama request ${path} failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
}

/** One call's cancellation: the caller's signal, plus a deadline timer, on one internal AbortController. */
class CallControl {
  private readonly ctl = new AbortController();
  private timer: NodeJS.Timeout | undefined;
  userAborted = false;
  timedOut = false;
  private readonly onAbort = (): void => {
    this.userAborted = true;
    this.ctl.abort(new ProviderError('aborted', 'Cancelled.'));
  };

  constructor(
    private readonly user: AbortSignal | undefined,
    readonly timeoutMs: number,
  ) {
    if (user?.aborted) this.onAbort();
    else user?.addEventListener('abort', this.onAbort, { once: true });
    this.timer = setTimeout(() => {
      this.timedOut = true;
      this.ctl.abort(new ProviderError('timeout', 'timed out'));
    }, timeoutMs);
  }

  get signal(): AbortSignal {
    return this.ctl.signal;
  }

  clearTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  dispose(): void {
    this.clearTimer();
    this.user?.removeEventListener('abort', this.onAbort);
  }
}

/** What to do when a shared server stays busy: wait, or make the server take more at once. */
export const BUSY_FIX =
  'Ask again in a minute. On the server: raise OLLAMA_NUM_PARALLEL and OLLAMA_MAX_QUEUE, or serve the classroom with vLLM (KOOMPI_OPENAI_BASE_URL).';

/**
 * HTTP 503 from Ollama: every answer slot is taken and its queue (OLLAMA_MAX_QUEUE) is full ("server busy, please
 * try again. maximum pending requests exceeded"). The server is alive: the caller waits and asks again.
 */
export class ServerBusyError extends ProviderError {
  readonly busy = true;
  constructor(message: string, retryAfterSeconds: number | null) {
    super('server', message, BUSY_FIX, retryAfterSeconds);
  }
}

/** Retry-After as seconds (delta-seconds or an HTTP date), or null. */
export function parseRetryAfter(value: string | string[] | undefined, now = Date.now()): number | null {
  const v = Array.isArray(value) ? value[0] : value;
  if (!v) return null;
  if (/^\d+$/.test(v.trim())) return Number(v.trim());
  const t = Date.parse(v);
  return Number.isNaN(t) ? null : Math.max(0, Math.round((t - now) / 1000));
}

/** Ollama error bodies look like {"error":"model 'x' not found"}. */
export function statusError(
  status: number,
  bodyText: string,
  model?: string,
  retryAfter?: string | string[],
  baseUrl?: string,
): ProviderError {
  let message = bodyText.trim().slice(0, 300);
  try {
    const parsed = JSON.parse(bodyText) as { error?: unknown };
    if (typeof parsed.error === 'string') message = parsed.error;
  } catch {
    /* not JSON: keep the text */
  }
  if (status === 404) {
    const name = model ?? /model ['"]?([^'"\s]+)['"]? not found/.exec(message)?.[1];
    return new ProviderError('model-missing', `Ollama: ${message || 'not found'}`, name ? pullFix(name) : 'Run: koompi-ask models list');
  }
  if (status === 503) {
    return new ServerBusyError(`Ollama${baseUrl ? ` at ${baseUrl}` : ''} is busy: ${message || 'HTTP 503'}`, parseRetryAfter(retryAfter));
  }
  return new ProviderError('server', `Ollama answered HTTP ${status}: ${message || '(no message)'}`, status >= 500 ? OLLAMA_LOG_FIX : null);
}
