// KDE handbooks: <dir>/<lang>/<app>/index.cache.bz2, the help viewer's cache of the whole handbook as HTML.
// Node has no bzip2, so `bzip2 -dc` (bzip2 is in Arch's base) decompresses it: no new dependency, a few
// milliseconds per handbook, with a timeout and an output cap. Indexed at a lower weight than the wiki.
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { htmlSections } from './html-sections.js';
import type { SourceFile } from './man-pages.js';
import { KIND_PRIOR, MAX_PAGE_BYTES, slug, splitLong, type PageRecord } from './model.js';

export function discoverKde(root: string): { files: SourceFile[]; skipped: number } {
  const files: SourceFile[] = [];
  let skipped = 0;
  for (const lang of ['en', 'km']) {
    let apps: string[];
    try {
      apps = readdirSync(join(root, lang)).sort();
    } catch {
      continue;
    }
    for (const app of apps) {
      const path = join(root, lang, app, 'index.cache.bz2');
      try {
        const st = statSync(path);
        if (st.isFile()) files.push({ key: `kde:${lang}/${app}`, path, mtimeMs: st.mtimeMs, size: st.size });
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT' && (e as NodeJS.ErrnoException).code !== 'ENOTDIR') skipped++;
      }
    }
  }
  return { files, skipped };
}

export function bunzip(path: string): string {
  return execFileSync('bzip2', ['-dc', path], { maxBuffer: MAX_PAGE_BYTES * 4, timeout: 20_000, stdio: ['ignore', 'pipe', 'ignore'] })
    .subarray(0, MAX_PAGE_BYTES * 2)
    .toString('utf8');
}

export function parseKdePage(f: SourceFile): PageRecord {
  const html = bunzip(f.path);
  const lang = f.key.slice(4, 6) as 'en' | 'km';
  const app = f.key.slice(7);
  const { title, sections } = htmlSections(html, {
    headings: ['h1', 'h2', 'h3'],
    skipClasses: ['navheader', 'navfooter', 'toc', 'legalnotice', 'header', 'footer', 'navCenter', 'bottom-nav'],
  });
  const secs = sections.filter((s) => s.text.length > 0);
  if (secs.length === 0) throw new Error('empty handbook');
  const pageTitle = (title ?? app).replace(/^The\s+/i, '').trim() || app;
  const ref = `kde:${app}`;
  const used = new Set<string>();
  return {
    key: f.key,
    kind: 'kde',
    lang,
    title: pageTitle,
    summary: '',
    keywords: app,
    ref,
    path: f.path,
    mtimeMs: f.mtimeMs,
    size: f.size,
    prior: KIND_PRIOR.kde,
    sections: secs.flatMap((s) => {
      let a = s.anchor ? slug(s.anchor) : 'intro';
      for (let n = 2; used.has(a); n++) a = `${s.anchor ? slug(s.anchor) : 'intro'}-${n}`;
      used.add(a);
      return splitLong({ heading: s.heading, anchor: a, ref: `${ref}#${a}`, text: s.text, commands: s.commands });
    }),
  };
}
