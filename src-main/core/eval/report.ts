// Turns per-item results into the report (report.json): per-group accuracy with Wilson intervals, latency per tier,
// memory and network figures. The field names follow docs/cli-contract.md "Measuring".
import type { Tier } from '../types.js';
import { percentile, round, wilson } from './stats.js';
import type { EvalGroup, EvalReport, GroupAccuracy, ItemResult, TierLatency } from './types.js';

export interface ReportContext {
  set: string;
  startedAt: Date;
  finishedAt: Date;
  ollamaHost: string;
  ollamaVersion: string | null;
  model: string | null;
  netns: boolean;
  docsIndex?: EvalReport['environment']['docs_index'];
  k?: number;
  memory?: { treePeakBytes: number; samples: number; ollamaPsBytes: number | null; ollamaPsModels: string[]; serverInTree: boolean };
  network?: { attempts: number; targets: string[]; kernelNoRoute: number | null };
}

const MB = 1024 * 1024;
const GROUPS: EvalGroup[] = ['linux', 'koompi', 'guard'];
const TIERS: Tier[] = ['rules', 'docs', 'local', 'cloud', 'fallback'];

export function groupAccuracy(results: ItemResult[], group: EvalGroup): GroupAccuracy {
  const inGroup = results.filter((r) => r.group === group);
  const counted = inGroup.filter((r) => r.correct !== null);
  const correct = counted.filter((r) => r.correct === true).length;
  const withSources = inGroup.filter((r) => r.hitAtK !== null);
  const ci = wilson(correct, counted.length);
  return {
    group,
    counted: counted.length,
    correct,
    accuracy: counted.length === 0 ? null : round(correct / counted.length, 4),
    ci95: ci ? [round(ci[0], 4), round(ci[1], 4)] : null,
    hit_at_k: withSources.length === 0 ? null : round(withSources.filter((r) => r.hitAtK).length / withSources.length, 4),
    with_sources: withSources.length,
  };
}

export function buildReport(results: ItemResult[], ctx: ReportContext): EvalReport {
  const groups = GROUPS.map((g) => groupAccuracy(results, g));
  const acc = (g: EvalGroup): number | null => groups.find((x) => x.group === g)!.accuracy;
  const totals = results.map((r) => r.total_ms);
  const firsts = results.flatMap((r) => (r.first_text_ms === null ? [] : [r.first_text_ms]));
  const byTier: Record<string, number> = {};
  for (const t of TIERS) byTier[t] = 0;
  for (const r of results) byTier[r.tier] = (byTier[r.tier] ?? 0) + 1;
  const latency: TierLatency[] = TIERS.filter((t) => byTier[t]! > 0).map((t) => {
    const rs = results.filter((r) => r.tier === t);
    return {
      tier: t,
      count: rs.length,
      p50_ms: percentile(
        rs.map((r) => r.total_ms),
        50,
      ),
      p95_ms: percentile(
        rs.map((r) => r.total_ms),
        95,
      ),
      first_text_p50_ms: percentile(
        rs.flatMap((r) => (r.first_text_ms === null ? [] : [r.first_text_ms])),
        50,
      ),
    };
  });
  const mem = ctx.memory ?? { treePeakBytes: 0, samples: 0, ollamaPsBytes: null, ollamaPsModels: [], serverInTree: false };
  const treeMb = round(mem.treePeakBytes / MB, 1);
  const psMb = mem.ollamaPsBytes === null ? null : round(mem.ollamaPsBytes / MB, 1);
  const answered = results.filter((r) => r.tier !== 'fallback' && r.tier !== 'cloud' && r.error === null && r.text.trim() !== '').length;
  const net = ctx.network ?? { attempts: 0, targets: [], kernelNoRoute: null };
  return {
    set: ctx.set,
    started_at: ctx.startedAt.toISOString(),
    finished_at: ctx.finishedAt.toISOString(),
    environment: {
      ollama_host: ctx.ollamaHost,
      ollama_version: ctx.ollamaVersion,
      model: ctx.model,
      netns: ctx.netns,
      node: process.version,
      docs_index: ctx.docsIndex ?? null,
    },
    items: results,
    accuracy_linux: acc('linux'),
    accuracy_koompi: acc('koompi'),
    accuracy_guard: acc('guard'),
    groups,
    k: ctx.k ?? 5,
    response_time_p50_ms: percentile(totals, 50),
    response_time_p95_ms: percentile(totals, 95),
    first_text_p50_ms: percentile(firsts, 50),
    by_tier: byTier,
    latency_by_tier: latency,
    // the app's process tree, plus the model Ollama holds when the server is not already part of that tree
    memory_peak_mb: round(treeMb + (mem.serverInTree ? 0 : (psMb ?? 0)), 1),
    memory: { process_tree_peak_mb: treeMb, samples: mem.samples, ollama_ps_mb: psMb, ollama_ps_models: mem.ollamaPsModels },
    offline_answered_pct: results.length === 0 ? 0 : round((answered / results.length) * 100, 1),
    network: { attempts_beyond_loopback: net.attempts, targets: net.targets, kernel_no_route: net.kernelNoRoute },
  };
}
