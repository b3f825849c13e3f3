// models:list / models:pull (progress as 'pull:event') / models:cancel-pull, ollama:check (a ~1 s
// liveness check against any host) and ollama:warm-up (preload; harmless when Ollama is down).
import type { ModelInfo, OllamaCheck, PullEvent } from '../../ipc/channels.js';
import { OllamaHttp, OllamaModelManager, resolveOllamaHost, type PullProgress as OllamaPullProgress } from '../providers/ollama/index.js';
import type { Emit } from './ports.js';
import type { OllamaClients } from '../providers/ollama/index.js';
import { newId } from '../history/ids.js';
import { ProviderError } from '../providers/provider.js';

const CHECK_TIMEOUT_MS = 1200;
const PROGRESS_EVERY_MS = 100;

export interface ModelOps {
  list(): Promise<ModelInfo[]>;
  pull(name: string): Promise<{ pullId: string }>;
  cancelPull(pullId: string): void;
  check(host?: string): Promise<OllamaCheck>;
  warmUp(): Promise<void>;
  dispose(): void;
  /** Resolves when every pull has ended (for dispose and tests). */
  idle(): Promise<void>;
}

/** The error's message and, for a ProviderError, what to do about it ("Start Ollama: …"). */
function withFix(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  const fix = err instanceof ProviderError ? err.fix : null;
  return fix && !message.includes(fix) ? `${message.replace(/[.\s]+$/, '')}. ${fix}` : message;
}

export function createModelOps(deps: { ollama: () => OllamaClients; emit: Emit; onPullDone?: () => void }): ModelOps {
  const pulls = new Map<string, { controller: AbortController; done: Promise<void> }>();
  let warming: Promise<void> | null = null;
  /** Aborted by dispose: a warm-up may wait a minute on a cold load, and quitting must not. */
  const warmUps = new AbortController();

  return {
    async list() {
      const models = await deps
        .ollama()
        .models.list()
        .catch((err: unknown) => {
          throw new Error(withFix(err));
        });
      return models.map((m) => ({
        name: m.name,
        sizeBytes: m.size,
        modifiedAt: m.modifiedAt || null,
        ...(m.parameterSize ? { parameterSize: m.parameterSize } : {}),
      }));
    },
    async pull(name) {
      const pullId = newId('p');
      const controller = new AbortController();
      const send = (event: PullEvent) => deps.emit('pull:event', { pullId, name, event });
      let lastStatus = '';
      let lastAt = 0;
      const onProgress = (p: OllamaPullProgress) => {
        const now = Date.now();
        if (p.status === lastStatus && now - lastAt < PROGRESS_EVERY_MS && p.status !== 'success') return;
        lastStatus = p.status;
        lastAt = now;
        send({
          type: 'progress',
          status: p.status,
          ...(p.completed !== undefined ? { completed: p.completed } : {}),
          ...(p.total !== undefined ? { total: p.total } : {}),
          ...(p.percent !== undefined ? { percent: Math.round(p.percent * 10) / 10 } : {}),
        });
      };
      const done = deps
        .ollama()
        .models.pull(name, onProgress, controller.signal)
        .then(() => {
          deps.onPullDone?.();
          send({ type: 'done' });
        }) // forget cached availability before anyone re-checks
        .catch((err: unknown) => send({ type: 'error', message: controller.signal.aborted ? 'Download cancelled.' : withFix(err) }))
        .finally(() => pulls.delete(pullId));
      pulls.set(pullId, { controller, done });
      return { pullId };
    },
    cancelPull(pullId) {
      pulls.get(pullId)?.controller.abort();
    },
    async check(host) {
      const base = host === undefined ? deps.ollama().host : resolveOllamaHost(host);
      const http = new OllamaHttp({ host: base, connectTimeoutMs: CHECK_TIMEOUT_MS });
      try {
        const version = await new OllamaModelManager(http).version(undefined, CHECK_TIMEOUT_MS);
        return { ok: true, host: base, version };
      } catch (err) {
        return { ok: false, host: base, error: withFix(err) };
      } finally {
        await http.close().catch(() => undefined);
      }
    },
    async warmUp() {
      // Returns at once: a cold load can take a minute. One warm-up at a time; failures are silent
      // (Ollama down or no model: the doctor tells the user).
      if (warming || warmUps.signal.aborted) return;
      const provider = deps.ollama().provider;
      warming = provider
        .warmUp(undefined, provider.keepAlive, warmUps.signal)
        .then(
          () => undefined,
          () => undefined,
        )
        .finally(() => {
          warming = null;
        });
    },
    dispose() {
      for (const p of pulls.values()) p.controller.abort();
      warmUps.abort();
    },
    async idle() {
      await Promise.all([...pulls.values()].map((p) => p.done));
      await warming;
    },
  };
}
