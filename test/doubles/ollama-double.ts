// A protocol double of the Ollama HTTP API on 127.0.0.1 (port 0), written from Ollama's API docs, with scenario
// knobs for the failures a real server shows: chaotic framing, errors mid-stream, cut-off streams, hangs, slow loads.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { once } from 'node:events';
import { createHash } from 'node:crypto';
import { seededRng } from './seeded-rng.js';

export interface DoubleModel {
  name: string;
  size?: number;
  digest?: string;
  family?: string;
  parameterSize?: string;
  quantization?: string;
  system?: string;
  parameters?: Record<string, unknown>;
  modifiedAt?: string;
  /** LoRA adapters given to /api/create: file name -> blob digest. */
  adapters?: Record<string, string>;
}

export interface OllamaScenario {
  /** What the model answers (chat and generate). */
  answer: string;
  /** Explicit token split of the answer; default: words cut into pieces of 1-4 characters. Must join to `answer`. */
  tokens: string[] | null;
  /** 'chaotic' writes the byte stream in random slices (1 byte up to several lines at once), seeded. */
  framing: 'normal' | 'chaotic';
  /** Send {"error": errorMessage} after this many tokens, then end the response. */
  errorAfterTokens: number | null;
  errorMessage: string;
  /** Destroy the socket after this many tokens (plus half a line), before done. */
  cutAfterTokens: number | null;
  /** End the chat/generate stream cleanly but without the final done:true line. */
  omitDone: boolean;
  /** Accept the request and never answer: true for every path, or a list of paths ('/api/chat', '/api/version', …). */
  hang: boolean | string[];
  /** Wait before the response headers and first token (a model loading). */
  firstTokenDelayMs: number;
  /** Wait between tokens (normal framing). */
  tokenDelayMs: number;
  doneReason: string;
  /** eval_duration reported per token, in ns (default 20 ms per token, i.e. 50 tokens/s). */
  evalNsPerToken: number;
  version: string;
  seed: number;
  pullLayers: number;
  pullSteps: number;
  /** Names /api/pull fails for, as the registry does for an unknown model. */
  unpullable: string[];
  /** OLLAMA_NUM_PARALLEL: answers generated at once (chat/generate with messages); null = no limit. */
  numParallel: number | null;
  /** OLLAMA_MAX_QUEUE: answers waiting for a slot; one more gets HTTP 503 "server busy". */
  maxQueue: number;
  /** While every slot is taken, /api/version and /api/tags answer this much later (a saturated server). */
  livenessDelayWhenBusyMs: number;
}

/** How the concurrency limit was used (numParallel/maxQueue). */
export interface DoubleLoad {
  active: number;
  queued: number;
  maxActive: number;
  maxQueued: number;
  /** Requests refused with 503 because the queue was full. */
  rejected: number;
  /** Answers that got a slot. */
  admitted: number;
}

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  /** Parsed JSON body, the raw text when not JSON, or null when empty. */
  body: unknown;
  /** complete: answered fully; client-closed: the client went away before the end; server-cut: the double cut it. */
  outcome: 'pending' | 'complete' | 'client-closed' | 'server-cut';
}

export interface OllamaDouble {
  url: string;
  port: number;
  scenario: OllamaScenario;
  /** The installed models; tests may edit it. */
  models: DoubleModel[];
  /** Models loaded in memory (chat, generate, warm-up). */
  loaded: Map<string, string>;
  requests: RecordedRequest[];
  load: DoubleLoad;
  /** Blobs uploaded with POST /api/blobs/sha256:<hex>: digest -> bytes. */
  blobs: Map<string, Buffer>;
  setScenario(patch: Partial<OllamaScenario>): void;
  /** Bytes of the last streamed chat/generate body, exactly as written. */
  lastStreamBytes(): Buffer;
  close(): Promise<void>;
}

export type DoubleOptions = Partial<OllamaScenario> & {
  models?: DoubleModel[];
  /** Address to listen on and to put in `url` (default 127.0.0.1); a LAN address plays a school server. */
  listenHost?: string;
};

