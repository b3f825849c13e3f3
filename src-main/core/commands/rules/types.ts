// What every rule family shares: the rule signature, what a rule learns about its input, and small argument helpers.
import { elevated, parseOpts, type JudgeCtx } from '../judge-context.js';
import type { Word } from '../shell-lexer.js';

export interface StdinInfo {
  kind: 'none' | 'pipe' | 'text' | 'file';
  /** The text comes (partly) from a downloader. */
  downloaded: boolean;
  /** The text went through a decoder (base64 -d, xxd -r, escapes …). */
  encoded: boolean;
  /** The text when it is known (literal echo, heredoc, decoded literal), else null. */
  text: string | null;
  from: string;
  /** The words of the command whose output this is (`pacman -Qq`), when it came through a pipe. */
  source?: string;
  /** The text is a command with arguments appended at run time (`xargs echo rm | sh`). */
  many?: boolean;
}

export interface CmdInfo {
  /** A launcher (xargs, find -exec, parallel, fd -x) runs the command over many targets it supplies at run time. */
  viaXargs: boolean;
  recurse: (script: string) => void;
  stdin: StdinInfo;
  /** Where the launcher gathers those targets (find's start folders), when known. */
  over?: Word[];
  /** The launcher only hands over plain files (`find -type f`), no folders. */
  onlyFiles?: boolean;
  /** Judges a command a launcher inside this one runs over what it finds (find -exec), the same way xargs is judged. */
  launch: (argv: Word[], how: LaunchInfo) => void;
}

export interface LaunchInfo {
  over?: Word[];
  onlyFiles?: boolean;
  /** Asks before each run (find -ok). */
  prompts?: boolean;
}

export type Rule = (args: Word[], ctx: JudgeCtx, info: CmdInfo, name: string) => void;

/** One family of rules with the examples that prove it (walked by one generic test, as ShellCheck's checks carry theirs). */
export interface RuleFamily {
  name: string;
  rules: Record<string, Rule>;
  /** Names matched by shape (`mkfs.ext4`, `python3.12`), tried after the exact names of every family. */
  patterns?: { re: RegExp; rule: Rule }[];
  examples: { safe: string[]; elevated: string[]; destructive: string[] };
}

export const texts = (args: Word[]): string[] => args.map((a) => a.text);
export const operands = (args: Word[], valueOpts: string[] = []): string[] => parseOpts(args, valueOpts).operands.map((w) => w.text);
export const prefixOf = (op: string | undefined, ...words: string[]): boolean =>
  op !== undefined && op.length > 0 && words.some((w) => w.startsWith(op));

export const simpleElevated =
  (reason: string): Rule =>
  (_a, ctx, _i, name) =>
    elevated(ctx, `${reason} (${name})`);

/** Safe when the first operand is one of `safeFirst` (undefined = no operand, with only harmless flags); elevated otherwise. */
export const safeUnless =
  (safeFirst: (string | undefined)[], reason: string, valueOpts: string[] = []): Rule =>
  (args, ctx, _i, name) => {
    const ops = operands(args, valueOpts);
    const flags = texts(args).filter((a) => a.startsWith('-'));
    if (
      safeFirst.includes(ops[0]) &&
      !(
        ops[0] === undefined &&
        flags.some((f) => !['-h', '--help', '-V', '--version', '-l', '--list', '-a', '--all', '--no-pager', '-q'].includes(f))
      )
    )
      return;
    elevated(ctx, `${reason} (${[name, ...texts(args)].join(' ')})`);
  };

/** Options that only print something (help, version) or promise to change nothing (a dry run). */
export function onlyPretends(args: Word[]): boolean {
  return args.some((a) => /^(--dry-run|--dryrun|--simulate|--just-print|--recon|--help|--version)$/.test(a.text));
}

export const lit = (text: string): Word => ({ raw: text, text, quoted: false, glob: false, dynamic: false, vars: [], subs: [] });
