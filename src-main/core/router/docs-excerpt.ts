// Cuts a documentation passage down to what answers the question: the paragraph of an option the question names
// (`-r`, `--recursive`), else the paragraphs that share the most words with the question, in their original order,
// with the numbered steps and fenced command blocks kept whole.

/** Prose kept in a docs answer (code blocks are counted apart). */
export const EXCERPT_PROSE_CHARS = 900;
/** Code kept in a docs answer. */
export const EXCERPT_CODE_CHARS = 700;

interface Block {
  text: string;
  code: boolean;
  /** Index in the passage, to keep the original order. */
  at: number;
}

/** Splits markdown-ish text into paragraphs, list runs and fenced code blocks. */
export function splitBlocks(text: string): Block[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let cur: string[] = [];
  const flush = (): void => {
    if (cur.some((l) => l.trim() !== '')) blocks.push({ text: cur.join('\n').trim(), code: false, at: blocks.length });
    cur = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const open = /^\s*(`{3,}|~{3,})/.exec(line);
    if (open) {
      flush();
      const fence = open[1]!;
      const body = [line];
      let j = i + 1;
      for (; j < lines.length; j++) {
        body.push(lines[j]!);
        if (lines[j]!.trim().startsWith(fence)) break;
      }
      if (j >= lines.length) body.push(fence);
      blocks.push({ text: body.join('\n'), code: true, at: blocks.length });
      i = j;
      continue;
    }
    if (line.trim() === '') {
      flush();
      continue;
    }
    cur.push(line);
  }
  flush();
  return blocks;
}

/** The option names a question asks about: `-r`, `-rf` (as -r and -f too), `--recursive`. */
export function optionsIn(question: string): string[] {
  const out = new Set<string>();
  for (const m of question.matchAll(/(?:^|[\s"'`(])(--?[A-Za-z0-9][\w-]*)/g)) {
    const o = m[1]!;
    out.add(o);
    if (/^-[A-Za-z]{2,4}$/.test(o)) for (const c of o.slice(1)) out.add(`-${c}`);
  }
  return [...out];
}

/**
 * The paragraph(s) of a man page that describe one of the options: a line starting with the option (maybe after
 * another form, `-r, -R, --recursive`) and the indented or following lines up to the next option.
 */
export function optionParagraphs(text: string, options: readonly string[]): string[] {
  if (options.length === 0) return [];
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const isOptionLine = (l: string): boolean => /^\s*-{1,2}[A-Za-z0-9?]/.test(l);
  const names = (l: string): string[] => [...l.matchAll(/(?:^|[\s,|[])(-{1,2}[A-Za-z0-9?][\w-]*)/g)].map((m) => m[1]!);
  const out: string[] = [];
  for (let i = 0; i < lines.length && out.length < 2; i++) {
    const l = lines[i]!;
    if (!isOptionLine(l)) continue;
    const head = l.trim().split(/\s{2,}|\t/)[0]!;
    if (!names(head).some((n) => options.includes(n) || options.includes(n.replace(/=.*$/, '')))) continue;
    const para = [l.trimEnd()];
    for (let j = i + 1; j < lines.length && para.length < 12; j++) {
      const n = lines[j]!;
      if (n.trim() === '' && para.length > 1 && (j + 1 >= lines.length || isOptionLine(lines[j + 1]!))) break;
      if (isOptionLine(n) && !/^\s{6,}/.test(n)) break;
      para.push(n.trimEnd());
    }
    out.push(dedent(para.join('\n')).trim());
  }
  return out;
}

function dedent(s: string): string {
  const lines = s.split('\n');
  const ind = Math.min(...lines.filter((l) => l.trim()).map((l) => /^\s*/.exec(l)![0].length));
  return lines.map((l) => l.slice(Number.isFinite(ind) ? ind : 0)).join('\n');
}

/** Words of a text for overlap scoring: lower case, Khmer kept as runs, short words dropped. */
export function roughWords(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.toLowerCase().matchAll(/[a-z0-9][a-z0-9_.+-]*|[\u1780-\u17FF]+/gu)) {
    const w = m[0]!.replace(/[.-]+$/, '');
    if (w.length >= 3 || /[\u1780-\u17FF]/u.test(w)) out.add(w);
  }
  return out;
}

/** The passage cut to the blocks that matter most for the question, in their original order. */
export function excerpt(text: string, question: string): string {
  const blocks = splitBlocks(text);
  if (blocks.length === 0) return '';
  const total = blocks.reduce((n, b) => n + b.text.length, 0);
  if (
    total <= EXCERPT_PROSE_CHARS + EXCERPT_CODE_CHARS &&
    blocks.filter((b) => !b.code).reduce((n, b) => n + b.text.length, 0) <= EXCERPT_PROSE_CHARS
  ) {
    return blocks.map((b) => b.text).join('\n\n');
  }
  const q = roughWords(question);
  const overlap = (b: Block): number => {
    let n = 0;
    for (const w of roughWords(b.text)) if (q.has(w)) n++;
    return n;
  };
  // The first paragraph always (it usually says what the section is), then by overlap; code follows its paragraph.
  const ranked = blocks
    .filter((b) => !b.code)
    .map((b) => ({ b, s: overlap(b) + (b.at === 0 ? 0.5 : 0) }))
    .sort((x, y) => y.s - x.s || x.b.at - y.b.at);
  const keep = new Set<number>();
  let prose = 0;
  for (const { b } of ranked) {
    if (prose > 0 && prose + b.text.length > EXCERPT_PROSE_CHARS) continue;
    keep.add(b.at);
    prose += Math.min(b.text.length, EXCERPT_PROSE_CHARS);
  }
  let code = 0;
  for (const b of blocks) {
    if (!b.code) continue;
    const near = keep.has(b.at - 1) || keep.has(b.at + 1) || keep.size === 0;
    if (near && code + b.text.length <= EXCERPT_CODE_CHARS) {
      keep.add(b.at);
      code += b.text.length;
    }
  }
  return blocks
    .filter((b) => keep.has(b.at))
    .map((b) => (!b.code && b.text.length > EXCERPT_PROSE_CHARS ? cutProse(b.text) : b.text))
    .join('\n\n');
}

/** A long paragraph cut at a sentence or line end. */
function cutProse(s: string): string {
  const cut = s.slice(0, EXCERPT_PROSE_CHARS);
  const end = Math.max(cut.lastIndexOf('. '), cut.lastIndexOf('\n'), cut.lastIndexOf('។'));
  return (end > EXCERPT_PROSE_CHARS / 2 ? cut.slice(0, end + 1) : cut).trimEnd() + ' …';
}
