// Per-command rules, part 1: the dispatcher, interpreters (shells, python …), downloads and file operations.
import { commandName, destructive, elevated, has, parseOpts, type JudgeCtx } from './judge-context.js';
import { classifyPath, isCriticalSystemPath, isSystemKind, isVitalSystemFile, isVolatilePath, isWideKind, looksLikeExistingFile, normalisePath, type PathKind } from './paths.js';
import { judgeWrite } from './redirects.js';
import { SYSTEM_RULES } from './rules-system.js';
import { STORAGE_RULES } from './rules-storage.js';
import type { Word } from './shell-lexer.js';
import { unwrap } from './unwrap.js';
import { judgeInlineCode } from './inline-code.js';

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
}

export interface CmdInfo {
  viaXargs: boolean;
  recurse: (script: string) => void;
  stdin: StdinInfo;
}

export type Rule = (args: Word[], ctx: JudgeCtx, info: CmdInfo, name: string) => void;

const SHELLS = new Set(['sh', 'bash', 'zsh', 'dash', 'ksh', 'mksh', 'ash', 'fish', 'rbash', 'tcsh', 'csh', 'yash']);
const INTERPRETERS = new Set(['python', 'python2', 'python3', 'perl', 'ruby', 'node', 'nodejs', 'php', 'lua', 'luajit', 'deno', 'bun', 'Rscript', 'tclsh', 'osascript']);
const DOWNLOADERS = new Set(['curl', 'wget', 'aria2c', 'fetch', 'xh', 'wget2', 'http', 'https', 'curlie']);

const kindOf = (w: Word, ctx: JudgeCtx): PathKind => classifyPath(w.text, ctx);

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
  if (/^python[\d.]*$/.test(name) && args[0]?.text === '-m' && /^(pip|pip3|ensurepip)$/.test(args[1]?.text ?? '')) {
    SYSTEM_RULES.pip!(args.slice(2), ctx, info, 'pip');
    return;
  }
  if (SHELLS.has(name) || INTERPRETERS.has(name) || /^python[\d.]+$/.test(name) || name === 'source' || name === '.' || name === 'at' || name === 'batch') {
    judgeInterpreter(name, args, ctx, info);
    return;
  }
  const rule = FILE_RULES[name] ?? SYSTEM_RULES[name] ?? STORAGE_RULES[name] ?? (/^mkfs(\..+)?$/.test(name) ? FILE_RULES.mkfs : undefined);
  if (rule) rule(args, ctx, info, name);
}

function judgeInterpreter(name: string, args: Word[], ctx: JudgeCtx, info: CmdInfo): void {
  const isShell = SHELLS.has(name);
  if (name === 'at' || name === 'batch') {
    if (args.some((a) => a.text === '-l' || a.text === '-r' || a.text === '-d' || a.text === '-c')) return;
    elevated(ctx, `schedules commands to run later (${name})`);
  }
  if (name === 'source' || name === '.') {
    const f = args[0];
    if (!f) return;
    if (STDIN_PATH.test(f.text)) { judgeStdinCode(name, true, ctx, info); return; }
    if (f.subs.some((s) => s.kind === 'proc' && /\b(curl|wget|aria2c|fetch|nc)\b/.test(s.source))) destructive(ctx, `runs code downloaded from the network (${name} <(curl …))`);
    else if (ctx.downloads.has(baseOf(f.text))) destructive(ctx, `runs a script just downloaded from the network (${f.text})`);
    return;
  }
  // inline code: python -c, perl -e, node -e …
  if (!isShell && name !== 'at' && name !== 'batch') {
    const code = inlineCodeArg(args, name);
    if (code) {
      if (code.dynamic && code.subs.some((s) => /\b(curl|wget)\b/.test(s.source))) destructive(ctx, `runs code downloaded from the network (${name} with "$(curl …)")`);
      else judgeInlineCode(code.text, ctx, name, info.recurse);
      return;
    }
  }
  const atFile = args.findIndex((a) => a.text === '-f');
  const script = name === 'at' || name === 'batch' ? (atFile >= 0 ? args[atFile + 1] ?? null : null) : scriptFileArg(args, isShell, name);
  if (script && STDIN_PATH.test(script.text)) { judgeStdinCode(name, isShell, ctx, info); return; }
  if (script) {
    if (script.subs.some((s) => s.kind === 'proc' && /\b(curl|wget|aria2c|fetch|nc)\b/.test(s.source))) { destructive(ctx, `runs code downloaded from the network (${name} <(curl …))`); return; }
    if (script.subs.some((s) => s.kind === 'proc')) { elevated(ctx, `runs code produced by another command (${name} <(…)), which cannot be checked`); return; }
    if (ctx.downloads.has(baseOf(script.text))) { destructive(ctx, `runs a script just downloaded from the network (${script.text})`); return; }
    if (name !== 'at' && name !== 'batch') elevated(ctx, `runs the script ${script.text}, whose contents are not checked`);
    return;
  }
  judgeStdinCode(name, isShell, ctx, info);
}

