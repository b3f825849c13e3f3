// Builds the real assistant service for tests: a temp config dir, the Ollama double on 127.0.0.1, a
// scripted confirmation port, an in-memory key store and a recorder of every emitted event.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startOllamaDouble, type DoubleOptions, type OllamaDouble } from '../../doubles/ollama-double.js';
import {
  createAssistantService,
  type AssistantService,
  type AssistantServiceOptions,
} from '../../../src-main/core/service/assistant-service.js';
import type { ConfirmDecision, ConfirmRequest, KeyStore } from '../../../src-main/core/service/ports.js';
import type { EventName, Events, KeyStatus } from '../../../src-main/ipc/channels.js';

export interface Harness {
  dir: string;
  home: string;
  ollama: OllamaDouble;
  service: AssistantService;
  events: { event: EventName; payload: unknown }[];
  confirms: ConfirmRequest[];
  answerConfirm: (d: ConfirmDecision) => void;
  notified: { title: string; body: string }[];
  of<E extends EventName>(event: E): Events[E][];
  waitFor<E extends EventName>(event: E, pred: (p: Events[E]) => boolean, timeoutMs?: number): Promise<Events[E]>;
  close(): Promise<void>;
}

export function memoryKeyStore(): KeyStore {
  let key: string | null = null;
  const status = async (): Promise<KeyStatus> => ({ set: key !== null, backend: 'memory', plainText: false });
  return {
    status,
    get: async () => key,
    set: async (k) => {
      key = k;
      return status();
    },
    clear: async () => {
      key = null;
      return status();
    },
  };
}

export async function startHarness(
  o: {
    double?: DoubleOptions;
    service?: Partial<AssistantServiceOptions>;
    beforeStart?: (dir: string) => Promise<void>;
    /** Extra environment for the service, given the temp paths. */
    env?: (p: { dir: string; home: string }) => NodeJS.ProcessEnv;
  } = {},
): Promise<Harness> {
  const dir = await mkdtemp(join(tmpdir(), 'koompi-service-'));
  const home = join(dir, 'home');
  await (await import('node:fs/promises')).mkdir(home);
  await o.beforeStart?.(dir);
  const ollama = await startOllamaDouble(o.double ?? {});
  const events: { event: EventName; payload: unknown }[] = [];
  const waiters = new Set<() => void>();
  const confirms: ConfirmRequest[] = [];
  let decision: ConfirmDecision = { approved: false };
  const notified: { title: string; body: string }[] = [];
  const service = await createAssistantService({
    configDir: join(dir, 'config'),
    // No shipped articles: these tests drive the model tiers (the docs tier has its own tests, test/core/router).
    env: {
      PATH: process.env.PATH,
      HOME: home,
      OLLAMA_HOST: ollama.url,
      LANG: 'C.UTF-8',
      KOOMPI_KNOWLEDGE_DIR: join(dir, 'no-knowledge'),
      ...o.env?.({ dir, home }),
    },
    emit: (event, payload) => {
      events.push({ event, payload });
      for (const w of [...waiters]) w();
    },
    confirm: async (req) => {
      confirms.push(req);
      return decision;
    },
    keyStore: memoryKeyStore(),
    hasKoompiCli: false,
    version: '0.0.0-test',
    notify: (title, body) => notified.push({ title, body }),
    historyThrottleMs: 50,
    ...o.service,
  });
  const of = <E extends EventName>(event: E) => events.filter((e) => e.event === event).map((e) => e.payload as Events[E]);
  return {
    dir,
    home,
    ollama,
    service,
    events,
    confirms,
    notified,
    of,
    answerConfirm: (d) => {
      decision = d;
    },
    waitFor(event, pred, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const hit = of(event).find(pred);
          if (hit) {
            waiters.delete(check);
            clearTimeout(t);
            resolve(hit);
          }
        };
        const t = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`timed out waiting for ${event}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    async close() {
      await service.dispose();
      await ollama.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
