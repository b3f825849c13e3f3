// Starts the real renderer in Chromium with the real core behind window.koompi: the assistant service
// (temp config dir, Ollama and Gemini doubles on 127.0.0.1), host-only channels provided here, invokes
// over a Playwright binding, events pushed back in order with page.evaluate. The confirmation port is
// the test's to answer.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createAssistantService, type AssistantService } from '../../src-main/core/service/assistant-service.js';
import type { ConfirmDecision, ConfirmRequest, Handlers, HostChannel } from '../../src-main/core/service/ports.js';
import { createDispatcher, type Dispatch } from '../../src-main/ipc/dispatch.js';
import type { Channel, EventName, Events, Request, Results } from '../../src-main/ipc/channels.js';
import { startOllamaDouble, type DoubleOptions, type OllamaDouble } from '../../test/doubles/ollama-double.js';
import { startGeminiDouble, type GeminiDouble, type GeminiDoubleOptions } from '../../test/doubles/gemini-double.js';
import { memoryKeyStore } from './memory-key-store.js';
import { startSlowProxy, type SlowProxy } from './slow-proxy.js';

export const GEMINI_TEST_KEY = 'AIzaTestKey_0123456789abcdef';

export interface AppOptions {
  view?: 'overlay' | 'window';
  ollama?: DoubleOptions;
  /** Point the core at a port nothing listens on. */
  ollamaDown?: boolean;
  /** Put a slow proxy (ms per response line) between the core and the Ollama double. */
  ollamaLineDelayMs?: number;
  gemini?: Partial<Omit<GeminiDoubleOptions, 'apiKey'>>;
  colorScheme?: 'light' | 'dark';
  viewport?: { width: number; height: number };
  locale?: string;
  /** Extra environment for the core (e.g. PATH for the runner). */
  env?: NodeJS.ProcessEnv;
  plainTextKeys?: boolean;
  /** Replace some core handlers (the render benchmark answers chat:ask itself and streams in the page). */
  handlerOverrides?: Partial<Handlers>;
  /** Don't navigate yet (the test calls open()). */
  deferOpen?: boolean;
}

export interface App {
  page: Page;
  context: BrowserContext;
  ollama: OllamaDouble | null;
  proxy: SlowProxy | null;
  gemini: GeminiDouble;
  configDir: string;
  service: AssistantService;
  dispatch: Dispatch;
  /** Calls a channel exactly as the renderer would (validated), throwing on an error envelope. */
  call<C extends Channel>(channel: C, payload: Request<C>): Promise<Results[C]>;
  confirmRequests: ConfirmRequest[];
  /** How the "native dialog" answers; default: deny. */
  setConfirm(fn: (req: ConfirmRequest) => Promise<ConfirmDecision> | ConfirmDecision): void;
  windowCalls: string[];
  externalUrls: string[];
  pageErrors: string[];
  events: { event: EventName; payload: unknown }[];
  open(view?: 'overlay' | 'window'): Promise<void>;
  close(): Promise<void>;
}

async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((ok) => srv.listen(0, '127.0.0.1', ok));
  const port = (srv.address() as { port: number }).port;
  await new Promise<void>((ok) => srv.close(() => ok()));
  return port;
}

