// A protocol double of an OpenAI-compatible server on 127.0.0.1 (port 0), written from the OpenAI API reference
// (GET /v1/models, POST /v1/chat/completions streamed as server-sent `chat.completion.chunk` events ending with
// `data: [DONE]`, errors as {"error": {message, type, param, code}}), with knobs for what real servers do wrong or
// under load: bytes split anywhere (UTF-8 mid-character included), CRLF line ends, comment lines, an error event
// mid-stream, a cut socket, a missing [DONE], 401 without the key, 404 for an unknown model, 503 while busy.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { once } from 'node:events';
import { seededRng } from './seeded-rng.js';

export interface OpenAIScenario {
  /** The answer's pieces, one per chunk event; joined they are the answer. */
  tokens: string[];
  /** 'chaotic': the byte stream is written in random slices (1 byte to a few hundred), seeded. */
  framing: 'normal' | 'chaotic';
  /** End SSE lines with CRLF instead of LF. */
  crlf: boolean;
  /** Send `: keep-alive` comment lines between events (as some servers do while busy). */
  comments: boolean;
  /** Send {"error": …} as an event after this many tokens, then end. */
  errorAfterTokens: number | null;
  /** Destroy the socket after this many tokens (plus half an event). */
  cutAfterTokens: number | null;
  /** End cleanly without the finish_reason event and without [DONE]. */
  omitDone: boolean;
  /** Required `Authorization: Bearer <key>`; null = no key needed. */
  apiKey: string | null;
  /** The first N chat requests get 503 (a llama-server with no free slot, or a model still loading). */
  busyFor: number;
  /** Accept requests and never answer. */
  hang: boolean;
  firstTokenDelayMs: number;
  tokenDelayMs: number;
  /** Send a final usage object (stream_options.include_usage). */
  usage: boolean;
  seed: number;
}

export interface OpenAIDouble {
  url: string;
  /** url + '/v1', what a client's base URL is. */
  baseUrl: string;
  models: string[];
  scenario: OpenAIScenario;
  requests: Array<{ method: string; path: string; headers: IncomingMessage['headers']; body: unknown }>;
  setScenario(patch: Partial<OpenAIScenario>): void;
  close(): Promise<void>;
}

const DEFAULT: OpenAIScenario = {
  tokens: ['Install', ' it', ' with', ':\n\n```bash\n', 'sudo pacman', ' -S firefox', '\n```\n'],
  framing: 'normal',
  crlf: false,
  comments: false,
  errorAfterTokens: null,
  cutAfterTokens: null,
  omitDone: false,
  apiKey: null,
  busyFor: 0,
  hang: false,
  firstTokenDelayMs: 0,
  tokenDelayMs: 0,
  usage: false,
  seed: 7,
};

