// The offline ArchWiki (arch-wiki-docs): <dir>/<lang>/<Title>.html, MediaWiki HTML with the body in
// `.mw-parser-output`, headings in both the old (`span.mw-headline`) and new (`div.mw-heading`) markup.
// Category:, Help: and other non-article namespaces are not answers and are not indexed.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { htmlSections } from './html-sections.js';
import type { SourceFile } from './man-pages.js';
import { KIND_PRIOR, MAX_PAGE_BYTES, splitLong, type PageRecord } from './model.js';

const NOT_ARTICLES = /^(Category|Help|File|Template|Talk|User|User_talk|Special|ArchWiki|MediaWiki|Module|Main_page)[:_]/i;
const LANGS = ['en', 'km'] as const;

export function discoverWiki(root: string): { files: SourceFile[]; skipped: number } {
  const files: SourceFile[] = [];
  let skipped = 0;
  for (const lang of LANGS) {
    let names: string[];
    try {
      names = readdirSync(join(root, lang))
        .filter((n) => n.endsWith('.html'))
        .sort();
    } catch {
      continue;
    }
    for (const n of names) {
      const title = n.slice(0, -5);
      if (NOT_ARTICLES.test(title) || NOT_ARTICLES.test(decodeURIComponentSafe(title))) continue;
      const path = join(root, lang, n);
      try {
        const st = statSync(path);
        if (st.isFile()) files.push({ key: `${lang}/${title}`, path, mtimeMs: st.mtimeMs, size: st.size });
      } catch {
        skipped++;
      }
    }
  }
  return { files, skipped };
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

export function wikiUrl(title: string, anchor: string | null): string {
  const t = encodeURI(title.replace(/ /g, '_')).replace(/\?/g, '%3F');
  return `https://wiki.archlinux.org/title/${t}${anchor ? `#${encodeURI(anchor)}` : ''}`;
}

export function parseWikiPage(f: SourceFile): PageRecord {
  const html = readFileSync(f.path)
    .subarray(0, MAX_PAGE_BYTES * 2)
    .toString('utf8');
  const [lang, fileTitle] = [f.key.slice(0, f.key.indexOf('/')) as 'en' | 'km', f.key.slice(f.key.indexOf('/') + 1)];
  const { title, sections } = htmlSections(html, {
    rootClass: 'mw-parser-output',
    headings: ['h2', 'h3', 'h4'],
    skipClasses: ['mw-editsection', 'toc', 'mw-toc', 'navbox', 'printfooter', 'catlinks', 'mw-references-wrap', 'reference'],
  });
  const pageTitle = decodeURIComponentSafe(fileTitle).replace(/_/g, ' ') || (title ?? '').replace(/ - ArchWiki$/, '');
  const base = wikiUrl(pageTitle, null);
  const secs = sections.filter((s) => s.text.length > 0);
  if (secs.length === 0) throw new Error('no article text');
  const body = secs.map((s) => s.text).join(' ');
  if (secs.length === 1 && body.length < 200 && /redirect/i.test(body)) throw new Error('redirect page');
  return {
    key: f.key,
    kind: 'archwiki',
    lang,
    title: pageTitle,
    summary: '',
    keywords: '',
    ref: base,
    path: f.path,
    mtimeMs: f.mtimeMs,
    size: f.size,
    prior: KIND_PRIOR.archwiki,
    sections: secs.flatMap((s) =>
      splitLong({ heading: s.heading, anchor: s.anchor, ref: wikiUrl(pageTitle, s.anchor), text: s.text, commands: s.commands }),
    ),
  };
}
