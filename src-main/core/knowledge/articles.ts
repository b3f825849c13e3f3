// The project's own knowledge base: assets/knowledge/<lang>/<id>.md, front matter + `## Heading {#anchor}`
// sections. Loaded in memory on every open (small), so the shipped articles are always the current ones.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractCommands } from '../commands/extract.js';
import { KIND_PRIOR, slug, type PageRecord, type SectionRecord } from './model.js';

export interface FrontMatter {
  id: string;
  lang: 'en' | 'km';
  title: string;
  topics: string[];
  keywords: string[];
  os_generation: string;
  updated: string;
}

export interface ArticleLoad {
  pages: PageRecord[];
  skipped: { path: string; reason: string }[];
}

/** Where the shipped articles are: KOOMPI_KNOWLEDGE_DIR, next to the source tree or the bundle, or the package's share dir. */
export function findKnowledgeDir(env: NodeJS.ProcessEnv = process.env, override?: string): string | null {
  if (override) return override;
  if (env.KOOMPI_KNOWLEDGE_DIR) return env.KOOMPI_KNOWLEDGE_DIR;
  const here = moduleDir();
  const candidates = [
    ...(here
      ? [
          join(here, '../../../assets/knowledge'),
          join(here, '../../assets/knowledge'),
          join(here, '../assets/knowledge'),
          join(here, 'knowledge'),
        ]
      : []),
    join(process.cwd(), 'assets/knowledge'),
    '/usr/share/koompi-assistant/knowledge',
  ];
  return candidates.find((c) => existsSync(c)) ?? null;
}

function moduleDir(): string | null {
  try {
    return dirname(fileURLToPath(import.meta.url));
  } catch {
    return null;
  }
}

export function parseFrontMatter(src: string): { meta: Partial<FrontMatter>; body: string } {
  const m = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(src);
  if (!m) return { meta: {}, body: src };
  const meta: Record<string, unknown> = {};
  for (const line of m[1]!.split(/\r?\n/)) {
    const kv = /^([A-Za-z_][\w-]*)\s*:\s*(.*)$/.exec(line);
    if (!kv) continue;
    const v = kv[2]!.trim();
    if (v.startsWith('[') && v.endsWith(']')) {
      meta[kv[1]!] = v
        .slice(1, -1)
        .split(',')
        .map((x) => unquote(x.trim()))
        .filter(Boolean);
    } else meta[kv[1]!] = unquote(v);
  }
  return { meta: meta as Partial<FrontMatter>, body: src.slice(m[0].length) };
}

function unquote(s: string): string {
  return /^(["']).*\1$/.test(s) ? s.slice(1, -1) : s;
}

/** One article file into a page with its sections; the text before the first `##` is the intro section. */
export function parseArticle(src: string, path: string, mtimeMs = 0, size = src.length): PageRecord {
  const { meta, body } = parseFrontMatter(src);
  const fileLang = /\/(en|km)\/[^/]+$/.exec(path)?.[1];
  const id = meta.id || path.replace(/^.*\//, '').replace(/\.md$/, '');
  const lang = (meta.lang === 'km' || meta.lang === 'en' ? meta.lang : (fileLang ?? 'en')) as 'en' | 'km';
  const lines = body.replace(/\r\n?/g, '\n').split('\n');
  let title = meta.title ?? '';
  const sections: SectionRecord[] = [];
  let heading: string | null = null;
  let anchor: string | null = null;
  let buf: string[] = [];
  let fence: string | null = null;
  const used = new Set<string>();
  const flush = (): void => {
    const text = buf.join('\n').trim();
    buf = [];
    if (!text && heading === null) return;
    let a = anchor ?? (heading ? slug(heading) : 'intro');
    for (let n = 2; used.has(a); n++) a = `${anchor ?? slug(heading ?? 'intro')}-${n}`;
    used.add(a);
    sections.push({ heading, anchor: a, ref: `koompi:${id}#${a}`, text, commands: extractCommands(text) });
  };
  for (const line of lines) {
    const f = /^\s*(`{3,}|~{3,})/.exec(line);
    if (f) fence = fence === null ? f[1]! : line.trim().startsWith(fence) ? null : fence;
    if (fence === null && !f) {
      const h1 = /^#\s+(.+?)\s*$/.exec(line);
      if (h1 && sections.length === 0 && heading === null && buf.every((l) => !l.trim())) {
        if (!title) title = h1[1]!;
        buf = [];
        continue;
      }
      const h = /^#{2,3}\s+(.+?)\s*(?:\{#([\w.-]+)\})?\s*$/.exec(line);
      if (h) {
        flush();
        heading = h[1]!.trim();
        anchor = h[2] ?? null;
        continue;
      }
    }
    buf.push(line);
  }
  flush();
  const keywords = [...(meta.keywords ?? []), ...(meta.topics ?? [])].join(' ; ');
  return {
    key: `koompi:${id}:${lang}`,
    kind: 'koompi',
    lang,
    title: title || id,
    summary: '',
    keywords,
    ref: `koompi:${id}`,
    path,
    mtimeMs,
    size,
    prior: KIND_PRIOR.koompi,
    sections,
  };
}

export function loadArticles(dir: string | null): ArticleLoad {
  const pages: PageRecord[] = [];
  const skipped: ArticleLoad['skipped'] = [];
  if (!dir || !existsSync(dir)) return { pages, skipped };
  for (const lang of ['en', 'km']) {
    const d = join(dir, lang);
    let names: string[];
    try {
      names = readdirSync(d)
        .filter((n) => n.endsWith('.md'))
        .sort();
    } catch {
      continue;
    }
    for (const n of names) {
      const p = join(d, n);
      try {
        const st = statSync(p);
        const src = readFileSync(p, 'utf8');
        const page = parseArticle(src.slice(0, 512 * 1024), p, st.mtimeMs, st.size);
        if (page.sections.length === 0) skipped.push({ path: p, reason: 'no sections' });
        else pages.push(page);
      } catch (e) {
        skipped.push({ path: p, reason: e instanceof Error ? e.message : String(e) });
      }
    }
  }
  return { pages, skipped };
}
