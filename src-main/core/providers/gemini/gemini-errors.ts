// Turns Gemini HTTP failures and in-stream error objects into ProviderErrors with a message and a fix.
import { ProviderError } from '../provider.js';
import { parseRetryAfter, parseRpcDuration, type GeminiErrorBody } from './gemini-wire.js';

export const AUTH_MESSAGE = 'Gemini rejected the API key; set a new one in Settings or GEMINI_API_KEY';
export const AUTH_FIX = 'Create a key at https://aistudio.google.com/apikey, then set it in Settings or export GEMINI_API_KEY=…';

/** Reads `{"error": {...}}` out of a response body, tolerating anything else. */
export function parseErrorBody(raw: string): GeminiErrorBody | null {
  try {
    const v = JSON.parse(raw) as unknown;
    // Some proxies wrap the error object in an array.
    const obj = Array.isArray(v) ? v[0] : v;
    if (obj && typeof obj === 'object' && 'error' in obj) {
      const e = (obj as { error: unknown }).error;
      if (e && typeof e === 'object') return e as GeminiErrorBody;
    }
  } catch {
    /* not JSON */
  }
  return null;
}

function retryDelayOf(err: GeminiErrorBody | null): number | null {
  for (const d of err?.details ?? []) {
    if (typeof d['@type'] === 'string' && d['@type'].endsWith('google.rpc.RetryInfo')) {
      const s = parseRpcDuration(d.retryDelay);
      if (s !== null) return s;
    }
  }
  return null;
}

function isKeyProblem(err: GeminiErrorBody | null): boolean {
  if (!err) return false;
  if (err.details?.some((d) => d.reason === 'API_KEY_INVALID' || d.reason === 'API_KEY_SERVICE_BLOCKED')) return true;
  return /api key/i.test(err.message ?? '');
}

function short(s: string | undefined, max = 300): string {
  if (!s) return '';
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > max ? one.slice(0, max) + '…' : one;
}

/** Maps a non-2xx response to a ProviderError. */
export function errorFromResponse(
  status: number,
  rawBody: string,
  headers: Record<string, string | string[] | undefined>,
  model: string,
): ProviderError {
  const err = parseErrorBody(rawBody);
  const detail = short(err?.message) || short(rawBody, 200);
  if (status === 401 || status === 403 || (status === 400 && isKeyProblem(err))) {
    return new ProviderError('auth', AUTH_MESSAGE + (detail ? ` (${detail})` : ''), AUTH_FIX);
  }
  if (status === 429) {
    const secs = retryDelayOf(err) ?? parseRetryAfter(headers['retry-after']);
    const when = secs !== null ? ` Try again in ${secs} s.` : ' Try again later.';
    return new ProviderError(
      'quota',
      `Gemini quota or rate limit reached (429${err?.status ? ' ' + err.status : ''}).${when}`,
      'Wait and ask again, use the local model (--offline), or raise the quota in Google AI Studio.',
      secs,
    );
  }
  if (status === 404) {
    return new ProviderError(
      'model-missing',
      `Gemini has no model "${model}"${detail ? ` (${detail})` : ''}`,
      'Pick another Gemini model in Settings or set KOOMPI_GEMINI_MODEL (for example gemini-3.5-flash).',
    );
  }
  if (status >= 500) {
    return new ProviderError(
      'server',
      `Gemini server error ${status}${err?.status ? ' ' + err.status : ''}${detail ? `: ${detail}` : ''}`,
      "This is on Google's side; try again in a minute, or use the local model (--offline).",
    );
  }
  return new ProviderError(
    'server',
    `Gemini refused the request (${status}${err?.status ? ' ' + err.status : ''})${detail ? `: ${detail}` : ''}`,
  );
}

/** Maps an error object that arrived inside an SSE stream. */
export function errorFromStream(err: GeminiErrorBody, model: string): ProviderError {
  const code = typeof err.code === 'number' ? err.code : 0;
  if (code === 429 || code === 401 || code === 403 || code === 404 || (code === 400 && isKeyProblem(err))) {
    return errorFromResponse(code, JSON.stringify({ error: err }), {}, model);
  }
  return new ProviderError(
    'stream',
    `Gemini stopped with an error mid-answer${code ? ` (${code}${err.status ? ' ' + err.status : ''})` : ''}${err.message ? `: ${short(err.message)}` : ''}`,
    'Ask again; the partial answer above is incomplete.',
  );
}