/** `bash /dev/stdin`, `source /dev/stdin`: the file is standard input itself. */
const STDIN_PATH = /^\/(dev\/stdin|dev\/fd\/0|proc\/self\/fd\/0)$/;

/** An interpreter reading its code from standard input: judged by what is known about that text. */
function judgeStdinCode(name: string, isShell: boolean, ctx: JudgeCtx, info: CmdInfo): void {
  const s = info.stdin;
  if (s.kind === 'none') return;
  const label = s.from && s.from !== 'heredoc' && s.from !== 'here-string' ? `${s.from} | ${name}` : name;
  if (s.downloaded) { destructive(ctx, `runs code downloaded from the network (${label})`); return; }
  if (s.encoded && s.text === null) { destructive(ctx, `runs hidden (encoded) commands (${name} reading decoded text), which cannot be checked`); return; }
  if (s.encoded) elevated(ctx, `runs hidden (encoded) text as commands (${name})`);
  if (s.text !== null) {
    if (isShell || name === 'at' || name === 'batch') info.recurse(s.text);
    else judgeInlineCode(s.text, ctx, name, info.recurse);
    return;
  }
  if (s.kind === 'file') { if (isShell) elevated(ctx, `runs the commands in ${s.from}, which are not checked`); return; }
  elevated(ctx, `runs commands produced by another program (${label}), which cannot be checked`);
}

const baseOf = (p: string): string => p.slice(p.lastIndexOf('/') + 1);

function inlineCodeArg(args: Word[], name: string): Word | null {
  const flag = /^python/.test(name) ? /^-[a-zA-Z]*c$/ : name === 'php' ? /^-[a-zA-Z]*[rB]$/ : /^-[a-zA-Z]*[eE]$/;
  for (let i = 0; i < args.length; i++) {
    const t = args[i]!.text;
    if (!t.startsWith('-')) return null;
    if (flag.test(t) || t === '--eval' || t === '--print' || t === '-p' || t === '--command') return args[i + 1] ?? null;
    if (/^-[a-zA-Z]*[eE].+/.test(t) && !t.startsWith('--')) return { ...args[i]!, text: t.slice(t.search(/[eE]/) + 1) };
    if (t === '-m') return null;
  }
  return null;
}

/** Options of non-shell interpreters that take the next word as their value (so it is not the script). */
const INTERP_VALUE_OPTS: Record<string, RegExp> = {
  python: /^-[WX]$/,
  node: /^(-r|--require|--import|--loader|-C|--conditions|--env-file)$/,
  php: /^-[Stcdz]$/,
  ruby: /^-[IrC]$/,
  perl: /^-[IMm]$/,
};

/** The script file an interpreter runs (`bash x.sh`, `python3 app.py`), or null (`python3 -m venv`, `bun install`). */
function scriptFileArg(args: Word[], isShell: boolean, name = ''): Word | null {
  const family = /^python/.test(name) ? 'python' : name === 'nodejs' ? 'node' : name;
  for (let i = 0; i < args.length; i++) {
    const t = args[i]!.text;
    if (t === '-' || t === '-s') return null;
    if (t === '--') return args[i + 1] ?? null;
    if (!isShell && (t === '-m' || t === '--version' || t === '-V' || t === '--help' || t === '-h')) return null;
    if (t.startsWith('-') || t.startsWith('+')) { if (isShell ? /^[-+][oO]$/.test(t) : INTERP_VALUE_OPTS[family]?.test(t)) i++; continue; }
    // deno/bun take subcommands (`bun install`, `deno fmt`): only a file-looking word is a script
    if ((name === 'deno' || name === 'bun') && !/[./]/.test(t)) { if (t === 'run' || t === 'x') continue; return null; }
    return args[i]!;
  }
  return null;
}

