// Protocol double of the Gemini API (v1beta generateContent / streamGenerateContent) on 127.0.0.1, port 0.
// Built from ai.google.dev/api/generate-content and the troubleshooting page's error table: SSE events are
// `data: <GenerateContentResponse JSON>` separated by blank lines (CRLF, as Google sends them); errors are
// `{"error":{"code","message","status","details"}}`. The key is accepted from the x-goog-api-key header (or
// ?key=, as the real API does) and every request is recorded so tests can check where the key travelled.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { seededRng } from './seeded-rng.js';

export type GeminiScenario =
  | 'ok'
  | 'bad-key' // 400 INVALID_ARGUMENT, reason API_KEY_INVALID, whatever key is sent
  | 'permission-denied' // 403 PERMISSION_DENIED
  | 'quota' // 429 RESOURCE_EXHAUSTED with a RetryInfo retryDelay
  | 'blocked' // 200, promptFeedback.blockReason SAFETY, no candidates
  | 'server-error' // 500 INTERNAL
  | 'unavailable' // 503 UNAVAILABLE
  | 'mid-stream-error' // some text, then an error event, then the stream ends
  | 'cut-off' // some text, then the socket is destroyed
  | 'hang'; // accepts the request, never answers (until closed)

export interface GeminiDoubleOptions {
  apiKey: string;
  /** The answer's markdown, streamed in pieces of `chunkChars` characters. */
  answer: string;
  scenario?: GeminiScenario;
  /** Models that exist; others get 404 NOT_FOUND. Default: any model. */
  models?: string[];
  chunkChars?: number;
  /** Chaotic framing: the byte stream is cut at random places (seeded) into separate writes. */
  chaosSeed?: number | null;
  /** retryDelay sent with 'quota' (google.rpc.Duration, e.g. "17s"). */
  retryDelay?: string;
  /** Also send a Retry-After header with 'quota'. */
  retryAfterHeader?: string | null;
  /** Line ending used between SSE lines. */
  eol?: '\r\n' | '\n';
}

export interface RecordedRequest {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export interface GeminiDouble {
  url: string;
  requests: RecordedRequest[];
  setScenario(s: GeminiScenario | Partial<Omit<GeminiDoubleOptions, 'apiKey'>>): void;
  close(): Promise<void>;
}

const rng = seededRng;

function errorJson(code: number, status: string, message: string, details: unknown[] = []): string {
  return JSON.stringify({ error: { code, message, status, details } }, null, 2);
}

/** Splits text into pieces of at most n UTF-16 units without splitting a surrogate pair. */
function pieces(text: string, n: number): string[] {
  const cps = Array.from(text);
  const out: string[] = [];
  for (let i = 0; i < cps.length; i += n) out.push(cps.slice(i, i + n).join(''));
  return out;
}

export async function startGeminiDouble(initial: GeminiDoubleOptions): Promise<GeminiDouble> {
  let opts: GeminiDoubleOptions = {
    scenario: 'ok',
    chunkChars: 7,
    chaosSeed: null,
    retryDelay: '17s',
    retryAfterHeader: null,
    eol: '\r\n',
    ...initial,
  };
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  const hung = new Set<ServerResponse>();

  const send = async (res: ServerResponse, payload: string, chaos: (() => number) | null): Promise<void> => {
    const bytes = Buffer.from(payload, 'utf8');
    if (!chaos) {
      res.write(bytes);
      return;
    }
    let i = 0;
    while (i < bytes.length) {
      const n = 1 + Math.floor(chaos() * 23);
      res.write(bytes.subarray(i, i + n));
      i += n;
      if (chaos() < 0.3) await new Promise((r) => setImmediate(r));
    }
  };

  const handle = async (req: IncomingMessage, res: ServerResponse, body: string): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://x');
    const m = /^\/v1beta\/models\/([^/:]+):(generateContent|streamGenerateContent)$/.exec(url.pathname);
    const json = (status: number, text: string, extra: Record<string, string> = {}): void => {
      res.writeHead(status, { 'content-type': 'application/json; charset=UTF-8', ...extra });
      res.end(text);
    };
    if (req.method === 'GET' && url.pathname === '/v1beta/models') {
      json(200, JSON.stringify({ models: (opts.models ?? ['gemini-3.5-flash']).map((n) => ({ name: `models/${n}` })) }));
      return;
    }
    if (!m || req.method !== 'POST') {
      json(404, errorJson(404, 'NOT_FOUND', `Method not found: ${req.method} ${url.pathname}`));
      return;
    }
    const model = decodeURIComponent(m[1]!);
    const streaming = m[2] === 'streamGenerateContent';
    const sse = streaming && url.searchParams.get('alt') === 'sse';
    const key = (req.headers['x-goog-api-key'] as string | undefined) ?? url.searchParams.get('key');
    const scenario = opts.scenario ?? 'ok';
    if (scenario === 'hang') {
      hung.add(res);
      return;
    }
    if (!key) {
      json(
        403,
        errorJson(
          403,
          'PERMISSION_DENIED',
          "Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API.",
        ),
      );
      return;
    }
    if (scenario === 'bad-key' || key !== opts.apiKey) {
      json(
        400,
        errorJson(400, 'INVALID_ARGUMENT', 'API key not valid. Please pass a valid API key.', [
          {
            '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
            reason: 'API_KEY_INVALID',
            domain: 'googleapis.com',
            metadata: { service: 'generativelanguage.googleapis.com' },
          },
        ]),
      );
      return;
    }
    if (scenario === 'permission-denied') {
      json(403, errorJson(403, 'PERMISSION_DENIED', 'The caller does not have permission'));
      return;
    }
    let parsed: { contents?: Array<{ role?: string; parts?: Array<{ text?: unknown }> }> };
    try {
      parsed = JSON.parse(body) as typeof parsed;
    } catch {
      json(400, errorJson(400, 'INVALID_ARGUMENT', 'Invalid JSON payload received.'));
      return;
    }
    const okShape =
      Array.isArray(parsed.contents) &&
      parsed.contents.length > 0 &&
      parsed.contents.every(
        (c) =>
          (c.role === undefined || c.role === 'user' || c.role === 'model') &&
          Array.isArray(c.parts) &&
          c.parts.every((p) => typeof p.text === 'string'),
      );
    if (!okShape) {
      json(400, errorJson(400, 'INVALID_ARGUMENT', "Invalid value at 'contents': each content needs role user|model and text parts."));
      return;
    }
    if (opts.models && !opts.models.includes(model)) {
      json(
        404,
        errorJson(404, 'NOT_FOUND', `models/${model} is not found for API version v1beta, or is not supported for generateContent.`),
      );
      return;
    }
    if (scenario === 'quota') {
      const extra: Record<string, string> = opts.retryAfterHeader ? { 'retry-after': opts.retryAfterHeader } : {};
      json(
        429,
        errorJson(429, 'RESOURCE_EXHAUSTED', 'You exceeded your current quota, please check your plan and billing details.', [
          {
            '@type': 'type.googleapis.com/google.rpc.QuotaFailure',
            violations: [{ quotaMetric: 'generativelanguage.googleapis.com/generate_content_free_tier_requests' }],
          },
          ...(opts.retryDelay ? [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: opts.retryDelay }] : []),
        ]),
        extra,
      );
      return;
    }
    if (scenario === 'server-error') {
      json(
        500,
        errorJson(
          500,
          'INTERNAL',
          'An internal error has occurred. Please retry or report in https://developers.generativeai.google/guide/troubleshooting',
        ),
      );
      return;
    }
    if (scenario === 'unavailable') {
      json(503, errorJson(503, 'UNAVAILABLE', 'The model is overloaded. Please try again later.'));
      return;
    }

