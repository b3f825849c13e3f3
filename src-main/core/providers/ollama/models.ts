// Ollama model management: list, show, pull with progress, delete, create (models setup), loaded models and version.
import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { Readable } from 'node:stream';
import type { OllamaHttp } from './http.js';
import { ProviderError } from '../provider.js';

export interface InstalledModel {
  name: string;
  /** Bytes on disk. */
  size: number;
  digest: string;
  modifiedAt: string;
  family?: string;
  parameterSize?: string;
  quantization?: string;
}

export interface PullProgress {
  status: string;
  digest?: string;
  total?: number;
  completed?: number;
  /** 0..100 when total is known. */
  percent?: number;
}

export interface ModelDetails {
  name: string;
  modelfile?: string;
  parameters?: string;
  template?: string;
  system?: string;
  family?: string;
  parameterSize?: string;
  quantization?: string;
  capabilities?: string[];
}

export interface CreateSpec {
  from: string;
  system?: string;
  parameters?: Record<string, unknown>;
  /** LoRA adapters (GGUF) already uploaded with pushBlob: file name -> "sha256:<hex>". */
  adapters?: Record<string, string>;
}

export interface LoadedModel {
  name: string;
  size: number;
  sizeVram?: number;
  expiresAt?: string;
}

export interface ModelManagerTimeouts {
  /** list, show, delete, version, ps. */
  callMs: number;
  /** pull and create: longest wait for the first status line. */
  firstStatusMs: number;
  /** pull and create: longest silence between two status lines (a big layer download reports often). */
  idleMs: number;
}

const DEFAULT_TIMEOUTS: ModelManagerTimeouts = { callMs: 10_000, firstStatusMs: 60_000, idleMs: 120_000 };

type Json = Record<string, unknown>;
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/** Adds ':latest' when a name has no tag, as Ollama does. */
export function normalizeModelName(name: string): string {
  const lastSegment = name.slice(name.lastIndexOf('/') + 1);
  return lastSegment.includes(':') ? name : `${name}:latest`;
}

export class OllamaModelManager {
  private readonly timeouts: ModelManagerTimeouts;

  constructor(
    private readonly http: OllamaHttp,
    timeouts: Partial<ModelManagerTimeouts> = {},
  ) {
    this.timeouts = { ...DEFAULT_TIMEOUTS, ...timeouts };
  }

  async version(signal?: AbortSignal, timeoutMs = this.timeouts.callMs): Promise<string> {
    const r = await this.http.json('GET', '/api/version', undefined, { signal, timeoutMs });
    const v = str(r.version);
    if (!v) throw new ProviderError('server', 'Ollama answered /api/version without a version.');
    return v;
  }

  async list(signal?: AbortSignal, timeoutMs = this.timeouts.callMs): Promise<InstalledModel[]> {
    const r = await this.http.json('GET', '/api/tags', undefined, { signal, timeoutMs });
    if (!Array.isArray(r.models)) throw new ProviderError('server', 'Ollama answered /api/tags without a model list.');
    return (r.models as Json[]).map((m) => {
      const d = (m.details ?? {}) as Json;
      return {
        name: str(m.name) ?? str(m.model) ?? '?',
        size: num(m.size) ?? 0,
        digest: str(m.digest) ?? '',
        modifiedAt: str(m.modified_at) ?? '',
        family: str(d.family),
        parameterSize: str(d.parameter_size),
        quantization: str(d.quantization_level),
      };
    });
  }

  /** Whether a model is installed (a name without a tag means ':latest'). */
  async has(name: string, signal?: AbortSignal): Promise<boolean> {
    const want = normalizeModelName(name);
    return (await this.list(signal)).some((m) => normalizeModelName(m.name) === want);
  }

  async show(name: string, signal?: AbortSignal): Promise<ModelDetails> {
    const r = await this.http.json('POST', '/api/show', { model: name }, { signal, timeoutMs: this.timeouts.callMs, model: name });
    const d = (r.details ?? {}) as Json;
    return {
      name,
      modelfile: str(r.modelfile),
      parameters: str(r.parameters),
      template: str(r.template),
      system: str(r.system) ?? systemFromModelfile(str(r.modelfile)),
      family: str(d.family),
      parameterSize: str(d.parameter_size),
      quantization: str(d.quantization_level),
      capabilities: Array.isArray(r.capabilities)
        ? (r.capabilities as unknown[]).filter((c): c is string => typeof c === 'string')
        : undefined,
    };
  }

  /** Downloads a model; onProgress gets every status line. Resolves after "success". */
  async pull(name: string, onProgress: (p: PullProgress) => void = () => {}, signal?: AbortSignal): Promise<void> {
    await this.statusStream(
      '/api/pull',
      { model: name, stream: true },
      onProgress,
      signal,
      name,
      'Check the name: https://ollama.com/library lists the models that can be pulled (koompi-ask models list shows the installed ones)',
    );
  }

