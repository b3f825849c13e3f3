// Dataset rows from the man pages man-db knows (sections 1 and 8: commands): what a command does, what an option
// does, how to do a task (EXAMPLES). Each page carries its package's licence; no package may flood the set.
import { realpathSync } from 'node:fs';
import { discoverManPages, manTrees, parseManPage } from '../knowledge/man-pages.js';
import { clip, closeFences, firstParagraph } from './clean.js';
import type { LicenseLookup } from './licenses.js';
import type { SourcedRow } from './types.js';

export interface ManOptions {
  /** At most this many pages per package (shortest names first: the main commands before sub-pages). */
  maxPagesPerPackage?: number;
  maxOptionsPerPage?: number;
  /** Stop after this many pages in all (tests). */
  maxPages?: number;
}

const COMMAND_SECTION = /\((1|8)\)$/;
const OPTION_ENTRY = /^(-{1,2}[A-Za-z0-9?][^\n]{0,80})\n((?: {4}[^\n]+\n?)+)/gm;

export function manRows(env: NodeJS.ProcessEnv, licenses: LicenseLookup, opts: ManOptions = {}): { rows: SourcedRow[]; articles: number } {
  const perPackage = opts.maxPagesPerPackage ?? 60;
  const { files } = discoverManPages(manTrees(env));
  const chosen = files
    .filter((f) => COMMAND_SECTION.test(f.key) && !f.aliasOf)
    .map((f) => ({ f, owner: licenses.ownerOf(f.path) ?? licenses.ownerOf(realOf(f.path)) }))
    .sort((a, b) => a.f.key.length - b.f.key.length || a.f.key.localeCompare(b.f.key));
  const taken = new Map<string, number>();
  const rows: SourcedRow[] = [];
  let pages = 0;
  for (const { f, owner } of chosen) {
    if (opts.maxPages !== undefined && pages >= opts.maxPages) break;
    const pkg = owner?.package ?? 'unknown';
    const n = taken.get(pkg) ?? 0;
    if (n >= perPackage) continue;
    let page;
    try {
      page = parseManPage(f);
    } catch {
      continue;
    }
    if (page.aliasOf || page.sections.length === 0) continue;
    taken.set(pkg, n + 1);
    pages++;
    const name = f.key.replace(/\(.*$/, '');
    const base = {
      kind: 'man' as const,
      group: `man:${f.key}`,
      lang: 'en' as const,
      license: owner?.license ?? 'unknown (no package owns this page)',
      ...(owner ? { package: owner.package } : {}),
    };
    const pageRows = rowsOfPage(name, page.summary, page.sections, opts.maxOptionsPerPage ?? 8);
    for (const r of pageRows) rows.push({ ...base, ...r });
  }
  return { rows, articles: pages };
}

interface Section {
  heading: string | null;
  text: string;
}

export function rowsOfPage(
  name: string,
  summary: string,
  sections: Section[],
  maxOptions: number,
): { instruction: string; input: string; output: string }[] {
  const out: { instruction: string; input: string; output: string }[] = [];
  const desc = sections.find((s) => /^DESCRIPTION/.test(s.heading ?? ''));
  const lead = desc ? firstParagraph(desc.text) : '';
  if (summary || lead) {
    const what = [summary ? `\`${name}\`: ${summary.replace(/\.$/, '')}.` : '', clip(lead, 700)].filter(Boolean).join('\n\n');
    out.push({ instruction: `What does the \`${name}\` command do?`, input: '', output: what });
  }
  let options = 0;
  for (const s of sections) {
    if (!/^(OPTIONS|DESCRIPTION|COMMANDS|OPERATIONS)/.test(s.heading ?? '')) continue;
    for (const m of s.text.matchAll(OPTION_ENTRY)) {
      if (options >= maxOptions) break;
      const flag = m[1]!.trim();
      const text = m[2]!
        .replace(/\n {4}/g, ' ')
        .replace(/\s+/g, ' ')
        .trim();
      if (text.length < 12) continue;
      out.push({
        instruction: `What does the option \`${flag}\` of \`${name}\` do?`,
        input: '',
        output: `In \`${name}\`, \`${flag}\`: ${clip(text, 600)}`,
      });
      options++;
    }
  }
  for (const s of sections) {
    if (!/^EXAMPLES?\b/.test(s.heading ?? '') || s.text.trim().length < 30) continue;
    const sub = (s.heading ?? '').split('›')[1]?.trim();
    out.push({
      instruction: sub ? `How do I do this with \`${name}\`: ${sub}?` : `Show examples of how to use \`${name}\`.`,
      input: '',
      output: closeFences(clip(s.text, 1400)),
    });
  }
  return out;
}

function realOf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}
