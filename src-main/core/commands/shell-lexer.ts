// Shell lexer for the command judge: splits a bash command line into words, operators and redirects.
// It understands quotes, escapes, $'…', $(…), backticks, ${…}, <(…), comments and heredocs; it never runs anything.

export interface Substitution {
  kind: 'cmd' | 'proc';
  /** The inner command text, to be parsed and judged on its own. */
  source: string;
}

export interface Word {
  raw: string;
  /** Best-effort value after quote removal; expansions stay as `$NAME` / `$(…)`. */
  text: string;
  quoted: boolean;
  /** Has an unquoted *, ? or [ (a wildcard). */
  glob: boolean;
  /** Has an expansion whose value is only known at run time ($VAR, $(…), `…`). */
  dynamic: boolean;
  /** Variables it mentions ($NAME / ${NAME}). */
  vars: string[];
  subs: Substitution[];
}

export type OpValue = ';' | '&' | '&&' | '||' | '|' | '|&' | '(' | ')' | '\n' | ';;';

export interface RedirToken {
  t: 'redir';
  fd: number | null;
  op: '>' | '>>' | '>|' | '<' | '<>' | '>&' | '<&' | '&>' | '&>>' | '<<' | '<<-' | '<<<';
  /** Heredoc body, filled when the line ends. */
  body?: string;
  delim?: string;
}

export type Token = { t: 'word'; word: Word } | { t: 'op'; v: OpValue } | RedirToken;

export class ShellSyntaxError extends Error {}

const META = new Set([' ', '\t', '\n', ';', '&', '|', '(', ')', '<', '>']);

/** Index of the `)` closing a `(` whose content starts at `i`, or -1. Skips quotes and nested parens. */
export function findClosingParen(src: string, i: number): number {
  let depth = 1;
  for (let j = i; j < src.length; j++) {
    const c = src[j];
    if (c === '\\') {
      j++;
      continue;
    }
    if (c === "'") {
      const k = src.indexOf("'", j + 1);
      if (k < 0) return -1;
      j = k;
      continue;
    }
    if (c === '"') {
      const k = findClosingDouble(src, j + 1);
      if (k < 0) return -1;
      j = k;
      continue;
    }
    if (c === '`') {
      const k = findClosingBacktick(src, j + 1);
      if (k < 0) return -1;
      j = k;
      continue;
    }
    if (c === '(') depth++;
    else if (c === ')') {
      depth--;
      if (depth === 0) return j;
    }
  }
  return -1;
}

function findClosingDouble(src: string, i: number): number {
  for (let j = i; j < src.length; j++) {
    const c = src[j];
    if (c === '\\') {
      j++;
      continue;
    }
    if (c === '"') return j;
    if (c === '$' && src[j + 1] === '(') {
      const k = findClosingParen(src, j + 2);
      if (k < 0) return -1;
      j = k;
      continue;
    }
    if (c === '`') {
      const k = findClosingBacktick(src, j + 1);
      if (k < 0) return -1;
      j = k;
    }
  }
  return -1;
}

function findClosingBacktick(src: string, i: number): number {
  for (let j = i; j < src.length; j++) {
    if (src[j] === '\\') {
      j++;
      continue;
    }
    if (src[j] === '`') return j;
  }
  return -1;
}

function decodeAnsiC(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c !== '\\') {
      out += c;
      continue;
    }
    const n = s[++i];
    if (n === undefined) break;
    const simple: Record<string, string> = {
      n: '\n',
      t: '\t',
      r: '\r',
      a: '\x07',
      b: '\b',
      e: '\x1b',
      E: '\x1b',
      f: '\f',
      v: '\v',
      '\\': '\\',
      "'": "'",
      '"': '"',
      '?': '?',
    };
    if (simple[n] !== undefined) {
      out += simple[n];
      continue;
    }
    if (n === 'x') {
      const m = /^[0-9a-fA-F]{1,2}/.exec(s.slice(i + 1));
      if (m) {
        out += String.fromCharCode(parseInt(m[0], 16));
        i += m[0].length;
        continue;
      }
    }
    if (n === 'u' || n === 'U') {
      const m = /^[0-9a-fA-F]{1,8}/.exec(s.slice(i + 1));
      if (m) {
        out += String.fromCodePoint(parseInt(m[0], 16) % 0x110000);
        i += m[0].length;
        continue;
      }
    }
    if (/[0-7]/.test(n)) {
      const m = /^[0-7]{1,3}/.exec(s.slice(i));
      if (m) {
        out += String.fromCharCode(parseInt(m[0], 8));
        i += m[0].length - 1;
        continue;
      }
    }
    out += '\\' + n;
  }
  return out;
}

