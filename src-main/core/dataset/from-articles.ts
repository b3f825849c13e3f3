// Dataset rows from the project's KOOMPI articles (assets/knowledge/{en,km}/*.md): one row per section, the heading
// as the task and the section as the answer, plus one overview row per article. English and Khmer alike.
import { findKnowledgeDir, loadArticles } from '../knowledge/articles.js';
import { clip, closeFences, firstParagraph } from './clean.js';
import type { SourcedRow } from './types.js';

export const KOOMPI_LICENSE = 'KOOMPI Assistant project articles (GPL-3.0-or-later, as the repository)';
const MAX_OUTPUT = 2400;

const ASK = {
  en: (h: string, title: string) => `On KOOMPI OS: ${h.replace(/[.:]$/, '')} (${title})`,
  km: (h: string, title: string) => `នៅលើ KOOMPI OS៖ ${h.replace(/[.:]$/, '')} (${title})`,
};
const OVERVIEW = {
  en: (title: string) => `What should a KOOMPI OS user know about ${title.toLowerCase()}?`,
  km: (title: string) => `តើអ្នកប្រើ KOOMPI OS គួរដឹងអ្វីខ្លះអំពី ${title}?`,
};

export function articleRows(env: NodeJS.ProcessEnv, knowledgeDir?: string): { rows: SourcedRow[]; articles: number; dir: string | null } {
  const dir = findKnowledgeDir(env, knowledgeDir);
  const { pages } = loadArticles(dir);
  const rows: SourcedRow[] = [];
  for (const page of pages) {
    // the split unit is the article id, so its English and Khmer versions stay on the same side
    const group = `koompi:${page.ref.replace(/^koompi:/, '')}`;
    const base = { kind: 'koompi' as const, group, lang: page.lang, license: KOOMPI_LICENSE };
    const intro = page.sections.find((s) => s.heading === null);
    if (intro && intro.text.trim().length > 40) {
      rows.push({
        ...base,
        instruction: OVERVIEW[page.lang](page.title),
        input: '',
        output: closeFences(clip(firstParagraph(intro.text), MAX_OUTPUT)),
      });
    }
    for (const s of page.sections) {
      if (s.heading === null || s.text.trim().length < 20) continue;
      rows.push({ ...base, instruction: ASK[page.lang](s.heading, page.title), input: '', output: closeFences(clip(s.text, MAX_OUTPUT)) });
    }
  }
  return { rows, articles: new Set(pages.map((p) => p.ref)).size, dir };
}