  async remove(name: string, signal?: AbortSignal): Promise<void> {
    await this.http.json('DELETE', '/api/delete', { model: name }, { signal, timeoutMs: this.timeouts.callMs, model: name });
  }

  /** Creates `name` from an installed model with a system prompt and parameters (Ollama ≥ 0.5 /api/create fields). */
  async create(name: string, spec: CreateSpec, onProgress: (p: PullProgress) => void = () => {}, signal?: AbortSignal): Promise<void> {
    const body: Json = { model: name, from: spec.from, stream: true };
    if (spec.system !== undefined) body.system = spec.system;
    if (spec.parameters && Object.keys(spec.parameters).length > 0) body.parameters = spec.parameters;
    if (spec.adapters && Object.keys(spec.adapters).length > 0) body.adapters = spec.adapters;
    await this.statusStream(
      '/api/create',
      body,
      onProgress,
      signal,
      spec.from,
      `Check the Modelfile's FROM line; the base model must be installed first: koompi-ask models pull ${spec.from}`,
    );
  }

  /**
   * Uploads a local file (a GGUF adapter) as a blob: HEAD /api/blobs/sha256:<hex> first, POST the bytes only when
   * the server lacks them. Returns the digest for /api/create's `adapters`/`files`.
   */
  async pushBlob(file: string, signal?: AbortSignal): Promise<string> {
    const digest = `sha256:${await sha256File(file)}`;
    const url = `${this.http.baseUrl}/api/blobs/${digest}`;
    const call = (init: RequestInit, ms: number): Promise<Response> =>
      fetch(url, { ...init, signal: signal ? AbortSignal.any([signal, AbortSignal.timeout(ms)]) : AbortSignal.timeout(ms) }).catch(
        (e: unknown) => {
          throw new ProviderError(
            'unreachable',
            `Could not reach Ollama at ${this.http.baseUrl} to upload ${file}: ${e instanceof Error ? e.message : String(e)}`,
            'Start Ollama: sudo systemctl enable --now ollama',
          );
        },
      );
    const head = await call({ method: 'HEAD' }, this.timeouts.callMs);
    if (head.status === 200) return digest;
    const size = statSync(file).size;
    // loopback upload: allow a minute plus a second per 20 MB
    const res = await call(
      { method: 'POST', body: Readable.toWeb(createReadStream(file)) as ReadableStream, duplex: 'half' } as RequestInit,
      Math.round(60_000 + size / 20_000),
    );
    if (res.status !== 201 && res.status !== 200) {
      const text = await res.text().catch(() => '');
      throw new ProviderError(
        'server',
        `Ollama refused the upload of ${file} (HTTP ${res.status}): ${text.slice(0, 200)}`,
        'Check that the file is complete and readable, then run the command again.',
      );
    }
    return digest;
  }

  /** Models loaded in memory right now. */
  async ps(signal?: AbortSignal): Promise<LoadedModel[]> {
    const r = await this.http.json('GET', '/api/ps', undefined, { signal, timeoutMs: this.timeouts.callMs });
    if (!Array.isArray(r.models)) return [];
    return (r.models as Json[]).map((m) => ({
      name: str(m.name) ?? str(m.model) ?? '?',
      size: num(m.size) ?? 0,
      sizeVram: num(m.size_vram),
      expiresAt: str(m.expires_at),
    }));
  }

  private async statusStream(
    path: string,
    body: Json,
    onProgress: (p: PullProgress) => void,
    signal: AbortSignal | undefined,
    model: string,
    errorLineFix: string,
  ): Promise<void> {
    let succeeded = false;
    await this.http.stream(
      path,
      body,
      { signal, firstLineTimeoutMs: this.timeouts.firstStatusMs, idleTimeoutMs: this.timeouts.idleMs, model, errorLineFix },
      (line) => {
        const status = str(line.status) ?? '';
        const p: PullProgress = { status };
        const digest = str(line.digest);
        const total = num(line.total);
        const completed = num(line.completed);
        if (digest) p.digest = digest;
        if (total !== undefined) p.total = total;
        if (completed !== undefined) p.completed = completed;
        if (total !== undefined && total > 0) p.percent = Math.min(100, ((completed ?? 0) / total) * 100);
        if (status === 'success') succeeded = true;
        onProgress(p);
      },
    );
    if (!succeeded) throw new ProviderError('stream', `Ollama ended ${path} without reporting success.`);
  }
}

function sha256File(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const h = createHash('sha256');
    createReadStream(file)
      .on('data', (c) => h.update(c))
      .on('error', reject)
      .on('end', () => resolve(h.digest('hex')));
  });
}

function systemFromModelfile(modelfile: string | undefined): string | undefined {
  if (!modelfile) return undefined;
  const m = /^SYSTEM\s+(?:"""([\s\S]*?)"""|(.*))$/m.exec(modelfile);
  return m ? (m[1] ?? m[2]) : undefined;
}
