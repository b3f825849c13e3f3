// man(7) and mdoc(7) pages to sectioned plain text, in-process (one `man` process per page costs ~190 ms).
// Handles the macros real pages use (help2man, pod2man, docbook, asciidoctor, BSD mdoc); what it does not
// know is kept as text rather than lost. `.so` includes are resolved by the caller (man-pages.ts).
import { macroArgs, unescapeRoff } from './roff-escapes.js';
import { slug } from './model.js';

export interface ManSection {
  heading: string;
  anchor: string;
  text: string;
  commands: string[];
}
export interface ManPage {
  name: string;
  section: string;
  summary: string;
  sections: ManSection[];
}

const SKIP_SECTIONS = new Set([
  'AUTHOR',
  'AUTHORS',
  'REPORTING BUGS',
  'COPYRIGHT',
  'COLOPHON',
  'LICENSE',
  'COPYING',
  'TRANSLATION',
  'TRANSLATOR',
  'ÜBERSETZUNG',
]);
const NO_OP = new Set([
  'ad',
  'na',
  'hy',
  'nh',
  'ne',
  'ta',
  'in',
  'ti',
  'll',
  'ft',
  'ps',
  'vs',
  'cs',
  'ss',
  'PD',
  'DT',
  'ns',
  'rs',
  'mk',
  'rt',
  'tr',
  'cc',
  'ec',
  'eo',
  'lf',
  'pc',
  'ev',
  'hw',
  'fam',
  'ce',
  'ul',
  'cu',
  'bp',
  'pl',
  'po',
  'lt',
  'tl',
  'nr',
  'rr',
  'rm',
  'rn',
  'als',
  'IX',
  'Dd',
  'Os',
  'Bk',
  'Ek',
  'Bl',
  'El',
  'Ed',
  'UE',
  'ME',
  'YS',
  'TA',
  'ds1',
  'hc',
  'char',
  'fchar',
  'ftr',
  'do',
  'mso',
  'blm',
  'lsm',
  'kern',
  'ie0',
  'ce0',
  'Dt',
  'pdfhref',
  'cp',
  'ab',
  'warn',
  'nx',
  'ex',
  'em',
  'fl',
  'tm',
  'it',
  'sy',
  'pso',
  'open',
  'close',
  'write',
  'am',
  'ch',
  'wh',
  'dt',
  'ns0',
  'ls',
  'ig0',
  'LO',
]);
const BREAK = new Set(['PP', 'P', 'LP', 'sp', 'HP', 'Pp', 'Lp', 'RS', 'RE', 'PD0']);
const ALT = new Set(['BR', 'RB', 'IR', 'RI', 'BI', 'IB']);
const MDOC_DROP = new Set([
  'Ar',
  'Cm',
  'Pa',
  'Ev',
  'Va',
  'Dv',
  'Em',
  'Sy',
  'Li',
  'Ic',
  'Er',
  'Fa',
  'Ft',
  'Fd',
  'In',
  'Cd',
  'Ad',
  'An',
  'Lk',
  'Mt',
  'Tn',
  'Ms',
  'No',
  'Nx',
  'Ox',
  'Fx',
  'Bx',
  'Ux',
  'At',
  'St',
  'Xo',
  'Xc',
  'Pf',
  'Vt',
  'Ot',
  'Ic',
  'Sx',
  'Lb',
  'Rv',
  'Ex',
  'Bsx',
  'Dx',
  'Ap',
  'Db',
  'Sm',
  'Fo',
  'Fc',
  'Tg',
  'Ta',
  'Hf',
  'Eo',
  'Ec',
  'Es',
  'En',
  'Aq',
  'Brq',
  'Bq',
  'Dq',
  'Sq',
  'Pq',
  'Qq',
  'Ql',
  'Op',
  'Oo',
  'Oc',
  'Fl',
  'Xr',
  'Nm',
  'Ns',
  'Fn',
  'Ao',
  'Ac',
  'Bo',
  'Bc',
  'Do',
  'Dc',
  'Po',
  'Pc',
  'Qo',
  'Qc',
  'So',
  'Sc',
  'Bro',
  'Brc',
  'Dl',
  'D1',
  'It',
  'Nd',
  'Sh',
  'Ss',
  'Pp',
  'Lp',
  'Bd',
  'Ed',
  'Bl',
  'El',
  'Dd',
  'Dt',
  'Os',
]);

const MAX_LINES = 60_000;

export function renderRoff(src: string, fallbackName = '', fallbackSection = ''): ManPage {
  const r = new Renderer(fallbackName, fallbackSection);
  r.run(src);
  return r.finish();
}

