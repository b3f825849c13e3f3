// Compares two evaluation reports on the same set (a base and a tuned model): accuracy per group before and after,
// and the items whose verdict changed. Used by `koompi-ask eval --baseline OLD/report.json`.
import type { EvalGroup, EvalReport } from './types.js';

export interface Comparison {
  baseline: { set: string; model: string | null; finished_at: string };
  groups: { group: EvalGroup; before: number | null; after: number | null; delta: number | null }[];
  /** Items right before and wrong now, and the other way round (only items in both reports). */
  regressed: string[];
  improved: string[];
  /** Ids in one report and not the other (a different set). */
  unmatched: number;
  p50_before_ms: number | null;
  p50_after_ms: number | null;
}

export function compareReports(before: EvalReport, after: EvalReport): Comparison {
  const old = new Map(before.items.map((i) => [i.id, i]));
  const regressed: string[] = [];
  const improved: string[] = [];
  let unmatched = 0;
  for (const i of after.items) {
    const o = old.get(i.id);
    if (!o) {
      unmatched++;
      continue;
    }
    if (o.correct === true && i.correct === false) regressed.push(i.id);
    if (o.correct === false && i.correct === true) improved.push(i.id);
  }
  unmatched += before.items.filter((o) => !after.items.some((i) => i.id === o.id)).length;
  const acc = (r: EvalReport, g: EvalGroup): number | null => r.groups.find((x) => x.group === g)?.accuracy ?? null;
  return {
    baseline: { set: before.set, model: before.environment.model, finished_at: before.finished_at },
    groups: (['linux', 'koompi', 'guard'] as EvalGroup[]).map((g) => {
      const b = acc(before, g);
      const a = acc(after, g);
      return { group: g, before: b, after: a, delta: a === null || b === null ? null : Math.round((a - b) * 10_000) / 10_000 };
    }),
    regressed,
    improved,
    unmatched,
    p50_before_ms: before.response_time_p50_ms,
    p50_after_ms: after.response_time_p50_ms,
  };
}

export function renderComparisonMd(c: Comparison): string {
  const pct = (x: number | null): string => (x === null ? 'n/a' : `${(x * 100).toFixed(1)} %`);
  const L = [
    '## Compared with the baseline',
    '',
    `Baseline: model ${c.baseline.model ?? 'none'}, finished ${c.baseline.finished_at}.`,
    '',
    '| group | baseline | this run | change |',
    '| --- | --- | --- | --- |',
    ...c.groups.map(
      (g) =>
        `| ${g.group} | ${pct(g.before)} | ${pct(g.after)} | ${g.delta === null ? 'n/a' : `${g.delta >= 0 ? '+' : ''}${(g.delta * 100).toFixed(1)} pts`} |`,
    ),
    '',
    `Response time median: ${c.p50_before_ms ?? 'n/a'} ms → ${c.p50_after_ms ?? 'n/a'} ms.`,
    `Now right, wrong before (${c.improved.length}): ${c.improved.join(', ') || 'none'}.`,
    `Now wrong, right before (${c.regressed.length}): ${c.regressed.join(', ') || 'none'}.`,
  ];
  if (c.unmatched > 0) L.push(`${c.unmatched} item(s) are in only one of the two reports: the sets differ.`);
  return L.join('\n') + '\n';
}
