// koompi-ask eval [--set FILE] [--out DIR] [--json] [--netns] [--server CMD] [--model NAME] [--limit N] [--cloud]:
// asks every question of the evaluation set through the real router and writes report.json, report.md, report.svg.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import type { ParsedArgs } from './args.js';
import { EXIT, UsageError, writeJsonLine, type CliIo } from './io.js';
import { buildCore } from '../core/router/index.js';
import { EvalSetError, loadEvalSet } from '../core/eval/load-set.js';
import { runEvaluation } from '../core/eval/runner.js';
import { renderReportMd } from '../core/eval/report-md.js';
import { renderReportSvg } from '../core/eval/report-svg.js';
import { compareReports, renderComparisonMd } from '../core/eval/compare.js';
import { netnsSupport, runInNetns, startLocalServer, type LocalServer } from '../core/eval/netns.js';
import { resolveOllamaHost } from '../core/providers/ollama/host.js';
import type { EvalReport, ItemResult } from '../core/eval/types.js';
import type { DocsStatus } from '../core/knowledge/types.js';

const EVAL_USAGE =
  'usage: koompi-ask eval [--set FILE] [--out DIR] [--json] [--netns] [--server CMD] [--model NAME] [--limit N] [--cloud] [--baseline OLD/report.json]\n';

/** Where the shipped set lives: the checkout (from source or the CLI bundle), or the working directory. */
export function evalSetCandidates(): string[] {
  return [
    new URL('../../eval/questions.jsonl', import.meta.url).pathname,
    ...(process.argv[1] ? [join(dirname(process.argv[1]), '../eval/questions.jsonl')] : []),
    resolve('eval/questions.jsonl'),
  ];
}

export async function runEval(args: ParsedArgs, io: CliIo): Promise<number> {
  try {
    return await evaluate(args, io);
  } catch (e) {
    if (e instanceof UsageError || e instanceof EvalSetError) {
      io.stderr.write(`koompi-ask: ${e.message}\n${e instanceof UsageError ? EVAL_USAGE : ''}`);
      return EXIT.usage;
    }
    throw e;
  }
}

async function evaluate(args: ParsedArgs, io: CliIo): Promise<number> {
  if (args.positional.length > 0) throw new UsageError(`eval takes no words, only options (got ${JSON.stringify(args.positional[0])})`);
  const json = args.flags.has('--json');
  const limitRaw = args.options.get('--limit');
  const limit = limitRaw === undefined ? undefined : Number(limitRaw);
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 1))
    throw new UsageError('--limit needs a whole number of questions, at least 1');
  const setPath = args.options.get('--set') ?? evalSetCandidates().find((p) => existsSync(p)) ?? evalSetCandidates()[0]!;
  const outDir = resolve(args.options.get('--out') ?? 'eval-report');
  const items = loadEvalSet(setPath).slice(0, limit);
  const baselinePath = args.options.get('--baseline');
  const baseline = baselinePath === undefined ? null : readBaseline(baselinePath);

  // --netns: run this same command again inside a loopback-only network namespace.
  if (args.flags.has('--netns') && !args.flags.has('--in-netns')) {
    const support = netnsSupport();
    if (!support.ok) {
      io.stderr.write(`koompi-ask: cannot run inside a network namespace: ${support.reason}\n`);
      return EXIT.error;
    }
    const again = ['eval', '--in-netns', '--set', resolve(setPath), '--out', outDir];
    for (const k of ['--server', '--model', '--limit'] as const) {
      const v = args.options.get(k);
      if (v !== undefined) again.push(k, v);
    }
    if (baselinePath !== undefined) again.push('--baseline', resolve(baselinePath));
    for (const f of ['--json', '--cloud', '--no-color'] as const) if (args.flags.has(f)) again.push(f);
    return await runInNetns([process.execPath, ...process.execArgv, process.argv[1]!, ...again], io.env);
  }
  const inNetns = args.flags.has('--in-netns');

  const host = resolveOllamaHost(io.env.OLLAMA_HOST);
  let server: LocalServer | null = null;
  const serverCmd = args.options.get('--server') ?? (inNetns && hasOllamaBinary() ? 'ollama serve' : undefined);
  if (serverCmd) {
    if (!json) io.stderr.write(`Starting the local server: ${serverCmd}\n`);
    try {
      server = await startLocalServer(serverCmd, host, io.env);
    } catch (e) {
      io.stderr.write(`koompi-ask: ${e instanceof Error ? e.message : String(e)}\n`);
      return EXIT.error;
    }
  }

  const model = args.options.get('--model')?.trim();
  const core = await buildCore({ env: model ? { ...io.env, KOOMPI_MODEL: model } : io.env });
  const progress = makeProgress(io, json, items.length);
  let report: EvalReport;
  try {
    const ollama = core.ollama();
    const version = await ollama.models.version(undefined, 1500).catch(() => null);
    const av = await ollama.provider.availability().catch(() => null);
    report = await runEvaluation({
      items,
      ask: (question, onEvent, signal) => core.ask({ question, offline: !args.flags.has('--cloud'), signal }, onEvent),
      ollamaPs: async () => await ollama.models.ps(AbortSignal.timeout(3000)).catch(() => null),
      context: {
        set: setPath,
        ollamaHost: ollama.host,
        ollamaVersion: version,
        model: av && av.ok ? av.model : null,
        netns: inNetns,
        docsIndex: docsIndexInfo(core),
      },
      serverInTree: server !== null,
      onProgress: progress,
    });
  } finally {
    await core.close();
    await server?.stop();
  }
  progress.end();

  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'report.json'), JSON.stringify(report, null, 2) + '\n');
  const comparison = baseline ? compareReports(baseline, report) : null;
  writeFileSync(join(outDir, 'report.md'), renderReportMd(report) + (comparison ? `\n${renderComparisonMd(comparison)}` : ''));
  if (comparison) writeFileSync(join(outDir, 'comparison.json'), JSON.stringify(comparison, null, 2) + '\n');
  writeFileSync(join(outDir, 'report.svg'), renderReportSvg(report));
  if (json) {
    writeJsonLine(io.stdout, report);
  } else {
    io.stdout.write(summary(report, outDir));
    if (comparison)
      io.stdout.write(
        comparison.groups
          .map(
            (g) => `  vs baseline ${g.group}: ${g.delta === null ? 'n/a' : `${g.delta >= 0 ? '+' : ''}${(g.delta * 100).toFixed(1)} pts`}`,
          )
          .join('\n') +
          `\n  ${comparison.improved.length} item(s) now right, ${comparison.regressed.length} now wrong (report.md, comparison.json)\n`,
      );
  }
  return EXIT.ok;
}

