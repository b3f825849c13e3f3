// The shipped articles as a searchable collection, with a cache of their tokenised form in
// `<cacheDir>/docs/articles-cache.json`, keyed by the articles' paths, mtimes and sizes and by the tokenizer
// fingerprint: a cold `koompi-ask` then skips reading, parsing and segmenting them (~0.3 s of Khmer segmentation).
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadArticles, type ArticleLoad } from './articles.js';
import { MemoryCollection, type MemorySnapshot } from './memory-index.js';
import type { PageRecord } from './model.js';
import { tokenizerFingerprint } from './tokenize.js';

export const ARTICLES_CACHE = 'articles-cache.json';
const CACHE_VERSION = 2;

export interface LoadedArticles extends ArticleLoad {
  collection: MemoryCollection;
}

interface CacheFile {
  v: number;
  fp: string;
  pages: PageRecord[];
  skipped: ArticleLoad['skipped'];
  snap: MemorySnapshot;
}

function articlesFingerprint(dir: string | null): string {
  const h = createHash('sha256');
  h.update(`${CACHE_VERSION}\n${tokenizerFingerprint()}\n${dir ?? ''}\n`);
  if (dir) {
    for (const lang of ['en', 'km']) {
      let names: string[] = [];
      try {
        names = readdirSync(join(dir, lang))
          .filter((n) => n.endsWith('.md'))
          .sort();
      } catch {
        /* no such language */
      }
      for (const n of names) {
        try {
          const st = statSync(join(dir, lang, n));
          h.update(`${lang}/${n}\0${st.mtimeMs}\0${st.size}\n`);
        } catch {
          h.update(`${lang}/${n}\0gone\n`);
        }
      }
    }
  }
  return h.digest('hex').slice(0, 24);
}

export function loadArticleCollection(knowledgeDir: string | null, docsDir: string): LoadedArticles {
  const fp = articlesFingerprint(knowledgeDir);
  const file = join(docsDir, ARTICLES_CACHE);
  try {
    const c = JSON.parse(readFileSync(file, 'utf8')) as CacheFile;
    if (c.v === CACHE_VERSION && c.fp === fp)
      return { pages: c.pages, skipped: c.skipped, collection: new MemoryCollection(c.pages, c.snap) };
  } catch {
    /* no cache yet, or unreadable: rebuilt below */
  }
  const a = loadArticles(knowledgeDir);
  const collection = new MemoryCollection(a.pages);
  const data: CacheFile = { v: CACHE_VERSION, fp, pages: a.pages, skipped: a.skipped, snap: collection.snapshot() };
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(docsDir, { recursive: true });
    writeFileSync(tmp, JSON.stringify(data));
    renameSync(tmp, file);
  } catch {
    rmSync(tmp, { force: true }); // a read-only or full cache: work without it
  }
  return { ...a, collection };
}
