// What a word is worth at judging time: known variables filled in, `$(echo x)` folded to its text.
import { commandName, type JudgeCtx } from './judge-context.js';
import { decodeEscapes, type Word } from './shell-lexer.js';
import { parseShell } from './shell-parser.js';

/** A word's value with known variables filled in and `$(echo x)` folded; dynamic stays true when unknown. */
export function resolveWord(w: Word, ctx: JudgeCtx): Word {
  let text = w.text;
  let dynamic = w.dynamic;
  if (w.vars.length > 0) {
    let unknown = false;
    for (const v of w.vars) {
      const val = v === 'HOME' ? '~' : v === 'USER' || v === 'LOGNAME' ? 'user' : ctx.vars.get(v);
      if (val === undefined) {
        unknown = true;
        continue;
      }
      text = text
        .split('${' + v + '}')
        .join(val)
        .split('$' + v)
        .join(val);
    }
    dynamic = unknown || w.subs.length > 0;
  }
  if (w.subs.length === 1 && w.subs[0]!.kind === 'cmd') {
    const folded = foldEcho(w.subs[0]!.source, ctx);
    if (folded !== null) {
      const src = w.subs[0]!.source;
      text = text.replace('$(' + src + ')', folded).replace('`' + src + '`', folded);
      dynamic = w.vars.some((v) => v !== 'HOME' && !ctx.vars.has(v));
      return { ...w, text, dynamic, subs: [] };
    }
  }
  return { ...w, text, dynamic };
}

/** `$(echo rm)` / `$(printf 'r\x6d')` → their literal output; null when not that simple. */
function foldEcho(source: string, ctx: JudgeCtx): string | null {
  try {
    const tree = parseShell(source, ctx.depth + 1);
    if (tree.items.length !== 1) return null;
    const node = tree.items[0]!.node;
    if (node.kind !== 'simple' || node.redirs.length > 0) return null;
    const words = node.words.map((w) => resolveWord(w, ctx));
    if (words.some((w) => w.dynamic)) return null;
    const name = commandName(words[0]);
    const args = words.slice(1).map((w) => w.text);
    if (name === 'echo') {
      let escapes = false;
      while (args[0] && /^-[neE]+$/.test(args[0])) {
        if (args[0].includes('e')) escapes = true;
        args.shift();
      }
      const s = args.join(' ');
      return escapes ? decodeEscapes(s) : s;
    }
    if ((name === 'which' || name === 'type' || (name === 'command' && args[0] === '-v')) && args.length > 0) {
      const target = args[args.length - 1]!;
      return /^[\w.+-]+$/.test(target) ? target : null;
    }
    if (name === 'printf' && args.length > 0) {
      const fmt = decodeEscapes(args[0]!);
      let k = 1;
      return fmt.replace(/%[sdbc]/g, () => args[k++] ?? '');
    }
  } catch {
    return null;
  }
  return null;
}

export const baseName = (p: string): string => p.slice(p.lastIndexOf('/') + 1);
