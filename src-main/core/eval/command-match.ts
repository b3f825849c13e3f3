// Matches an answer's commands against expected {program, flags} the way NLC2CMD/tldr-style benchmarks do:
// same program, every required flag or word present. Deterministic; the rules are in eval/README.md.
import type { ExpectedCommand } from './types.js';

/** Words that run the command after them (with their own options skipped). */
const WRAPPERS = new Set(['sudo', 'doas', 'env', 'nohup', 'command', 'exec', 'time', 'nice', 'ionice', 'stdbuf', 'pkexec']);

/** Splits a shell-ish line into words, honouring single and double quotes and backslashes. */
export function words(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let has = false;
  let q: '"' | "'" | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (q) {
      if (c === q) q = null;
      else if (c === '\\' && q === '"' && i + 1 < line.length) cur += line[++i];
      else cur += c;
    } else if (c === '"' || c === "'") {
      q = c;
      has = true;
    } else if (c === '\\' && i + 1 < line.length) {
      cur += line[++i];
      has = true;
    } else if (/\s/.test(c)) {
      if (has || cur) out.push(cur);
      cur = '';
      has = false;
    } else {
      cur += c;
      has = true;
    }
  }
  if (has || cur) out.push(cur);
  return out;
}

/** The simple commands of a command line: split at && || ; | (outside quotes, roughly), wrappers removed. */
export function simpleCommands(line: string): { program: string; args: string[] }[] {
  const parts = splitOutsideQuotes(line.replace(/^\s*[$#]\s+/, ''));
  const out: { program: string; args: string[] }[] = [];
  for (const part of parts) {
    let w = words(part).filter((x) => x !== '');
    // drop leading VAR=value, wrappers and their options (sudo -u user …)
    for (;;) {
      if (w.length === 0) break;
      const first = w[0]!;
      if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(first)) {
        w = w.slice(1);
        continue;
      }
      if (WRAPPERS.has(basename(first))) {
        w = w.slice(1);
        while (w.length > 0 && w[0]!.startsWith('-')) {
          const opt = w.shift()!;
          if (/^-(u|g|C|n)$/.test(opt) && w.length > 0) w.shift(); // options that take a value
        }
        continue;
      }
      break;
    }
    if (w.length === 0) continue;
    out.push({ program: basename(w[0]!), args: w.slice(1) });
  }
  return out;
}

function splitOutsideQuotes(line: string): string[] {
  const parts: string[] = [];
  let cur = '';
  let q: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (q) {
      if (c === q) q = null;
      cur += c;
      continue;
    }
    if (c === '"' || c === "'") {
      q = c;
      cur += c;
      continue;
    }
    const rest = line.slice(i);
    const m = /^(?:&&|\|\||\|&|;|\||\n)/.exec(rest);
    if (m) {
      parts.push(cur);
      cur = '';
      i += m[0].length - 1;
      continue;
    }
    cur += c;
  }
  parts.push(cur);
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}

const basename = (p: string): string => p.slice(p.lastIndexOf('/') + 1);

/** Whether one required flag or word is present among the arguments; `!flag` requires it to be absent. */
export function hasFlag(args: string[], flag: string): boolean {
  if (flag.startsWith('!') && flag.length > 1) return !hasFlag(args, flag.slice(1));
  if (/^-[A-Za-z0-9]$/.test(flag)) {
    const letter = flag[1]!;
    return args.some((a) => a === flag || (/^-[A-Za-z0-9]+$/.test(a) && a.includes(letter)));
  }
  if (flag.startsWith('--')) return args.some((a) => a === flag || a.startsWith(`${flag}=`));
  if (flag.startsWith('-')) return args.some((a) => a === flag || a.startsWith(`${flag}=`));
  // a required word: equal, or a prefix of a non-option word (`ip a` accepts `ip addr`; `if=` accepts `if=x.iso`)
  return args.some((a) => !/^-[^-+]/.test(a) && (a === flag || a.startsWith(flag)));
}

/** Whether one expected command matches one answer command line. */
export function matchesCommand(line: string, expected: ExpectedCommand): boolean {
  return simpleCommands(line).some((c) => c.program === expected.program && expected.flags.every((f) => hasFlag(c.args, f)));
}

/** The first pair (answer command, expected) that matches, or null: any expected matching any answer command passes. */
export function findCommandMatch(lines: string[], expected: ExpectedCommand[]): { line: string; expected: ExpectedCommand } | null {
  for (const e of expected) for (const line of lines) if (matchesCommand(line, e)) return { line, expected: e };
  return null;
}
