// The command judge: parses a command line once, walks every part (chains, pipes, groups, substitutions), keeps the worst.
import type { CommandJudgement, Risk } from '../types.js';
import { childCtx, commandName, destructive, elevated, lit, newCtx, RANK, type JudgeCtx } from './judge-context.js';
import { ShellSyntaxError, decodeEscapes, type Word } from './shell-lexer.js';
import type { Node, SimpleCommand } from './shell-parser.js';
import { parseCommandLine } from './parse.js';
import { judgeRedirect } from './redirects.js';
import { classifyPath } from './paths.js';
import { unwrap } from './unwrap.js';
import { scanUnparseable } from './raw-scan.js';
import { expandBraces, ENDLESS_LOOP, heredocSubstitutions, spawnsWithoutPause, splitUnquoted } from './judge-expand.js';
import { baseName, resolveWord } from './judge-words.js';
import { stdinOf, subsDownload, type PipeInfo } from './judge-stdin.js';
import { judgeSameFile } from './judge-same-file.js';
import { buildRuleTable, FAMILIES, lookupRule } from './rules/table.js';
import { CONSUMED_NAMES } from './unwrap.js';
import { DOWNLOADERS } from './rules/downloads.js';
import type { CmdInfo, LaunchInfo, StdinInfo } from './rules/types.js';
import { walkSimple } from './walk.js';

const MAX_DEPTH = 10;
const MAX_NESTING = 24;

/** Built once when the module loads: throws at startup if two families claim a name or a wrapper shadows a rule. */
export const RULE_TABLE = buildRuleTable(FAMILIES, CONSUMED_NAMES);

/** How deeply `(`, `$(`, `{` and backticks nest, counted without parsing (quotes ignored: an over-count only errs on the safe side). */
function nestingDepth(text: string): number {
  let depth = 0,
    max = 0,
    tick = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 40 /* ( */ || c === 123 /* { */) {
      depth++;
      if (depth > max) max = depth;
    } else if ((c === 41 /* ) */ || c === 125) /* } */ && depth > 0) depth--;
    else if (c === 96 /* ` */) {
      tick = !tick;
      if (tick) {
        depth++;
        if (depth > max) max = depth;
      } else if (depth > 0) depth--;
    }
  }
  return max;
}

/** Judges one command line: safe / elevated / destructive with readable reasons. */
export function judgeCommand(command: string): CommandJudgement {
  const ctx = newCtx();
  try {
    // Deep nesting costs the parser far more than it can ever be worth: refuse it up front (linear scan).
    if (nestingDepth(command) > MAX_NESTING)
      destructive(ctx, `the command nests more than ${MAX_NESTING} substitutions or subshells: too deep to check, treated as dangerous`);
    else judgeScript(command, ctx);
  } catch (e) {
    // A bug here must never turn into "safe" or a crash of the caller.
    elevated(ctx, `the command could not be checked (${e instanceof Error ? e.message : String(e)})`);
    scanUnparseable(command, ctx);
  }
  let risk: Risk = 'safe';
  for (const f of ctx.findings) if (RANK[f.risk] > RANK[risk]) risk = f.risk;
  const seen = new Set<string>();
  const worstFirst = [...ctx.findings].sort((a, b) => RANK[b.risk] - RANK[a.risk]);
  const reasons: string[] = [];
  for (const f of worstFirst)
    if (!seen.has(f.reason)) {
      seen.add(f.reason);
      reasons.push(f.reason);
    }
  return { command, risk, reasons };
}

