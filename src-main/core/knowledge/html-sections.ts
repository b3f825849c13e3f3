// A small tolerant HTML reader for documentation pages (no DOM, no dependency): walks the tags of one
// region, drops navigation and edit links, splits at headings, keeps <pre> as fenced blocks and turns
// lines with `$`/`#` prompts into commands. Used for the ArchWiki and KDE handbooks.

export interface HtmlSection {
  heading: string | null;
  anchor: string | null;
  text: string;
  commands: string[];
}

export interface HtmlOptions {
  /** Start at the first element whose class list contains this (e.g. "mw-parser-output"); whole document otherwise. */
  rootClass?: string;
  /** Heading tags that start a section. */
  headings: string[];
  /** Elements to drop with their content, by class or id. */
  skipClasses: string[];
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  laquo: '«',
  raquo: '»',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  copy: '©',
  reg: '®',
  trade: '™',
  rarr: '→',
  larr: '←',
  times: '×',
  bull: '•',
  middot: '·',
  shy: '',
  zwj: '',
  zwnj: '',
  thinsp: ' ',
  ensp: ' ',
  emsp: ' ',
  deg: '°',
  para: '¶',
  sect: '§',
};

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);/g, (m, e: string) => {
    if (e[0] === '#') {
      const cp = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      try {
        return String.fromCodePoint(cp);
      } catch {
        return '';
      }
    }
    return ENTITIES[e] ?? m;
  });
}

