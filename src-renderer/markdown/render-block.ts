// Turns one markdown block into render segments: HTML for prose (markdown-it, raw HTML off, images off,
// https/mailto links only) and code segments the UI draws itself (with Copy / Run buttons).
import MarkdownIt from 'markdown-it';

export type Segment = { kind: 'html'; html: string } | { kind: 'code'; lang: string; code: string };

const md = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: false });
md.disable(['image']);
md.validateLink = (url: string) => /^(https:\/\/|mailto:)/i.test(url.trim());
md.linkify.set({ fuzzyLink: false, fuzzyEmail: false, fuzzyIP: false });

const defaultLinkOpen = md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  const token = tokens[idx]!;
  token.attrSet('rel', 'noreferrer noopener');
  token.attrSet('data-external', '1');
  return defaultLinkOpen(tokens, idx, options, env, self);
};

// Table cells: markdown-it writes alignment as a style attribute, which the CSP refuses (and logs per cell);
// the same alignment goes out as a class instead.
for (const rule of ['th_open', 'td_open'] as const) {
  md.renderer.rules[rule] = (tokens, idx, options, _env, self) => {
    const token = tokens[idx]!;
    const style = token.attrGet('style');
    if (style !== null) {
      const align = /text-align:\s*(left|center|right)/.exec(String(style))?.[1];
      token.attrs = (token.attrs ?? []).filter(([name]) => name !== 'style');
      if (align) token.attrJoin('class', `md-align-${align}`);
    }
    return self.renderToken(tokens, idx, options);
  };
}

const CACHE_MAX = 400;
const cache = new Map<string, Segment[]>();

/** Parses a block; results are cached by text so finished blocks are parsed once. */
export function renderBlock(text: string, cacheable = true): Segment[] {
  const hit = cache.get(text);
  if (hit) return hit;
  const tokens = md.parse(text, {});
  const out: Segment[] = [];
  let run: typeof tokens = [];
  const flush = () => {
    if (run.length) out.push({ kind: 'html', html: md.renderer.render(run, md.options, {}) });
    run = [];
  };
  for (const t of tokens) {
    if ((t.type === 'fence' || t.type === 'code_block') && t.level === 0) {
      flush();
      out.push({ kind: 'code', lang: (t.info || '').trim().split(/\s+/)[0] ?? '', code: t.content.replace(/\n$/, '') });
    } else {
      run.push(t);
    }
  }
  flush();
  if (cacheable) {
    if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value as string);
    cache.set(text, out);
  }
  return out;
}
