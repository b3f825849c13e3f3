// BM25F scoring over one or more collections that share global statistics (N and df add up), so the
// in-memory KOOMPI articles and the on-disk man/wiki/KDE index rank on one scale.

export const K1 = 1.2;
export const B = 0.75;

/** Accumulators of one collection for one query. */
export interface Acc {
  score: Float32Array;
  /** Number of the query's own terms matched. */
  cover: Uint8Array;
  touched: Int32Array;
  n: number;
}

export interface Collection {
  size: number;
  avgBodyLen: number;
  df(term: string): number;
  /** Adds weight x idf x BM25 saturation of every section containing the term (BM25F: static fields + normalised body). */
  accumulate(term: string, weight: number, idf: number, own: boolean, acc: Acc): void;
  prior(doc: number): number;
  /** false to leave the section out (kind/lang filters). */
  accept(doc: number): boolean;
  langOf(doc: number): 'en' | 'km';
}

export interface QueryTerm {
  term: string;
  weight: number;
}

export interface Scored {
  col: number;
  doc: number;
  score: number;
}

export function newAcc(size: number): Acc {
  return { score: new Float32Array(size), cover: new Uint8Array(size), touched: new Int32Array(size), n: 0 };
}

/** The BM25 part for one posting; `static2` is the static fields' weighted count x2. */
export function bm25(static2: number, body: number, bodyLen: number, avg: number): number {
  const tf = static2 / 2 + body / (1 - B + (B * bodyLen) / avg);
  return (tf * (K1 + 1)) / (tf + K1);
}

/** Expansion terms more common than this share of all sections add noise and time: dropped. */
const MAX_EXPANSION_DF = 0.04;

/** A section in the other language than the question's ranks lower (the same article exists in both). */
const OTHER_LANG = 0.6;

export function scoreCollections(cols: Collection[], query: QueryTerm[], limit: number, queryLang: 'en' | 'km' | null = null): Scored[] {
  const N = cols.reduce((a, c) => a + c.size, 0);
  if (N === 0 || query.length === 0) return [];
  const ownCount = query.filter((q) => q.weight >= 1).length || 1;
  const dfs = query.map((q) => cols.reduce((a, c) => a + c.df(q.term), 0));
  const out: Scored[] = [];
  cols.forEach((c, ci) => {
    if (c.size === 0) return;
    const acc = newAcc(c.size);
    query.forEach((q, qi) => {
      const df = dfs[qi]!;
      if (df === 0) return;
      const own = q.weight >= 1;
      if (!own && df > N * MAX_EXPANSION_DF) return;
      const idf = Math.log(1 + (N - df + 0.5) / (df + 0.5));
      c.accumulate(q.term, q.weight, idf, own, acc);
    });
    for (let i = 0; i < acc.n; i++) {
      const doc = acc.touched[i]!;
      const coverage = Math.min(1, acc.cover[doc]! / ownCount);
      const s = acc.score[doc]! * c.prior(doc) * (0.4 + 0.6 * coverage) * (queryLang && c.langOf(doc) !== queryLang ? OTHER_LANG : 1);
      if (out.length >= limit * 4 && s <= out[out.length - 1]!.score) continue;
      if (!c.accept(doc)) continue;
      out.push({ col: ci, doc, score: s });
      if (out.length >= limit * 8) {
        out.sort((a, b) => b.score - a.score);
        out.length = limit * 4;
      }
    }
  });
  out.sort((a, b) => b.score - a.score);
  return out.slice(0, limit);
}
