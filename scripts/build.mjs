// Builds everything the desktop app and the packaged CLI need into dist/: main + preload (esbuild),
// renderer (vite), and the bundled CLI. Each step lives in its own script.
import { spawnSync } from 'node:child_process';

/** @type {[string, string[]][]} */
const steps = [
  ['node', ['scripts/build-main.mjs']],
  ['npx', ['vite', 'build', '--logLevel', 'warn']],
  ['node', ['scripts/build-cli.mjs']],
];
for (const [cmd, args] of steps) {
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`build step failed: ${cmd} ${args.join(' ')}`);
    process.exit(r.status ?? 1);
  }
}
