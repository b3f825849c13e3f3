// roff escape sequences to plain text: fonts and sizes dropped, special characters mapped, strings
// (`\*(lq`, `.ds`) expanded, motions and drawing commands removed.

const CHARS: Record<string, string> = {
  em: '—',
  en: '–',
  hy: '-',
  mi: '-',
  pl: '+',
  aq: "'",
  dq: '"',
  lq: '“',
  rq: '”',
  oq: '‘',
  cq: '’',
  bu: '•',
  co: '©',
  rg: '®',
  tm: '™',
  de: '°',
  mu: '×',
  di: '÷',
  '+-': '±',
  '<=': '≤',
  '>=': '≥',
  '!=': '≠',
  '->': '→',
  '<-': '←',
  '=>': '⇒',
  ua: '↑',
  da: '↓',
  lA: '⇐',
  rA: '⇒',
  ha: '^',
  ti: '~',
  rs: '\\',
  sl: '/',
  ba: '|',
  br: '│',
  ul: '_',
  ru: '_',
  fm: '′',
  sd: '″',
  sc: '§',
  ps: '¶',
  ct: '¢',
  Po: '£',
  Ye: '¥',
  Eu: '€',
  eu: '€',
  ss: 'ß',
  'a"': '"',
  'u"': '"',
  ga: '`',
  aa: '´',
  "e'": 'é',
  "'e": 'é',
  ':u': 'ü',
  ':o': 'ö',
  ':a': 'ä',
  ff: 'ff',
  fi: 'fi',
  fl: 'fl',
  Fi: 'ffi',
  Fl: 'ffl',
  lB: '[',
  rB: ']',
  lC: '{',
  rC: '}',
  la: '⟨',
  ra: '⟩',
  OK: '✓',
  sq: '□',
  ci: '○',
  at: '@',
  sh: '#',
  Do: '$',
  dollar: '$',
  bv: '|',
  or: '|',
  'em-dash': '—',
  tno: '~',
  '-D': 'Đ',
  Sd: 'ð',
  TP: 'Þ',
  Tp: 'þ',
  ho: '˛',
  ah: 'ˇ',
  ao: '˚',
  a_: '¯',
};

const STRINGS: Record<string, string> = { lq: '“', rq: '”', R: '®', Tm: '™', 'S-': '-', Lq: '“', Rq: '”', ga: '`', aq: "'" };

const ESC =
  /\\(?:"[^\n]*|#[^\n]*|f(?:\[[^\]]*\]|\(..|.)|F(?:\[[^\]]*\]|\(..|.)|s(?:[+-]?\d+|[+-]?\(\d\d|\[[^\]]*\]|'[^']*')|m(?:\[[^\]]*\]|\(..|.)|\((..)|\[([^\]]*)\]|\*(?:\((..)|\[([^\]]*)\]|(.))|n(?:[+-]?\(..|[+-]?\[[^\]]*\]|[+-]?.)|k.|[NhvwolLXZDbRxHSCYAB]'[^']*'|g(?:\(..|\[[^\]]*\]|.)|\$(?:\d|\*|@)|(.)|$)/g;

export function unescapeRoff(s: string, strings?: Map<string, string>): string {
  if (!s.includes('\\')) return s;
  return s.replace(ESC, (m, ch2?: string, chBr?: string, st2?: string, stBr?: string, st1?: string, other?: string) => {
    if (ch2 !== undefined) return CHARS[ch2] ?? '';
    if (chBr !== undefined) return namedChar(chBr);
    const sn = st2 ?? stBr ?? st1;
    if (sn !== undefined) return strings?.get(sn) ?? STRINGS[sn] ?? '';
    if (other !== undefined) {
      switch (other) {
        case '-':
          return '-';
        case 'e':
        case '\\':
          return '\\';
        case 't':
          return '\t';
        case '0':
        case ' ':
        case '~':
          return ' ';
        case '&':
        case '|':
        case '^':
        case '%':
        case 'c':
        case ':':
        case '/':
        case ',':
        case ')':
        case '{':
        case '}':
        case 'd':
        case 'u':
        case 'r':
        case 'p':
        case 'a':
        case 'z':
          return '';
        case "'":
          return '´';
        case '`':
          return '`';
        case '.':
          return '.';
        case 'E':
          return '\\';
        default:
          return other;
      }
    }
    return m.startsWith('\\"') || m.startsWith('\\#') ? '' : '';
  });
}

function namedChar(n: string): string {
  if (n in CHARS) return CHARS[n]!;
  const u = /^u([0-9A-Fa-f]{4,6})(?:_[0-9A-Fa-f]{4,6})*$/.exec(n);
  if (u) {
    try {
      return String.fromCodePoint(parseInt(u[1]!, 16));
    } catch {
      return '';
    }
  }
  if (/^char\d+$/.test(n)) return String.fromCharCode(Number(n.slice(4)) & 0xffff);
  return n.length === 1 ? n : '';
}

/** Splits macro arguments: spaces separate, double quotes group, `""` inside quotes is a quote. */
export function macroArgs(s: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < s.length) {
    while (s[i] === ' ' || s[i] === '\t') i++;
    if (i >= s.length) break;
    if (s[i] === '"') {
      let j = i + 1;
      let cur = '';
      while (j < s.length) {
        if (s[j] === '"') {
          if (s[j + 1] === '"') {
            cur += '"';
            j += 2;
            continue;
          }
          j++;
          break;
        }
        cur += s[j++];
      }
      out.push(cur);
      i = j;
    } else {
      let j = i;
      while (j < s.length && s[j] !== ' ' && s[j] !== '\t') j++;
      out.push(s.slice(i, j));
      i = j;
    }
  }
  return out;
}