/** What the docs tier searches (the index built by `koompi-ask docs index`), or null when there is none. */
function docsIndexInfo(core: { docsStatus?: () => DocsStatus | null }): EvalReport['environment']['docs_index'] {
  try {
    const s = core.docsStatus?.() ?? null;
    if (!s || s.builtAt === null) return null;
    return { built_at: s.builtAt, stale: s.stale, sections: Object.fromEntries(s.sources.map((x) => [x.kind, x.sections])) };
  } catch {
    return null;
  }
}

/** A previous report.json to compare with; a clear usage error when it cannot be read. */
function readBaseline(path: string): EvalReport {
  let r: unknown;
  try {
    r = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new UsageError(
      `cannot read the baseline ${path}: ${e instanceof Error ? e.message : String(e)}; give the report.json of an earlier koompi-ask eval`,
    );
  }
  if (typeof r !== 'object' || r === null || !Array.isArray((r as EvalReport).items) || !Array.isArray((r as EvalReport).groups)) {
    throw new UsageError(`${path} is not a koompi-ask eval report.json (no items/groups); give the report.json of an earlier run`);
  }
  return r as EvalReport;
}

function hasOllamaBinary(): boolean {
  return !spawnSync('ollama', ['--version'], { stdio: 'ignore', timeout: 5000 }).error;
}

type Progress = ((done: number, total: number, last: ItemResult) => void) & { end(): void };

/** A redrawn bar on a TTY (stderr); one line per ten questions otherwise; nothing with --json. */
function makeProgress(io: CliIo, json: boolean, total: number): Progress {
  const tty = io.stderr.isTTY === true && !json;
  let drawn = false;
  const f = ((done: number, _total: number, last: ItemResult) => {
    if (json) return;
    if (tty) {
      const width = 30;
      const full = Math.round((done / total) * width);
      io.stderr.write(
        `\r[${'#'.repeat(full)}${'-'.repeat(width - full)}] ${String(done).padStart(String(total).length)}/${total}  ${last.id} ${last.tier} ${last.total_ms} ms\x1b[K`,
      );
      drawn = true;
    } else if (done % 10 === 0 || done === total) {
      io.stderr.write(`${done}/${total} questions\n`);
    }
  }) as Progress;
  f.end = () => {
    if (drawn) io.stderr.write('\n');
  };
  return f;
}

function summary(r: EvalReport, outDir: string): string {
  const pct = (x: number | null): string => (x === null ? 'n/a' : `${(x * 100).toFixed(1)} %`);
  const lines = [
    `Asked ${r.items.length} questions (${Object.entries(r.by_tier)
      .filter(([, n]) => n > 0)
      .map(([t, n]) => `${t} ${n}`)
      .join(', ')}).`,
    ...r.groups.map(
      (g) =>
        `  ${g.group.padEnd(7)} ${pct(g.accuracy).padStart(8)}  (${g.correct}/${g.counted}${g.ci95 ? `, 95 % CI ${pct(g.ci95[0])}–${pct(g.ci95[1])}` : ''})`,
    ),
    `  response time median ${r.response_time_p50_ms ?? 'n/a'} ms, p95 ${r.response_time_p95_ms ?? 'n/a'} ms; memory peak ${r.memory_peak_mb} MB; answered offline ${r.offline_answered_pct} %`,
    `  attempts to reach beyond loopback: ${r.network.attempts_beyond_loopback}${r.network.kernel_no_route !== null ? ` (kernel no-route drops: ${r.network.kernel_no_route})` : ''}`,
    ...(r.environment.docs_index === null
      ? ['  note: no documentation index is built (koompi-ask docs index): the docs tier searched the KOOMPI articles only']
      : []),
    `Wrote ${join(outDir, 'report.json')}, report.md and report.svg.`,
  ];
  return lines.join('\n') + '\n';
}
