// Per-file e2e setup: one Chromium and one static server over the renderer built by the global setup;
// each test starts its own app (core, doubles, page) with startApp and closes it.
import { inject } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { launchChromium } from './browser.js';
import { serveStatic, type StaticServer } from './static-server.js';
import { startApp, type App, type AppOptions } from './app-harness.js';

declare module 'vitest' {
  export interface ProvidedContext {
    koompiRenderer: { dir: string; bridgeFile: string };
  }
}

export interface Suite {
  start(opts?: AppOptions): Promise<App>;
  /** Closes every app started in the current test. */
  closeApps(): Promise<void>;
  close(): Promise<void>;
}

export async function openSuite(): Promise<Suite> {
  const built = inject('koompiRenderer');
  const bridgeJs = readFileSync(built.bridgeFile, 'utf8');
  const server: StaticServer = await serveStatic(built.dir);
  const browser: Browser = await launchChromium();
  let apps: App[] = [];
  const closeApps = async () => {
    const list = apps;
    apps = [];
    await Promise.all(list.map((a) => a.close()));
  };
  return {
    async start(opts) {
      const app = await startApp(browser, server.url, bridgeJs, opts);
      apps.push(app);
      return app;
    },
    closeApps,
    async close() {
      await closeApps();
      await browser.close().catch(() => undefined);
      await server.close();
    },
  };
}