    const usage = {
      promptTokenCount: 12,
      candidatesTokenCount: Math.max(1, Math.ceil(opts.answer.length / 4)),
      totalTokenCount: 12 + Math.ceil(opts.answer.length / 4),
    };
    const events: object[] = [];
    if (scenario === 'blocked') {
      events.push({
        promptFeedback: { blockReason: 'SAFETY', safetyRatings: [] },
        usageMetadata: { promptTokenCount: 12, totalTokenCount: 12 },
        modelVersion: model,
      });
    } else {
      const ps = pieces(opts.answer, Math.max(1, opts.chunkChars ?? 7));
      ps.forEach((p, i) => {
        const last = i === ps.length - 1;
        events.push({
          candidates: [{ content: { parts: [{ text: p }], role: 'model' }, index: 0, ...(last ? { finishReason: 'STOP' } : {}) }],
          ...(last ? { usageMetadata: usage } : {}),
          modelVersion: model,
        });
      });
      if (ps.length === 0)
        events.push({
          candidates: [{ content: { parts: [{ text: '' }], role: 'model' }, finishReason: 'STOP', index: 0 }],
          usageMetadata: usage,
          modelVersion: model,
        });
    }

    if (!streaming) {
      // generateContent: the whole answer in one response.
      const whole =
        scenario === 'blocked'
          ? events[0]
          : {
              candidates: [{ content: { parts: [{ text: opts.answer }], role: 'model' }, finishReason: 'STOP', index: 0 }],
              usageMetadata: usage,
              modelVersion: model,
            };
      json(200, JSON.stringify(whole));
      return;
    }
    const chaos = opts.chaosSeed === null || opts.chaosSeed === undefined ? null : rng(opts.chaosSeed);
    const half = Math.max(1, Math.floor(events.length / 2));
    const cut = scenario === 'mid-stream-error' || scenario === 'cut-off' ? events.slice(0, half) : events;
    if (!sse) {
      // Without alt=sse the API streams one JSON array.
      res.writeHead(200, { 'content-type': 'application/json; charset=UTF-8' });
      await send(res, '[' + cut.map((e) => JSON.stringify(e)).join(',\r\n') + ']', chaos);
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    const eol = opts.eol ?? '\r\n';
    let out = '';
    for (const e of cut) out += `data: ${JSON.stringify(e)}${eol}${eol}`;
    if (scenario === 'mid-stream-error') {
      out += `data: ${JSON.stringify({ error: { code: 500, message: 'Internal error encountered.', status: 'INTERNAL' } })}${eol}${eol}`;
    }
    await send(res, out, chaos);
    if (scenario === 'cut-off') {
      res.socket?.destroy();
      return;
    }
    res.end();
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= 4 * 1024 * 1024) chunks.push(c);
    });
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      requests.push({ method: req.method ?? '', url: req.url ?? '', headers: { ...req.headers }, body });
      handle(req, res, body).catch((e: unknown) => {
        if (!res.headersSent) res.writeHead(500);
        res.end(String(e));
      });
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    setScenario(s) {
      opts = typeof s === 'string' ? { ...opts, scenario: s } : { ...opts, ...s };
    },
    async close() {
      for (const r of hung) r.destroy();
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