const VOID = new Set(['br', 'img', 'hr', 'meta', 'link', 'input', 'wbr', 'source', 'col', 'area', 'base', 'embed', 'param', 'track']);
const BLOCK = new Set([
  'p',
  'div',
  'ul',
  'ol',
  'dl',
  'table',
  'tr',
  'blockquote',
  'section',
  'article',
  'header',
  'footer',
  'figure',
  'main',
  'dd',
  'dt',
  'li',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
]);
const ALWAYS_SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg', 'head', 'nav', 'button']);
const TAG = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<!?\/?([a-zA-Z][\w:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;

function attr(attrs: string, name: string): string | null {
  const m = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(attrs);
  return m ? decodeEntities(m[1] ?? m[2] ?? m[3] ?? '') : null;
}

export function htmlSections(html: string, opts: HtmlOptions): { title: string | null; sections: HtmlSection[] } {
  const titleM = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html);
  const title = titleM ? decodeEntities(titleM[1]!.replace(/<[^>]+>/g, '')).trim() : null;
  const sections: HtmlSection[] = [];
  let cur: { heading: string | null; anchor: string | null; out: string[] } = { heading: null, anchor: null, out: [] };
  let started = !opts.rootClass;
  let rootDepth = 0;
  let skipDepth = 0;
  let skipTag = '';
  let inHeading: { tag: string; text: string; id: string | null } | null = null;
  let pre: { text: string } | null = null;
  const stack: string[] = [];
  let last = 0;

  const emit = (s: string): void => {
    if (inHeading) {
      inHeading.text += s;
      return;
    }
    if (pre) {
      pre.text += s;
      return;
    }
    cur.out.push(s);
  };
  const flush = (): void => {
    const text = cur.out
      .join('')
      .replace(/[ \t]+\n/g, '\n')
      .replace(/\n[ \t]+(?![ \t]*[-`])/g, '\n')
      .replace(/\n{3,}/g, '\n\n')
      .replace(/[ \t]{2,}/g, ' ')
      .trim();
    if (text || cur.heading) sections.push({ heading: cur.heading, anchor: cur.anchor, text, commands: commandsIn(text) });
  };

  for (const m of html.matchAll(TAG)) {
    const between = html.slice(last, m.index);
    last = m.index! + m[0].length;
    if (started && skipDepth === 0 && between) emit(decodeEntities(pre ? between : between.replace(/\s+/g, ' ')));
    const raw = m[0];
    if (raw.startsWith('<!')) continue;
    const tag = (m[1] ?? '').toLowerCase();
    const attrs = m[2] ?? '';
    const closing = raw.startsWith('</');
    const selfClose = VOID.has(tag) || /\/\s*$/.test(attrs);
    if (!started) {
      if (!closing && opts.rootClass && (attr(attrs, 'class') ?? '').split(/\s+/).includes(opts.rootClass)) {
        started = true;
        rootDepth = 1;
        stack.length = 0;
      }
      continue;
    }
    if (skipDepth > 0) {
      if (tag === skipTag && !selfClose) skipDepth += closing ? -1 : 1;
      continue;
    }
    if (!closing && !selfClose) {
      const cls = (attr(attrs, 'class') ?? '').split(/\s+/);
      const id = attr(attrs, 'id') ?? '';
      if (ALWAYS_SKIP.has(tag) || opts.skipClasses.some((c) => cls.includes(c) || id === c)) {
        skipDepth = 1;
        skipTag = tag;
        continue;
      }
    }
    if (opts.rootClass && tag === 'div' && !selfClose) {
      rootDepth += closing ? -1 : 1;
      if (rootDepth === 0) break;
    }
    if (opts.headings.includes(tag)) {
      if (!closing) {
        inHeading = { tag, text: '', id: attr(attrs, 'id') };
      } else if (inHeading) {
        flush();
        const h = inHeading.text.replace(/\s+/g, ' ').trim();
        cur = { heading: h || null, anchor: inHeading.id ?? (h ? h.replace(/ /g, '_') : null), out: [] };
        inHeading = null;
      }
      continue;
    }
    if (inHeading && tag === 'span' && !closing) {
      const id = attr(attrs, 'id');
      if (id && (attr(attrs, 'class') ?? '').includes('mw-headline')) inHeading.id = id;
    }
    if (inHeading && tag === 'a' && !closing && !inHeading.id) {
      const n = attr(attrs, 'name') ?? attr(attrs, 'id');
      if (n) inHeading.id = n;
    }
    if (tag === 'pre') {
      if (!closing) {
        pre = { text: '' };
        continue;
      }
      if (pre) {
        const p = pre;
        pre = null;
        emit(fencePre(p.text));
      }
      continue;
    }
    if (pre) continue;
    if (tag === 'br') {
      emit('\n');
      continue;
    }
    if (tag === 'code' || tag === 'kbd' || tag === 'tt') {
      emit('`');
      continue;
    }
    if (tag === 'li' && !closing) {
      emit('\n- ');
      continue;
    }
    if (tag === 'td' || tag === 'th') {
      emit(closing ? ' | ' : '');
      continue;
    }
    if (BLOCK.has(tag)) emit(closing || tag === 'p' || tag === 'div' ? '\n\n' : '\n');
  }
  flush();
  return { title, sections: sections.map((s) => ({ ...s, text: s.text.replace(/(?<!`)``(?!`)/g, '') })) };
}

const PROMPT = /^\s*([$#])\s+(\S.*)$/;

function fencePre(text: string): string {
  const lines = text
    .replace(/\r/g, '')
    .replace(/^\n+|\s+$/g, '')
    .split('\n');
  const prompted = lines.some((l) => PROMPT.test(l));
  return `\n\n\`\`\`${prompted ? 'console' : 'text'}\n${lines.join('\n')}\n\`\`\`\n\n`;
}

/** Commands of a section: the prompted lines of its console blocks, prompts stripped, continuations joined. */
export function commandsIn(text: string): string[] {
  const out: string[] = [];
  let inConsole = false;
  let pending: string | null = null;
  for (const line of text.split('\n')) {
    if (line.startsWith('```')) {
      inConsole = !inConsole && line.startsWith('```console');
      pending = null;
      continue;
    }
    if (!inConsole) continue;
    if (pending !== null) {
      pending += ` ${line.trim()}`;
      if (!pending.endsWith('\\')) {
        out.push(pending.replace(/\s*\\\s+/g, ' '));
        pending = null;
      } else pending = pending.slice(0, -1).trimEnd();
      continue;
    }
    const m = PROMPT.exec(line);
    if (!m) continue;
    const c = m[2]!.trim();
    if (c.endsWith('\\')) pending = c.slice(0, -1).trimEnd();
    else out.push(c);
  }
  return out.slice(0, 20);
}
