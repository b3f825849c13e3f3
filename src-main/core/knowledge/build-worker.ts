// Worker-thread entry of an index build: runs runBuild with the options it was given and posts the
// progress and the final report back. Bundled as `docs-worker.mjs` next to the CLI bundle.
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { runBuild, type RunOptions } from './build-run.js';

if (!isMainThread && parentPort && (workerData as { koompiDocsBuild?: RunOptions } | null)?.koompiDocsBuild) {
  const port = parentPort;
  try {
    const report = runBuild((workerData as { koompiDocsBuild: RunOptions }).koompiDocsBuild, (p) =>
      port.postMessage({ type: 'progress', p }),
    );
    port.postMessage({ type: 'done', report });
  } catch (e) {
    port.postMessage({ type: 'error', message: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  }
}
