// Per-section term statistics for BM25F: the weighted count of a term in the title, heading and keywords
// ("static", not length-normalised) and its count in the body, plus the body length.
import type { PageRecord, SectionRecord } from './model.js';
import type { DocKind } from './types.js';
import { tokenize } from './tokenize.js';

/** Field weights, in half units (stored as integers): title 3, heading 2, keywords/summary 1.5. */
export const W_TITLE = 6;
export const W_HEADING = 4;
export const W_KEYWORDS = 3;

export interface SectionTerms {
  /** term -> static weighted count (x2) * PACK + body count (see unpack). */
  terms: Map<string, number>;
  bodyLen: number;
}

/** Static and body counts packed in one number (no array per term: the build makes millions). */
export const PACK = 1 << 20;
const MAX_STATIC = 250;
const MAX_BODY = PACK - 1;

export interface PageTokens {
  title: string[];
  keywords: string[];
}

/** A man page's exact name as one term ("=ls"): a question naming the command finds its page, not gcloud_storage_ls. */
export function nameTerm(word: string): string {
  return `=${word}`;
}

export function pageTokens(page: PageRecord): PageTokens {
  const title = tokenize(page.title);
  if (page.kind === 'man') {
    const name = page.key.slice(0, page.key.lastIndexOf('(')).toLowerCase();
    if (name) title.push(nameTerm(name));
  }
  return { title, keywords: tokenize(`${page.summary} ${page.keywords}`) };
}

/** Field weights (half units) per kind: a man page's name is what matters, an article's section heading is specific. */
const WEIGHTS: Record<'man' | 'other', { title: number; heading: number; keywords: number }> = {
  man: { title: W_TITLE, heading: W_HEADING, keywords: W_KEYWORDS },
  other: { title: 3, heading: 6, keywords: 2 },
};

export function sectionTerms(pt: PageTokens, s: SectionRecord, kind: DocKind = 'man'): SectionTerms {
  const w = WEIGHTS[kind === 'man' ? 'man' : 'other'];
  const terms = new Map<string, number>();
  const addStatic = (t: string, w: number): void => {
    const e = terms.get(t) ?? 0;
    const st = Math.min(Math.floor(e / PACK) + w, MAX_STATIC);
    terms.set(t, st * PACK + (e % PACK));
  };
  for (const t of pt.title) addStatic(t, w.title);
  for (const t of pt.keywords) addStatic(t, w.keywords);
  if (s.heading) for (const t of tokenize(s.heading)) addStatic(t, w.heading);
  const body = tokenize(s.text);
  for (const t of body) {
    const e = terms.get(t) ?? 0;
    if (e % PACK < MAX_BODY) terms.set(t, e + 1);
  }
  return { terms, bodyLen: body.length };
}
