// The command judge: parses a command line, walks every part (chains, pipes, groups, substitutions) and keeps the worst.
import type { CommandJudgement, Risk } from '../types.js';
import { add, childCtx, commandName, destructive, elevated, lit, newCtx, RANK, type JudgeCtx } from './judge-context.js';
import { decodeEscapes, ShellSyntaxError, type Word } from './shell-lexer.js';
import { parseShell, type Node, type Redirect, type SimpleCommand } from './shell-parser.js';
import { judgeRedirect } from './redirects.js';
import { judgeArgv, type StdinInfo } from './rules.js';
import { unwrap } from './unwrap.js';
import { scanUnparseable } from './raw-scan.js';
import { expandBraces, ENDLESS_LOOP, heredocSubstitutions, spawnsWithoutPause, splitUnquoted } from './judge-expand.js';

const MAX_DEPTH = 10;
const MAX_NESTING = 24;

/** How deeply `(`, `$(`, `{` and backticks nest, counted without parsing (quotes ignored: an over-count only errs on the safe side). */
function nestingDepth(text: string): number {
  let depth = 0, max = 0, tick = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 40 /* ( */ || c === 123 /* { */) { depth++; if (depth > max) max = depth; }
    else if ((c === 41 /* ) */ || c === 125 /* } */) && depth > 0) depth--;
    else if (c === 96 /* ` */) { tick = !tick; if (tick) { depth++; if (depth > max) max = depth; } else if (depth > 0) depth--; }
  }
  return max;
}