/** Decodes printf/echo -e style escapes (\xHH, \NNN octal, \n …). */
export function decodeEscapes(s: string): string {
  return decodeAnsiC(s.replace(/\\0([0-7]{1,3})/g, (_m, o: string) => '\\' + o));
}

export function lex(src: string): Token[] {
  const tokens: Token[] = [];
  const pendingHeredocs: RedirToken[] = [];
  let awaitingDelim: RedirToken | null = null;
  let i = 0;
  const n = src.length;
  let guard = 0;
  while (i < n) {
    if (++guard > 100_000) throw new ShellSyntaxError('command too long to check');
    const c = src[i]!;
    if (c === ' ' || c === '\t' || c === '\r') {
      i++;
      continue;
    }
    if (c === '\\' && src[i + 1] === '\n') {
      i += 2;
      continue;
    }
    if (c === '\n') {
      tokens.push({ t: 'op', v: '\n' });
      i++;
      if (awaitingDelim) throw new ShellSyntaxError('heredoc without a delimiter word');
      for (const h of pendingHeredocs.splice(0)) i = readHeredoc(src, i, h);
      continue;
    }
    if (c === '#') {
      while (i < n && src[i] !== '\n') i++;
      continue;
    }
    // operators
    const three = src.slice(i, i + 3);
    const two = src.slice(i, i + 2);
    if (three === '&>>') {
      tokens.push({ t: 'redir', fd: null, op: '&>>' });
      i += 3;
      continue;
    }
    if (two === '&>') {
      tokens.push({ t: 'redir', fd: null, op: '&>' });
      i += 2;
      continue;
    }
    if (two === '&&' || two === '||' || two === '|&' || two === ';;') {
      tokens.push({ t: 'op', v: two as OpValue });
      i += 2;
      continue;
    }
    if (c === ';' || c === '&' || c === '|' || c === ')') {
      tokens.push({ t: 'op', v: c as OpValue });
      i++;
      continue;
    }
    if (c === '(') {
      tokens.push({ t: 'op', v: '(' });
      i++;
      continue;
    }
    // redirects, with an optional fd number in front
    const rm = /^(\d*)(<<<|<<-|<<|>>|>\||>&|<&|<>|>|<)/.exec(src.slice(i, i + 8));
    const isProcSub = rm !== null && rm[1] === '' && (rm[2] === '<' || rm[2] === '>') && src[i + 1] === '(';
    if (rm && !isProcSub) {
      const fd = rm[1] ? Number(rm[1]) : null;
      const op = rm[2] as RedirToken['op'];
      const tok: RedirToken = { t: 'redir', fd, op };
      tokens.push(tok);
      i += rm[0].length;
      if (op === '<<' || op === '<<-') awaitingDelim = tok;
      continue;
    }
    const { word, end } = readWord(src, i);
    i = end;
    if (awaitingDelim) {
      awaitingDelim.delim = word.text;
      pendingHeredocs.push(awaitingDelim);
      awaitingDelim = null;
    }
    tokens.push({ t: 'word', word });
  }
  if (awaitingDelim) throw new ShellSyntaxError('heredoc without a delimiter word');
  if (pendingHeredocs.length > 0)
    throw new ShellSyntaxError(`heredoc not closed (missing ${pendingHeredocs[0]!.delim ?? 'delimiter'} line)`);
  return tokens;
}

function readHeredoc(src: string, i: number, h: RedirToken): number {
  const lines: string[] = [];
  let j = i;
  for (;;) {
    if (j >= src.length) throw new ShellSyntaxError(`heredoc not closed (missing ${h.delim} line)`);
    let e = src.indexOf('\n', j);
    if (e < 0) e = src.length;
    const line = src.slice(j, e);
    j = e + 1;
    const cmp = h.op === '<<-' ? line.replace(/^\t+/, '') : line;
    if (cmp === h.delim) break;
    lines.push(line);
  }
  h.body = lines.join('\n');
  return Math.min(j, src.length);
}