export async function startApp(browser: Browser, rendererUrl: string, bridgeJs: string, opts: AppOptions = {}): Promise<App> {
  const configDir = mkdtempSync(join(tmpdir(), 'koompi-e2e-'));
  const ollama = opts.ollamaDown ? null : await startOllamaDouble(opts.ollama ?? {});
  const proxy = ollama && opts.ollamaLineDelayMs !== undefined ? await startSlowProxy(ollama.url, opts.ollamaLineDelayMs) : null;
  const ollamaUrl = proxy ? proxy.url : ollama ? ollama.url : `http://127.0.0.1:${await freePort()}`;
  const gemini = await startGeminiDouble({ apiKey: GEMINI_TEST_KEY, answer: 'A cloud answer.', ...opts.gemini });

  let page: Page | null = null;
  const queue: [EventName, unknown][] = [];
  const events: App['events'] = [];
  let flushing = false;
  const flushLoop = async () => {
    flushing = true;
    while (queue.length && page) {
      const batch = queue.splice(0, 500);
      try {
        await page.evaluate((b) => {
          const g = globalThis as unknown as { __koompiEmit?: (e: string, p: unknown) => void };
          for (const [e, p] of b) g.__koompiEmit?.(e, p);
        }, batch);
      } catch {
        // The page is navigating or closed: those events are lost, as they would be for a closed window.
      }
    }
    flushing = false;
  };
  const emit = <E extends EventName>(event: E, payload: Events[E]) => {
    events.push({ event, payload });
    if (!page) return;
    queue.push([event, payload]);
    if (!flushing) void flushLoop();
  };

  const confirmRequests: ConfirmRequest[] = [];
  let confirmFn: (req: ConfirmRequest) => Promise<ConfirmDecision> | ConfirmDecision = () => ({ approved: false });
  const keyStore = memoryKeyStore({ plainText: opts.plainTextKeys ?? false });
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: configDir,
    LANG: 'C.UTF-8',
    XDG_CONFIG_HOME: configDir,
    KOOMPI_CONFIG_DIR: configDir,
    OLLAMA_HOST: ollamaUrl,
    KOOMPI_GEMINI_BASE_URL: gemini.url,
    // No shipped articles unless a test asks (e2e/sources.e2e.ts): the other tests drive the model tiers.
    KOOMPI_KNOWLEDGE_DIR: join(configDir, 'no-knowledge'),
    ...opts.env,
  };
  const service = await createAssistantService({
    configDir,
    env,
    emit,
    confirm: async (req) => {
      confirmRequests.push(req);
      return confirmFn(req);
    },
    keyStore,
    hasKoompiCli: false,
    version: '0.1.0-e2e',
    historyThrottleMs: 50,
  });

  const windowCalls: string[] = [];
  const externalUrls: string[] = [];
  const host: Handlers<HostChannel> = {
    'window:hide': async () => {
      windowCalls.push('hide');
    },
    'window:open-full': async (r) => {
      windowCalls.push(`open-full:${r.conversationId ?? ''}`);
    },
    'shell:open-external': async ({ url }) => {
      externalUrls.push(url);
    },
    'key:status': () => keyStore.status(),
    'key:set': ({ key }) => keyStore.set(key),
    'key:clear': () => keyStore.clear(),
  };
  const dispatch = createDispatcher({ ...service.handlers, ...host, ...opts.handlerOverrides });

  const context = await browser.newContext({
    viewport: opts.viewport ?? { width: 1180, height: 760 },
    colorScheme: opts.colorScheme ?? 'light',
    locale: opts.locale ?? 'en-US',
    reducedMotion: 'reduce',
    deviceScaleFactor: 1,
  });
  const p = await context.newPage();
  const pageErrors: string[] = [];
  p.on('pageerror', (e) => pageErrors.push(`${e.message}\n${e.stack ?? ''}`));
  p.on('console', (m) => {
    if (m.type() === 'error') pageErrors.push(`console: ${m.text()}`);
  });
  await p.exposeBinding('__koompiInvoke', (_source, channel: string, payload: unknown) => dispatch(channel, payload));
  await p.addInitScript({ content: bridgeJs });
  page = p;

  let view = opts.view ?? 'window';
  const app: App = {
    page: p,
    context,
    ollama,
    proxy,
    gemini,
    configDir,
    service,
    dispatch,
    async call(channel, payload) {
      const r = await dispatch(channel, payload);
      if (!r.ok) throw new Error(r.error.message);
      return r.value as Results[typeof channel];
    },
    confirmRequests,
    setConfirm(fn) {
      confirmFn = fn;
    },
    windowCalls,
    externalUrls,
    pageErrors,
    events,
    async open(v) {
      if (v) view = v;
      await p.goto(`${rendererUrl}/index.html?view=${view}`);
      await p.locator('.app[data-booted="1"]').waitFor({ timeout: 30_000 });
    },
    async close() {
      page = null;
      await context.close().catch(() => undefined);
      await service.dispose().catch(() => undefined);
      await proxy?.close().catch(() => undefined);
      await ollama?.close().catch(() => undefined);
      await gemini.close().catch(() => undefined);
      rmSync(configDir, { recursive: true, force: true });
    },
  };
  if (!opts.deferOpen) await app.open();
  return app;
}
