// The report: contract fields, per-group Wilson intervals, latency per tier, memory, and the chart/markdown drawn from it.
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../../src-main/core/eval/report.js';
import { renderReportSvg } from '../../../src-main/core/eval/report-svg.js';
import { renderReportMd } from '../../../src-main/core/eval/report-md.js';
import type { ItemResult } from '../../../src-main/core/eval/types.js';

const result = (id: string, group: ItemResult['group'], tier: ItemResult['tier'], ms: number, correct: boolean | null): ItemResult => ({
  id,
  group,
  lang: 'en',
  q: `question ${id}`,
  tier,
  model: null,
  first_text_ms: ms / 2,
  total_ms: ms,
  ollama: {},
  sources: [],
  commands: [],
  error: null,
  text: 'answer',
  checks: correct === null ? [] : [{ name: 'facts', pass: correct, detail: correct ? 'ok' : 'missing: x' }],
  correct,
  sourceRank: null,
  hitAtK: null,
});

describe('buildReport', () => {
  const items = [
    ...Array.from({ length: 8 }, (_, i) => result(`l${i}`, 'linux', 'docs', 10 + i, true)),
    result('l8', 'linux', 'local', 1500, false),
    result('l9', 'linux', 'local', 2500, false),
    result('k0', 'koompi', 'rules', 2, true),
    result('g0', 'guard', 'fallback', 5, null),
  ];
  const r = buildReport(items, {
    set: 'set.jsonl',
    startedAt: new Date(0),
    finishedAt: new Date(1000),
    ollamaHost: 'http://127.0.0.1:9',
    ollamaVersion: null,
    model: null,
    netns: true,
    memory: {
      treePeakBytes: 200 * 1024 * 1024,
      samples: 9,
      ollamaPsBytes: 1024 * 1024 * 1024,
      ollamaPsModels: ['qwen2.5:1.5b'],
      serverInTree: false,
    },
    network: { attempts: 0, targets: [], kernelNoRoute: 0 },
  });

  it('has the contract fields', () => {
    expect(r.items).toHaveLength(12);
    expect(r.accuracy_linux).toBe(0.8);
    expect(r.accuracy_koompi).toBe(1);
    expect(r.accuracy_guard).toBeNull();
    expect(r.groups[0]!.ci95).toEqual([0.4902, 0.9433]);
    expect(r.by_tier).toEqual({ rules: 1, docs: 8, local: 2, cloud: 0, fallback: 1 });
    expect(r.response_time_p50_ms).toBe(13); // nearest rank 6 of 12
    expect(r.response_time_p95_ms).toBe(2500);
    expect(r.memory_peak_mb).toBe(1224); // 200 MB tree + 1024 MB loaded model
    expect(r.offline_answered_pct).toBe(91.7);
    expect(r.latency_by_tier.find((t) => t.tier === 'local')).toMatchObject({ count: 2, p50_ms: 1500, p95_ms: 2500 });
  });

  it('draws the chart and the markdown from the same numbers', () => {
    const svg = renderReportSvg(r);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('docs (8)');
    expect(svg).toContain('linux (8/10)');
    expect(svg).toContain('target 2 s');
    expect(svg).not.toMatch(/NaN|undefined/);
    const md = renderReportMd(r);
    expect(md).toContain('| linux | 8 / 10 | 80.0 % | 49.0 % – 94.3 % |');
    expect(md).toContain('## Items that failed (2)');
    expect(md).toContain('| l9 | local | question l9 | facts: missing: x |');
  });
});
