// Turns a table of handlers into one validated entry point: unknown channels are refused, payloads
// are parsed with the contract's zod schemas, thrown errors travel back as readable messages (no stacks).
import { CHANNELS, parseRequest, type Channel, type Envelope } from './contract.js';
import type { Handlers } from '../core/service/ports.js';

export type Dispatch = (channel: string, payload: unknown) => Promise<Envelope<unknown>>;

const KNOWN = new Set<string>(CHANNELS);

export function isChannel(channel: unknown): channel is Channel {
  return typeof channel === 'string' && KNOWN.has(channel);
}

/** Handlers may cover only part of the channels (e.g. the core ones); the rest answer "not available". */
export function createDispatcher(handlers: Partial<Handlers>, opts: { onError?: (channel: string, err: unknown) => void } = {}): Dispatch {
  return async (channel, payload) => {
    if (!isChannel(channel)) return { ok: false, error: `Unknown channel ${JSON.stringify(String(channel)).slice(0, 120)}` };
    const parsed = parseRequest(channel, payload);
    if (!parsed.ok) return { ok: false, error: parsed.error };
    const handler = handlers[channel] as ((req: unknown) => Promise<unknown>) | undefined;
    if (!handler) return { ok: false, error: `${channel} is not available here.` };
    try {
      const value = await handler(parsed.value);
      return { ok: true, value };
    } catch (err) {
      opts.onError?.(channel, err);
      return { ok: false, error: readableError(err) };
    }
  };
}

/** One line a person can read: the error's message, never its stack. */
export function readableError(err: unknown): string {
  const raw = err instanceof Error ? err.message : typeof err === 'string' ? err : 'Something went wrong.';
  const line = raw.split('\n')[0]?.trim() || 'Something went wrong.';
  return line.length > 500 ? line.slice(0, 499) + '…' : line;
}
