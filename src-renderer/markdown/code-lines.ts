// Code blocks as logical lines and the command each line is, matched the way the core extracts
// commands ($ prompts stripped, backslash continuations joined). Light: no markdown parser here.
export interface CodeLine {
  /** The text shown (one logical line; continuations joined with their backslashes kept). */
  text: string;
  /** The command as the core extracts it: `$ ` stripped, `\` continuations joined. */
  command: string | null;
}

/** Could a markdown block hold code (fenced or indented)? Blocks without it never show a command. */
export const MAY_HAVE_CODE = /```|~~~|^(?: {4}|\t)/m;

const RUNNABLE_LANGS = new Set(['', 'bash', 'sh', 'shell', 'console', 'zsh']);

/** Splits a code block into logical lines and the command each would be, for matching against ids. */
export function codeLines(lang: string, code: string): CodeLine[] {
  const raw = code.split('\n');
  const lines: CodeLine[] = [];
  const runnable = RUNNABLE_LANGS.has(lang.toLowerCase());
  for (let i = 0; i < raw.length; i++) {
    let text = raw[i]!;
    let joined = text;
    while (/\\\s*$/.test(joined) && i + 1 < raw.length) {
      i++;
      text += '\n' + raw[i]!;
      joined = joined.replace(/\\\s*$/, ' ') + raw[i]!.trim();
    }
    const cmd = joined.trim().replace(/^\$\s+/, '').replace(/\s+/g, ' ');
    lines.push({ text, command: runnable && cmd && !cmd.startsWith('#') ? cmd : null });
  }
  return lines;
}

/** Normalises a command for matching a code line against the commands the core found. */
export function normaliseCommand(s: string): string {
  return s.trim().replace(/^\$\s+/, '').replace(/\s+/g, ' ');
}
