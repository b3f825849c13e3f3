// Measures the docs tier on an evaluation set (eval/questions.jsonl): retrieval hit@1/hit@5 per group on the raw
// search, and answer accuracy per group through the real router with no model (rules, then the docs tier, else the
// fallback), split by how strongly the documentation matched. Used by bench/retrieval.bench.ts and the unit test
// that keeps retrieval above a measured floor.
import type { DocsIndex } from '../knowledge/types.js';
import type { EvalItem } from '../eval/types.js';
import { scoreItem, sourceKey } from '../eval/score.js';
import { createRouter } from './router.js';
import { assessHits } from './docs-match.js';
import { systemPrompt } from '../providers/system-prompt.js';
import { DOCS_SEARCH_LIMIT } from './router.js';

export interface GroupFigures {
  group: string;
  /** Items with expected sources (retrieval is measured on these). */
  withSources: number;
  hit1: number;
  hit5: number;
  /** hit@5 over the sources the offline answer lists (the passages used and the manuals of their commands). */
  answerHit5: number;
  /** Items with at least one check (accuracy is measured on these). */
  counted: number;
  correct: number;
  /** How the items were answered with no model. */
  tiers: Record<string, number>;
}

export interface StrengthFigures {
  strength: 'strong' | 'good' | 'none';
  items: number;
  /** Docs answers (or fallbacks) that passed every check, among counted items. */
  counted: number;
  correct: number;
}

export interface ItemRow {
  id: string;
  group: string;
  lang: string;
  rank: number | null;
  strength: 'strong' | 'good' | 'none';
  tier: string;
  correct: boolean | null;
  top: { ref: string; score: number } | null;
  coverage: number;
  searchMs: number;
}

export interface DocsMeasure {
  groups: GroupFigures[];
  strengths: StrengthFigures[];
  rows: ItemRow[];
  searchP95Ms: number;
}

export async function measureDocs(
  index: DocsIndex,
  items: readonly EvalItem[],
  opts: { hasKoompiCli?: boolean } = {},
): Promise<DocsMeasure> {
  const router = createRouter({
    settings: () => ({ allowCloud: false, privacyMode: true, ollamaHost: null }),
    local: () => null,
    cloud: () => null,
    intentContext: () => ({ hasKoompiCli: opts.hasKoompiCli ?? false }),
    systemPrompt,
    docs: () => index,
  });
  const groups = new Map<string, GroupFigures>();
  const strengths = new Map<string, StrengthFigures>();
  const rows: ItemRow[] = [];
  const times: number[] = [];
  for (const item of items) {
    const t0 = performance.now();
    const hits = index.search(item.q, { limit: DOCS_SEARCH_LIMIT });
    const searchMs = performance.now() - t0;
    times.push(searchMs);
    const res = item.sources.map((r) => new RegExp(r, 'iu'));
    const i = hits.slice(0, 5).findIndex((h) => res.some((re) => re.test(sourceKey(h))));
    const rank = item.sources.length === 0 ? null : i === -1 ? null : i + 1;
    const a = assessHits(item.q, hits);
    const answer = await router.ask({ question: item.q, offline: true });
    const score = scoreItem(item, answer);

    const g = groups.get(item.group) ?? {
      group: item.group,
      withSources: 0,
      hit1: 0,
      hit5: 0,
      answerHit5: 0,
      counted: 0,
      correct: 0,
      tiers: {},
    };
    if (item.sources.length > 0) {
      g.withSources++;
      if (rank === 1) g.hit1++;
      if (rank !== null) g.hit5++;
      if (score.hitAtK) g.answerHit5++;
    }
    if (score.correct !== null) {
      g.counted++;
      if (score.correct) g.correct++;
    }
    g.tiers[answer.tier] = (g.tiers[answer.tier] ?? 0) + 1;
    groups.set(item.group, g);

    if (answer.tier !== 'rules') {
      const s = strengths.get(a.strength) ?? { strength: a.strength, items: 0, counted: 0, correct: 0 };
      s.items++;
      if (score.correct !== null) {
        s.counted++;
        if (score.correct) s.correct++;
      }
      strengths.set(a.strength, s);
    }
    rows.push({
      id: item.id,
      group: item.group,
      lang: item.lang,
      rank,
      strength: a.strength,
      tier: answer.tier,
      correct: score.correct,
      top: hits[0] ? { ref: hits[0].ref, score: hits[0].score } : null,
      coverage: a.coverage,
      searchMs,
    });
  }
  times.sort((x, y) => x - y);
  return {
    groups: [...groups.values()],
    strengths: [...strengths.values()],
    rows,
    searchP95Ms: times.length ? times[Math.min(times.length - 1, Math.floor(times.length * 0.95))]! : 0,
  };
}