/** Judges one command line: safe / elevated / destructive with readable reasons. */
export function judgeCommand(command: string): CommandJudgement {
  const ctx = newCtx();
  try {
    // Deep nesting costs the parser far more than it can ever be worth: refuse it up front (linear scan).
    if (nestingDepth(command) > MAX_NESTING) destructive(ctx, `the command nests more than ${MAX_NESTING} substitutions or subshells: too deep to check, treated as dangerous`);
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
  for (const f of worstFirst) if (!seen.has(f.reason)) { seen.add(f.reason); reasons.push(f.reason); }
  return { command, risk, reasons };
}

/** Parses and judges a script (a command line, an `sh -c` string, a substitution …) into ctx.findings. */
export function judgeScript(text: string, ctx: JudgeCtx): void {
  if (ctx.depth > MAX_DEPTH) { elevated(ctx, 'commands are nested too deeply to check'); return; }
  // The parser flattens loops (and rejects `for ((;;))`), so an endless loop starting background jobs is found in the text.
  const loop = ENDLESS_LOOP.exec(text.replace(/'[^']*'|"(?:\\.|[^"\\])*"/g, '""')); // quoted text is judged where it runs
  if (loop && spawnsWithoutPause(loop[1]!)) destructive(ctx, 'starts new background processes in an endless loop (a fork bomb)');
  let tree;
  try {
    tree = parseShell(text, ctx.depth);
  } catch (e) {
    const why = e instanceof ShellSyntaxError ? e.message : 'unknown problem';
    elevated(ctx, `the command could not be parsed (${why}), so it cannot be checked`);
    scanUnparseable(text, ctx);
    return;
  }
  walk(tree, ctx, null);
  // `rm${IFS}-rf${IFS}~`: word splitting on IFS turns one word into several; judge that reading too.
  if (/\$\{?IFS\}?/.test(text) && ctx.depth < MAX_DEPTH) judgeScript(text.replace(/\$\{IFS\}|\$IFS\b/g, ' '), childCtx(ctx));
}

interface PipeInfo { stages: Node[]; index: number }

function walk(node: Node, ctx: JudgeCtx, pipe: PipeInfo | null): void {
  switch (node.kind) {
    case 'list':
      for (const item of node.items) walk(item.node, ctx, pipe);
      return;
    case 'pipeline':
      node.stages.forEach((s, index) => walk(s, ctx, { stages: node.stages, index }));
      return;
    case 'group':
      walk(node.body, ctx, pipe);
      for (const r of node.redirs) judgeRedirect(r, resolveWord(r.target, ctx), ctx, { truncOnly: false, command: '' });
      return;
    case 'func':
      if (callsItself(node.name, node.body)) destructive(ctx, `defines a function "${node.name}" that keeps starting copies of itself (a fork bomb)`);
      walk(node.body, ctx, null);
      return;
    case 'simple':
      judgeSimple(node, ctx, pipe);
  }
}

function callsItself(name: string, body: Node): boolean {
  let calls = 0;
  let spreads = false;
  const visit = (n: Node, inPipe: boolean): void => {
    if (n.kind === 'simple') { if (n.words[0]?.text === name) { calls++; if (inPipe) spreads = true; } return; }
    if (n.kind === 'list') { for (const it of n.items) { if (it.background) spreads = true; visit(it.node, inPipe); } return; }
    if (n.kind === 'pipeline') { for (const s of n.stages) visit(s, true); return; }
    if (n.kind === 'group') { visit(n.body, inPipe); return; }
    visit(n.body, inPipe);
  };
  visit(body, false);
  return calls > 0 && (spreads || calls > 1);
}

/** A word's value with known variables filled in and `$(echo x)` folded; dynamic stays true when unknown. */
export function resolveWord(w: Word, ctx: JudgeCtx): Word {
  let text = w.text;
  let dynamic = w.dynamic;
  if (w.vars.length > 0) {
    let unknown = false;
    for (const v of w.vars) {
      const val = v === 'HOME' ? '~' : v === 'USER' || v === 'LOGNAME' ? 'user' : ctx.vars.get(v);
      if (val === undefined) { unknown = true; continue; }
      text = text.split('${' + v + '}').join(val).split('$' + v).join(val);
    }
    dynamic = unknown || w.subs.length > 0;
  }
  if (w.subs.length === 1 && w.subs[0]!.kind === 'cmd') {
    const folded = foldEcho(w.subs[0]!.source, ctx);
    if (folded !== null) {
      const src = w.subs[0]!.source;
      text = text.replace('$(' + src + ')', folded).replace('`' + src + '`', folded);
      dynamic = w.vars.some((v) => v !== 'HOME' && !ctx.vars.has(v));
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
      while (args[0] && /^-[neE]+$/.test(args[0])) { if (args[0].includes('e')) escapes = true; args.shift(); }
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

function judgeSimple(cmd: SimpleCommand, ctx: JudgeCtx, pipe: PipeInfo | null): void {
  // What runs inside $(…), `…` and <(…) runs too.
  for (const w of [...cmd.assigns, ...cmd.words, ...cmd.redirs.map((r) => r.target)]) {
    for (const s of w.subs) judgeScript(s.source, childCtx(ctx));
  }
  // What runs inside $(…) in an unquoted heredoc (`cat <<EOF … $(rm -rf ~) … EOF`) runs too.
  for (const r of cmd.redirs) for (const src of heredocSubstitutions(r)) judgeScript(src, childCtx(ctx));
  const words = expandBraces(cmd.words.flatMap((w) => splitUnquoted(w, resolveWord(w, ctx))));
  if (words.length === 0) {
    for (const a of cmd.assigns) {
      const r = resolveWord(a, ctx);
      const eq = r.text.indexOf('=');
      const name = r.text.slice(0, eq).replace(/\+$/, '');
      if (!r.dynamic) ctx.vars.set(name, r.text.slice(eq + 1)); else ctx.vars.delete(name);
    }
    for (const r of cmd.redirs) judgeRedirect(r, resolveWord(r.target, ctx), ctx, { truncOnly: true, command: '' });
    return;
  }
  const inner = childCtx(ctx);
  inner.depth = ctx.depth; // same level: wrappers are not nesting
  const u = unwrap(words, inner, (script) => judgeScript(script, childCtx(inner)));
  const name = commandName(u.argv[0]);
  const truncOnly = u.argv.length === 0 || isTruncator(u.argv);
  for (const r of cmd.redirs) judgeRedirect(r, resolveWord(r.target, ctx), inner, { truncOnly, command: name });
  // `echo "rm -rf ~" >> ~/.bashrc`: text written into a startup file runs at the next login, so judge it as commands.
  if ((name === 'echo' || name === 'printf') && cmd.redirs.some((r) => /^(>|>>|>\||&>)$/.test(r.op) && STARTUP_FILE.test(resolveWord(r.target, ctx).text))) {
    const text = u.argv.slice(1).filter((w, i) => !(i === 0 && /^-[neE]+$/.test(w.text))).map((w) => w.text).join(' ');
    if (text.trim()) judgeScript(name === 'printf' ? decodeEscapes(text) : text, childCtx(inner));
  }
  if (u.argv.length === 0 || u.done) return;
  if (u.argv[0]!.dynamic) {
    const w = u.argv[0]!;
    if (subsDownload(w)) destructive(inner, `runs code downloaded from the network (${w.text})`);
    else if (w.subs.some((s) => /\b(base64|xxd|openssl|rev)\b/.test(s.source))) destructive(inner, `runs hidden (encoded) commands (${w.text})`);
    else elevated(inner, `the command name (${w.text}) is only known when it runs, so it cannot be checked`);
    judgeIfVarsEmpty(u.argv, inner, cmd, pipe, ctx);
    return;
  }
  if (DOWNLOADERS.has(name)) {
    for (const r of cmd.redirs) if ((r.op === '>' || r.op === '>>' || r.op === '>|' || r.op === '&>') && !r.target.dynamic) ctx.downloads.add(baseName(r.target.text));
  }
  judgeArgv(u.argv, inner, {
    viaXargs: u.viaXargs,
    recurse: (script) => judgeScript(script, childCtx(inner)),
    stdin: stdinOf(cmd.redirs, pipe, ctx),
  });
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
    ctx.cwd = !target ? '~' : target.dynamic ? '/' : target.text.startsWith('/') || target.text.startsWith('~') ? target.text : `${ctx.cwd}/${target.text}`;
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
  judgeArgv([lit(bare), ...argv.slice(1)], scratch, { viaXargs: false, recurse: (s) => judgeScript(s, childCtx(scratch)), stdin: stdinOf(cmd.redirs, pipe, ctx) });
  for (const f of scratch.findings) if (f.risk === 'destructive') destructive(inner, `${f.reason}, once the empty variables in ${w.text} drop out`);
}

function isTruncator(argv: Word[]): boolean {
  const name = commandName(argv[0]);
  const args = argv.slice(1).map((w) => w.text);
  if (name === ':' || name === 'true' || name === 'false') return true;
  if (name === 'cat' && args.length === 1 && /^\/dev\/(null|zero|u?random)$/.test(args[0]!)) return true;
  if (name === 'echo' && (args.length === 0 || args.every((a) => a === '-n' || a === '' ))) return true;
  if (name === 'printf' && (args.length === 0 || (args.length === 1 && args[0] === ''))) return true;
  return false;
}

/** Where a command's standard input comes from, and what is known about that text. */
function stdinOf(redirs: Redirect[], pipe: PipeInfo | null, ctx: JudgeCtx): StdinInfo {
  for (const r of redirs) {
    if (r.op === '<<' || r.op === '<<-') return { kind: 'text', downloaded: false, encoded: false, text: r.body ?? '', from: 'heredoc' };
    if (r.op === '<<<') {
      const w = resolveWord(r.target, ctx);
      return { kind: 'text', downloaded: subsDownload(r.target), encoded: false, text: w.dynamic ? null : w.text, from: 'here-string' };
    }
    if (r.op === '<') {
      const w = resolveWord(r.target, ctx);
      if (w.subs.some((s) => s.kind === 'proc')) return { kind: 'text', downloaded: subsDownload(r.target), encoded: false, text: null, from: 'process substitution' };
      return { kind: 'file', downloaded: ctx.downloads.has(baseName(w.text)), encoded: false, text: null, from: w.text };
    }
  }
  if (!pipe || pipe.index === 0) return { kind: 'none', downloaded: false, encoded: false, text: null, from: '' };
  return pipeText(pipe.stages.slice(0, pipe.index), ctx);
}

const STARTUP_FILE = /(^|\/)(\.bashrc|\.bash_profile|\.bash_login|\.profile|\.zshrc|\.zprofile|\.zshenv|\.xprofile|\.xinitrc|\.config\/autostart\/.*|\.config\/plasma-workspace\/env\/.*|\.config\/fish\/config\.fish|crontab|cron\.d\/.*|rc\.local|profile\.d\/.*|\/etc\/(bash\.bashrc|profile|environment))$/;

const DOWNLOADERS = new Set(['curl', 'wget', 'aria2c', 'fetch', 'http', 'https', 'xh', 'curlie', 'wget2', 'lynx', 'links', 'w3m', 'nc', 'ncat', 'socat']);

export const baseName = (p: string): string => p.slice(p.lastIndexOf('/') + 1);

/** Does any substitution inside this word download something? */
export function subsDownload(w: Word): boolean {
  return w.subs.some((s) => scriptDownloads(s.source, 0));
}

/** Does this script run a downloader anywhere (through wrappers, pipes, substitutions)? */
export function scriptDownloads(source: string, depth: number): boolean {
  if (depth > 6) return false;
  try {
    const tree = parseShell(source, depth);
    let found = false;
    const visit = (n: Node): void => {
      if (found) return;
      if (n.kind === 'simple') {
        const scratch = newCtx();
        const u = unwrap(n.words.map((w) => resolveWord(w, scratch)), scratch, (s) => { if (scriptDownloads(s, depth + 1)) found = true; });
        if (DOWNLOADERS.has(commandName(u.argv[0]))) found = true;
        for (const w of n.words) if (w.subs.some((s) => scriptDownloads(s.source, depth + 1))) found = true;
        return;
      }
      if (n.kind === 'list') n.items.forEach((it) => visit(it.node));
      else if (n.kind === 'pipeline') n.stages.forEach(visit);
      else visit(n.body);
    };
    visit(tree);
    return found;
  } catch {
    return /\b(curl|wget)\b/.test(source);
  }
}

function firstSimple(n: Node): SimpleCommand | null {
  if (n.kind === 'simple') return n;
  if (n.kind === 'list') { for (const it of n.items) { const s = firstSimple(it.node); if (s) return s; } return null; }
  if (n.kind === 'pipeline') return n.stages[0] ? firstSimple(n.stages[0]) : null;
  return firstSimple(n.body);
}

/** Follows the text through earlier pipeline stages: literal echo, decoders, downloads. */
function pipeText(stages: Node[], ctx: JudgeCtx): StdinInfo {
  const info: StdinInfo = { kind: 'pipe', downloaded: false, encoded: false, text: null, from: '' };
  for (const stage of stages) {
    const s = firstSimple(stage);
    if (!s) { info.text = null; continue; }
    const scratch = childCtx(ctx);
    scratch.findings = [];
    const u = unwrap(s.words.map((w) => resolveWord(w, ctx)), scratch, () => undefined);
    const argv = u.argv;
    const name = commandName(argv[0]);
    const args = argv.slice(1);
    const literal = args.every((w) => !w.dynamic);
    const here = s.redirs.find((r) => r.op === '<<<' || r.op === '<<' || r.op === '<<-');
    const hereText = here ? (here.op === '<<<' ? (resolveWord(here.target, ctx).dynamic ? null : resolveWord(here.target, ctx).text) : here.body ?? null) : undefined;
    if (s.words.some((w) => subsDownload(w)) || (here && subsDownload(here.target))) { info.downloaded = true; info.from ||= 'a download'; }
    if (DOWNLOADERS.has(name)) { info.downloaded = true; info.from = name; info.text = null; continue; }
    if (name === 'echo' && literal) {
      const a = args.map((w) => w.text);
      let esc = false;
      while (a[0] && /^-[neE]+$/.test(a[0])) { if (a[0].includes('e')) esc = true; a.shift(); }
      info.text = esc ? decodeEscapes(a.join(' ')) : a.join(' ');
      if (esc && /\\x|\\[0-7]/.test(a.join(' '))) info.encoded = true;
      continue;
    }
    if (name === 'printf' && literal && args.length > 0) {
      const raw = args.map((w) => w.text);
      let k = 1;
      info.text = decodeEscapes(raw[0]!).replace(/%[sdbc]/g, () => raw[k++] ?? '');
      if (/\\x|\\[0-7]/.test(raw[0]!)) info.encoded = true;
      continue;
    }
    if ((name === 'cat' || name === 'tee') && args.filter((w) => !w.text.startsWith('-')).length === 0 || name === 'cat' && hereText !== undefined) {
      if (hereText !== undefined) info.text = hereText;
      continue;
    }
    const decode = decoderOf(name, args.map((w) => w.text));
    if (decode) {
      info.encoded = true;
      const input = hereText !== undefined ? hereText : info.text;
      info.text = input === null ? null : decode(input);
      continue;
    }
    info.text = null;
    info.from = name;
    info.source = argv.map((w) => w.text).join(' ');
  }
  return info;
}

function decoderOf(name: string, args: string[]): ((s: string) => string | null) | null {
  const hasD = args.some((a) => /^-[a-zA-Z]*[dD]/.test(a) || a === '--decode');
  if ((name === 'base64' || name === 'basenc') && hasD) return (s) => Buffer.from(s.trim(), 'base64').toString('utf8');
  if (name === 'base32' && hasD) return () => null;
  if (name === 'xxd' && args.some((a) => /^-[a-z]*r/.test(a))) return (s) => Buffer.from(s.replace(/[^0-9a-fA-F]/g, ''), 'hex').toString('utf8');
  if (name === 'rev') return (s) => s.split('\n').map((l) => [...l].reverse().join('')).join('\n');
  if (name === 'openssl' && args.some((a) => a === '-d' || a === 'base64' || a === '-base64')) return (s) => Buffer.from(s.trim(), 'base64').toString('utf8');
  if (['uudecode', 'gunzip', 'zcat', 'xz', 'unxz', 'bunzip2', 'bzcat', 'zstd', 'unzstd', 'gzip', 'tr', 'sed', 'awk', 'perl'].includes(name)) {
    if (name === 'gzip' || name === 'xz' || name === 'zstd') return hasD ? () => null : null;
    return () => null;
  }
  return null;
}

export { add, lit };
