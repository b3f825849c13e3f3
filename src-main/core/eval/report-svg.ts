// Draws report.svg: latency per tier (median and p95 bars) beside accuracy per group (bars with 95 % Wilson whiskers).
import type { EvalReport } from './types.js';

const W = 960;
const H = 450;
const PANEL_W = 440;
const TOP = 92;
const BOTTOM = 362;
const TIER_COLOR: Record<string, string> = { rules: '#2f855a', docs: '#2b6cb0', local: '#b7791f', cloud: '#805ad5', fallback: '#a0aec0' };
const GROUP_COLOR: Record<string, string> = { linux: '#2b6cb0', koompi: '#2f855a', guard: '#c05621' };
const TARGET: Record<string, number> = { linux: 0.85, koompi: 0.9 };

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const fmtMs = (ms: number): string => (ms >= 1000 ? `${(ms / 1000).toFixed(ms >= 10_000 ? 0 : 1)} s` : `${Math.round(ms)} ms`);

/** A "nice" axis maximum at or above v. */
function niceMax(v: number): number {
  if (v <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= v) return m * p;
  return 10 * p;
}

export function renderReportSvg(r: EvalReport): string {
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="Noto Sans, Noto Sans Khmer, Khmer OS, DejaVu Sans, sans-serif" font-size="12">`,
  );
  out.push(`<rect width="${W}" height="${H}" fill="#ffffff"/>`);
  out.push(`<text x="20" y="26" font-size="16" font-weight="bold">KOOMPI Assistant evaluation · ការវាយតម្លៃ</text>`);
  out.push(
    `<text x="20" y="46" fill="#4a5568">${esc(`${r.items.length} questions · ${r.environment.model ?? 'no model'} · ${r.environment.netns ? 'inside a loopback-only network namespace' : 'host network'} · ${r.finished_at.slice(0, 16).replace('T', ' ')} UTC`)}</text>`,
  );

  // Left panel: latency per tier
  const lx = 60;
  const lat = r.latency_by_tier;
  const maxMs = niceMax(Math.max(1, ...lat.map((t) => t.p95_ms ?? 0), 2000));
  const y = (ms: number): number => BOTTOM - ((BOTTOM - TOP) * ms) / maxMs;
  out.push(`<text x="${lx}" y="${TOP - 18}" font-weight="bold">Response time per tier · ពេលឆ្លើយតាមកម្រិត</text>`);
  for (let i = 0; i <= 4; i++) {
    const v = (maxMs * i) / 4;
    out.push(`<line x1="${lx}" x2="${lx + PANEL_W - 40}" y1="${y(v)}" y2="${y(v)}" stroke="#e2e8f0"/>`);
    out.push(`<text x="${lx - 6}" y="${y(v) + 4}" text-anchor="end" fill="#4a5568">${fmtMs(v)}</text>`);
  }
  // the plan's 2 s target
  if (2000 <= maxMs) {
    out.push(`<line x1="${lx}" x2="${lx + PANEL_W - 40}" y1="${y(2000)}" y2="${y(2000)}" stroke="#e53e3e" stroke-dasharray="5 4"/>`);
    out.push(`<text x="${lx + PANEL_W - 42}" y="${y(2000) - 4}" text-anchor="end" fill="#e53e3e">target 2 s</text>`);
  }
  const slot = lat.length > 0 ? (PANEL_W - 60) / lat.length : 0;
  lat.forEach((t, i) => {
    const x = lx + 10 + i * slot;
    const bw = Math.min(34, slot / 2 - 6);
    const p50 = t.p50_ms ?? 0;
    const p95 = t.p95_ms ?? 0;
    const c = TIER_COLOR[t.tier] ?? '#718096';
    out.push(
      `<rect x="${x}" y="${y(p50)}" width="${bw}" height="${BOTTOM - y(p50)}" fill="${c}"><title>${t.tier} median ${fmtMs(p50)}</title></rect>`,
    );
    out.push(
      `<rect x="${x + bw + 4}" y="${y(p95)}" width="${bw}" height="${BOTTOM - y(p95)}" fill="${c}" fill-opacity="0.45"><title>${t.tier} p95 ${fmtMs(p95)}</title></rect>`,
    );
    out.push(`<text x="${x + bw / 2}" y="${y(p50) - 4}" text-anchor="middle" font-size="10">${fmtMs(p50)}</text>`);
    out.push(`<text x="${x + bw * 1.5 + 4}" y="${y(p95) - 4}" text-anchor="middle" font-size="10">${fmtMs(p95)}</text>`);
    out.push(`<text x="${x + bw + 2}" y="${BOTTOM + 16}" text-anchor="middle">${esc(t.tier)} (${t.count})</text>`);
  });
  out.push(`<text x="${lx}" y="${BOTTOM + 40}" fill="#4a5568">solid: median · pale: 95th percentile · ពណ៌ដិត៖ មធ្យម</text>`);

  // Right panel: accuracy per group
  const rx = 540;
  const ay = (v: number): number => BOTTOM - (BOTTOM - TOP) * v;
  out.push(`<text x="${rx}" y="${TOP - 18}" font-weight="bold">Accuracy per group (95 % CI) · ភាពត្រឹមត្រូវ</text>`);
  for (let i = 0; i <= 4; i++) {
    const v = i / 4;
    out.push(`<line x1="${rx}" x2="${rx + 380}" y1="${ay(v)}" y2="${ay(v)}" stroke="#e2e8f0"/>`);
    out.push(`<text x="${rx - 6}" y="${ay(v) + 4}" text-anchor="end" fill="#4a5568">${Math.round(v * 100)}%</text>`);
  }
  r.groups.forEach((g, i) => {
    const x = rx + 30 + i * 120;
    const bw = 60;
    const c = GROUP_COLOR[g.group] ?? '#718096';
    if (g.accuracy !== null) {
      out.push(
        `<rect x="${x}" y="${ay(g.accuracy)}" width="${bw}" height="${BOTTOM - ay(g.accuracy)}" fill="${c}"><title>${g.group} ${g.correct}/${g.counted}</title></rect>`,
      );
      // inside the bar when it is tall enough (the whisker crosses the space above it), else above the whisker
      const label = `${Math.round(g.accuracy * 100)}%`;
      if (BOTTOM - ay(g.accuracy) > 26)
        out.push(`<text x="${x + 6}" y="${ay(g.accuracy) + 16}" fill="#ffffff" font-weight="bold">${label}</text>`);
      else
        out.push(
          `<text x="${x + bw / 2}" y="${ay(g.ci95?.[1] ?? g.accuracy) - 6}" text-anchor="middle" font-weight="bold">${label}</text>`,
        );
    } else {
      out.push(`<text x="${x + bw / 2}" y="${BOTTOM - 6}" text-anchor="middle" fill="#718096">n/a</text>`);
    }
    if (g.ci95) {
      const cx = x + bw / 2;
      out.push(`<line x1="${cx}" x2="${cx}" y1="${ay(g.ci95[0])}" y2="${ay(g.ci95[1])}" stroke="#1a202c" stroke-width="1.5"/>`);
      out.push(`<line x1="${cx - 8}" x2="${cx + 8}" y1="${ay(g.ci95[0])}" y2="${ay(g.ci95[0])}" stroke="#1a202c" stroke-width="1.5"/>`);
      out.push(`<line x1="${cx - 8}" x2="${cx + 8}" y1="${ay(g.ci95[1])}" y2="${ay(g.ci95[1])}" stroke="#1a202c" stroke-width="1.5"/>`);
    }
    const target = TARGET[g.group];
    if (target !== undefined) {
      out.push(`<line x1="${x - 6}" x2="${x + bw + 6}" y1="${ay(target)}" y2="${ay(target)}" stroke="#e53e3e" stroke-dasharray="4 3"/>`);
      out.push(`<text x="${x + bw + 8}" y="${ay(target) + 4}" fill="#e53e3e" font-size="10">${Math.round(target * 100)}%</text>`);
    }
    out.push(`<text x="${x + bw / 2}" y="${BOTTOM + 16}" text-anchor="middle">${esc(g.group)} (${g.correct}/${g.counted})</text>`);
    if (g.hit_at_k !== null)
      out.push(
        `<text x="${x + bw / 2}" y="${BOTTOM + 30}" text-anchor="middle" fill="#4a5568" font-size="10">sources hit@${r.k}: ${Math.round(g.hit_at_k * 100)}%</text>`,
      );
  });
  out.push(
    `<text x="20" y="${H - 12}" fill="#4a5568">${esc(`memory peak ${r.memory_peak_mb} MB · answered offline ${r.offline_answered_pct}% · network attempts beyond loopback ${r.network.attempts_beyond_loopback}`)}</text>`,
  );
  out.push('</svg>');
  return out.join('\n') + '\n';
}
