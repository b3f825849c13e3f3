// Shared state and small helpers for the command judge: findings, the running context, argument and flag helpers.
import type { Risk } from '../types.js';
import type { Word } from './shell-lexer.js';

export interface Finding {
  risk: Risk;
  reason: string;
}

export interface JudgeCtx {
  /** Where relative paths point: '~' unless a `cd` said otherwise. */
  cwd: string;
  /** Variables assigned earlier in the same command line (literal values only). */
  vars: Map<string, string>;
  depth: number;
  /** Names of files a downloader in this command line writes. */
  downloads: Set<string>;
  /** Every finding so far, worst decides. */
  findings: Finding[];
  /** Running as root (under sudo, doas, pkexec …). */
  root: boolean;
  /** Inside a launcher that runs this over many targets (xargs, find -exec, parallel): `sh -c 'rm "$1"'` there deletes them all. */
  many: boolean;
  /** Variables that hold one file after another (`for f in *`, `while read f`): `rm "$f"` deletes them all. Shared, not copied. */
  listVars: Set<string>;
  /** The commands run on another computer (`ssh HOST "…"`): their files are not this computer's files. */
  remote: boolean;
}

export const RANK: Record<Risk, number> = { safe: 0, elevated: 1, destructive: 2 };

export function newCtx(): JudgeCtx {
  return {
    cwd: '~',
    vars: new Map(),
    depth: 0,
    downloads: new Set(),
    findings: [],
    root: false,
    many: false,
    listVars: new Set(),
    remote: false,
  };
}

export function childCtx(ctx: JudgeCtx): JudgeCtx {
  return { ...ctx, vars: new Map(ctx.vars), depth: ctx.depth + 1 };
}

export function add(ctx: JudgeCtx, risk: Risk, reason: string): void {
  if (risk === 'safe') return;
  ctx.findings.push({ risk, reason });
}

export const elevated = (ctx: JudgeCtx, reason: string): void => add(ctx, 'elevated', reason);
export const destructive = (ctx: JudgeCtx, reason: string): void => add(ctx, 'destructive', reason);

export function lit(text: string): Word {
  return { raw: text, text, quoted: false, glob: false, dynamic: false, vars: [], subs: [] };
}

/** The command's name as the shell would look it up: `/usr/bin/rm` and `\rm` both become `rm`. */
export function commandName(w: Word | undefined): string {
  if (!w) return '';
  const t = w.text;
  if (t.includes('/') && !t.endsWith('/')) return t.slice(t.lastIndexOf('/') + 1);
  return t;
}

export interface Opts {
  /** Short option letters and long option names (without dashes; `--x=y` gives `x`). */
  flags: Set<string>;
  /** Values of long options given as --name=value. */
  values: Map<string, string>;
  operands: Word[];
}

/**
 * The one option reader: `-abc` is a, b, c (a letter that takes a value takes the rest of the cluster or the next word);
 * `--name[=v]` is name (the next word is its value when it takes one); `--` ends options; `-` is an operand.
 * `leading`: stop at the first operand (a wrapper's own options) and hand back the rest, `--` dropped.
 */
export function readOptions(args: Word[], withValue: readonly string[] = [], leading = false): Opts & { rest: Word[] } {
  const flags = new Set<string>();
  const values = new Map<string, string>();
  const operands: Word[] = [];
  let ended = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const t = a.text;
    if (ended || t === '-' || !t.startsWith('-')) {
      if (leading) return { flags, values, operands, rest: args.slice(i) };
      operands.push(a);
      continue;
    }
    if (t === '--') {
      if (leading) return { flags, values, operands, rest: args.slice(i + 1) };
      ended = true;
      continue;
    }
    if (t.startsWith('--')) {
      const eq = t.indexOf('=');
      const name = eq < 0 ? t.slice(2) : t.slice(2, eq);
      flags.add(name);
      if (eq >= 0) values.set(name, t.slice(eq + 1));
      else if (withValue.includes(name) && args[i + 1]) values.set(name, args[++i]!.text);
      continue;
    }
    for (let k = 1; k < t.length; k++) {
      const ch = t[k]!;
      flags.add(ch);
      if (withValue.includes(ch)) {
        const rest = t.slice(k + 1);
        if (rest) values.set(ch, rest);
        else if (args[i + 1]) values.set(ch, args[++i]!.text);
        break;
      }
    }
  }
  return { flags, values, operands, rest: [] };
}

/** All options and operands of a command (options may come after operands, as GNU tools allow). */
export function parseOpts(args: Word[], withValue: readonly string[] = []): Opts {
  return readOptions(args, withValue);
}

export const has = (o: Opts, ...names: string[]): boolean => names.some((n) => o.flags.has(n));

export function quoteForShell(s: string): string {
  return /^[A-Za-z0-9_@%+=:,./~-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}
