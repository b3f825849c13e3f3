// HTTP for an OpenAI-compatible server on undici: a JSON GET and a streamed POST, each with a deadline, the
// caller's abort passed to the socket, and connection failures turned into ProviderErrors a person can act on.
import { request, type Dispatcher } from 'undici';
import { ProviderError } from '../provider.js';

export const START_SERVER_FIX = 'Check that the server is running and the address is right: koompi-ask config get openaiBaseUrl';

export interface CallControl {
  signal: AbortSignal;
  timedOut(): boolean;
  userAborted(): boolean;
  clearTimer(): void;
  dispose(): void;
}

/** The caller's signal plus a deadline on one AbortController. */
export function callControl(user: AbortSignal | undefined, timeoutMs: number): CallControl {
  const ctl = new AbortController();
  let timedOut = false;
  let aborted = false;
  const onAbort = (): void => {
    aborted = true;
    ctl.abort();
  };
  if (user?.aborted) onAbort();
  else user?.addEventListener('abort', onAbort, { once: true });
  let timer: NodeJS.Timeout | undefined = setTimeout(() => {
    timedOut = true;
    ctl.abort();
  }, timeoutMs);
  const clearTimer = (): void => {
    if (timer) clearTimeout(timer);
    timer = undefined;
  };
  return {
    signal: ctl.signal,
    timedOut: () => timedOut,
    userAborted: () => aborted,
    clearTimer,
    dispose: () => {
      clearTimer();
      user?.removeEventListener('abort', onAbort);
    },
  };
}

export function send(
  dispatcher: Dispatcher,
  url: string,
  init: {
    method: 'GET' | 'POST';
    headers: Record<string, string>;
    body?: string;
    signal: AbortSignal;
    headersTimeout: number;
    bodyTimeout: number;
  },
): Promise<Dispatcher.ResponseData> {
  return request(url, { ...init, dispatcher, headersTimeout: init.headersTimeout + 1000 });
}

function errorCode(e: unknown): string {
  let cur: unknown = e;
  for (let depth = 0; depth < 4 && cur && typeof cur === 'object'; depth++) {
    const c = (cur as { code?: unknown }).code;
    if (typeof c === 'string') return c;
    const errors = (cur as { errors?: unknown }).errors;
    if (Array.isArray(errors) && errors.length > 0) {
      cur = errors[0];
      continue;
    }
    cur = (cur as { cause?: unknown }).cause;
  }
  return 'unknown';
}

export function classify(e: unknown, call: CallControl, baseUrl: string, what: string, timeoutMs: number): ProviderError {
  if (call.userAborted()) return new ProviderError('aborted', 'Cancelled.');
  if (call.timedOut())
    return new ProviderError(
      'timeout',
      `The server at ${baseUrl} did not answer ${what} within ${Math.round(timeoutMs / 100) / 10} s.`,
      START_SERVER_FIX,
    );
  if (e instanceof ProviderError) return e;
  const code = errorCode(e);
  switch (code) {
    case 'ECONNREFUSED':
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'EADDRNOTAVAIL':
    case 'UND_ERR_CONNECT_TIMEOUT':
      return new ProviderError('unreachable', `The OpenAI-compatible server is not reachable at ${baseUrl} (${code}).`, START_SERVER_FIX);
    case 'UND_ERR_HEADERS_TIMEOUT':
    case 'UND_ERR_BODY_TIMEOUT':
      return new ProviderError(
        'timeout',
        `The server at ${baseUrl} stopped answering ${what} (${code}).`,
        "Ask again; if it keeps failing, read the server's log.",
      );
    case 'UND_ERR_SOCKET':
    case 'ECONNRESET':
    case 'EPIPE':
    case 'UND_ERR_RES_CONTENT_LENGTH_MISMATCH':
    case 'ERR_STREAM_PREMATURE_CLOSE':
      return new ProviderError(
        'stream',
        `The connection to ${baseUrl} closed before ${what} finished (${code}).`,
        "Ask again; if it keeps failing, read the server's log.",
      );
    default:
      return new ProviderError('server', `The request ${what} to ${baseUrl} failed: ${e instanceof Error ? e.message : String(e)}`);
  }
}
