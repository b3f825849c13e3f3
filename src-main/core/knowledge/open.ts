// openDocsIndex: synchronous. Loads the shipped KOOMPI articles in memory and, when a built index exists
// and is sound, the on-disk index of man pages, ArchWiki and KDE handbooks; searches both on one scale.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { findKnowledgeDir } from './articles.js';
import { loadArticleCollection, type LoadedArticles } from './articles-cache.js';
import { bestExcerpt } from './excerpt.js';
import { readLock } from './lock.js';
import { MemoryCollection } from './memory-index.js';
import { hasKhmer } from './normalize.js';
import { docsDir } from './paths.js';
import { scoreCollections, type Collection } from './score.js';
import { INDEX_FILE, KINDS, type BlockSection } from './store-format.js';
import { CorruptIndexError, DiskIndex } from './store-reader.js';
import { nameTerm } from './fields.js';
import { expandQuery } from './synonyms.js';
import { tokenize, tokenizerFingerprint } from './tokenize.js';
import type { DocHit, DocKind, DocsIndex, DocsOpenOptions, DocsSearchOptions, DocsStatus } from './types.js';

const PER_PAGE = 2;

interface Opened {
  disk: DiskIndex;
  ino: number;
  mtimeMs: number;
}

export function openDocsIndex(opts: DocsOpenOptions): DocsIndex {
  const env = opts.env ?? process.env;
  const dir = docsDir(opts.cacheDir);
  const file = join(dir, INDEX_FILE);
  const knowledgeDir = findKnowledgeDir(env, opts.knowledgeDir);
  let loaded: LoadedArticles | null = null;
  const arts = (): LoadedArticles => (loaded ??= loadArticleCollection(knowledgeDir, dir));
  let opened: Opened | null = null;
  let problem: string | null = null;
  let closed = false;

  const mem = (): MemoryCollection => arts().collection;

  /** The current on-disk index; reopened when a build replaced the file. */
  const disk = (): DiskIndex | null => {
    if (closed) return null;
    let st;
    try {
      st = statSync(file);
    } catch {
      opened?.disk.close();
      opened = null;
      return null;
    }
    if (opened && opened.ino === st.ino && opened.mtimeMs === st.mtimeMs) return opened.disk;
    opened?.disk.close();
    opened = null;
    try {
      opened = { disk: new DiskIndex(file), ino: st.ino, mtimeMs: st.mtimeMs };
      problem = null;
    } catch (e) {
      problem = e instanceof CorruptIndexError ? `the documentation index is corrupt (${e.message}); it will be rebuilt` : String(e);
    }
    return opened?.disk ?? null;
  };

  const memHit = (doc: number, score: number, terms: Set<string> | null): DocHit => {
    const { page, section } = mem().docs[doc]!;
    return toHit(
      page.kind,
      page.lang,
      page.title,
      section.heading,
      section.anchor,
      section.ref,
      section.text,
      section.commands,
      score,
      terms,
    );
  };

  const search = (query: string, o: DocsSearchOptions = {}): DocHit[] => {
    const limit = Math.max(1, Math.min(o.limit ?? 5, 100));
    const q = expandQuery(query);
    if (q.length === 0) return [];
    const own = new Set(q.filter((t) => t.weight >= 1).map((t) => t.term));
    // Words that may be a command's name also look for the man page of that exact name (not counted as own words).
    for (const t of own) if (/^[a-z][\w.+-]*$/.test(t)) q.push({ term: nameTerm(t), weight: 0.9 });
    const m = mem();
    m.filter = MemoryCollection.kindsFilter(o.kinds, o.lang);
    const cols: Collection[] = [m];
    const d = !o.kinds || o.kinds.some((k) => k !== 'koompi') ? disk() : null;
    if (d) {
      d.accept = (doc) => (!o.kinds || o.kinds.includes(d.kindOf(doc))) && (!o.lang || d.langOf(doc) === o.lang);
      cols.push(d);
    }
    const lang = hasKhmer(query) ? 'km' : 'en';
    let scored;
    try {
      scored = scoreCollections(cols, q, limit * 6 + 10, lang);
    } catch (e) {
      if (!(e instanceof CorruptIndexError) || !d) throw e;
      // Damage inside the file: say so (the next build replaces it) and answer from the articles.
      problem = `the documentation index is corrupt (${e.message}); it will be rebuilt`;
      cols.pop();
      scored = scoreCollections(cols, q, limit * 6 + 10, lang);
    }
    const hits: DocHit[] = [];
    const perPage = new Map<string, number>();
    for (const s of scored) {
      if (hits.length >= limit) break;
      const pageKey = s.col === 0 ? m.docs[s.doc]!.page.key : `d${d!.pageOf(s.doc)}`;
      const n = perPage.get(pageKey) ?? 0;
      if (n >= PER_PAGE) continue;
      perPage.set(pageKey, n + 1);
      if (s.col === 0) hits.push(memHit(s.doc, s.score, own));
      else {
        try {
          const { page, section } = d!.section(s.doc);
          hits.push(toHit(page.k, page.l, page.t, section.h, section.a, section.r, section.x, section.c, s.score, own));
        } catch (e) {
          if (!(e instanceof CorruptIndexError)) throw e;
          problem = `the documentation index is corrupt (${e.message}); it will be rebuilt`;
        }
      }
    }
    if (d && limit >= 3 && (!o.kinds || o.kinds.includes('man')) && (!o.lang || o.lang === 'en'))
      addCommandManPage(d, hits, scored, limit, own);
    return hits;
  };

  const section = (ref: string, lang?: 'en' | 'km'): DocHit | null => {
    const hash = ref.indexOf('#');
    const base = hash >= 0 ? ref.slice(0, hash) : ref;
    const anchor = hash >= 0 ? ref.slice(hash + 1) : null;
    if (base.startsWith('koompi:')) {
      const pages = arts()
        .pages.filter((p) => p.ref === base)
        .sort((a, b) => (a.lang === (lang ?? 'en') ? -1 : 0) - (b.lang === (lang ?? 'en') ? -1 : 0));
      const page = pages[0];
      if (!page) return null;
      if (anchor === null)
        return wholePage(
          page.kind,
          page.lang,
          page.title,
          page.ref,
          page.sections.map((s) => ({ h: s.heading, a: s.anchor, r: s.ref, x: s.text, c: s.commands })),
        );
      const s = page.sections.find((x) => x.anchor === anchor);
      return s ? toHit('koompi', page.lang, page.title, s.heading, s.anchor, s.ref, s.text, s.commands, 0, null) : null;
    }
    const d = disk();
    if (!d) return null;
    let pi = d.pageByRef(base);
    let page = pi >= 0 ? d.block(pi) : null;
    // An alias (`.so` page, symlink) opens the page it points at.
    for (let hops = 0; page?.a && hops < 3; hops++) {
      pi = d.pageByRef(page.a);
      page = pi >= 0 ? d.block(pi) : null;
    }
    if (!page) return null;
    if (anchor === null) return wholePage(page.k, page.l, page.t, page.r, page.s);
    // Wiki refs carry the anchor URL-encoded; the block keeps it as written.
    const s = page.s.find((x) => x.a === anchor || x.r === ref) ?? page.s.find((x) => x.a === safeDecode(anchor));
    return s ? toHit(page.k, page.l, page.t, s.h, s.a, s.r, s.x, s.c, 0, null) : null;
  };

  const status = (): DocsStatus => {
    const d = disk();
    const lock = readLock(dir);
    const fp = tokenizerFingerprint();
    const articles = arts();
    const kSections = articles.pages.reduce((a, p) => a + p.sections.length, 0);
    const sources: DocsStatus['sources'] = [
      { kind: 'koompi', pages: articles.pages.length, sections: kSections, skipped: articles.skipped.length },
    ];
    for (const k of KINDS) {
      if (k === 'koompi') continue;
      const s = d?.meta.sources.find((x) => x.kind === k);
      sources.push(s ?? { kind: k, pages: 0, sections: 0, skipped: 0 });
    }
    let bytes = 0;
    try {
      bytes = statSync(file).size;
    } catch {
      /* no index */
    }
    return {
      dir,
      builtAt: d?.meta.builtAt ?? null,
      sources,
      bytes,
      fingerprint: d?.meta.fingerprint ?? fp,
      stale: !d || d.meta.fingerprint !== fp || problem !== null,
      problem,
      building: !!lock && !lock.stale,
    };
  };

  return {
    search,
    section,
    status,
    close() {
      closed = true;
      opened?.disk.close();
      opened = null;
    },
  };
}

