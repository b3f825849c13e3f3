// One index build, synchronous (it runs in a worker thread, or in-process for tests and the bench):
// discover the sources, reuse unchanged pages of the previous index (path + mtime + size), resume from
// the journal of an interrupted build, parse the rest, write a new file and rename it over the old one.
// One writer at a time (lock.ts). A failed write (full disk) keeps the old index and says so.
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { discoverWiki, parseWikiPage } from './archwiki.js';
import { Journal } from './journal.js';
import { discoverKde, parseKdePage } from './kde-help.js';
import { acquireLock } from './lock.js';
import { discoverManPages, manTrees, parseManPage, type SourceFile } from './man-pages.js';
import type { PageRecord } from './model.js';
import { archWikiDir, docsDir, kdeHelpDir } from './paths.js';
import { INDEX_FILE, type PageEntry } from './store-format.js';
import { CorruptIndexError, DiskIndex } from './store-reader.js';
import { IndexWriter } from './store-writer.js';
import { tokenizerFingerprint } from './tokenize.js';
import type { BuildReport, DocKind, DocsBuildProgress, DocsSourceStatus } from './types.js';

export interface RunOptions {
  cacheDir: string;
  env: NodeJS.ProcessEnv;
  full?: boolean;
}

const DISK_FULL = new Set(['ENOSPC', 'EDQUOT', 'EFBIG']);
type Kind = Exclude<DocKind, 'koompi'>;

export function runBuild(opts: RunOptions, onProgress: (p: DocsBuildProgress) => void = () => {}): BuildReport {
  const t0 = Date.now();
  const dir = docsDir(opts.cacheDir);
  const report: BuildReport = {
    ok: false,
    error: null,
    errorKind: null,
    dir,
    sources: [],
    parsed: 0,
    reused: 0,
    sections: 0,
    bytes: 0,
    ms: 0,
    keptOld: false,
  };
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    return fail(report, 'io', `cannot create ${dir}: ${(e as Error).message}`, t0);
  }
  const got = acquireLock(dir);
  if ('owner' in got) {
    return fail(report, 'locked', `another indexer is running (pid ${got.owner.pid}, since ${got.owner.startedAt || 'unknown'})`, t0);
  }
  try {
    return build(
      opts,
      dir,
      report,
      (p) => {
        got.lock.touch();
        onProgress(p);
      },
      t0,
    );
  } finally {
    got.lock.release();
  }
}

function fail(r: BuildReport, kind: BuildReport['errorKind'], error: string, t0: number): BuildReport {
  return { ...r, ok: false, errorKind: kind, error, ms: Date.now() - t0 };
}

