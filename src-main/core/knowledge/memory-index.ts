// An in-memory collection of sections (the shipped KOOMPI articles), built from the articles or restored
// from its cached tokenised form.
import { PACK, pageTokens, sectionTerms } from './fields.js';
import type { PageRecord, SectionRecord } from './model.js';
import { bm25, type Acc, type Collection } from './score.js';
import type { DocKind } from './types.js';

interface Posting {
  docs: number[];
  st: number[];
  bt: number[];
}

export interface MemoryDoc {
  page: PageRecord;
  section: SectionRecord;
}

export interface MemorySnapshot {
  lens: number[];
  postings: [string, number[], number[], number[]][];
}

export class MemoryCollection implements Collection {
  readonly docs: MemoryDoc[] = [];
  private readonly lens: number[] = [];
  private readonly index = new Map<string, Posting>();
  private totalLen = 0;
  filter: (d: MemoryDoc) => boolean = () => true;

  constructor(pages: PageRecord[], snap?: MemorySnapshot) {
    if (snap) {
      for (const page of pages) for (const section of page.sections) this.docs.push({ page, section });
      this.lens.push(...snap.lens);
      this.totalLen = snap.lens.reduce((a, b) => a + b, 0);
      for (const [term, docs, st, bt] of snap.postings) this.index.set(term, { docs, st, bt });
      return;
    }
    for (const page of pages) {
      const pt = pageTokens(page);
      for (const section of page.sections) {
        const id = this.docs.length;
        this.docs.push({ page, section });
        const st = sectionTerms(pt, section, page.kind);
        this.lens.push(st.bodyLen);
        this.totalLen += st.bodyLen;
        st.terms.forEach((v, term) => {
          let p = this.index.get(term);
          if (!p) {
            p = { docs: [], st: [], bt: [] };
            this.index.set(term, p);
          }
          p.docs.push(id);
          p.st.push(Math.floor(v / PACK));
          p.bt.push(v % PACK);
        });
      }
    }
  }

  /** The tokenised form, to cache on disk (tokenising the articles is the slow part of a cold start). */
  snapshot(): MemorySnapshot {
    return { lens: this.lens, postings: [...this.index].map(([t, p]) => [t, p.docs, p.st, p.bt]) };
  }

  get size(): number {
    return this.docs.length;
  }
  get avgBodyLen(): number {
    return this.docs.length ? this.totalLen / this.docs.length : 1;
  }
  df(term: string): number {
    return this.index.get(term)?.docs.length ?? 0;
  }
  accumulate(term: string, weight: number, idf: number, own: boolean, acc: Acc): void {
    const p = this.index.get(term);
    if (!p) return;
    const avg = this.avgBodyLen;
    for (let i = 0; i < p.docs.length; i++) {
      const doc = p.docs[i]!;
      if (acc.score[doc] === 0) acc.touched[acc.n++] = doc;
      acc.score[doc]! += weight * idf * bm25(p.st[i]!, p.bt[i]!, this.lens[doc]!, avg);
      if (own) acc.cover[doc]!++;
    }
  }
  prior(doc: number): number {
    return this.docs[doc]!.page.prior;
  }
  accept(doc: number): boolean {
    return this.filter(this.docs[doc]!);
  }
  langOf(doc: number): 'en' | 'km' {
    return this.docs[doc]!.page.lang;
  }

  static kindsFilter(kinds: DocKind[] | undefined, lang: 'en' | 'km' | undefined): (d: MemoryDoc) => boolean {
    return (d) => (!kinds || kinds.includes(d.page.kind)) && (!lang || d.page.lang === lang);
  }
}