const DEFAULT_SCENARIO: OllamaScenario = {
  answer: 'Install it with:\n\n```bash\nkoompi pkg install firefox\n```\n',
  tokens: null,
  framing: 'normal',
  errorAfterTokens: null,
  errorMessage: 'an error was encountered while running the model: unexpected EOF',
  cutAfterTokens: null,
  omitDone: false,
  hang: false,
  firstTokenDelayMs: 0,
  tokenDelayMs: 0,
  doneReason: 'stop',
  evalNsPerToken: 20_000_000,
  version: '0.12.6',
  seed: 1,
  pullLayers: 3,
  pullSteps: 4,
  unpullable: [],
  numParallel: null,
  maxQueue: 512,
  livenessDelayWhenBusyMs: 0,
};

/** Ollama's words when its queue is full (server/sched.go: ErrMaxQueue), sent with HTTP 503. */
export const BUSY_MESSAGE = 'server busy, please try again.  maximum pending requests exceeded';

const MAX_BODY = 8 * 1024 * 1024;
const FIXED_TIME = '2026-01-01T00:00:00.000000000Z';

export { seededRng };

/** Splits text into model-like tokens: leading whitespace plus 1-4 characters (code points, so Khmer stays whole). */
export function tokenize(text: string): string[] {
  return text.match(/\s*\S{1,4}|\s+$/gu) ?? [];
}

const normalize = (name: string): string => (name.slice(name.lastIndexOf('/') + 1).includes(':') ? name : `${name}:latest`);

function hex(rng: () => number, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += Math.floor(rng() * 16).toString(16);
  return s;
}

