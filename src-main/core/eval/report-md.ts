// Writes report.md: the plan's targets beside the measured figures, per-group accuracy, latency per tier, failures.
import type { EvalReport, ItemResult } from './types.js';

const pct = (x: number | null): string => (x === null ? 'n/a' : `${(x * 100).toFixed(1)} %`);
const ms = (x: number | null): string => (x === null ? 'n/a' : `${x} ms`);
const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function renderReportMd(r: EvalReport): string {
  const L: string[] = [];
  L.push('# KOOMPI Assistant evaluation', '');
  L.push(`Set \`${r.set}\`, ${r.items.length} questions, ${r.started_at} → ${r.finished_at}.`);
  L.push(
    `Ollama \`${r.environment.ollama_host}\` (${r.environment.ollama_version ?? 'not reachable'}), model ${r.environment.model ?? 'none'}, ` +
      `${r.environment.netns ? 'run inside a network namespace with only loopback' : 'run on the host network'}, Node ${r.environment.node}.`,
  );
  const di = r.environment.docs_index;
  L.push(
    di
      ? `Documentation index built ${di.built_at}${di.stale ? ' (stale)' : ''}: ${Object.entries(di.sections)
          .map(([k, n]) => `${k} ${n} sections`)
          .join(', ')}.`
      : 'No documentation index built: the docs tier searched the KOOMPI articles only.',
    '',
  );
  L.push('![chart](report.svg)', '');
  L.push("## The plan's targets", '');
  L.push('| target | measured here |', '| --- | --- |');
  L.push(
    `| response time < 2 s | median ${ms(r.response_time_p50_ms)}, p95 ${ms(r.response_time_p95_ms)} (first text median ${ms(r.first_text_p50_ms)}) |`,
  );
  L.push(`| Linux accuracy > 85 % | ${pct(r.accuracy_linux)} ${ci(r, 'linux')} |`);
  L.push(`| KOOMPI accuracy > 90 % | ${pct(r.accuracy_koompi)} ${ci(r, 'koompi')} |`);
  L.push(
    `| memory < 3 GB | peak ${r.memory_peak_mb} MB (process tree ${r.memory.process_tree_peak_mb} MB, Ollama /api/ps ${r.memory.ollama_ps_mb ?? 'n/a'} MB) |`,
  );
  L.push(
    `| 100 % offline | ${r.offline_answered_pct} % answered without the cloud; ${r.network.attempts_beyond_loopback} attempt(s) to reach beyond loopback` +
      `${r.network.kernel_no_route !== null ? `, kernel no-route drops ${r.network.kernel_no_route}` : ''} |`,
    '',
  );
  L.push('## Accuracy per group', '');
  L.push('| group | correct / counted | accuracy | 95 % Wilson interval | sources hit@' + r.k + ' |', '| --- | --- | --- | --- | --- |');
  for (const g of r.groups) {
    L.push(
      `| ${g.group} | ${g.correct} / ${g.counted} | ${pct(g.accuracy)} | ${g.ci95 ? `${pct(g.ci95[0])} – ${pct(g.ci95[1])}` : 'n/a'} | ${g.hit_at_k === null ? 'n/a' : `${pct(g.hit_at_k)} of ${g.with_sources}`} |`,
    );
  }
  L.push('', '## Response time per tier', '');
  L.push('| tier | answers | median | p95 | first text (median) |', '| --- | --- | --- | --- | --- |');
  for (const t of r.latency_by_tier) L.push(`| ${t.tier} | ${t.count} | ${ms(t.p50_ms)} | ${ms(t.p95_ms)} | ${ms(t.first_text_p50_ms)} |`);
  const withOllama = r.items.filter((i) => Object.keys(i.ollama).length > 0);
  if (withOllama.length > 0) {
    const avg = (k: keyof ItemResult['ollama']): string => {
      const v = withOllama.flatMap((i) => (i.ollama[k] === undefined ? [] : [i.ollama[k]!]));
      return v.length === 0 ? 'absent' : String(Math.round(v.reduce((a, b) => a + b, 0) / v.length));
    };
    L.push(
      '',
      `Ollama's own timings over ${withOllama.length} answers (mean; durations in ns): load_duration ${avg('load_duration')}, ` +
        `prompt_eval_count ${avg('prompt_eval_count')}, prompt_eval_duration ${avg('prompt_eval_duration')}, eval_count ${avg('eval_count')}, eval_duration ${avg('eval_duration')}.`,
    );
  }
  const failed = r.items.filter((i) => i.correct === false);
  L.push('', `## Items that failed (${failed.length})`, '');
  if (failed.length > 0) {
    L.push('| id | tier | question | failed checks |', '| --- | --- | --- | --- |');
    for (const i of failed) {
      const why = i.checks
        .filter((c) => !c.pass)
        .map((c) => `${c.name}: ${c.detail}`)
        .join('; ');
      L.push(`| ${i.id} | ${i.tier} | ${cell(i.q)} | ${cell(why)} |`);
    }
  }
  L.push('', 'Scoring is deterministic (no model as judge); see `eval/README.md`.', '');
  return L.join('\n');
}

function ci(r: EvalReport, group: string): string {
  const g = r.groups.find((x) => x.group === group);
  return g?.ci95 ? `(95 % CI ${pct(g.ci95[0])} – ${pct(g.ci95[1])}, n = ${g.counted})` : '';
}
