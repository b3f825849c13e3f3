// Command judge cost: median µs per command in process (parse cache cleared, so every judgement parses), and through the CLI.
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { judgeCommand } from '../src-main/core/commands/judge.js';
import { clearParseCache } from '../src-main/core/commands/parse.js';
import { FAMILIES } from '../src-main/core/commands/rules/table.js';

const BIN = fileURLToPath(new URL('../bin/koompi-ask', import.meta.url));
const TESTS = fileURLToPath(new URL('../test/core/commands/', import.meta.url));

// every command the judge's own tests carry: held-out lists and the families' examples
const commands: string[] = [];
for (const f of readdirSync(TESTS).filter((x) => x.endsWith('.jsonl'))) {
  for (const l of readFileSync(TESTS + f, 'utf8')
    .trim()
    .split('\n'))
    commands.push((JSON.parse(l) as { cmd: string }).cmd);
}
for (const fam of FAMILIES) commands.push(...fam.examples.safe, ...fam.examples.elevated, ...fam.examples.destructive);

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const round = (x: number, d = 2): number => Math.round(x * 10 ** d) / 10 ** d;
const line = (figure: string, value: number, unit: string, target?: string): void =>
  console.log(JSON.stringify({ bench: 'check-command', figure, value: round(value, 3), unit, ...(target ? { target } : {}) }));

// warm-up, then per command the fastest of 5 runs (each with an empty parse cache); the figure is the median over commands
for (const c of commands) judgeCommand(c);
const best = new Array<number>(commands.length).fill(Infinity);
for (let pass = 0; pass < 5; pass++) {
  clearParseCache();
  commands.forEach((c, i) => {
    const t0 = process.hrtime.bigint();
    judgeCommand(c);
    const us = Number(process.hrtime.bigint() - t0) / 1e3;
    if (us < best[i]!) best[i] = us;
  });
}
line('commands', commands.length, 'count');
line('median_per_command_ms', median(best) / 1000, 'ms', '<1');
line('p95_per_command_ms', [...best].sort((a, b) => a - b)[Math.floor(best.length * 0.95)]! / 1000, 'ms');
line('max_per_command_ms', Math.max(...best) / 1000, 'ms');

// through the CLI: `check-command --jsonl` over the whole list, marginal cost per command against a 10-command run
const cli = (input: string[]): number => {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [BIN, 'check-command', '--jsonl'], {
    input: input.join('\n') + '\n',
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    timeout: 120_000,
  });
  if (r.status !== 0) throw new Error(`check-command exited ${r.status}: ${r.stderr.slice(0, 300)}`);
  return Number(process.hrtime.bigint() - t0) / 1e6;
};
const all: number[] = [];
const few: number[] = [];
for (let i = 0; i < 3; i++) {
  all.push(cli(commands));
  few.push(cli(commands.slice(0, 10)));
}
line('cli_marginal_per_command_ms', (Math.min(...all) - Math.min(...few)) / (commands.length - 10), 'ms', '<1');
