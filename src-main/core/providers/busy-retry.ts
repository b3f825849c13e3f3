// Waiting out a busy shared server (HTTP 503 from Ollama's full queue, or an OpenAI-compatible server's 503/429):
// retries with exponential backoff and jitter inside a stated time budget, telling the user what it is waiting
// for and for how long; a busy server is never reported as a dead one. The budget ends with an explanation.
import { ProviderError } from './provider.js';

export interface BusyPolicy {
  /** Longest total wait before giving up, in ms. */
  budgetMs: number;
  /** First delay's ceiling; doubles at each attempt up to capMs. */
  baseMs: number;
  capMs: number;
}

/** Two minutes: long enough for a classroom of thirty to be served two at a time by a small model. */
export const DEFAULT_BUSY_POLICY: BusyPolicy = { budgetMs: 120_000, baseMs: 500, capMs: 8_000 };

export interface WaitInfo {
  /** Time since the first attempt. */
  elapsedMs: number;
  /** Delay before the next attempt. */
  retryInMs: number;
  /** 1 for the first retry. */
  attempt: number;
}

export interface BusyRetryOptions {
  policy?: BusyPolicy;
  signal?: AbortSignal;
  /** True for the errors that mean "alive but busy". */
  isBusy: (e: unknown) => e is ProviderError;
  onWait?: (info: WaitInfo) => void;
  /** The error thrown when the budget is spent (the last busy error is passed in). */
  exhausted: (elapsedMs: number, last: ProviderError) => ProviderError;
  random?: () => number;
  now?: () => number;
}

/** "Equal jitter": half the exponential step, plus a random part of the other half; a Retry-After is a floor. */
export function backoffDelay(attempt: number, policy: BusyPolicy, random: () => number, retryAfterSeconds: number | null = null): number {
  const step = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  const jittered = step / 2 + random() * (step / 2);
  const floor = retryAfterSeconds !== null ? Math.min(retryAfterSeconds * 1000, policy.capMs) : 0;
  return Math.round(Math.max(jittered, floor));
}

export async function withBusyRetry<T>(run: () => Promise<T>, o: BusyRetryOptions): Promise<T> {
  const policy = o.policy ?? DEFAULT_BUSY_POLICY;
  const now = o.now ?? Date.now;
  const random = o.random ?? Math.random;
  const start = now();
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (e) {
      if (!o.isBusy(e)) throw e;
      const elapsed = now() - start;
      const delay = backoffDelay(attempt, policy, random, e.retryAfterSeconds);
      if (elapsed + delay > policy.budgetMs) throw o.exhausted(elapsed, e);
      o.onWait?.({ elapsedMs: elapsed, retryInMs: delay, attempt });
      await sleep(delay, o.signal);
    }
  }
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new ProviderError('aborted', 'Cancelled.'));
      return;
    }
    const onAbort = (): void => {
      clearTimeout(t);
      reject(new ProviderError('aborted', 'Cancelled.'));
    };
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** The "waiting for the server" line, in the question's language. */
export function waitNotice(host: string, info: WaitInfo, lang: 'en' | 'km' = 'en'): string {
  const s = Math.round(info.elapsedMs / 1000);
  const r = Math.max(1, Math.round(info.retryInMs / 1000));
  return lang === 'km'
    ? `កំពុងរង់ចាំម៉ាស៊ីនមេ ${host}៖ វាកំពុងរវល់ឆ្លើយអ្នកផ្សេង (${s} វិនាទីហើយ; នឹងសួរម្ដងទៀតក្នុង ${r} វិនាទី)។`
    : `Waiting for the server at ${host}: it is busy answering others (${s} s so far; asking again in ${r} s).`;
}

/** The explanation when the budget is spent. */
export function busyGaveUp(host: string, elapsedMs: number, lang: 'en' | 'km' = 'en'): string {
  const s = Math.round(elapsedMs / 1000);
  return lang === 'km'
    ? `ម៉ាស៊ីនមេ ${host} នៅតែរវល់អស់ ${s} វិនាទី (កន្លែងឆ្លើយ និងជួររង់ចាំរបស់វាពេញ)។`
    : `The server at ${host} stayed busy for ${s} s (all its answer slots and its queue were full).`;
}