// ---------- file operations ----------

function targets(args: Word[], valueOpts: string[] = []): Word[] {
  return parseOpts(args, valueOpts).operands;
}

const FILE_RULES: Record<string, Rule> = {
  rm(args, ctx, info, name) {
    const o = parseOpts(args);
    const ops = o.operands;
    if (has(o, 'no-preserve-root')) destructive(ctx, 'deletes everything on the computer (rm --no-preserve-root)');
    if (info.viaXargs) destructive(ctx, `deletes every file it is given as input (xargs ${name})`);
    if (has(o, 'r', 'R', 'recursive')) destructive(ctx, `deletes files recursively (${name} -r)`);
    for (const t of ops) {
      const k = kindOf(t, ctx);
      if (t.glob) destructive(ctx, `deletes every file matching the wildcard ${t.text}`);
      else if (isWideKind(k)) destructive(ctx, `deletes ${t.text}`);
      else if (k === 'block-device' || k === 'device') destructive(ctx, `deletes the device node ${t.text}`);
      else if (k === 'system' && isCriticalSystemPath(normalisePath(t.text, ctx) ?? '')) destructive(ctx, `deletes ${t.text}, which the system needs to start or let anyone log in`);
      else if (k === 'system' || k === 'kernel') elevated(ctx, `deletes the system file ${t.text} (needs root)`);
      else if (k === 'dynamic') elevated(ctx, `deletes a file that is only named when it runs (${t.text})`);
    }
  },
  unlink(args, ctx, info) { FILE_RULES.rm!(args, ctx, info, 'unlink'); },
  rmdir(args, ctx) {
    for (const t of targets(args)) { const k = kindOf(t, ctx); if (isSystemKind(k) || isWideKind(k)) elevated(ctx, `removes the system folder ${t.text}`); }
  },
  shred(args, ctx) { destructive(ctx, `destroys file contents beyond recovery (shred ${targets(args, ['n', 's', 'iterations', 'size'])[0]?.text ?? ''})`.replace(' )', ')')); },
  srm(_a, ctx) { destructive(ctx, 'destroys files beyond recovery (srm)'); },
  wipe(_a, ctx) { destructive(ctx, 'destroys files beyond recovery (wipe)'); },
  sfill(_a, ctx) { destructive(ctx, 'overwrites free disk space (sfill)'); },
  blkdiscard(_a, ctx) { destructive(ctx, 'discards every block on the device, erasing it (blkdiscard)'); },
  wipefs(args, ctx) {
    const o = parseOpts(args, ['o', 'offset', 't', 'types']);
    if (has(o, 'a', 'all', 'o', 'offset', 'f')) destructive(ctx, 'erases filesystem signatures, making the disk unreadable (wipefs)');
    else elevated(ctx, 'inspects disk signatures (wipefs; with -a it erases them)');
  },
  mkfs(args, ctx, _i, name) {
    const t = targets(args, ['t', 'L', 'n', 'b', 'F', 'c', 'O', 'U', 'p', 'e', 'm', 'E', 'i', 'I', 'N', 's'])[0];
    // `mkswap /swapfile` after `fallocate`: a plain file made into swap or an image, not a disk
    const n = t ? normalisePath(t.text, ctx) : null;
    const k = t ? kindOf(t, ctx) : 'dynamic';
    if (n !== null && (k === 'system' || k === 'user') && !looksLikeExistingFile(n)) { elevated(ctx, `turns the file ${t!.text} into ${name === 'mkswap' ? 'swap space' : 'a filesystem image'} (${name})`); return; }
    destructive(ctx, `formats ${t?.text ?? 'a disk'}, erasing everything on it (${name})`);
  },
  mke2fs(args, ctx, i) { FILE_RULES.mkfs!(args, ctx, i, 'mke2fs'); },
  mkswap(args, ctx, i) { FILE_RULES.mkfs!(args, ctx, i, 'mkswap'); },
  mkdosfs(args, ctx, i) { FILE_RULES.mkfs!(args, ctx, i, 'mkdosfs'); },
  mkntfs(args, ctx, i) { FILE_RULES.mkfs!(args, ctx, i, 'mkntfs'); },
  mkexfatfs(args, ctx, i) { FILE_RULES.mkfs!(args, ctx, i, 'mkexfatfs'); },
  dd(args, ctx) {
    for (const a of args) {
      const m = /^of=(.*)$/.exec(a.text);
      if (!m) continue;
      const k = a.dynamic ? 'dynamic' : classifyPath(m[1]!, ctx);
      if (k === 'block-device') destructive(ctx, `writes straight onto the disk ${m[1]}, destroying what is on it (dd)`);
      else if (k === 'null-device') continue;
      else if (isWideKind(k) || ((isSystemKind(k) || k === 'user') && looksLikeExistingFile(m[1]!))) destructive(ctx, `overwrites ${m[1]} (dd)`);
      else if (isSystemKind(k)) elevated(ctx, `writes the system file ${m[1]} (dd, needs root)`);
      else if (k === 'dynamic') elevated(ctx, 'writes to a target only known when it runs (dd)');
    }
  },
  ddrescue(args, ctx) {
    const t = targets(args)[1];
    if (t && kindOf(t, ctx) === 'block-device') destructive(ctx, `writes straight onto the disk ${t.text} (ddrescue)`);
  },
  truncate(args, ctx) {
    const o = parseOpts(args, ['s', 'size', 'r', 'reference']);
    const size = o.values.get('s') ?? o.values.get('size') ?? '';
    if (size.startsWith('+')) return;
    for (const t of o.operands) destructive(ctx, `cuts ${t.text} short, losing its contents (truncate)`);
  },
  fallocate(args, ctx) {
    const o = parseOpts(args, ['o', 'l', 'offset', 'length']);
    if (has(o, 'p', 'punch-hole', 'c', 'collapse-range', 'z', 'zero-range')) destructive(ctx, 'erases part of a file (fallocate)');
  },
  cp(args, ctx, info, name) {
    const ops = targets(args, ['t', 'target-directory', 'S', 'suffix']);
    if (ops.length === 2 && /^\/dev\/(null|zero)$/.test(ops[0]!.text) && classifyPath(ops[1]!.text, ctx) !== 'block-device') { destructive(ctx, `empties ${ops[1]!.text} by copying ${ops[0]!.text} over it`); return; }
    copyLike(args, ctx, info, name);
  },
  awk(args, ctx, info, name) {
    const o = parseOpts(args, ['f', 'v', 'F', 'file', 'assign', 'field-separator']);
    const program = o.values.has('f') || o.values.has('file') ? null : o.operands[0]?.text;
    if (program === undefined || program === null) return;
    if (/\|\s*"(\/bin\/)?(ba|z|da)?sh"/.test(program)) elevated(ctx, `pipes text into a shell from an awk program (${name})`);
    judgeInlineCode(program, ctx, name, info.recurse);
    for (const m of program.matchAll(/>>?\s*"([^"]+)"/g)) judgeWrite({ raw: m[1]!, text: m[1]!, quoted: true, glob: false, dynamic: false, vars: [], subs: [] }, ctx, { append: m[0].startsWith('>>'), truncOnly: false, how: `${name} >`, systemOverwriteIsDestructive: true });
  },
  gawk(args, ctx, info) { FILE_RULES.awk!(args, ctx, info, 'gawk'); },
  mawk(args, ctx, info) { FILE_RULES.awk!(args, ctx, info, 'mawk'); },
  install(args, ctx, info) { copyLike(args, ctx, info, 'install'); },
  rsync(args, ctx, info) {
    const o = parseOpts(args, ['e', 'rsh', 'f', 'filter', 'exclude', 'include', 'T', 'temp-dir', 'chmod', 'chown']);
    if ([...o.flags].some((f) => f.startsWith('delete'))) destructive(ctx, 'deletes files at the destination that are not in the source (rsync --delete)');
    copyLike(args, ctx, info, 'rsync');
  },
  mv(args, ctx, info) {
    const o = parseOpts(args, ['t', 'target-directory', 'S', 'suffix']);
    const dest = o.values.get('t') ?? o.values.get('target-directory') ?? o.operands[o.operands.length - 1]?.text;
    const sources = o.values.has('t') || o.values.has('target-directory') ? o.operands : o.operands.slice(0, -1);
    if (dest !== undefined && classifyPath(dest, ctx) === 'null-device') { destructive(ctx, `moves ${sources.map((s) => s.text).join(' ') || 'files'} into ${dest}, which deletes them`); return; }
    const destN = dest === undefined ? null : normalisePath(dest, ctx);
    if (destN !== null && isVolatilePath(destN)) {
      const kept = sources.filter((s) => { const n = normalisePath(s.text, ctx); return n === null || !isVolatilePath(n); });
      if (kept.length > 0) destructive(ctx, `moves ${kept.map((s) => s.text).join(' ')} into ${dest}, which is emptied at the next restart`);
    }
    for (const s of sources) {
      const k = kindOf(s, ctx);
      if (isWideKind(k)) destructive(ctx, `moves ${s.text} away, which breaks the system or your home folder`);
      else if (isSystemKind(k)) elevated(ctx, `moves the system file ${s.text} (needs root)`);
    }
    if (info.viaXargs) elevated(ctx, 'moves every file it is given or finds (mv from xargs / find -exec)');
    if (dest !== undefined) {
      const k = classifyPath(dest, ctx);
      if (k === 'block-device') destructive(ctx, `moves files onto the disk device ${dest}`);
      else if (isSystemKind(k) || k === 'system-top') elevated(ctx, `moves files into the system folder ${dest} (needs root)`);
    }
  },
  tee(args, ctx, info) {
    const o = parseOpts(args);
    const append = has(o, 'a', 'append');
    const empty = info.stdin.kind === 'file' && /^\/dev\/(null|zero)$/.test(info.stdin.from);
    for (const t of o.operands) {
      // `echo x | sudo tee /etc/fstab` replaces the whole file, just like `> /etc/fstab`
      const n = normalisePath(t.text, ctx);
      const vital = !append && n !== null && isVitalSystemFile(n);
      judgeWrite(t, ctx, { append, truncOnly: empty, how: 'tee', systemOverwriteIsDestructive: empty || vital });
    }
  },
  ln(args, ctx) {
    const o = parseOpts(args, ['t', 'target-directory', 'S', 'suffix']);
    // `ln -sf /dev/null ~/.bashrc` swaps a file for a link to nothing: its contents are gone
    if (has(o, 'f', 'force') && o.operands.length >= 2 && /^\/dev\/(null|zero)$/.test(o.operands[0]!.text)) destructive(ctx, `replaces ${o.operands[o.operands.length - 1]!.text} with a link to ${o.operands[0]!.text}, losing what it held (ln -f)`);
    const dest = o.values.get('t') ?? (o.operands.length > 1 ? o.operands[o.operands.length - 1]!.text : undefined);
    if (dest && isSystemKind(classifyPath(dest, ctx))) elevated(ctx, `creates a link in the system folder ${dest} (needs root)`);
    else if (dest && classifyPath(dest, ctx) === 'system-top') elevated(ctx, `creates a link in ${dest} (needs root)`);
  },
  touch(args, ctx) { createLike(args, ctx, 'touch'); },
  mkdir(args, ctx) { createLike(args, ctx, 'mkdir'); },
  chmod(args, ctx, info) { permLike(args, ctx, info, 'chmod', 'permissions'); },
  chown(args, ctx, info) { permLike(args, ctx, info, 'chown', 'owner'); },
  chgrp(args, ctx, info) { permLike(args, ctx, info, 'chgrp', 'group'); },
  setfacl(args, ctx, info) { permLike(args, ctx, info, 'setfacl', 'access rules'); },
  chattr(args, ctx) { elevated(ctx, `changes file attributes (chattr ${args.map((a) => a.text).join(' ')})`); },
  find(args, ctx, info) {
    const starts: Word[] = [];
    let i = 0;
    while (i < args.length && !/^[-(!]/.test(args[i]!.text)) starts.push(args[i++]!);
    const where = starts.length > 0 ? starts.map((s) => s.text).join(' ') : '.';
    for (; i < args.length; i++) {
      const t = args[i]!.text;
      if (t === '-delete') destructive(ctx, `deletes every file it finds under ${where} (find -delete)`);
      if (t === '-exec' || t === '-execdir' || t === '-ok' || t === '-okdir') {
        const cmd: Word[] = [];
        for (i++; i < args.length && args[i]!.text !== ';' && args[i]!.text !== '+'; i++) cmd.push(args[i]!);
        if (cmd.length === 0) continue;
        const u = unwrap(cmd, ctx, info.recurse);
        if (u.argv.length > 0 && !u.done) {
          const cname = commandName(u.argv[0]);
          if (cname === 'rm' || cname === 'shred' || cname === 'unlink') destructive(ctx, `deletes every file it finds under ${where} (find -exec ${cname})`);
          else if (PERM_TOOLS.has(cname) && starts.some((w) => { const k = kindOf(w, ctx); return isWideKind(k) || k === 'root'; })) destructive(ctx, `changes the ${PERM_TOOLS.get(cname)} of everything under ${where} (find -exec ${cname})`);
          else judgeArgv(u.argv, ctx, { ...info, viaXargs: true });
        }
      }
      if (t === '-fprint' || t === '-fprintf' || t === '-fls' || t === '-fprint0') {
        const f = args[i + 1];
        if (f) judgeWrite(f, ctx, { append: false, truncOnly: false, how: t, systemOverwriteIsDestructive: true });
      }
    }
  },
  sed(args, ctx) { inPlaceEdit(args, ctx, 'sed', ['e', 'f', 'expression', 'file', 'l', 'line-length']); },
  perl(args, ctx) { inPlaceEdit(args, ctx, 'perl', ['e', 'E']); },
  tar(args, ctx) {
    const o = parseOpts(args.map((a, i) => (i === 0 && /^[a-zA-Z]+$/.test(a.text) ? { ...a, text: '-' + a.text } : a)), ['C', 'directory', 'f', 'file', 'T', 'files-from', 'X', 'exclude-from', 'I', 'use-compress-program', 'to-command', 'H', 'format']);
    const dir = o.values.get('C') ?? o.values.get('directory');
    if (has(o, 'x', 'extract', 'get') && dir !== undefined) {
      const k = classifyPath(dir, ctx);
      if (k === 'root') elevated(ctx, 'extracts files over the whole system (tar -C /)');
      else if (isSystemKind(k) || k === 'system-top') elevated(ctx, `extracts files into the system folder ${dir} (needs root)`);
    }
    const out = o.values.get('f') ?? o.values.get('file');
    if (has(o, 'c', 'create') && out !== undefined) judgeWrite({ raw: out, text: out, quoted: false, glob: false, dynamic: false, vars: [], subs: [] }, ctx, { append: false, truncOnly: false, how: 'tar -f', systemOverwriteIsDestructive: true });
    if (o.values.has('to-command')) info0(ctx);
  },
  unzip(args, ctx) {
    const o = parseOpts(args, ['d', 'x']);
    const d = o.values.get('d');
    if (d !== undefined && isSystemKind(classifyPath(d, ctx))) elevated(ctx, `extracts files into the system folder ${d} (needs root)`);
  },
};

const PERM_TOOLS = new Map([['chmod', 'permissions'], ['chown', 'owner'], ['chgrp', 'group'], ['setfacl', 'access rules']]);

function info0(ctx: JudgeCtx): void { elevated(ctx, 'runs a command for every file in the archive (tar --to-command)'); }

function copyLike(args: Word[], ctx: JudgeCtx, info: CmdInfo, name: string): void {
  const o = parseOpts(args, ['t', 'target-directory', 'S', 'suffix', 'm', 'mode', 'o', 'owner', 'g', 'group', 'e', 'rsh', 'f', 'filter', 'exclude', 'include', 'T', 'temp-dir', 'chmod', 'chown']);
  const dest = o.values.get('t') ?? o.values.get('target-directory') ?? (o.operands.length > 1 || info.viaXargs ? o.operands[o.operands.length - 1]?.text : undefined);
  if (dest === undefined) return;
  if (/^[^/~]*:/.test(dest)) return; // remote rsync/scp target
  const k = classifyPath(dest, ctx);
  if (k === 'block-device') destructive(ctx, `copies data straight onto the disk device ${dest}, destroying what is on it (${name})`);
  else if (k === 'kernel' || k === 'device') elevated(ctx, `writes to ${dest} (${name})`);
  else if (k === 'root' || k === 'system-top' || k === 'system') elevated(ctx, `copies files into the system folder ${dest} (needs root)`);
  else if (k === 'dynamic') elevated(ctx, `copies to a place only known when it runs (${dest})`);
}

function createLike(args: Word[], ctx: JudgeCtx, name: string): void {
  for (const t of targets(args, ['m', 'mode', 'd', 'date', 'r', 'reference', 't'])) {
    const k = kindOf(t, ctx);
    if (isSystemKind(k) || k === 'system-top') elevated(ctx, `creates ${t.text} in a system folder (${name}, needs root)`);
  }
}

function permLike(args: Word[], ctx: JudgeCtx, info: CmdInfo, name: string, what: string): void {
  // chmod -x / -w look like options but are modes (and must not eat the next word as a value)
  const modeFromFlag = name === 'chmod' && args.some((a) => /^-[rwxXst]+$/.test(a.text));
  const o = parseOpts(name === 'chmod' ? args.filter((a) => !/^-[rwxXst]+$/.test(a.text)) : args, name === 'chmod' ? ['reference'] : ['reference', 'm', 'M', 'x', 'X']);
  const recursive = has(o, 'R', 'recursive');
  const skipFirst = name !== 'setfacl' && !o.flags.has('reference') && !(name === 'chmod' && o.operands.length === 0);
  const files = skipFirst && !modeFromFlag ? o.operands.slice(1) : o.operands;
  if (info.viaXargs) elevated(ctx, `changes the ${what} of every file it is given as input (xargs ${name})`);
  for (const t of files) {
    const k = kindOf(t, ctx);
    if (recursive && (isWideKind(k) || k === 'root')) destructive(ctx, `changes the ${what} of everything under ${t.text} (${name} -R)`);
    else if (recursive && t.glob && /^(~|\$HOME)?\/?\*$/.test(t.text)) destructive(ctx, `changes the ${what} of everything in ${t.text} (${name} -R)`);
    else if (recursive) elevated(ctx, `changes the ${what} of every file under ${t.text} (${name} -R)`);
    else if (k === 'root') destructive(ctx, `changes the ${what} of / itself, which can lock everyone out (${name})`);
    else if (isSystemKind(k) || isWideKind(k)) elevated(ctx, `changes the ${what} of ${t.text} (${name}, needs root)`);
    else if (k === 'dynamic') elevated(ctx, `changes the ${what} of a file only known when it runs (${t.text})`);
    else if (name !== 'chmod') elevated(ctx, `changes the ${what} of ${t.text} (${name})`);
  }
}

function inPlaceEdit(args: Word[], ctx: JudgeCtx, name: string, valueOpts: string[]): void {
  const inPlace = args.some((a) => /^-[a-zA-Z]*i/.test(a.text) && !a.text.startsWith('--') || a.text.startsWith('--in-place'));
  if (!inPlace) return;
  const o = parseOpts(args, valueOpts);
  const scriptGiven = o.values.has('e') || o.values.has('f') || o.values.has('expression') || o.values.has('file') || o.values.has('E');
  const files = scriptGiven ? o.operands : o.operands.slice(1);
  for (const t of files) {
    const k = kindOf(t, ctx);
    if (isSystemKind(k) || k === 'system-top') elevated(ctx, `edits the system file ${t.text} in place (${name} -i, needs root)`);
    else if (k === 'dynamic') elevated(ctx, `edits files only known when it runs (${name} -i)`);
  }
}

export { DOWNLOADERS };
