// The paragraph(s) of a section that best match a query: what a short direct answer quotes.
import { tokenize } from './tokenize.js';

const MAX = 700;

export function bestExcerpt(text: string, queryTerms: Set<string>): string {
  const paras = text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (paras.length <= 1) return cut(text.trim());
  let best = -1;
  let bestScore = -1;
  paras.forEach((p, i) => {
    const seen = new Set(tokenize(p).filter((t) => queryTerms.has(t)));
    // Option questions: a paragraph that starts with the asked option ("-r, -R, --recursive") wins.
    const lead = tokenize(p.split('\n')[0] ?? '').filter((t) => t.startsWith('-') && queryTerms.has(t)).length;
    const score = seen.size + lead * 2;
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  });
  let out = paras[best]!;
  // A paragraph that introduces a command ("...:") goes with the block after it.
  const next = paras[best + 1];
  if (next && (/[:：]$/.test(out) || next.startsWith('```')) && out.length + next.length < MAX) out += `\n\n${next}`;
  return cut(out);
}

function cut(s: string): string {
  if (s.length <= MAX) return s;
  const i = s.lastIndexOf(' ', MAX);
  return `${s.slice(0, i > MAX / 2 ? i : MAX)}…`;
}
