// buildDocsIndex: builds or refreshes the on-disk index in a worker thread (so the app's main process and
// the CLI's progress bar stay responsive), or in-process when asked or when no worker file can be found.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { findKnowledgeDir } from './articles.js';
import { loadArticleCollection } from './articles-cache.js';
import { docsDir } from './paths.js';
import { runBuild, type RunOptions } from './build-run.js';
import type { BuildReport, DocsBuildOptions, DocsBuildProgress } from './types.js';

interface WorkerPlan {
  url: URL;
  tsxApi?: string;
}

/** The worker file: `docs-worker.mjs` beside a bundle, or the TypeScript source run through tsx. */
export function workerPlan(): WorkerPlan | null {
  let here: string;
  try {
    here = import.meta.url;
  } catch {
    return null;
  }
  if (!here || !here.startsWith('file:')) return null;
  if (here.endsWith('.ts')) {
    const src = new URL('./build-worker.ts', here);
    try {
      const pkg = createRequire(fileURLToPath(here)).resolve('tsx/package.json');
      return { url: src, tsxApi: pathToFileURL(join(dirname(pkg), 'dist/esm/api/index.mjs')).href };
    } catch {
      return null;
    }
  }
  const bundled = new URL('./docs-worker.mjs', here);
  // Inside app.asar a worker file must come from app.asar.unpacked (workers cannot load from the archive).
  const unpacked = new URL(bundled.href.replace('/app.asar/', '/app.asar.unpacked/'));
  for (const u of [unpacked, bundled]) if (existsSync(fileURLToPath(u))) return { url: u };
  return null;
}

function withKoompi(report: BuildReport, opts: DocsBuildOptions): BuildReport {
  // Also refreshes the articles' cache, so the next cold start does not tokenise them.
  const a = loadArticleCollection(findKnowledgeDir(opts.env ?? process.env, opts.knowledgeDir), docsDir(opts.cacheDir));
  const koompi = {
    kind: 'koompi' as const,
    pages: a.pages.length,
    sections: a.pages.reduce((n, p) => n + p.sections.length, 0),
    skipped: a.skipped.length,
  };
  return { ...report, sources: [koompi, ...report.sources.filter((s) => s.kind !== 'koompi')] };
}

export async function buildDocsIndex(opts: DocsBuildOptions): Promise<BuildReport> {
  const run: RunOptions = { cacheDir: opts.cacheDir, env: { ...(opts.env ?? process.env) }, full: opts.full };
  const plan = opts.inProcess ? null : workerPlan();
  if (!plan) return withKoompi(runBuild(run, opts.onProgress), opts);
  const report = await new Promise<BuildReport>((resolve, reject) => {
    // From the sources (tests, `tsx`), the worker first registers tsx in its own thread, then loads the entry.
    const w = plan.tsxApi
      ? new Worker(
          `import(${JSON.stringify(plan.tsxApi)}).then((m) => { m.register(); return import(${JSON.stringify(plan.url.href)}); })`,
          { eval: true, workerData: { koompiDocsBuild: run }, env: run.env },
        )
      : new Worker(plan.url, { workerData: { koompiDocsBuild: run }, env: run.env });
    let settled = false;
    let started = false;
    // A worker file that cannot be loaded here (e.g. inside an archive): build in this thread instead.
    const fallback = (e: unknown): void => {
      if (settled) return;
      settled = true;
      if (started) {
        reject(e instanceof Error ? e : new Error(String(e)));
        return;
      }
      try {
        resolve(runBuild(run, opts.onProgress));
      } catch (err) {
        reject(err instanceof Error ? err : new Error(String(err)));
      }
    };
    w.on(
      'message',
      (m: { type: 'progress'; p: DocsBuildProgress } | { type: 'done'; report: BuildReport } | { type: 'error'; message: string }) => {
        started = true;
        if (m.type === 'progress') opts.onProgress?.(m.p);
        else if (m.type === 'done') {
          settled = true;
          resolve(m.report);
        } else {
          settled = true;
          reject(new Error(m.message));
        }
      },
    );
    w.on('error', fallback);
    w.on('exit', (code) => fallback(new Error(`the index worker stopped (exit ${code})`)));
  });
  return withKoompi(report, opts);
}
