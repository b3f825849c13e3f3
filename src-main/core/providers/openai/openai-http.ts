// HTTP for an OpenAI-compatible server on undici: a JSON GET and a streamed POST, each with a deadline, the
// caller's abort passed to the socket, and connection failures turned into ProviderErrors a person can act on.
import { request, type Dispatcher } from 'undici';
import { ProviderError } from '../provider.js';
import { errorCode, networkFailure } from '../network-errors.js';

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
  switch (networkFailure(code)) {
    case 'unreachable':
      return new ProviderError('unreachable', `The OpenAI-compatible server is not reachable at ${baseUrl} (${code}).`, START_SERVER_FIX);
    case 'timeout':
      return new ProviderError(
        'timeout',
        `The server at ${baseUrl} stopped answering ${what} (${code}).`,
        "Ask again; if it keeps failing, read the server's log.",
      );
    case 'stream':
      return new ProviderError(
        'stream',
        `The connection to ${baseUrl} closed before ${what} finished (${code}).`,
        "Ask again; if it keeps failing, read the server's log.",
      );
    default:
      return new ProviderError('server', `The request ${what} to ${baseUrl} failed: ${e instanceof Error ? e.message : String(e)}`);
  }
}
