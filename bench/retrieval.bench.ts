// Retrieval and offline answers on eval/questions.jsonl: hit@1 / hit@5 of the raw search per group, answer
// accuracy per group with no model (rules, then the docs tier, else the fallback), accuracy of docs answers by
// match strength (what decides when the docs tier answers before a model), and search p95.
// Uses the index in KOOMPI_CACHE_DIR (default: the user's cache), refreshed first (incremental: seconds when
// nothing changed; the first build of this machine's man pages takes up to two minutes).
import { fileURLToPath } from 'node:url';
import { buildDocsIndex, defaultCacheDir, openDocsIndex } from '../src-main/core/knowledge/index.js';
import { loadEvalSet } from '../src-main/core/eval/load-set.js';
import { measureDocs } from '../src-main/core/router/docs-measure.js';

const SET = fileURLToPath(new URL('../eval/questions.jsonl', import.meta.url));
const round = (x: number): number => Math.round(x * 1000) / 1000;
const line = (figure: string, value: number, unit: string, extra: Record<string, unknown> = {}): void => {
  console.log(JSON.stringify({ bench: 'retrieval', figure, value: round(value), unit, ...extra }));
};

const env = process.env;
const cacheDir = defaultCacheDir(env);
const built = await buildDocsIndex({ cacheDir, env });
if (!built.ok) console.error(`retrieval bench: the index was not refreshed (${built.error}); measuring the one there is.`);
const index = openDocsIndex({ cacheDir, env });
try {
  const items = loadEvalSet(env.KOOMPI_EVAL_SET || SET);
  const m = await measureDocs(index, items);
  for (const g of m.groups) {
    if (g.withSources > 0) {
      line('hit@1', g.hit1 / g.withSources, 'ratio', { group: g.group, n: g.withSources });
      line('hit@5', g.hit5 / g.withSources, 'ratio', { group: g.group, n: g.withSources });
      line('answer sources hit@5', g.answerHit5 / g.withSources, 'ratio', { group: g.group, n: g.withSources });
    }
    if (g.counted > 0) line('offline answer accuracy', g.correct / g.counted, 'ratio', { group: g.group, n: g.counted, tiers: g.tiers });
  }
  const all = m.groups.reduce((a, g) => ({ s: a.s + g.withSources, h1: a.h1 + g.hit1, h5: a.h5 + g.hit5 }), { s: 0, h1: 0, h5: 0 });
  if (all.s > 0) {
    line('hit@1', all.h1 / all.s, 'ratio', { group: 'all', n: all.s });
    line('hit@5', all.h5 / all.s, 'ratio', { group: 'all', n: all.s });
  }
  for (const s of m.strengths) {
    if (s.counted > 0)
      line('docs-tier accuracy by match', s.correct / s.counted, 'ratio', { strength: s.strength, n: s.counted, items: s.items });
  }
  line('search p95', m.searchP95Ms, 'ms', { target: '<= 50' });
  if (env.RETRIEVAL_BENCH_ROWS) for (const r of m.rows) console.error(JSON.stringify(r));
} finally {
  index.close();
}
