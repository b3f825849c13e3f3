// How well the documentation's hits match a question: 'strong' (the docs tier answers first, even with a model
// running), 'good' (grounds a model, answers when no model can) or 'none'. Two signals: the index's score and how
// many of the question's content words the passage (title, ref and text) contains. The thresholds were measured
// on eval/questions.jsonl (bench/retrieval.bench.ts); see the figures next to each constant.
import type { DocHit } from '../knowledge/types.js';
import type { DocsStrength } from './plan.js';
import { tokenize } from '../knowledge/tokenize.js';
import { hasKhmer } from '../knowledge/normalize.js';

/** Words the index keeps but that say nothing about a question's topic. */
const FILLER = new Set(
  (
    'how what which where whi when can could would should show tell help also just like make way ways want ' +
    'need command commands linux koompi terminal computer laptop machine pc right now please thank thanks do done doe did ' +
    'has have had there here all any some one ones'
  )
    .split(' ')
    .flatMap((w) => tokenize(w, true)),
);

/** The question's content terms: the index's own tokens (stemmed, Khmer segmented and normalised), fillers dropped. */
export function contentWords(question: string): string[] {
  return [...new Set(tokenize(question))].filter((w) => !FILLER.has(w));
}

/** Share (0..1) of the question's content terms found in the hit's title, ref and text. */
export function coverage(question: string, hit: Pick<DocHit, 'title' | 'ref' | 'text'>): number {
  const words = contentWords(question);
  if (words.length === 0) return 0;
  const hay = new Set(tokenize(`${hit.title}\n${hit.ref}\n${hit.text}`, true));
  let n = 0;
  for (const w of words) if (hay.has(w)) n++;
  return n / words.length;
}

/**
 * Thresholds, measured on eval/questions.jsonl (162 items) over this machine's full index (KOOMPI articles + 20,276
 * man pages), every item answered by the docs tier alone and scored with the evaluation's own checks:
 * - the index's raw BM25 score did not separate right from wrong answers (accuracy 0.63-0.68 at any cut), so it
 *   only keeps out near-empty matches;
 * - coverage did: English items with coverage >= 0.5 were right 74/96 times, below it 5/21; Khmer items (segmentation
 *   makes coverage lower) >= 0.3 right 29/41, below 2/3: a good match answers when no model can, else the fallback;
 * - coverage >= 0.8 was right 68/75 (91 %; English 53/58, Khmer 15/17), at or above the project's 90 % target for
 *   KOOMPI answers and instant, so a strong match answers first even with a model running;
 * - a manual, wiki or handbook section whose title shares no word with the question was mostly a passing mention
 *   (ptargrep(1) for "firewall"): leaving those out raised offline accuracy (Linux 49 -> 52/80, KOOMPI 58 -> 60/62)
 *   and strong matches to 73/77.
 * Figures are re-measured by `npm run bench retrieval` ("docs-tier accuracy by match").
 */
export const STRONG = { score: 5, coverage: 0.8 };
export const GOOD = { score: 5, coverage: 0.5, coverageKm: 0.3 };

export interface DocsAssessment {
  strength: DocsStrength;
  /** Hits good enough to show or to give a model, best first. */
  relevant: DocHit[];
  /** The best hit's coverage, for the bench. */
  coverage: number;
}

/** Whether the page or section title shares a content word with the question (a manual section that merely
 * mentions the words in passing is not an answer: "firewall" in ptargrep(1)). */
export function titleShares(question: string, hit: Pick<DocHit, 'title' | 'ref'>): boolean {
  const t = new Set(tokenize(`${hit.title} ${hit.ref}`, true));
  return contentWords(question).some((w) => t.has(w));
}

export function assessHits(question: string, hits: readonly DocHit[]): DocsAssessment {
  const scored = hits.map((h) => ({ h, c: coverage(question, h) }));
  const minCoverage = hasKhmer(question) ? GOOD.coverageKm : GOOD.coverage;
  const good = scored.filter(({ h, c }) => h.score >= GOOD.score && c >= minCoverage && (h.kind === 'koompi' || titleShares(question, h)));
  if (good.length === 0) return { strength: 'none', relevant: [], coverage: scored[0]?.c ?? 0 };
  const best = good[0]!;
  // One content word ("printer?") is too little to be sure of: at most a good match.
  const strength: DocsStrength =
    best.h.score >= STRONG.score && best.c >= STRONG.coverage && contentWords(question).length >= 2 ? 'strong' : 'good';
  return { strength, relevant: good.map((x) => x.h), coverage: best.c };
}
