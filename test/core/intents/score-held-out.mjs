#!/usr/bin/env node
// Scores held-out intent sets through `bin/koompi-ask --route-only --jsonl`, exactly as ../shared/tools/eval-sample.mjs does.
// Run from the project root:  node test/core/intents/score-held-out.mjs [file.jsonl ...]   (default: every held-out*.jsonl here)
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const files =
  process.argv.length > 2
    ? process.argv.slice(2)
    : readdirSync(here)
        .filter((f) => /^held-out.*\.jsonl$/.test(f))
        .map((f) => join(here, f));
const verbose = process.env.VERBOSE === '1';

function route(lines) {
  const r = spawnSync('bin/koompi-ask', ['--route-only', '--jsonl'], { input: lines.join('\n') + '\n', encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0) throw new Error(`bin/koompi-ask exited ${r.status}: ${r.stderr.slice(0, 300)}`);
  return r.stdout
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));
}

let failed = false;
for (const file of files) {
  const rows = readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  const out = route(rows.map((c) => c.q.replace(/\n/g, ' ')));
  if (out.length !== rows.length) {
    console.log(`${basename(file)}: ${out.length} answers for ${rows.length} rows`);
    failed = true;
  }
  let ok = 0;
  let hostileMiss = 0;
  rows.forEach((c, i) => {
    const o = out[i] ?? {};
    const action = o.tier === 'rules' && !!o.command;
    const pass =
      c.expect === 'action'
        ? action && new RegExp(c.re, 'i').test(o.command)
        : c.expect === 'no-action'
          ? !action
          : !action || !new RegExp(c.not, 'i').test(o.command);
    if (pass) ok++;
    else {
      if (c.expect === 'safe') hostileMiss++;
      console.log(`  miss [${c.tag}] ${JSON.stringify(c.q).slice(0, 120)} -> ${o.tier}: ${o.command}`);
    }
    if (verbose && pass) console.log(`  ok   [${c.tag}] ${JSON.stringify(c.q).slice(0, 80)} -> ${o.tier}: ${o.command}`);
  });
  const pct = ((100 * ok) / rows.length).toFixed(1);
  console.log(`${basename(file)}: ${ok}/${rows.length} (${pct}%), hostile misses: ${hostileMiss}`);
  failed ||= ok / rows.length < 0.95 || hostileMiss > 0;
}
process.exit(failed ? 1 : 0);