const CREATED = 1_767_225_600;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export async function startOpenAIDouble(opts: Partial<OpenAIScenario> & { models?: string[] } = {}): Promise<OpenAIDouble> {
  const { models: initial, ...patch } = opts;
  const scenario: OpenAIScenario = { ...DEFAULT, ...patch };
  const models = [...(initial ?? ['qwen2.5-1.5b-instruct'])];
  const requests: OpenAIDouble['requests'] = [];
  const sockets = new Set<Socket>();
  let rng = seededRng(scenario.seed);
  let chatCount = 0;

  const error = (res: ServerResponse, status: number, message: string, type: string, code: string | null): void => {
    const text = JSON.stringify({ error: { message, type, param: null, code } });
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
    res.end(text);
  };

  const server = createServer((req, res) => {
    void handle(req, res).catch(() => res.destroy());
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0]!;
    const chunks: Buffer[] = [];
    for await (const c of req as AsyncIterable<Buffer>) chunks.push(c);
    const raw = Buffer.concat(chunks).toString('utf8');
    let body: unknown = null;
    if (raw) {
      try {
        body = JSON.parse(raw);
      } catch {
        body = raw;
      }
    }
    requests.push({ method: req.method ?? 'GET', path, headers: req.headers, body });
    if (scenario.hang) return;
    if (scenario.apiKey !== null && req.headers.authorization !== `Bearer ${scenario.apiKey}`) {
      return error(res, 401, 'Incorrect API key provided.', 'invalid_request_error', 'invalid_api_key');
    }
    if (req.method === 'GET' && path === '/v1/models') {
      const text = JSON.stringify({
        object: 'list',
        data: models.map((id) => ({ id, object: 'model', created: CREATED, owned_by: 'koompi-double' })),
      });
      res.writeHead(200, { 'content-type': 'application/json' });
      return void res.end(text);
    }
    if (req.method === 'POST' && path === '/v1/chat/completions') return chat(body, res);
    return error(res, 404, `Unknown request URL: ${req.method} ${path}.`, 'invalid_request_error', 'unknown_url');
  }

  async function chat(body: unknown, res: ServerResponse): Promise<void> {
    if (typeof body !== 'object' || body === null)
      return error(res, 400, 'We could not parse the JSON body of your request.', 'invalid_request_error', null);
    const b = body as { model?: unknown; messages?: unknown; stream?: unknown };
    if (typeof b.model !== 'string') return error(res, 400, 'you must provide a model parameter', 'invalid_request_error', null);
    if (!Array.isArray(b.messages) || b.messages.length === 0)
      return error(res, 400, "'messages' must contain at least one message", 'invalid_request_error', null);
    if (!models.includes(b.model)) {
      return error(
        res,
        404,
        `The model \`${b.model}\` does not exist or you do not have access to it.`,
        'invalid_request_error',
        'model_not_found',
      );
    }
    if (chatCount++ < scenario.busyFor) return error(res, 503, 'no slot available, please try again', 'unavailable_error', null);
    if (scenario.firstTokenDelayMs > 0) await sleep(scenario.firstTokenDelayMs);
    if (res.destroyed) return;
    const id = `chatcmpl-double${chatCount}`;
    const chunk = (delta: Record<string, unknown>, finish: string | null): Record<string, unknown> => ({
      id,
      object: 'chat.completion.chunk',
      created: CREATED,
      model: b.model,
      system_fingerprint: null,
      choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }],
    });
    const t = scenario.tokens;
    if (b.stream !== true) {
      const text = JSON.stringify({
        id,
        object: 'chat.completion',
        created: CREATED,
        model: b.model,
        choices: [{ index: 0, message: { role: 'assistant', content: t.join(''), refusal: null }, logprobs: null, finish_reason: 'stop' }],
        usage: { prompt_tokens: 20, completion_tokens: t.length, total_tokens: 20 + t.length },
      });
      res.writeHead(200, { 'content-type': 'application/json' });
      return void res.end(text);
    }
    const nl = scenario.crlf ? '\r\n' : '\n';
    const event = (data: string): string => `${scenario.comments ? `: keep-alive${nl}` : ''}data: ${data}${nl}${nl}`;
    const events: string[] = [event(JSON.stringify(chunk({ role: 'assistant', content: '' }, null)))];
    let n = t.length;
    if (scenario.errorAfterTokens !== null) n = Math.min(n, scenario.errorAfterTokens);
    if (scenario.cutAfterTokens !== null) n = Math.min(n, scenario.cutAfterTokens);
    for (let i = 0; i < n; i++) events.push(event(JSON.stringify(chunk({ content: t[i] }, null))));
    let cut: string | null = null;
    if (scenario.errorAfterTokens !== null && scenario.errorAfterTokens < t.length) {
      events.push(
        event(
          JSON.stringify({
            error: { message: 'The server had an error while processing your request.', type: 'server_error', param: null, code: null },
          }),
        ),
      );
    } else if (scenario.cutAfterTokens !== null && scenario.cutAfterTokens < t.length) {
      const next = event(JSON.stringify(chunk({ content: t[n] }, null)));
      cut = next.slice(0, Math.floor(next.length / 2));
    } else if (!scenario.omitDone) {
      events.push(event(JSON.stringify(chunk({}, 'stop'))));
      if (scenario.usage)
        events.push(
          event(
            JSON.stringify({
              id,
              object: 'chat.completion.chunk',
              created: CREATED,
              model: b.model,
              choices: [],
              usage: { prompt_tokens: 20, completion_tokens: t.length, total_tokens: 20 + t.length },
            }),
          ),
        );
      events.push(event('[DONE]'));
    }
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' });
    const bytes = Buffer.from(events.join('') + (cut ?? ''), 'utf8');
    if (scenario.framing === 'chaotic') {
      let pos = 0;
      while (pos < bytes.length) {
        const r = rng();
        const size = r < 0.35 ? 1 : r < 0.75 ? 2 + Math.floor(rng() * 15) : 17 + Math.floor(rng() * 300);
        if (!res.write(bytes.subarray(pos, pos + size))) await once(res, 'drain');
        pos += size;
        await new Promise((r2) => setImmediate(r2));
        if (res.destroyed) return;
      }
    } else if (scenario.tokenDelayMs > 0) {
      for (const e of events) {
        res.write(e);
        await sleep(scenario.tokenDelayMs);
        if (res.destroyed) return;
      }
      if (cut) res.write(cut);
    } else {
      res.write(bytes);
    }
    if (cut !== null) {
      await sleep(5);
      res.socket?.destroy();
      return;
    }
    res.end();
  }

  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    baseUrl: `http://127.0.0.1:${port}/v1`,
    models,
    scenario,
    requests,
    setScenario(p) {
      Object.assign(scenario, p);
      if (p.seed !== undefined) rng = seededRng(p.seed);
    },
    async close() {
      for (const s of sockets) s.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
