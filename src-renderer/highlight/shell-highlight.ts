// A small shell tokenizer for code blocks; it returns tokens (never HTML), so
// highlighting cannot inject markup.
export interface HighlightToken {
  cls: 'comment' | 'string' | 'var' | 'op' | 'cmd' | 'flag' | 'prompt' | null;
  text: string;
}

const RULES: [HighlightToken['cls'], RegExp][] = [
  ['comment', /^#[^\n]*/],
  ['string', /^'[^']*'?/],
  ['string', /^"(?:\\.|[^"\\])*"?/],
  ['var', /^\$\{[^}]*\}?|^\$[A-Za-z_][A-Za-z0-9_]*|^\$[0-9@#?$!*-]/],
  ['op', /^(?:&&|\|\||;;|[|;&<>]+)/],
  ['flag', /^--?[A-Za-z0-9][\w-]*(?:=\S*)?/],
];

export function highlightShell(code: string): HighlightToken[] {
  const out: HighlightToken[] = [];
  let atCommand = true;
  let i = 0;
  const push = (cls: HighlightToken['cls'], text: string) => {
    const last = out[out.length - 1];
    if (last && last.cls === cls) last.text += text;
    else out.push({ cls, text });
  };
  while (i < code.length) {
    const rest = code.slice(i, i + 2000);
    if (atCommand && /^\$ /.test(rest) && (i === 0 || code[i - 1] === '\n')) {
      push('prompt', '$ ');
      i += 2;
      continue;
    }
    const ws = /^\s+/.exec(rest);
    if (ws) {
      push(null, ws[0]);
      if (ws[0].includes('\n')) atCommand = true;
      i += ws[0].length;
      continue;
    }
    let matched = false;
    for (const [cls, re] of RULES) {
      const m = re.exec(rest);
      if (m && m[0]) {
        push(cls, m[0]);
        if (cls === 'op') atCommand = true;
        i += m[0].length;
        matched = true;
        break;
      }
    }
    if (matched) continue;
    const word = /^[^\s|;&<>'"$#]+|^./.exec(rest)![0];
    push(atCommand ? 'cmd' : null, word);
    if (atCommand && !['sudo', 'env', 'doas', 'nohup', 'command', 'time'].includes(word)) atCommand = false;
    i += word.length;
  }
  return out;
}
