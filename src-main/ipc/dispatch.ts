// Turns a table of handlers into one validated entry point: unknown channels are refused, payloads are
// parsed with the main-only zod schemas, thrown errors travel back as data with a kind and one readable line.
import { isChannel, type Envelope, type IpcFailure } from './channels.js';
import { parseRequest } from './schemas.js';
import type { Handlers } from '../core/service/ports.js';

export type Dispatch = (channel: string, payload: unknown) => Promise<Envelope<unknown>>;

const fail = (error: IpcFailure): Envelope<never> => ({ ok: false, error });

/** Handlers may cover only part of the channels (e.g. the core ones); the rest answer 'unavailable'. */
export function createDispatcher(handlers: Partial<Handlers>, opts: { onError?: (channel: string, err: unknown) => void } = {}): Dispatch {
  return async (channel, payload) => {
    if (!isChannel(channel))
      return fail({ kind: 'unknown-channel', message: `Unknown channel ${JSON.stringify(String(channel)).slice(0, 120)}` });
    const parsed = parseRequest(channel, payload);
    if (!parsed.ok) return fail(parsed.error);
    const handler = handlers[channel] as ((req: unknown) => Promise<unknown>) | undefined;
    if (!handler) return fail({ kind: 'unavailable', message: `${channel} is not available here.` });
    try {
      const value = await handler(parsed.value);
      return { ok: true, value };
    } catch (err) {
      opts.onError?.(channel, err);
      return fail({ kind: 'failed', message: readableError(err) });
    }
  };
}

/** One line a person can read: the error's message, never its stack. */
function readableError(err: unknown): string {
  const raw = err instanceof Error ? err.message : typeof err === 'string' ? err : 'Something went wrong.';
  const line = raw.split('\n')[0]?.trim() || 'Something went wrong.';
  return line.length > 500 ? line.slice(0, 499) + '…' : line;
}
