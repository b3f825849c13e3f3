// `npm run bench`: runs every bench/*.bench.ts in turn; each prints one JSON line per figure.
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const only = process.argv[2];
const files = readdirSync('bench')
  .filter((f) => f.endsWith('.bench.ts') && (!only || f.includes(only)))
  .sort();
let failed = 0;
for (const f of files) {
  const r = spawnSync('node', ['--import', 'tsx', '--expose-gc', `bench/${f}`], { stdio: 'inherit' });
  if (r.status !== 0) {
    failed++;
    console.error(`bench ${f} failed (exit ${r.status})`);
  }
}
process.exit(failed ? 1 : 0);
