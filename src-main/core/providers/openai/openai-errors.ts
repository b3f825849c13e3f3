// What an OpenAI-compatible server's HTTP errors mean for a person, with the fix. Bodies follow the OpenAI shape
// {"error": {"message", "type", "code"}} (llama.cpp's llama-server, vLLM, LM Studio and LocalAI all use it).
import { ProviderError } from '../provider.js';
import { BUSY_FIX, parseRetryAfter } from '../ollama/http.js';

export const SET_OPENAI_KEY_FIX = 'Run: koompi-ask config set-key openai (or set KOOMPI_OPENAI_API_KEY)';

/** 503 "loading model" / "no slot available", or 429: alive but busy; the caller waits and asks again. */
export class OpenAIBusyError extends ProviderError {
  readonly busy = true;
  constructor(message: string, retryAfterSeconds: number | null) {
    super('server', message, BUSY_FIX, retryAfterSeconds);
  }
}

/** The server's own message from an error body, or the text itself. */
export function errorMessage(bodyText: string): string {
  try {
    const j = JSON.parse(bodyText) as { error?: unknown; message?: unknown; detail?: unknown };
    if (j.error && typeof j.error === 'object' && typeof (j.error as { message?: unknown }).message === 'string')
      return (j.error as { message: string }).message;
    if (typeof j.error === 'string') return j.error;
    if (typeof j.message === 'string') return j.message;
    if (typeof j.detail === 'string') return j.detail;
  } catch {
    /* not JSON */
  }
  return bodyText.trim().slice(0, 300);
}

export function openaiStatusError(
  status: number,
  bodyText: string,
  baseUrl: string,
  model: string | undefined,
  retryAfter?: string | string[],
): ProviderError {
  const msg = errorMessage(bodyText) || `HTTP ${status}`;
  if (status === 401 || status === 403) {
    return new ProviderError('auth', `The server at ${baseUrl} refused the key (HTTP ${status}: ${msg}).`, SET_OPENAI_KEY_FIX);
  }
  if (status === 404) {
    if (model && /model/i.test(msg)) {
      return new ProviderError(
        'model-missing',
        `The server at ${baseUrl} has no model ${model} (${msg}).`,
        `Pick one it lists: koompi-ask config set openaiModel NAME (names: curl ${baseUrl}/models)`,
      );
    }
    return new ProviderError(
      'unreachable',
      `${baseUrl} does not answer like an OpenAI-compatible API (HTTP 404: ${msg}).`,
      'Check the address: it usually ends in /v1, e.g. koompi-ask config set openaiBaseUrl http://school-server:8000/v1',
    );
  }
  if (status === 429 || status === 503) {
    return new OpenAIBusyError(`The server at ${baseUrl} is busy (HTTP ${status}: ${msg}).`, parseRetryAfter(retryAfter));
  }
  return new ProviderError(
    'server',
    `The server at ${baseUrl} answered HTTP ${status}: ${msg}`,
    status >= 500 ? "Ask again; if it keeps failing, read the server's log." : null,
  );
}
