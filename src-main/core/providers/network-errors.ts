// What a failed HTTP call to a model server means, from the error's code: shared by the Ollama and the
// OpenAI-compatible clients, which word the message and the fix for their own server.

/** The error's code (ECONNREFUSED, UND_ERR_SOCKET, …), looked for through `cause` and AggregateError's `errors`. */
export function errorCode(e: unknown): string {
  let cur: unknown = e;
  for (let depth = 0; depth < 4 && cur && typeof cur === 'object'; depth++) {
    const c = (cur as { code?: unknown }).code;
    if (typeof c === 'string') return c;
    const errors = (cur as { errors?: unknown }).errors; // AggregateError from happy-eyeballs connects
    if (Array.isArray(errors) && errors.length > 0) {
      cur = errors[0];
      continue;
    }
    cur = (cur as { cause?: unknown }).cause;
  }
  return 'unknown';
}

/** unreachable: nothing answers there; timeout: it stopped answering; stream: the connection closed mid-answer. */
export type NetworkFailure = 'unreachable' | 'timeout' | 'stream' | 'other';

const FAILURE_OF: Readonly<Record<string, NetworkFailure>> = {
  ECONNREFUSED: 'unreachable',
  ENOTFOUND: 'unreachable',
  EAI_AGAIN: 'unreachable',
  EHOSTUNREACH: 'unreachable',
  ENETUNREACH: 'unreachable',
  EADDRNOTAVAIL: 'unreachable',
  UND_ERR_CONNECT_TIMEOUT: 'unreachable',
  UND_ERR_HEADERS_TIMEOUT: 'timeout',
  UND_ERR_BODY_TIMEOUT: 'timeout',
  UND_ERR_SOCKET: 'stream',
  ECONNRESET: 'stream',
  EPIPE: 'stream',
  UND_ERR_RES_CONTENT_LENGTH_MISMATCH: 'stream',
  ERR_STREAM_PREMATURE_CLOSE: 'stream',
};

export function networkFailure(code: string): NetworkFailure {
  return Object.hasOwn(FAILURE_OF, code) ? FAILURE_OF[code]! : 'other';
}
