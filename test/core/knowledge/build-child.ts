// Runs one index build in its own process (for the disk-full and two-writers tests) and prints its report.
import { runBuild } from '../../../src-main/core/knowledge/build-run.js';

const report = runBuild({ cacheDir: process.env.TEST_CACHE_DIR!, env: process.env });
process.stdout.write(`${JSON.stringify(report)}\n`);