export async function startOllamaDouble(opts: DoubleOptions = {}): Promise<OllamaDouble> {
  const { models: initialModels, listenHost = '127.0.0.1', ...scenarioPatch } = opts;
  const scenario: OllamaScenario = { ...DEFAULT_SCENARIO, ...scenarioPatch };
  const models: DoubleModel[] = (initialModels ?? [{ name: 'qwen2.5:1.5b' }]).map((m) => ({ ...m }));
  const loaded = new Map<string, string>();
  const blobs = new Map<string, Buffer>();
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  let lastStream: Buffer[] = [];
  let rng = seededRng(scenario.seed);
  const load: DoubleLoad = { active: 0, queued: 0, maxActive: 0, maxQueued: 0, rejected: 0, admitted: 0 };
  const waiting: Array<() => void> = [];
  const saturated = (): boolean => scenario.numParallel !== null && load.active >= scenario.numParallel;

  /** Takes an answer slot, waiting in the queue when all are busy; false = refused (503 sent) or client gone. */
  async function acquireSlot(res: ServerResponse): Promise<boolean> {
    if (scenario.numParallel === null) return true;
    if (load.active < scenario.numParallel) {
      load.active++;
    } else if (load.queued >= scenario.maxQueue) {
      load.rejected++;
      sendJson(res, 503, { error: BUSY_MESSAGE });
      return false;
    } else {
      load.queued++;
      load.maxQueued = Math.max(load.maxQueued, load.queued);
      const gone = await new Promise<boolean>((resolve) => {
        const grant = (): void => {
          res.off('close', leave);
          resolve(false);
        };
        const leave = (): void => {
          const i = waiting.indexOf(grant);
          if (i !== -1) waiting.splice(i, 1);
          resolve(true);
        };
        waiting.push(grant);
        res.once('close', leave);
      });
      load.queued--;
      if (gone) return false;
      // the slot was handed over by releaseSlot: active already counts it
    }
    load.maxActive = Math.max(load.maxActive, load.active);
    load.admitted++;
    res.once('close', releaseSlot);
    return true;
  }

  function releaseSlot(): void {
    const next = waiting.shift();
    if (next)
      next(); // hand the slot straight to the next in the queue (FIFO, as Ollama's scheduler does)
    else load.active--;
  }

  const find = (name: unknown): DoubleModel | undefined =>
    typeof name === 'string' ? models.find((m) => normalize(m.name) === normalize(name)) : undefined;

  const server = createServer((req, res) => {
    void handle(req, res).catch((e: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { error: e instanceof Error ? e.message : String(e) });
      else res.destroy();
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0]!;
    const rec: RecordedRequest = { method: req.method ?? 'GET', path, headers: req.headers, body: null, outcome: 'pending' };
    requests.push(rec);
    res.on('close', () => {
      if (rec.outcome === 'pending') rec.outcome = res.writableFinished ? 'complete' : 'client-closed';
    });
    if (path.startsWith('/api/blobs/')) return blob(req, res, rec, path.slice('/api/blobs/'.length));
    const raw = await readBody(req);
    if (raw.length > 0) {
      try {
        rec.body = JSON.parse(raw);
      } catch {
        rec.body = raw;
      }
    }
    const hang = scenario.hang === true || (Array.isArray(scenario.hang) && scenario.hang.includes(path));
    if (hang) return; // keep the socket open, never answer
    if ((path === '/api/version' || path === '/api/tags') && scenario.livenessDelayWhenBusyMs > 0 && saturated()) {
      await sleep(scenario.livenessDelayWhenBusyMs);
    }
    if (raw.length > 0 && typeof rec.body === 'string') return sendJson(res, 400, { error: 'invalid character in request body' });
    const body = (rec.body ?? {}) as Record<string, unknown>;
    const method = req.method ?? 'GET';
    const route = `${method} ${path}`;
    switch (route) {
      case 'GET /':
      case 'HEAD /':
        res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
        return void res.end('Ollama is running');
      case 'GET /api/version':
        return sendJson(res, 200, { version: scenario.version });
      case 'GET /api/tags':
        return sendJson(res, 200, { models: models.map(tagEntry) });
      case 'GET /api/ps':
        return sendJson(res, 200, {
          models: [...loaded.entries()].map(([name, expires]) => ({
            ...tagEntry(find(name) ?? { name }),
            expires_at: expires,
            size_vram: 0,
          })),
        });
      case 'POST /api/show':
        return show(body, res);
      case 'DELETE /api/delete': {
        const name = body.model ?? body.name;
        const m = find(name);
        if (!m) return sendJson(res, 404, { error: `model '${String(name)}' not found` });
        models.splice(models.indexOf(m), 1);
        loaded.delete(m.name);
        res.writeHead(200);
        return void res.end();
      }
      case 'POST /api/pull':
        return pull(body, res, rec);
      case 'POST /api/create':
        return create(body, res, rec);
      case 'POST /api/chat':
      case 'POST /api/generate':
        return generate(path === '/api/chat' ? 'chat' : 'generate', body, res, rec);
      default:
        res.writeHead(404, { 'content-type': 'text/plain' });
        return void res.end('404 page not found');
    }
  }

  function tagEntry(m: DoubleModel): Record<string, unknown> {
    return {
      name: normalize(m.name),
      model: normalize(m.name),
      modified_at: m.modifiedAt ?? FIXED_TIME,
      size: m.size ?? 986_061_892,
      digest: m.digest ?? 'a'.repeat(64),
      details: {
        parent_model: '',
        format: 'gguf',
        family: m.family ?? 'qwen2',
        families: [m.family ?? 'qwen2'],
        parameter_size: m.parameterSize ?? '1.5B',
        quantization_level: m.quantization ?? 'Q4_K_M',
      },
    };
  }

  function show(body: Record<string, unknown>, res: ServerResponse): void {
    const name = body.model ?? body.name;
    const m = find(name);
    if (!m) return sendJson(res, 404, { error: `model '${String(name)}' not found` });
    const params = Object.entries(m.parameters ?? {}).flatMap(([k, v]) =>
      (Array.isArray(v) ? v : [v]).map((x) => `${k.padEnd(30)} ${String(x)}`),
    );
    const modelfile = [
      `FROM ${normalize(m.name)}`,
      m.system ? `SYSTEM """${m.system}"""` : '',
      ...Object.entries(m.parameters ?? {}).map(([k, v]) => `PARAMETER ${k} ${String(v)}`),
    ]
      .filter(Boolean)
      .join('\n');
    sendJson(res, 200, {
      license: '',
      modelfile,
      parameters: params.join('\n'),
      template: '{{ .System }}\n{{ .Prompt }}',
      ...(m.system ? { system: m.system } : {}),
      details: tagEntry(m).details,
      model_info: { 'general.architecture': m.family ?? 'qwen2', 'general.parameter_count': 1_543_714_304 },
      capabilities: ['completion', 'tools'],
      modified_at: m.modifiedAt ?? FIXED_TIME,
    });
  }

  async function pull(body: Record<string, unknown>, res: ServerResponse, rec: RecordedRequest): Promise<void> {
    const name = String(body.model ?? body.name ?? '');
    if (!name) return sendJson(res, 400, { error: 'model is required' });
    const lines: unknown[] = [{ status: 'pulling manifest' }];
    if (scenario.unpullable.includes(name)) {
      lines.push({ error: 'pull model manifest: file does not exist' });
    } else {
      for (let l = 0; l < scenario.pullLayers; l++) {
        const digest = `sha256:${hex(rng, 64)}`;
        const total = l === 0 ? 986_000_000 : 100 + Math.floor(rng() * 10_000);
        for (let s = 0; s <= scenario.pullSteps; s++) {
          lines.push({ status: `pulling ${digest.slice(7, 19)}`, digest, total, completed: Math.floor((total * s) / scenario.pullSteps) });
        }
      }
      lines.push({ status: 'verifying sha256 digest' }, { status: 'writing manifest' }, { status: 'success' });
      if (!find(name)) models.push({ name: normalize(name) });
    }
    await sendStatusLines(body, lines, res, rec);
  }

  async function create(body: Record<string, unknown>, res: ServerResponse, rec: RecordedRequest): Promise<void> {
    const name = String(body.model ?? body.name ?? '');
    if (!name) return sendJson(res, 400, { error: 'model is required' });
    const from = body.from;
    const base = find(from);
    const lines: unknown[] = [];
    const adapters = body.adapters && typeof body.adapters === 'object' ? (body.adapters as Record<string, unknown>) : null;
    const missingBlob = adapters ? Object.values(adapters).find((dg) => typeof dg !== 'string' || !blobs.has(dg)) : undefined;
    if (!base) {
      lines.push({ error: `model '${String(from)}' not found` });
    } else if (adapters && missingBlob !== undefined) {
      lines.push({ error: `invalid digest: blob ${String(missingBlob)} not found` });
    } else {
      if (adapters) lines.push({ status: 'parsing GGUF' }, { status: `using existing layer ${String(Object.values(adapters)[0])}` });
      lines.push({ status: `using existing layer sha256:${hex(rng, 64)}` });
      if (typeof body.system === 'string') lines.push({ status: `creating new layer sha256:${hex(rng, 64)}` });
      if (body.parameters && typeof body.parameters === 'object') lines.push({ status: `creating new layer sha256:${hex(rng, 64)}` });
      lines.push({ status: 'writing manifest' }, { status: 'success' });
      const existing = find(name);
      if (existing) models.splice(models.indexOf(existing), 1);
      models.push({
        ...base,
        name: normalize(name),
        system: typeof body.system === 'string' ? body.system : base.system,
        parameters: (body.parameters as Record<string, unknown> | undefined) ?? base.parameters,
        ...(adapters ? { adapters: adapters as Record<string, string> } : {}),
      });
    }
    await sendStatusLines(body, lines, res, rec);
  }

  /** HEAD checks a blob (200/404); POST stores the body when its sha256 is the digest in the path (201), else 400. */
  async function blob(req: IncomingMessage, res: ServerResponse, rec: RecordedRequest, digest: string): Promise<void> {
    if (!/^sha256:[0-9a-f]{64}$/.test(digest)) return sendJson(res, 400, { error: 'invalid digest format' });
    if (req.method === 'HEAD') {
      res.writeHead(blobs.has(digest) ? 200 : 404);
      return void res.end();
    }
    if (req.method !== 'POST') {
      res.writeHead(405);
      return void res.end();
    }
    const chunks: Buffer[] = [];
    for await (const c of req as AsyncIterable<Buffer>) chunks.push(c);
    const bytes = Buffer.concat(chunks);
    rec.body = `<${bytes.length} bytes>`;
    const actual = `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
    if (actual !== digest) return sendJson(res, 400, { error: 'digest mismatch, expected ' + digest + ', got ' + actual });
    blobs.set(digest, bytes);
    res.writeHead(201);
    res.end();
  }

  /** Status streams (pull, create): NDJSON by default, or the last object alone with stream:false. */
  async function sendStatusLines(
    body: Record<string, unknown>,
    lines: unknown[],
    res: ServerResponse,
    rec: RecordedRequest,
  ): Promise<void> {
    if (body.stream === false) {
      const err = lines.find((l) => (l as { error?: unknown }).error !== undefined);
      return err ? sendJson(res, 500, err) : sendJson(res, 200, lines[lines.length - 1]);
    }
    res.writeHead(200, { 'content-type': 'application/x-ndjson' });
    await writeStream(res, rec, Buffer.from(lines.map((l) => JSON.stringify(l) + '\n').join('')), null);
  }

  async function generate(
    kind: 'chat' | 'generate',
    body: Record<string, unknown>,
    res: ServerResponse,
    rec: RecordedRequest,
  ): Promise<void> {
    const model = body.model;
    if (typeof model !== 'string' || model === '') return sendJson(res, 400, { error: 'model is required' });
    if (!find(model)) return sendJson(res, 404, { error: `model '${model}' not found` });
    const loadOnly =
      kind === 'chat' ? !Array.isArray(body.messages) || body.messages.length === 0 : typeof body.prompt !== 'string' || body.prompt === '';
    if (!loadOnly && !(await acquireSlot(res))) return;
    if (scenario.firstTokenDelayMs > 0) await sleep(scenario.firstTokenDelayMs);
    if (res.destroyed) return;
    const empty =
      kind === 'chat' ? !Array.isArray(body.messages) || body.messages.length === 0 : typeof body.prompt !== 'string' || body.prompt === '';
    const unload = body.keep_alive === 0 || body.keep_alive === '0' || body.keep_alive === '0s';
    if (unload) loaded.delete(normalize(model));
    else loaded.set(normalize(model), '2026-01-01T00:05:00Z');
    if (empty) {
      // the documented load/unload request: one object, done at once
      const reason = unload ? 'unload' : 'load';
      return sendJson(
        res,
        200,
        kind === 'chat'
          ? { model, created_at: FIXED_TIME, message: { role: 'assistant', content: '' }, done_reason: reason, done: true }
          : { model, created_at: FIXED_TIME, response: '', done: true, done_reason: reason },
      );
    }
    const tokens = scenario.tokens ?? tokenize(scenario.answer);
    const piece = (text: string): Record<string, unknown> =>
      kind === 'chat'
        ? { model, created_at: FIXED_TIME, message: { role: 'assistant', content: text }, done: false }
        : { model, created_at: FIXED_TIME, response: text, done: false };
    const final = (): Record<string, unknown> => ({
      ...piece(''),
      done: true,
      done_reason: scenario.doneReason,
      total_duration: 5_000_000 + tokens.length * scenario.evalNsPerToken,
      load_duration: 1_000_000,
      prompt_eval_count: 26,
      prompt_eval_duration: 3_000_000,
      eval_count: tokens.length,
      eval_duration: tokens.length * scenario.evalNsPerToken,
    });
    if (body.stream === false) {
      const all = {
        ...final(),
        ...(kind === 'chat' ? { message: { role: 'assistant', content: tokens.join('') } } : { response: tokens.join('') }),
      };
      return sendJson(res, 200, all);
    }
    res.writeHead(200, { 'content-type': 'application/x-ndjson' });
    let n = tokens.length;
    if (scenario.errorAfterTokens !== null) n = Math.min(n, scenario.errorAfterTokens);
    if (scenario.cutAfterTokens !== null) n = Math.min(n, scenario.cutAfterTokens);
    const lines: string[] = [];
    for (let i = 0; i < n; i++) lines.push(JSON.stringify(piece(tokens[i]!)) + '\n');
    let cut: Buffer | null = null;
    if (scenario.errorAfterTokens !== null && scenario.errorAfterTokens < tokens.length) {
      lines.push(JSON.stringify({ error: scenario.errorMessage }) + '\n');
    } else if (scenario.cutAfterTokens !== null && scenario.cutAfterTokens < tokens.length) {
      const next = Buffer.from(JSON.stringify(piece(tokens[n]!)) + '\n');
      cut = next.subarray(0, Math.floor(next.length / 2));
    } else if (!scenario.omitDone) {
      lines.push(JSON.stringify(final()) + '\n');
    }
    lastStream = [];
    if (scenario.framing === 'normal' && scenario.tokenDelayMs > 0) {
      for (const line of lines) {
        if (!(await writeChunk(res, Buffer.from(line)))) return;
        await sleep(scenario.tokenDelayMs);
      }
      if (cut) await cutOff(res, rec, cut);
      else res.end();
      return;
    }
    await writeStream(res, rec, Buffer.from(lines.join('')), cut, lines);
  }

  /** Writes a whole body: line by line (normal) or in random slices (chaotic); then ends it or cuts the socket. */
  async function writeStream(
    res: ServerResponse,
    rec: RecordedRequest,
    bytes: Buffer,
    cut: Buffer | null,
    lines?: string[],
  ): Promise<void> {
    lastStream = [];
    const all = cut ? Buffer.concat([bytes, cut]) : bytes;
    if (scenario.framing === 'chaotic') {
      let pos = 0;
      let writes = 0;
      while (pos < all.length) {
        const r = rng();
        const size =
          r < 0.3 ? 1 : r < 0.7 ? 2 + Math.floor(rng() * 15) : r < 0.95 ? 17 + Math.floor(rng() * 184) : 200 + Math.floor(rng() * 1800);
        if (!(await writeChunk(res, all.subarray(pos, pos + size)))) return;
        pos += size;
        if (++writes % 64 === 0) await new Promise((r2) => setImmediate(r2));
      }
    } else if (lines) {
      for (const line of lines) if (!(await writeChunk(res, Buffer.from(line)))) return;
      if (cut && !(await writeChunk(res, cut))) return;
    } else if (!(await writeChunk(res, all))) {
      return;
    }
    if (cut) await cutOff(res, rec, null);
    else res.end();
  }

  async function cutOff(res: ServerResponse, rec: RecordedRequest, extra: Buffer | null): Promise<void> {
    if (extra && !(await writeChunk(res, extra))) return;
    rec.outcome = 'server-cut';
    await sleep(5); // let the bytes leave before the socket goes
    res.socket?.destroy();
  }

  async function writeChunk(res: ServerResponse, chunk: Buffer): Promise<boolean> {
    if (res.destroyed) return false;
    lastStream.push(chunk);
    if (!res.write(chunk)) {
      await new Promise<void>((resolve) => {
        const done = (): void => {
          res.off('drain', done);
          res.off('close', done);
          resolve();
        };
        res.on('drain', done);
        res.on('close', done);
      });
    }
    return !res.destroyed;
  }

  server.listen(0, listenHost);
  await once(server, 'listening');
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://${listenHost.includes(':') ? `[${listenHost}]` : listenHost}:${port}`,
    port,
    scenario,
    models,
    loaded,
    requests,
    load,
    blobs,
    setScenario(patch) {
      Object.assign(scenario, patch);
      if (patch.seed !== undefined) rng = seededRng(patch.seed);
    },
    lastStreamBytes: () => Buffer.concat(lastStream),
    async close() {
      for (const s of sockets) s.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  const text = JSON.stringify(value);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req as AsyncIterable<Buffer>) {
    size += c.length;
    if (size > MAX_BODY) throw new Error('request body too large');
    chunks.push(c);
  }
  return Buffer.concat(chunks).toString('utf8');
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