function build(opts: RunOptions, dir: string, report: BuildReport, onProgress: (p: DocsBuildProgress) => void, t0: number): BuildReport {
  const fp = tokenizerFingerprint();
  const file = join(dir, INDEX_FILE);
  onProgress({ phase: 'discover', kind: null, done: 0, total: 0 });
  const found: Record<Kind, { files: SourceFile[]; skipped: number }> = {
    man: discoverManPages(manTrees(opts.env)),
    archwiki: discoverWiki(archWikiDir(opts.env)),
    kde: discoverKde(kdeHelpDir(opts.env)),
  };

  let old: DiskIndex | null = null;
  if (existsSync(file)) {
    try {
      old = new DiskIndex(file);
    } catch (e) {
      if (!(e instanceof CorruptIndexError)) throw e;
      old = null; // corrupt: rebuilt from scratch below
    }
  }
  if (old && (old.meta.fingerprint !== fp || opts.full)) {
    old.close();
    old = null;
  }
  const oldPages = new Map<string, { entry: PageEntry; idx: number }>();
  old?.pages().forEach((entry, idx) => oldPages.set(entry.key, { entry, idx }));
  const same = (f: SourceFile): boolean => {
    const o = oldPages.get(f.key);
    return !!o && o.entry.path === f.path && o.entry.mtimeMs === f.mtimeMs && o.entry.size === f.size;
  };
  const all = (['man', 'archwiki', 'kde'] as Kind[]).flatMap((k) => found[k].files.map((f) => ({ kind: k, f })));
  const total = all.length;

  // Nothing changed: keep the file as it is.
  if (old && all.every(({ f }) => same(f)) && oldPages.size === total && old.verify()) {
    const sources = old.meta.sources;
    report.reused = total;
    report.sections = old.meta.sections;
    report.sources = sources;
    report.bytes = old.meta.fileSize;
    report.ok = true;
    old.close();
    onProgress({ phase: 'done', kind: null, done: total, total });
    return { ...report, ms: Date.now() - t0 };
  }

  const journal = new Journal(dir, fp);
  const resumed = journal.load();
  journal.start(resumed.size > 0);
  const writer = new IndexWriter();
  const counts = new Map<Kind, DocsSourceStatus>();
  for (const k of ['man', 'archwiki', 'kde'] as Kind[]) counts.set(k, { kind: k, pages: 0, sections: 0, skipped: found[k].skipped });
  const parsers: Record<Kind, (f: SourceFile) => PageRecord> = { man: parseManPage, archwiki: parseWikiPage, kde: parseKdePage };

  let done = 0;
  const seenSections = new Map<string, number>();
  for (const { kind, f } of all) {
    const c = counts.get(kind)!;
    let page: PageRecord | null = null;
    if (same(f)) {
      const o = oldPages.get(f.key)!;
      try {
        const e = o.entry;
        const block = old!.block(o.idx);
        page = {
          key: e.key,
          kind: e.kind,
          lang: e.lang,
          title: e.title,
          summary: e.summary,
          keywords: e.keywords,
          ref: e.ref,
          path: e.path,
          mtimeMs: e.mtimeMs,
          size: e.size,
          prior: e.prior,
          ...(e.aliasOf ? { aliasOf: e.aliasOf } : {}),
          ...(e.skipped ? { skipped: true } : {}),
          sections: block.s.map((s) => ({ heading: s.h, anchor: s.a, ref: s.r, text: s.x, commands: s.c })),
        };
        report.reused++;
      } catch {
        page = null; // an unreadable block: parse the page again
      }
    }
    if (!page) {
      const j = resumed.get(f.key);
      if (j && j.path === f.path && j.m === f.mtimeMs && j.s === f.size) {
        page = j.page ?? skippedPage(kind, f);
        report.reused++;
      } else {
        try {
          page = parsers[kind](f);
          report.parsed++;
        } catch {
          page = skippedPage(kind, f);
        }
        journal.add({ key: f.key, path: f.path, m: f.mtimeMs, s: f.size, page: page.skipped ? null : page });
      }
    }
    if (page) {
      if (page.kind === 'man' && page.sections.length > 1) page = dropBoilerplate(page, seenSections);
      writer.add(page);
      if (page.skipped) c.skipped++;
      else if (!page.aliasOf) {
        c.pages++;
        c.sections += page.sections.length;
      }
    }
    tick();
  }
  journal.flush();
  old?.close();

  function tick(): void {
    done++;
    if (done % 100 === 0 || done === total) onProgress({ phase: 'parse', kind: null, done, total });
  }

  onProgress({ phase: 'write', kind: null, done: total, total });
  const sources = [...counts.values()];
  const tmp = join(dir, `${INDEX_FILE}.${process.pid}.${Date.now()}.tmp`);
  try {
    const meta = writer.write(tmp, fp, sources);
    renameSync(tmp, file);
    syncDir(dir);
    report.bytes = meta.fileSize;
  } catch (e) {
    rmSync(tmp, { force: true });
    const code = (e as NodeJS.ErrnoException).code ?? '';
    const keptOld = existsSync(file);
    if (DISK_FULL.has(code)) {
      return {
        ...fail(report, 'disk-full', `the disk is full: the new index could not be written${keptOld ? '; the old index is kept' : ''}`, t0),
        keptOld,
      };
    }
    return {
      ...fail(report, 'io', `could not write the index: ${(e as Error).message}${keptOld ? '; the old index is kept' : ''}`, t0),
      keptOld,
    };
  }
  journal.remove();
  onProgress({ phase: 'done', kind: null, done: total, total });
  return { ...report, ok: true, sources, sections: writer.sectionCount, ms: Date.now() - t0 };
}

/**
 * A section repeated word for word across many pages (the Google Cloud SDK's "GCLOUD WIDE FLAGS" in 16,000
 * pages) is boilerplate: its first three copies are indexed, the rest dropped. About a fifth of the SDK's
 * text, so a faster build and fewer identical hits.
 */
function dropBoilerplate(page: PageRecord, seen: Map<string, number>): PageRecord {
  const mine = new Set<string>();
  const keep = page.sections.filter((s) => {
    const key = `${s.heading}\0${s.text.length}\0${s.text.slice(0, 80)}\0${s.text.slice(-80)}`;
    if (mine.has(key)) return true; // repeated inside one page: not boilerplate of many pages
    mine.add(key);
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    return n < 3;
  });
  return keep.length === page.sections.length || keep.length === 0 ? page : { ...page, sections: keep };
}

/** A page that could not be read: indexed without sections so that it is not retried until it changes. */
function skippedPage(kind: Kind, f: SourceFile): PageRecord {
  return {
    key: f.key,
    kind,
    lang: 'en',
    title: f.key,
    summary: '',
    keywords: '',
    ref: `skipped:${f.key}`,
    path: f.path,
    mtimeMs: f.mtimeMs,
    size: f.size,
    prior: 0,
    sections: [],
    skipped: true,
  };
}

function syncDir(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    /* not supported everywhere */
  }
}