function readWord(src: string, start: number): { word: Word; end: number } {
  let i = start;
  let text = '';
  let quoted = false;
  let glob = false;
  let dynamic = false;
  const vars: string[] = [];
  const subs: Substitution[] = [];
  const n = src.length;
  // process substitution <(…) / >(…) at the start of a word
  const pushCmdSub = (open: number, kind: Substitution['kind'], prefix: string): number => {
    const close = findClosingParen(src, open);
    if (close < 0) throw new ShellSyntaxError(`unclosed ${prefix}(`);
    const source = src.slice(open, close);
    subs.push({ kind, source });
    text += `${prefix}(${source})`;
    dynamic = true;
    return close + 1;
  };
  const readDollar = (inDouble: boolean): void => {
    // src[i] === '$'
    const nx = src[i + 1];
    if (nx === '(' && src[i + 2] === '(') {
      const close = findClosingParen(src, i + 2);
      if (close < 0 || src[close + 1] !== ')') throw new ShellSyntaxError('unclosed $((');
      text += src.slice(i, close + 2);
      dynamic = true;
      i = close + 2;
      return;
    }
    if (nx === '(') {
      i = pushCmdSub(i + 2, 'cmd', '$');
      return;
    }
    if (nx === '{') {
      const close = src.indexOf('}', i + 2);
      if (close < 0) throw new ShellSyntaxError('unclosed ${');
      const inner = src.slice(i + 2, close);
      const name = /^[#!]?([A-Za-z_][A-Za-z0-9_]*|\d+|[@*?#$!-])/.exec(inner)?.[1] ?? inner;
      vars.push(name);
      text += inner === name ? `$${name}` : `\${${inner}}`;
      dynamic = true;
      i = close + 1;
      return;
    }
    if (!inDouble && nx === "'") {
      const close = src.indexOf("'", i + 2);
      if (close < 0) throw new ShellSyntaxError("unclosed $' quote");
      // backslash-escaped single quotes inside $'…'
      let k = i + 2;
      let end = -1;
      while (k < n) {
        if (src[k] === '\\') {
          k += 2;
          continue;
        }
        if (src[k] === "'") {
          end = k;
          break;
        }
        k++;
      }
      if (end < 0) throw new ShellSyntaxError("unclosed $' quote");
      text += decodeAnsiC(src.slice(i + 2, end));
      quoted = true;
      i = end + 1;
      return;
    }
    const m = /^([A-Za-z_][A-Za-z0-9_]*|\d|[@*?#$!-])/.exec(src.slice(i + 1, i + 80));
    if (m) {
      vars.push(m[1]!);
      text += '$' + m[1];
      dynamic = true;
      i += 1 + m[1]!.length;
      return;
    }
    text += '$';
    i++;
  };
  const readBacktick = (): void => {
    const close = findClosingBacktick(src, i + 1);
    if (close < 0) throw new ShellSyntaxError('unclosed backtick');
    const source = src.slice(i + 1, close).replace(/\\([`$\\])/g, '$1');
    subs.push({ kind: 'cmd', source });
    text += '`' + source + '`';
    dynamic = true;
    i = close + 1;
  };
  if ((src[i] === '<' || src[i] === '>') && src[i + 1] === '(') {
    i = pushCmdSub(i + 2, 'proc', src[i]!);
  }
  let guard = 0;
  while (i < n) {
    if (++guard > 100_000) throw new ShellSyntaxError('word too long to check');
    const c = src[i]!;
    if (META.has(c)) break;
    if (c === '\\') {
      if (i + 1 >= n) {
        i++;
        break;
      }
      if (src[i + 1] === '\n') {
        i += 2;
        continue;
      }
      text += src[i + 1];
      quoted = true;
      i += 2;
      continue;
    }
    if (c === "'") {
      const close = src.indexOf("'", i + 1);
      if (close < 0) throw new ShellSyntaxError('unbalanced single quote');
      text += src.slice(i + 1, close);
      quoted = true;
      i = close + 1;
      continue;
    }
    if (c === '"') {
      quoted = true;
      i++;
      let closed = false;
      while (i < n) {
        const d = src[i]!;
        if (d === '"') {
          closed = true;
          i++;
          break;
        }
        if (d === '\\') {
          const e = src[i + 1];
          if (e === '\n') {
            i += 2;
            continue;
          }
          if (e === '$' || e === '`' || e === '"' || e === '\\') {
            text += e;
            i += 2;
            continue;
          }
          text += '\\';
          i++;
          continue;
        }
        if (d === '$') {
          readDollar(true);
          continue;
        }
        if (d === '`') {
          readBacktick();
          continue;
        }
        text += d;
        i++;
      }
      if (!closed) throw new ShellSyntaxError('unbalanced double quote');
      continue;
    }
    if (c === '$') {
      readDollar(false);
      continue;
    }
    if (c === '`') {
      readBacktick();
      continue;
    }
    if (c === '*' || c === '?' || c === '[') glob = true;
    text += c;
    i++;
  }
  return { word: { raw: src.slice(start, i), text, quoted, glob, dynamic, vars, subs }, end: i };
}
