// Places the core's commands on the lines of a code block. The renderer does not decide what a command is:
// the core found them (and judged them); here each one is looked up at the line where it starts, with the
// prompts and line joins the core strips (`$ `, `user@host:~$ `, `\` continuations, trailing `|`/`&&`).
// Light: no markdown parser here.
export interface CodeLine {
  /** The text shown (one logical line; joined lines keep their own line breaks). */
  text: string;
  /** The core's command this line (and the lines joined to it) is, matched by its normalised text. */
  commandKey: string | null;
}

/** Could a markdown block hold code (fenced or indented)? Blocks without it never show a command. */
export const MAY_HAVE_CODE = /```|~~~|^(?: {4}|\t)/m;

/** A prompt the core strips at the start of a console line: `$ `, `# `, `% `, `user@host:~$ `, `[user@host dir]$ `. */
const PROMPT = /^(?:[\w.-]+@[\w.-]+(?::[^\s$#]*)?\s?[$#%]|\[[^\]\n]{1,80}\]\s?[$#%]|[$#%])(?:\s+|$)/;
/** A line the core joins with the next one. */
const CONTINUES = /(?:\\|\|\||&&|\|)\s*$/;
const MAX_JOIN = 60;

/** Normalises a command for matching a code line against the commands the core found. */
export function normaliseCommand(s: string): string {
  return s.trim().replace(/\s+/g, ' ');
}

function keysOf(text: string): string[] {
  const plain = normaliseCommand(text.replace(/\\\s*\n/g, ' '));
  const stripped = normaliseCommand(plain.replace(PROMPT, ''));
  return stripped && stripped !== plain ? [plain, stripped] : [plain];
}

/**
 * Splits a code block into the lines to draw, each with the core's command that starts there (if any).
 * Without commands (`known` null) every line is its own row and nothing is matched.
 */
export function codeLines(code: string, known: ReadonlySet<string> | null): CodeLine[] {
  const raw = code.split('\n');
  if (!known || known.size === 0) return raw.map((text) => ({ text, commandKey: null }));
  const out: CodeLine[] = [];
  for (let i = 0; i < raw.length; i++) {
    let text = raw[i]!;
    let hit = keysOf(text).find((k) => known.has(k)) ?? null;
    // Joined lines: extend while the line continues and no shorter command matched.
    let j = i;
    while (!hit && CONTINUES.test(raw[j]!) && j + 1 < raw.length && j - i < MAX_JOIN) {
      j++;
      const joined = raw
        .slice(i, j + 1)
        .map((l, n) => (n === 0 ? l : l.replace(/^\s*>\s?/, '')))
        .join('\n');
      hit = keysOf(joined).find((k) => known.has(k)) ?? null;
      if (hit) text = raw.slice(i, j + 1).join('\n');
    }
    if (hit) i = j;
    out.push({ text, commandKey: hit });
  }
  return out;
}