const NOT_PROGRAMS = new Set(['sudo', 'koompi', 'env', 'nohup', 'time', 'doas', 'exec', 'then', 'do', 'if', 'for', 'while', 'echo', 'cd']);

/**
 * Pseudo-relevance feedback through commands: when the best passages are KOOMPI articles, the man page of
 * the program their commands run (`df -h` -> df(1)) is a source worth showing; it takes the fifth place
 * (or the last, in a shorter list) with the score of the hit it moves down, so the order and the best match
 * are unchanged.
 */
function addCommandManPage(
  d: DiskIndex,
  hits: DocHit[],
  scored: { col: number; doc: number; score: number }[],
  limit: number,
  own: Set<string>,
): void {
  // Candidates: the programs the top two passages run; one named in the passage's heading or in the
  // question comes first, then the most used, then the first.
  const weight = new Map<string, number>();
  hits.slice(0, 2).forEach((h, rank) => {
    if (h.kind !== 'koompi') return;
    const heading = new Set(tokenize(h.heading ?? '', true));
    for (const c of h.commands) {
      for (const part of c.split(/\s*(?:\|\||&&|[|;])\s*/)) {
        const p = part.split(/\s+/).find((w) => !NOT_PROGRAMS.has(w) && !/[=$<>&(){}"'`]/.test(w) && !w.startsWith('-'));
        if (!p || !/^[a-z][\w.+-]*$/.test(p)) continue;
        const bonus = (heading.has(p) ? 6 : 0) + (own.has(p) ? 4 : 0) + (rank === 0 ? 1 : 0.3);
        weight.set(p, (weight.get(p) ?? 0) + bonus);
      }
    }
  });
  const programs = [...weight].sort((a, b) => b[1] - a[1]).map(([p]) => p);
  for (const p of programs.slice(0, 3)) {
    if (hits.some((h) => h.kind === 'man' && (h.ref === `${p}(1)` || h.ref === `${p}(8)`))) return;
  }
  for (const p of programs.slice(0, 3)) {
    for (const sec of ['1', '8', '5']) {
      let pi: number;
      let block;
      try {
        pi = d.pageByRef(`${p}(${sec})`);
        if (pi < 0) continue;
        block = d.block(pi);
        for (let hops = 0; block.a && hops < 3; hops++) {
          pi = d.pageByRef(block.a);
          block = pi >= 0 ? d.block(pi) : null;
          if (!block) break;
        }
      } catch {
        return;
      }
      if (!block || block.s.length === 0) continue;
      const best = scored.find((s) => s.col === 1 && d.pageOf(s.doc) === pi);
      const section = best ? d.section(best.doc).section : (block.s.find((x) => x.a === 'description') ?? block.s[0]!);
      // Fifth place at most (a short source list shows five), with the score of the hit it moves down.
      const pos = Math.min(hits.length, limit - 1, 4);
      const score = hits[pos]?.score ?? hits[hits.length - 1]?.score ?? 0;
      hits.splice(pos, 0, toHit(block.k, block.l, block.t, section.h, section.a, section.r, section.x, section.c, score, own));
      if (hits.length > limit) hits.pop();
      return;
    }
  }
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function toHit(
  kind: DocKind,
  lang: 'en' | 'km',
  page: string,
  heading: string | null,
  anchor: string | null,
  ref: string,
  text: string,
  commands: string[],
  score: number,
  terms: Set<string> | null,
): DocHit {
  const hit: DocHit = {
    kind,
    lang,
    title: heading ? `${page} › ${heading}` : page,
    ref,
    anchor,
    score: Math.round(score * 1000) / 1000,
    text,
    commands,
    page,
    heading,
  };
  if (terms) hit.excerpt = bestExcerpt(text, terms);
  return hit;
}

function wholePage(kind: DocKind, lang: 'en' | 'km', title: string, ref: string, sections: BlockSection[]): DocHit {
  const text = sections.map((s) => (s.h ? `## ${s.h}\n\n${s.x}` : s.x)).join('\n\n');
  return { kind, lang, title, ref, anchor: null, score: 0, text, commands: sections.flatMap((s) => s.c), page: title, heading: null };
}