class Renderer {
  name: string;
  sec: string;
  summary = '';
  private sections: { heading: string; lines: string[]; commands: string[] }[] = [];
  private cur: { heading: string; lines: string[]; commands: string[] } | null = null;
  private para: string[] = [];
  private nofill = false;
  private indentNext = false;
  private tagPending = false;
  private indent = 0;
  private readonly strings = new Map<string, string>();
  private mdoc = false;
  private mdocName = '';

  constructor(name: string, sec: string) {
    this.name = name;
    this.sec = sec;
  }

  run(src: string): void {
    const lines = src.replace(/\r\n?/g, '\n').split('\n');
    const n = Math.min(lines.length, MAX_LINES);
    let skipUntil: string | null = null;
    let braceDepth = 0;
    for (let i = 0; i < n; i++) {
      let line = lines[i]!;
      if (skipUntil !== null) {
        if (line.trim() === skipUntil || line.startsWith(skipUntil)) skipUntil = null;
        continue;
      }
      if (braceDepth > 0) {
        braceDepth += (line.match(/\\\{/g)?.length ?? 0) - (line.match(/\\\}/g)?.length ?? 0);
        continue;
      }
      while (line.endsWith('\\') && !line.endsWith('\\\\') && i + 1 < n) line = line.slice(0, -1) + lines[++i]!;
      if (/^[.']\s*\\"/.test(line) || line.startsWith('\\"')) continue;
      if (line.startsWith('.') || line.startsWith("'")) {
        const m = /^[.']\s*(\S+)\s*(.*)$/.exec(line);
        if (!m) continue;
        const req = m[1]!;
        const rest = m[2]!;
        if (req === 'de' || req === 'de1' || req === 'am' || req === 'ig') {
          skipUntil = req === 'ig' && rest.trim() ? `.${rest.trim()}` : '..';
          continue;
        }
        if (req === 'if' || req === 'ie' || req === 'el') {
          const body = this.conditional(req, rest);
          if (body === null) {
            const open = (rest.match(/\\\{/g)?.length ?? 0) - (rest.match(/\\\}/g)?.length ?? 0);
            if (open > 0) braceDepth = open;
            continue;
          }
          const b = body.replace(/\\[{}]/g, '').trim();
          if (b) this.line(b);
          continue;
        }
        this.macro(req, rest);
        continue;
      }
      this.line(line.replace(/\\[{}]/g, ''));
    }
  }

  /** `.if n …` (we are nroff) is true, `.if t …` false; anything we cannot evaluate is false. */
  private conditional(req: string, rest: string): string | null {
    if (req === 'el') return null;
    const m = /^(!?)(n|t|o|e|v|h|\S*?)\s+(.*)$/.exec(rest.trim());
    if (!m) return null;
    const neg = m[1] === '!';
    let v: boolean | null = null;
    if (m[2] === 'n') v = true;
    else if (m[2] === 't' || m[2] === 'v' || m[2] === 'h') v = false;
    if (v === null) return null;
    return (neg ? !v : v) ? m[3]! : null;
  }

  private line(raw: string): void {
    if (!raw.startsWith('.') && !raw.startsWith("'")) {
      const text = unescapeRoff(raw, this.strings);
      this.text(text, raw);
    } else this.run(raw);
  }

  private text(t: string, raw = t): void {
    if (!this.cur && !this.mdoc) this.startSection('DESCRIPTION');
    if (!this.cur) this.startSection('DESCRIPTION');
    if (this.tagPending) {
      this.tagPending = false;
      this.breakPara();
      this.cur!.lines.push(' '.repeat(this.indent) + t.trim());
      this.indentNext = true;
      return;
    }
    if (this.nofill) {
      this.cur!.lines.push(' '.repeat(this.indent + 4) + t.replace(/\s+$/, ''));
      this.maybeCommand(t);
      return;
    }
    if (raw.startsWith(' ') || raw === '') this.breakPara(raw === '');
    if (t.trim()) this.para.push(t.trim());
  }

  private maybeCommand(t: string): void {
    if (!this.cur || !/EXAMPLE/i.test(this.cur.heading)) return;
    const s = t.trim();
    const m = /^[$#%]\s+(.+)$/.exec(s);
    const starts = this.name && (s.startsWith(`${this.name} `) || s.startsWith(`${this.name.replace(/-/g, ' ')} `));
    const cmd = m ? m[1]! : starts ? s : null;
    if (cmd && cmd.length < 200 && this.cur.commands.length < 12) this.cur.commands.push(cmd);
  }

  private breakPara(blank = true): void {
    if (!this.cur) return;
    if (this.para.length) {
      const ind = this.indentNext ? this.indent + 4 : this.indent;
      const text = this.para.join(' ');
      this.cur.lines.push(' '.repeat(ind) + text);
      if (text.length < 150) this.maybeCommand(text);
      this.para = [];
    }
    if (blank && this.cur.lines.length && this.cur.lines[this.cur.lines.length - 1] !== '') this.cur.lines.push('');
  }

  private startSection(heading: string): void {
    this.breakPara();
    this.indentNext = false;
    this.tagPending = false;
    this.cur = { heading, lines: [], commands: [] };
    this.sections.push(this.cur);
  }

  private args(rest: string): string[] {
    return macroArgs(rest).map((a) => unescapeRoff(a, this.strings));
  }

  private macro(req: string, rest: string): void {
    if (req === 'TH') {
      const a = this.args(rest);
      if (a[0]) this.name = a[0].toLowerCase() === a[0] ? a[0] : this.name || a[0].toLowerCase();
      if (a[1]) this.sec = this.sec || a[1];
      return;
    }
    if (req === 'Dt') {
      this.mdoc = true;
      return;
    }
    if (req === 'SH' || req === 'Sh' || req === 'SS' || req === 'Ss') {
      const h = this.args(rest).join(' ').trim();
      if (req === 'Sh') this.mdoc = true;
      if (!h) {
        this.tagPending = false;
        this.startSection('SECTION');
        this.pendingHeading = true;
        return;
      }
      this.startSection(req === 'SS' || req === 'Ss' ? `${this.majorHeading()} › ${h}` : h);
      return;
    }
    if (this.pendingHeading) {
      this.pendingHeading = false;
      // `.SH` with its title on the next line.
    }
    if (BREAK.has(req)) {
      this.breakPara();
      this.indentNext = false;
      if (req === 'RS') this.indent = Math.min(this.indent + 2, 12);
      if (req === 'RE') this.indent = Math.max(this.indent - 2, 0);
      return;
    }
    if (req === 'br') {
      this.breakPara(false);
      return;
    }
    if (req === 'TP' || req === 'TQ') {
      this.breakPara(req === 'TP');
      this.tagPending = true;
      this.indentNext = false;
      return;
    }
    if (req === 'IP') {
      this.breakPara();
      const a = this.args(rest);
      if (a[0] && a[0] !== '\\(bu' && a[0].trim()) {
        this.cur ??= this.pushDefault();
        this.cur.lines.push(' '.repeat(this.indent) + a[0]);
      }
      this.indentNext = true;
      return;
    }
    if (req === 'nf' || req === 'EX' || req === 'Vb' || (req === 'Bd' && /-literal|-unfilled/.test(rest))) {
      this.breakPara();
      this.nofill = true;
      return;
    }
    if (req === 'fi' || req === 'EE' || req === 'Ve' || req === 'Ed') {
      this.nofill = false;
      this.breakPara();
      return;
    }
    if (req === 'so') return;
    if (req === 'ds' || req === 'ds1') {
      const m = /^(\S+)\s+"?(.*)$/.exec(rest);
      if (m) this.strings.set(m[1]!, unescapeRoff(m[2]!, this.strings));
      return;
    }
    if (NO_OP.has(req)) return;
    if (ALT.has(req)) {
      this.text(this.args(rest).join(''));
      return;
    }
    if (
      req === 'B' ||
      req === 'I' ||
      req === 'SM' ||
      req === 'SB' ||
      req === 'UR' ||
      req === 'MT' ||
      req === 'SY' ||
      req === 'OP' ||
      req === 'CW' ||
      req === 'R'
    ) {
      const a = this.args(rest).join(' ');
      this.text(req === 'OP' ? `[${a}]` : req === 'UR' || req === 'MT' ? `<${a}>` : a);
      return;
    }
    if (this.mdoc || MDOC_DROP.has(req)) {
      this.mdocMacro(req, rest);
      return;
    }
    // Unknown macro: keep its words.
    const a = this.args(rest).join(' ');
    if (a.trim()) this.text(a);
  }

  private pendingHeading = false;

  private pushDefault(): { heading: string; lines: string[]; commands: string[] } {
    this.startSection('DESCRIPTION');
    return this.cur!;
  }

  private majorHeading(): string {
    for (let i = this.sections.length - 1; i >= 0; i--) {
      const h = this.sections[i]!.heading;
      if (!h.includes(' › ')) return h;
      return h.split(' › ')[0]!;
    }
    return 'DESCRIPTION';
  }

  private mdocMacro(req: string, rest: string): void {
    const words = macroArgs(rest);
    switch (req) {
      case 'Pp':
      case 'Lp':
        this.breakPara();
        this.indentNext = false;
        return;
      case 'Nm': {
        if (words[0] && !this.mdocName) {
          this.mdocName = unescapeRoff(words[0]);
          if (!this.name) this.name = this.mdocName;
        }
        this.text(this.inline(['Nm', ...words]));
        return;
      }
      case 'Nd':
        this.text(`- ${this.inline(words)}`);
        return;
      case 'It': {
        this.breakPara();
        const t = this.inline(words);
        if (t) this.cur?.lines.push(' '.repeat(this.indent) + t);
        this.indentNext = true;
        return;
      }
      case 'Dl':
      case 'D1':
        this.breakPara();
        this.cur?.lines.push(`${' '.repeat(this.indent + 4)}${this.inline(words)}`);
        this.maybeCommand(this.inline(words));
        return;
      case 'Bd':
        this.breakPara();
        return;
      default: {
        const t = this.inline([req, ...words]);
        if (t) this.text(t);
      }
    }
  }

  /** Inline mdoc: `Fl r Ar dir` -> `-r dir`, `Xr ls 1` -> `ls(1)`, `Op ...` -> `[...]`. */
  private inline(words: string[]): string {
    let out = '';
    let noSpace = false;
    let closers: string[] = [];
    const push = (s: string): void => {
      if (!s) return;
      const punct = /^[.,;:)\]?!]$/.test(s);
      out += (out && !noSpace && !punct ? ' ' : '') + s;
      noSpace = false;
    };
    for (let i = 0; i < words.length; i++) {
      const w = words[i]!;
      switch (w) {
        case 'Fl': {
          const nx = words[i + 1];
          if (nx && !MDOC_DROP.has(nx) && !/^[.,;:)\]]$/.test(nx)) {
            push(`-${unescapeRoff(nx)}`);
            i++;
          } else push('-');
          break;
        }
        case 'Xr': {
          const a = words[i + 1];
          const b = words[i + 2];
          if (a) {
            push(b && /^\d/.test(b) ? `${a}(${b})` : a);
            i += b && /^\d/.test(b) ? 2 : 1;
          }
          break;
        }
        case 'Nm': {
          const nx = words[i + 1];
          if (nx && !MDOC_DROP.has(nx) && !/^[.,;:)\]]$/.test(nx)) {
            push(unescapeRoff(nx));
            i++;
          } else push(this.mdocName || this.name);
          break;
        }
        case 'Op':
        case 'Oo':
          push('[');
          noSpace = true;
          if (w === 'Op') closers.push(']');
          break;
        case 'Oc':
          out += ']';
          break;
        case 'Dq':
        case 'Do':
          push('“');
          noSpace = true;
          if (w === 'Dq') closers.push('”');
          break;
        case 'Dc':
          out += '”';
          break;
        case 'Sq':
        case 'Ql':
        case 'So':
          push('‘');
          noSpace = true;
          if (w !== 'So') closers.push('’');
          break;
        case 'Sc':
          out += '’';
          break;
        case 'Pq':
        case 'Po':
          push('(');
          noSpace = true;
          if (w === 'Pq') closers.push(')');
          break;
        case 'Pc':
          out += ')';
          break;
        case 'Aq':
          push('<');
          noSpace = true;
          closers.push('>');
          break;
        case 'Brq':
          push('{');
          noSpace = true;
          closers.push('}');
          break;
        case 'Ns':
        case 'Ap':
          noSpace = true;
          if (w === 'Ap') out += "'";
          break;
        default:
          if (MDOC_DROP.has(w)) break;
          push(unescapeRoff(w, this.strings));
      }
    }
    if (closers.length) {
      out += closers.reverse().join('');
      closers = [];
    }
    return out.replace(/\s+/g, ' ').trim();
  }

  finish(): ManPage {
    this.breakPara();
    const sections: ManSection[] = [];
    const used = new Set<string>();
    for (const s of this.sections) {
      const text = s.lines
        .join('\n')
        .replace(/\n{3,}/g, '\n\n')
        .trim();
      const major = s.heading.split(' › ')[0]!.toUpperCase();
      if (major === 'NAME') {
        const m = /^(.*?)\s+(?:\\?-|–|—)\s+(.*)$/s.exec(text.replace(/\s+/g, ' '));
        this.summary = (m ? m[2]! : text).trim().slice(0, 300);
        if (!this.name && m) this.name = m[1]!.split(/[ ,]/)[0]!;
        continue;
      }
      if (!text || SKIP_SECTIONS.has(major)) continue;
      let anchor = slug(s.heading.split(' › ').pop()!);
      for (let n = 2; used.has(anchor); n++) anchor = `${slug(s.heading.split(' › ').pop()!)}-${n}`;
      used.add(anchor);
      sections.push({ heading: s.heading, anchor, text, commands: s.commands });
    }
    return { name: this.name, section: this.sec, summary: this.summary, sections };
  }
}
