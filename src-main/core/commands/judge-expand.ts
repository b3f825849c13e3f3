// Shell expansions the judge imitates: word splitting of variables, brace expansion of the command name,
// substitutions inside heredoc bodies, and endless loops that keep starting background jobs.
import { lit } from './judge-context.js';
import type { Word } from './shell-lexer.js';
import type { Redirect } from './shell-parser.js';

export const ENDLESS_LOOP =
  /\b(?:while\s+(?:true|:|\[\s*1\s*\]|\(\(\s*1\s*\)\))|until\s+false|for\s*\(\(\s*;\s*;\s*\)\))\s*;?\s*do\b([\s\S]{0,2000}?)\bdone\b/;

/** A loop body that puts jobs in the background and never waits or sleeps in the foreground. */
export function spawnsWithoutPause(body: string): boolean {
  let background = false;
  for (const m of body.matchAll(/([^;&|\n]*)(&&|\|\||;|\n|&(?!>)|\||$)/g)) {
    const part = m[1]!.trim();
    if (m[2] === '&' && part !== '' && !/[>]$/.test(part)) background = true;
    else if (/^(sleep|wait|read)\b/.test(part)) return false;
    if (m[0] === '') break;
  }
  return background;
}

/** `X="rm -rf"; $X ~`: an unquoted variable holding several words becomes several words, as in the shell. */
export function splitUnquoted(original: Word, resolved: Word): Word[] {
  if ((original.quoted && original.text !== '$@') || original.vars.length === 0 || resolved.dynamic || !/\S\s+\S/.test(resolved.text))
    return [resolved];
  return resolved.text
    .trim()
    .split(/\s+/)
    .map((part) => ({ ...lit(part), glob: /[*?[]/.test(part) }));
}

/** `{rm,-rf,~}` as the command: bash expands the braces into the words `rm -rf ~`. */
export function expandBraces(words: Word[]): Word[] {
  const first = words[0];
  if (!first || first.quoted || first.dynamic) return words;
  const m = /^\{([^{}\s]*,[^{}\s]*)\}$/.exec(first.raw);
  if (!m) return words;
  const parts = m[1]!
    .split(',')
    .filter((p) => p !== '')
    .map((p) => ({ ...lit(p), glob: /[*?[]/.test(p) }));
  return [...parts, ...words.slice(1)];
}

/** The `$(…)` and backtick scripts in the body of an unquoted heredoc (the shell runs them while reading it). */
export function heredocSubstitutions(r: Redirect): string[] {
  if ((r.op !== '<<' && r.op !== '<<-') || r.target.quoted || !r.body) return [];
  const body = r.body;
  const out: string[] = [];
  for (let i = 0; i < body.length && out.length < 32; i++) {
    if (body[i] === '\\') {
      i++;
      continue;
    }
    if (body[i] === '$' && body[i + 1] === '(' && body[i + 2] !== '(') {
      let depth = 0;
      let j = i + 1;
      for (; j < body.length; j++) {
        if (body[j] === '(') depth++;
        else if (body[j] === ')' && --depth === 0) break;
      }
      out.push(body.slice(i + 2, j));
      i = j;
    } else if (body[i] === '`') {
      const end = body.indexOf('`', i + 1);
      if (end < 0) break;
      out.push(body.slice(i + 1, end));
      i = end;
    }
  }
  return out;
}
