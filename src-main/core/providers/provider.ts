// The contract every answering model (local Ollama, cloud Gemini) fulfils, and the errors it may raise.
import type { ChatMessage } from '../types.js';

export type ProviderErrorKind =
  | 'unreachable' // the server did not answer (connection refused, liveness timeout)
  | 'model-missing' // the model is not installed / not found
  | 'auth' // bad or missing key
  | 'quota' // rate limit or quota exhausted (429)
  | 'blocked' // the prompt or answer was blocked by a safety filter
  | 'server' // 5xx or an error object from the server
  | 'stream' // malformed or cut-off stream, or an error mid-stream
  | 'timeout' // no first token / no progress in time
  | 'aborted'; // cancelled by the user

export class ProviderError extends Error {
  constructor(
    readonly kind: ProviderErrorKind,
    message: string,
    /** What the user can do about it, e.g. "Run: koompi-ask models pull qwen2.5:1.5b". */
    readonly fix: string | null = null,
    /** Seconds the server asked us to wait (quota), when given. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
    this.name = 'ProviderError';
  }
}

export interface ChatRequest {
  model: string;
  system: string;
  messages: ChatMessage[];
  signal?: AbortSignal;
  /** Progress the user should see while no text comes yet (e.g. "waiting for the server: busy, 12 s so far"). */
  onNotice?: (message: string) => void;
  /** The question's language, for those notices. */
  lang?: 'en' | 'km';
}

export interface ChatStats {
  doneReason?: string;
  evalCount?: number;
  evalDurationNs?: number;
  promptEvalCount?: number;
  promptEvalDurationNs?: number;
  totalDurationNs?: number;
  loadDurationNs?: number;
  /** evalCount / evalDuration, when both are known. */
  tokensPerSecond?: number;
}

export type Availability =
  { ok: true; model: string; version?: string } | { ok: false; reason: string; fix: string; kind?: AvailabilityFailure };

/** Why availability() said no, for the router (never parsed out of the English reason). */
export type AvailabilityFailure = ProviderErrorKind | 'unavailable' | 'no-key';

export interface ChatProvider {
  readonly tier: 'local' | 'cloud';
  /** Quick check (about a second at most) that this provider can answer now, and with which model. */
  availability(signal?: AbortSignal): Promise<Availability>;
  /** Streams the answer's text through onText; resolves with stats; rejects with ProviderError. */
  chat(req: ChatRequest, onText: (text: string) => void): Promise<ChatStats>;
}
