// Dataset rows from the offline ArchWiki (arch-wiki-docs) when installed: one row per section, under the GNU FDL.
import { existsSync } from 'node:fs';
import { discoverWiki, parseWikiPage } from '../knowledge/archwiki.js';
import { clip, closeFences } from './clean.js';
import type { SourcedRow } from './types.js';

export const ARCHWIKI_LICENSE = 'GNU Free Documentation License 1.3 or later (ArchWiki)';
export const DEFAULT_WIKI_DIR = '/usr/share/doc/arch-wiki/html';

export function wikiRows(
  env: NodeJS.ProcessEnv,
  opts: { maxPages?: number } = {},
): { rows: SourcedRow[]; articles: number; dir: string | null } {
  const dir = env.KOOMPI_ARCH_WIKI_DIR || DEFAULT_WIKI_DIR;
  if (!existsSync(dir)) return { rows: [], articles: 0, dir: null };
  const { files } = discoverWiki(dir);
  const rows: SourcedRow[] = [];
  let pages = 0;
  for (const f of files) {
    if (opts.maxPages !== undefined && pages >= opts.maxPages) break;
    let page;
    try {
      page = parseWikiPage(f);
    } catch {
      continue; // redirects and empty pages
    }
    pages++;
    const base = { kind: 'archwiki' as const, group: `archwiki:${f.key}`, lang: page.lang, license: ARCHWIKI_LICENSE };
    for (const s of page.sections) {
      if (s.text.trim().length < 80) continue;
      const what = s.heading ? `${s.heading.replace(/^.*›\s*/, '')} (${page.title})` : page.title;
      rows.push({
        ...base,
        instruction: `On Arch Linux: ${what}. Explain briefly, with the commands.`,
        input: '',
        output: closeFences(clip(s.text, 2000)),
      });
    }
  }
  return { rows, articles: pages, dir };
}