/** Parses and judges a script (a command line, an `sh -c` string, a substitution …) into ctx.findings. */
export function judgeScript(text: string, ctx: JudgeCtx): void {
  if (ctx.depth > MAX_DEPTH) {
    elevated(ctx, 'commands are nested too deeply to check');
    return;
  }
  // The parser flattens loops (and rejects `for ((;;))`), so an endless loop starting background jobs is found in the text.
  const loop = ENDLESS_LOOP.exec(text.replace(/'[^']*'|"(?:\\.|[^"\\])*"/g, '""')); // quoted text is judged where it runs
  if (loop && spawnsWithoutPause(loop[1]!)) destructive(ctx, 'starts new background processes in an endless loop (a fork bomb)');
  let tree;
  try {
    tree = parseCommandLine(text, ctx.depth);
  } catch (e) {
    const why = e instanceof ShellSyntaxError ? e.message : 'unknown problem';
    elevated(ctx, `the command could not be parsed (${why}), so it cannot be checked`);
    scanUnparseable(text, ctx);
    return;
  }
  walkSimple(
    tree,
    (cmd, where) => judgeSimple(cmd, ctx, where.pipe),
    (node) => {
      if (node.kind === 'pipeline') judgeSameFile(node.stages, ctx);
      else if (node.kind === 'group')
        for (const r of node.redirs) judgeRedirect(r, resolveWord(r.target, ctx), ctx, { truncOnly: false, command: '' });
      else if (node.kind === 'func' && callsItself(node.name, node.body))
        destructive(ctx, `defines a function "${node.name}" that keeps starting copies of itself (a fork bomb)`);
    },
  );
  // `rm${IFS}-rf${IFS}~`: word splitting on IFS turns one word into several; judge that reading too.
  if (/\$\{?IFS\}?/.test(text) && ctx.depth < MAX_DEPTH) judgeScript(text.replace(/\$\{IFS\}|\$IFS\b/g, ' '), childCtx(ctx));
}

function callsItself(name: string, body: Node): boolean {
  let calls = 0;
  let spreads = false;
  walkSimple(body, (c, where) => {
    if (c.words[0]?.text === name) {
      calls++;
      if (where.pipe || where.background) spreads = true;
    }
  });
  return calls > 0 && (spreads || calls > 1);
}

function judgeSimple(cmd: SimpleCommand, ctx: JudgeCtx, pipe: PipeInfo | null): void {
  // What runs inside $(…), `…` and <(…) runs too.
  for (const w of [...cmd.assigns, ...cmd.words, ...cmd.redirs.map((r) => r.target)]) {
    for (const s of w.subs) judgeScript(s.source, childCtx(ctx));
  }
  // What runs inside $(…) in an unquoted heredoc (`cat <<EOF … $(rm -rf ~) … EOF`) runs too.
  for (const r of cmd.redirs) for (const src of heredocSubstitutions(r)) judgeScript(src, childCtx(ctx));
  if (!pipe && cmd.words.length > 0) judgeSameFile([cmd], ctx);
  const words = expandBraces(cmd.words.flatMap((w) => splitUnquoted(w, resolveWord(w, ctx))));
  if (words.length === 0) {
    for (const a of cmd.assigns) {
      const r = resolveWord(a, ctx);
      const eq = r.text.indexOf('=');
      const name = r.text.slice(0, eq).replace(/\+$/, '');
      if (!r.dynamic) ctx.vars.set(name, r.text.slice(eq + 1));
      else ctx.vars.delete(name);
    }
    for (const r of cmd.redirs) judgeRedirect(r, resolveWord(r.target, ctx), ctx, { truncOnly: true, command: '' });
    return;
  }
  const inner = childCtx(ctx);
  inner.depth = ctx.depth; // same level: wrappers are not nesting
  const u = unwrap(words, inner, (script) => judgeScript(script, childCtx(inner)));
  const name = commandName(u.argv[0]);
  const truncOnly = u.argv.length === 0 || isTruncator(u.argv);
  const outer = { ...inner, remote: ctx.remote };
  for (const r of cmd.redirs) judgeRedirect(r, resolveWord(r.target, ctx), outer, { truncOnly, command: name });
  // `echo "rm -rf ~" >> ~/.bashrc`: text written into a startup file runs at the next login, so judge it as commands.
  if (
    (name === 'echo' || name === 'printf') &&
    cmd.redirs.some((r) => /^(>|>>|>\||&>)$/.test(r.op) && STARTUP_FILE.test(resolveWord(r.target, ctx).text))
  ) {
    const text = u.argv
      .slice(1)
      .filter((w, i) => !(i === 0 && /^-[neE]+$/.test(w.text)))
      .map((w) => w.text)
      .join(' ');
    if (text.trim()) judgeScript(name === 'printf' ? decodeEscapes(text) : text, childCtx(inner));
  }
  rememberLoopVariables(name, u.argv, ctx);
  if (u.argv.length === 0 || u.done) return;
  if (u.argv[0]!.dynamic) {
    const w = u.argv[0]!;
    if (subsDownload(w)) destructive(inner, `runs code downloaded from the network (${w.text})`);
    else if (w.subs.some((s) => /\b(base64|xxd|openssl|rev)\b/.test(s.source)))
      destructive(inner, `runs hidden (encoded) commands (${w.text})`);
    else elevated(inner, `the command name (${w.text}) is only known when it runs, so it cannot be checked`);
    judgeIfVarsEmpty(u.argv, inner, cmd, pipe, ctx);
    return;
  }
  if (DOWNLOADERS.has(name)) {
    for (const r of cmd.redirs)
      if ((r.op === '>' || r.op === '>>' || r.op === '>|' || r.op === '&>') && !r.target.dynamic)
        ctx.downloads.add(baseName(r.target.text));
  }
  const stdin = stdinOf(cmd.redirs, pipe, ctx);
  judgeArgv(u.argv, inner, cmdInfo(inner, u.viaXargs, stdin, u.viaXargs ? feeders(pipe, ctx) : {}));
  if (['export', 'declare', 'local', 'readonly', 'typeset'].includes(name)) {
    for (const a of u.argv.slice(1)) {
      const eq = a.text.indexOf('=');
      if (eq > 0 && !a.dynamic) ctx.vars.set(a.text.slice(0, eq), a.text.slice(eq + 1));
    }
  }
  if (name === 'set') {
    // `set -- rm -rf ~; "$@"`: remember the positional words
    const k = u.argv.findIndex((w) => w.text === '--');
    const pos = k >= 0 ? u.argv.slice(k + 1) : u.argv.slice(1).every((w) => !/^[-+]/.test(w.text)) ? u.argv.slice(1) : [];
    if (pos.length > 0 && pos.every((w) => !w.dynamic)) {
      ctx.vars.set('@', pos.map((w) => w.text).join(' '));
      pos.forEach((w, n) => ctx.vars.set(String(n + 1), w.text));
    }
  }
  if (name === 'cd') {
    const target = u.argv[1];
    ctx.cwd = !target
      ? '~'
      : target.dynamic
        ? '/'
        : target.text.startsWith('/') || target.text.startsWith('~')
          ? target.text
          : `${ctx.cwd}/${target.text}`;
  }
}

/** `for f in *; do rm "$f"`, `… | while read f; do rm "$f"`: the variable names one file after another. */
function rememberLoopVariables(name: string, argv: Word[], ctx: JudgeCtx): void {
  if (name === 'for' && argv[1] && argv[2]?.text === 'in') {
    const list = argv.slice(3);
    if (list.length > 1 || list.some((w) => w.glob || w.dynamic)) ctx.listVars.add(argv[1].text);
  } else if (name === 'read') {
    for (const w of argv.slice(1)) if (/^[A-Za-z_]\w*$/.test(w.text)) ctx.listVars.add(w.text);
  } else if (name === 'for' && argv[1]) ctx.vars.delete(argv[1].text);
}

/** What an earlier `find` stage feeds xargs: its start folders, and whether it hands over files only. */
function feeders(pipe: PipeInfo | null, ctx: JudgeCtx): LaunchInfo {
  if (!pipe || pipe.index === 0) return {};
  const prev = pipe.stages[pipe.index - 1]!;
  if (prev.kind !== 'simple' || prev.words.length === 0) return {};
  const u = unwrap(
    prev.words.map((w) => resolveWord(w, ctx)),
    newCtx(),
    () => undefined,
  );
  const n = commandName(u.argv[0]);
  if (n !== 'find' && n !== 'fd' && n !== 'fdfind') return {};
  const args = u.argv.slice(1);
  const over: Word[] = [];
  for (const a of args) {
    if (/^[-(!]/.test(a.text)) break;
    over.push(a);
  }
  return {
    over: over.length > 0 ? over : [lit('.')],
    onlyFiles: args.some((a, k) => (a.text === '-type' || a.text === '-t') && args[k + 1]?.text === 'f'),
  };
}

function cmdInfo(ctx: JudgeCtx, viaXargs: boolean, stdin: StdinInfo, how: LaunchInfo): CmdInfo {
  const info: CmdInfo = {
    viaXargs,
    recurse: (script) => judgeScript(script, childCtx(ctx)),
    stdin,
    launch: (argv, launched) => launch(argv, ctx, launched),
  };
  if (how.over) info.over = how.over;
  if (how.onlyFiles) info.onlyFiles = true;
  return info;
}

/** find -exec/-execdir/-ok: the command runs once per file found, judged exactly like a command xargs runs. */
function launch(argv: Word[], ctx: JudgeCtx, how: LaunchInfo): void {
  const run = childCtx(ctx);
  run.depth = ctx.depth;
  run.many = true;
  if (how.prompts) run.findings = [];
  const u = unwrap(argv, run, (script) => judgeScript(script, childCtx(run)));
  if (u.argv.length > 0 && !u.done && !u.argv[0]!.dynamic)
    judgeArgv(u.argv, run, cmdInfo(run, true, { kind: 'none', downloaded: false, encoded: false, text: null, from: '' }, how));
  // find -ok asks before each run; one "y" too many still does it, so the risk stays and the reason says so
  if (how.prompts)
    for (const f of run.findings) ctx.findings.push({ risk: f.risk, reason: `${f.reason}, asking before each file (find -ok)` });
}

/** The rule dispatcher: a program just downloaded, a script path, options that only pretend, then the rule table. */
export function judgeArgv(argv: Word[], ctx: JudgeCtx, info: CmdInfo): void {
  const first = argv[0]!;
  const name = commandName(first);
  const args = argv.slice(1);
  if (first.text.includes('/') && ctx.downloads.has(name)) {
    destructive(ctx, `runs a program just downloaded from the network (${first.text})`);
    return;
  }
  if (/\.(sh|bash|run)$/.test(name) && first.text.includes('/')) {
    elevated(ctx, `runs the script ${first.text}, whose contents are not checked`);
    return;
  }
  // `--help` / `--version` first only print; a dry run promises to change nothing
  if (args[0] && /^(--help|--version)$/.test(args[0].text)) return;
  if (args.some((a) => /^(--dry-run|--dryrun|--simulate|--no-act)$/.test(a.text)) && name !== 'koompi') return;
  const rule = lookupRule(RULE_TABLE, name);
  if (rule) rule(args, ctx, info, name);
  outputOntoDisk(name, args, ctx);
}

const OUTPUT_OPTION = /^(-o|-O|--output|--outdev|-outdev|--output-file|--output-document|--out|-out)$/;
const OUTPUT_ATTACHED = /^(?:--output|--outdev|--output-file|--output-document|--out)=(.+)$|^-o(\/dev\/.+)$/;

/** `zstd -d img.zst -o /dev/sdb`, `xorriso -outdev /dev/sdc`: any tool's output option aimed at a disk device. */
function outputOntoDisk(name: string, args: Word[], ctx: JudgeCtx): void {
  if (name === 'dd' || name === 'mount') return; // dd has its own rule; mount -o takes options
  for (let i = 0; i < args.length; i++) {
    const t = args[i]!.text;
    const target = OUTPUT_OPTION.test(t) ? args[i + 1]?.text : OUTPUT_ATTACHED.exec(t)?.slice(1).find(Boolean);
    if (target && classifyPath(target, ctx) === 'block-device')
      destructive(
        ctx,
        `writes its output straight onto the disk device ${target}, destroying what is on it (${name} ${t.startsWith('--') ? t.split('=')[0] : t.slice(0, 2)})`,
      );
  }
}

/** `r${x}m -rf ~`: with x unset the name is `rm`; a destructive reading of that is reported. */
function judgeIfVarsEmpty(argv: Word[], inner: JudgeCtx, cmd: SimpleCommand, pipe: PipeInfo | null, ctx: JudgeCtx): void {
  const w = argv[0]!;
  if (w.subs.length > 0) return;
  const source = w.raw.replace(/["'\\]/g, '');
  const bare = source.replace(/\$\{[^}]*\}|\$[A-Za-z_][A-Za-z0-9_]*|\$[@*#?$!0-9-]/g, '');
  if (bare === source || !/^[\w./+-]+$/.test(bare)) return;
  const scratch = childCtx(inner);
  scratch.depth = inner.depth;
  scratch.findings = [];
  judgeArgv([lit(bare), ...argv.slice(1)], scratch, cmdInfo(scratch, false, stdinOf(cmd.redirs, pipe, ctx), {}));
  for (const f of scratch.findings)
    if (f.risk === 'destructive') destructive(inner, `${f.reason}, once the empty variables in ${w.text} drop out`);
}

function isTruncator(argv: Word[]): boolean {
  const name = commandName(argv[0]);
  const args = argv.slice(1).map((w) => w.text);
  if (name === ':' || name === 'true' || name === 'false') return true;
  if (name === 'cat' && args.length === 1 && /^\/dev\/(null|zero|u?random)$/.test(args[0]!)) return true;
  if (name === 'echo' && (args.length === 0 || args.every((a) => a === '-n' || a === ''))) return true;
  if (name === 'printf' && (args.length === 0 || (args.length === 1 && args[0] === ''))) return true;
  return false;
}

const STARTUP_FILE =
  /(^|\/)(\.bashrc|\.bash_profile|\.bash_login|\.profile|\.zshrc|\.zprofile|\.zshenv|\.xprofile|\.xinitrc|\.config\/autostart\/.*|\.config\/plasma-workspace\/env\/.*|\.config\/fish\/config\.fish|crontab|cron\.d\/.*|rc\.local|profile\.d\/.*|\/etc\/(bash\.bashrc|profile|environment))$/;

export { resolveWord, baseName };
