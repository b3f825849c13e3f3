// The app's background refresh of the documentation index: a while after start (never before the first answer,
// which uses whatever index exists), buildDocsIndex runs in its worker (incremental: seconds when nothing changed,
// about two minutes the first time); the core reopens the index when it is done. Progress for the health check.
import { buildDocsIndex } from '../knowledge/index.js';
import type { BuildReport, DocsBuildProgress } from '../knowledge/types.js';

export interface DocsBuilder {
  /** Schedules one build (a second call while one is pending or running does nothing). */
  start(delayMs?: number): void;
  /** The running build's last progress, or null. */
  progress(): DocsBuildProgress | null;
  /** The last build's report, or null before any. */
  last(): BuildReport | null;
  /** Resolves when no build is pending or running. */
  idle(): Promise<void>;
  dispose(): void;
}

export function createDocsBuilder(deps: { cacheDir: string; env: NodeJS.ProcessEnv; onBuilt: () => void }): DocsBuilder {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let progress: DocsBuildProgress | null = null;
  let last: BuildReport | null = null;
  let disposed = false;

  const run = (): void => {
    timer = null;
    if (disposed || running) return;
    running = buildDocsIndex({
      cacheDir: deps.cacheDir,
      env: deps.env,
      onProgress: (p) => {
        progress = p;
      },
    })
      .then((r) => {
        last = r;
        if (r.ok && !disposed) deps.onBuilt();
      })
      .catch((e: unknown) => {
        last = {
          ok: false,
          error: e instanceof Error ? e.message : String(e),
          errorKind: 'io',
          dir: deps.cacheDir,
          sources: [],
          parsed: 0,
          reused: 0,
          sections: 0,
          bytes: 0,
          ms: 0,
          keptOld: true,
        };
      })
      .finally(() => {
        running = null;
        progress = null;
      });
  };

  return {
    start(delayMs = 0) {
      if (disposed || timer || running) return;
      timer = setTimeout(run, delayMs);
      timer.unref?.();
    },
    progress: () => progress,
    last: () => last,
    async idle() {
      while (timer || running) {
        if (running) await running;
        else await new Promise((r) => setTimeout(r, 20));
      }
    },
    dispose() {
      disposed = true;
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
