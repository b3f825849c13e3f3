// Finds the runnable commands in a markdown answer: fenced bash/sh/shell/console blocks, prompts stripped, lines joined.
import { randomUUID } from 'node:crypto';
import type { SuggestedCommand } from '../types.js';
import { judgeCommand } from './judge.js';

const SHELL_LANGS = new Set([
  'bash',
  'sh',
  'shell',
  'console',
  'zsh',
  'shell-session',
  'shellsession',
  'sh-session',
  'terminal',
  'fish',
  'ksh',
]);
const CONSOLE_LANGS = new Set(['console', 'shell-session', 'shellsession', 'sh-session', 'terminal']);
const MAX_JOIN = 60;

/** A prompt at the start of a console line: `$ `, `# `, `% `, `user@host:~$ `, `[user@host dir]$ `. */
const PROMPT = /^(?:[\w.-]+@[\w.-]+(?::[^\s$#]*)?\s?[$#%]|\[[^\]\n]{1,80}\]\s?[$#%]|[$#%])(?:\s+|$)/;
const DOLLAR_PROMPT = /^\$(?:\s+|$)/;

/** The runnable commands in a markdown answer, one per logical line, in order. */
export function extractCommands(markdown: string): string[] {
  const out: string[] = [];
  for (const block of shellBlocks(markdown)) out.push(...commandsInBlock(block.lines, block.console));
  return out;
}

/** Commands with ids and judgements, ready for the main process registry. */
export function extractSuggestedCommands(markdown: string): SuggestedCommand[] {
  return extractCommands(markdown).map((command) => ({ id: randomUUID(), argv: null, ...judgeCommand(command) }));
}

interface Block {
  lines: string[];
  console: boolean;
}

function shellBlocks(markdown: string): Block[] {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,}|~{3,})\s*([^\s`{]*)/.exec(lines[i]!);
    if (!open) continue;
    const indent = open[1]!.length;
    const fence = open[2]!;
    const lang = open[3]!.toLowerCase().replace(/^\{?\.?/, '');
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const l = lines[j]!;
      const close = /^\s*(`{3,}|~{3,})\s*$/.exec(l);
      if (close && close[1]![0] === fence[0] && close[1]!.length >= fence.length) break;
      body.push(l.slice(Math.min(indent, l.length - l.trimStart().length)));
    }
    i = j;
    if (!SHELL_LANGS.has(lang)) continue;
    const console = CONSOLE_LANGS.has(lang) || body.some((l) => DOLLAR_PROMPT.test(l.trimStart()));
    blocks.push({ lines: body, console });
  }
  return blocks;
}

function commandsInBlock(lines: string[], consoleMode: boolean): string[] {
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!.trim();
    if (raw === '') continue;
    let line: string;
    if (consoleMode) {
      const m = PROMPT.exec(raw);
      if (!m) continue; // output line
      line = raw.slice(m[0].length);
    } else {
      if (raw.startsWith('#')) continue; // comment
      line = DOLLAR_PROMPT.test(raw) ? raw.replace(DOLLAR_PROMPT, '') : raw;
    }
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    // join continuations, open quotes, trailing operators and heredocs
    let cmd = line;
    let joined = 0;
    for (;;) {
      if (joined >= MAX_JOIN || i + 1 >= lines.length) break;
      const next = (): string => {
        i++;
        joined++;
        const l = lines[i]!.trim();
        return consoleMode ? l.replace(/^>\s?/, '') : l;
      };
      if (/(^|[^\\])(\\\\)*\\$/.test(cmd)) {
        cmd = cmd.slice(0, -1).trimEnd() + ' ' + next();
        continue;
      }
      if (/(\|\||&&|\|)\s*$/.test(cmd)) {
        cmd = cmd.trimEnd() + ' ' + next();
        continue;
      }
      const hd = heredocDelimiter(cmd);
      if (hd !== null) {
        const body: string[] = [];
        let closed = false;
        while (i + 1 < lines.length && joined < MAX_JOIN * 4) {
          i++;
          joined++;
          const l = consoleMode ? lines[i]!.replace(/^>\s?/, '') : lines[i]!;
          body.push(l);
          if (l.trim() === hd) {
            closed = true;
            break;
          }
        }
        cmd = [cmd, ...body].join('\n');
        if (!closed) break;
        continue;
      }
      if (hasOpenQuote(cmd)) {
        cmd = cmd + '\n' + (consoleMode ? lines[++i]!.replace(/^>\s?/, '') : lines[++i]!);
        joined++;
        continue;
      }
      break;
    }
    out.push(cmd.trim());
  }
  return out;
}

/** The delimiter of an unterminated heredoc on the command's last line (`cat <<EOF`, `<<-'END'`), else null. */
function heredocDelimiter(cmd: string): string | null {
  const last = cmd.slice(cmd.lastIndexOf('\n') + 1);
  if (cmd.includes('\n')) return null;
  const m = /<<-?\s*(['"]?)([A-Za-z_][\w-]*)\1/.exec(last.replace(/<<</g, '   '));
  return m ? m[2]! : null;
}

function hasOpenQuote(s: string): boolean {
  let q: string | null = null;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (q === "'") {
      if (c === "'") q = null;
      continue;
    }
    if (c === '\\') {
      i++;
      continue;
    }
    if (q === '"') {
      if (c === '"') q = null;
      continue;
    }
    if (c === '#' && (i === 0 || /\s/.test(s[i - 1]!))) {
      const nl = s.indexOf('\n', i);
      if (nl < 0) return false;
      i = nl;
      continue;
    }
    if (c === "'" || c === '"') q = c;
  }
  return q !== null;
}
