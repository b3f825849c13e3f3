// koompi-ask dataset build --out DIR [--json]: instruction data for tuning the local model (see docs/training.md):
// DIR/train.jsonl, DIR/validation.jsonl ({"instruction","input","output"} per line) and DIR/manifest.json.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ParsedArgs } from './args.js';
import { EXIT, writeJsonLine, type CliIo } from './io.js';
import { buildDataset } from '../core/dataset/index.js';
import { loadEvalSet } from '../core/eval/load-set.js';
import { evalSetCandidates } from './eval.js';

const DATASET_USAGE = 'usage: koompi-ask dataset build --out DIR [--json] [--set EVAL_SET]\n';

export async function runDataset(args: ParsedArgs, io: CliIo): Promise<number> {
  const [sub, ...rest] = args.positional;
  const usage = (msg: string): number => {
    io.stderr.write(`koompi-ask: ${msg}\n${DATASET_USAGE}`);
    return EXIT.usage;
  };
  if (sub !== 'build') return usage(sub === undefined ? 'dataset needs a subcommand: build' : `unknown dataset subcommand: ${sub}`);
  if (rest.length > 0) return usage(`dataset build takes no words, only options (got ${JSON.stringify(rest[0])})`);
  const out = args.options.get('--out');
  if (!out) return usage('dataset build needs --out DIR (where train.jsonl, validation.jsonl and manifest.json go)');
  const json = args.flags.has('--json');

  // The evaluation questions are kept out of the training data.
  const setPath = args.options.get('--set') ?? evalSetCandidates().find((p) => existsSync(p));
  const evalQuestions = setPath ? loadEvalSet(setPath).map((i) => i.q) : [];
  const t0 = Date.now();
  const tty = io.stderr.isTTY === true && !json;
  const result = buildDataset({
    outDir: resolve(out),
    env: io.env,
    evalQuestions,
    onPhase: (p) => {
      if (!json) io.stderr.write(tty ? `\r${p}…\x1b[K` : `${p}…\n`);
    },
  });
  if (tty) io.stderr.write('\r\x1b[K');
  const m = result.manifest;
  if (json) {
    writeJsonLine(io.stdout, { ...m, files: result.files, ms: Date.now() - t0 });
    return EXIT.ok;
  }
  const lines = [
    `Wrote ${m.train} training and ${m.validation} validation rows to ${resolve(out)} in ${((Date.now() - t0) / 1000).toFixed(1)} s.`,
    ...m.sources.map((s) => `  ${s.kind.padEnd(9)} ${String(s.rows).padStart(6)} rows from ${s.articles} article(s) · ${s.license}`),
    `  removed: ${m.removed.exact_duplicates} exact duplicates, ${m.removed.near_duplicates} near duplicates, ${m.removed.eval_overlap} too close to evaluation questions`,
    `  split by article: ${m.split.train_groups} articles in train, ${m.split.validation_groups} in validation, none in both`,
    ...m.notes.map((n) => `  note: ${n}`),
  ];
  io.stdout.write(lines.join('\n') + '\n');
  return EXIT.ok;
}
