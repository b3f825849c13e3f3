// Rule family: files. Deleting, overwriting, moving, copying, permissions, in-place edits, archives and find's actions.
import { destructive, elevated, has, parseOpts, type JudgeCtx } from '../judge-context.js';
import {
  classifyPath,
  isCriticalSystemPath,
  isSystemKind,
  isVitalSystemFile,
  isVolatilePath,
  isWideKind,
  normalisePath,
  type PathKind,
} from '../paths.js';
import { judgeWrite } from '../redirects.js';
import type { Word } from '../shell-lexer.js';
import { findExecs } from '../unwrap-launchers.js';
import { lit, onlyPretends, texts, type CmdInfo, type Rule, type RuleFamily } from './types.js';

const kindOf = (w: Word, ctx: JudgeCtx): PathKind => classifyPath(w.text, ctx);

/** The command runs over targets supplied at run time: xargs, find -exec, parallel, a loop variable, a `$(list)`. */
export function overMany(args: Word[], ctx: JudgeCtx, info: CmdInfo): boolean {
  return info.viaXargs || ctx.many || args.some((a) => a.text.includes('{}') || listWord(a, ctx));
}

/** A word that expands to a list of files: `$(find …)`, a backtick `ls`, a loop variable over many files. */
export function listWord(w: Word, ctx: JudgeCtx): boolean {
  if (w.vars.some((v) => ctx.listVars.has(v))) return true;
  return w.subs.some(
    (s) =>
      s.kind === 'cmd' &&
      !/^\s*(mktemp|which|command|type|basename|dirname|readlink|realpath|date|pwd|echo|printf|id|whoami|hostname|uname|xdg-user-dir|git rev-parse|systemd-path)\b/.test(
        s.source,
      ),
  );
}

function targets(args: Word[], valueOpts: string[] = []): Word[] {
  return parseOpts(args, valueOpts).operands;
}

const rm: Rule = (args, outer, info, name) => {
  const o = parseOpts(args);
  if (onlyPretends(args)) return;
  // `rm -ri` asks before each file, but one "y" too many (or `yes |`) still deletes: the risk stays, the reason says so
  const prompts = has(o, 'i', 'interactive') && !has(o, 'f', 'force');
  const ctx = prompts ? { ...outer, findings: [] } : outer;
  rmFindings(o, ctx, info, name);
  if (prompts)
    for (const f of ctx.findings) outer.findings.push({ risk: f.risk, reason: `${f.reason}, asking before each file (${name} -i)` });
};

function rmFindings(o: ReturnType<typeof parseOpts>, ctx: JudgeCtx, info: CmdInfo, name: string): void {
  const ops = o.operands;
  if (has(o, 'no-preserve-root')) destructive(ctx, 'deletes everything on the computer (rm --no-preserve-root)');
  if (overMany([], ctx, info) || ops.some((t) => t.text.includes('{}')))
    destructive(ctx, `deletes every file it is given as input (xargs ${name} / find -exec ${name})`);
  if (has(o, 'r', 'R', 'recursive')) destructive(ctx, `deletes files recursively (${name} -r)`);
  for (const t of ops) {
    const k = kindOf(t, ctx);
    if (t.glob) destructive(ctx, `deletes every file matching the wildcard ${t.text}`);
    else if (listWord(t, ctx)) destructive(ctx, `deletes every file in a list made when it runs (${t.raw})`);
    else if (isWideKind(k)) destructive(ctx, `deletes ${t.text}`);
    else if (k === 'block-device' || k === 'device') destructive(ctx, `deletes the device node ${t.text}`);
    else if (k === 'system' && isCriticalSystemPath(normalisePath(t.text, ctx) ?? ''))
      destructive(ctx, `deletes ${t.text}, which the system needs to start or let anyone log in`);
    else if (k === 'system' || k === 'kernel') elevated(ctx, `deletes the system file ${t.text} (needs root)`);
    else if (k === 'dynamic') elevated(ctx, `deletes a file that is only named when it runs (${t.text})`);
  }
}

/** Does a chmod mode lock the owner out (no read; no search on folders) or open files to every user? */
function modeHarm(mode: string, overFolders: boolean): string | null {
  const num = /^0*([0-7]{3,4})$/.exec(mode);
  if (num) {
    const d = num[1]!.slice(-3);
    const owner = Number(d[0]);
    const other = Number(d[2]);
    if ((owner & 4) === 0) return "takes away the owner's right to read them";
    if (overFolders && (owner & 1) === 0) return 'takes away the right to open the folders';
    if ((other & 2) !== 0) return 'lets every user on the computer change them';
    return null;
  }
  for (const part of mode.split(',')) {
    const m = /^([ugoa]*)([-+=])([rwxXst]*)$/.exec(part);
    if (!m) continue;
    const who = m[1] || 'a';
    const ownerToo = who.includes('u') || who.includes('a');
    if (m[2] === '-' && ownerToo && m[3]!.includes('r')) return "takes away the owner's right to read them";
    if (m[2] === '-' && ownerToo && m[3]!.includes('x') && overFolders) return 'takes away the right to open the folders';
    if (m[2] === '=' && ownerToo && !m[3]!.includes('r')) return "takes away the owner's right to read them";
    if (m[2] !== '-' && (who.includes('o') || who.includes('a') || m[1] === '') && m[3]!.includes('w') && m[1] !== '')
      return 'lets every user on the computer change them';
  }
  return null;
}

/** `.` is whatever folder the command runs in (a project, usually): judged like a named folder, not like home itself. */
function permKind(w: Word, ctx: JudgeCtx): PathKind {
  return /^\.\/?$/.test(w.text) && ctx.cwd === '~' ? 'user' : kindOf(w, ctx);
}

/** On system files: taking away read or run rights, or letting others write (sudo refuses a writable sudoers). */
function breaksSystemFiles(mode: string): boolean {
  const num = /^0*([0-7]{3,4})$/.exec(mode);
  if (num) {
    const d = num[1]!.slice(-3);
    return (Number(d[0]) & 4) === 0 || (Number(d[2]) & 2) !== 0 || (Number(d[1]) & 2) !== 0;
  }
  return mode.split(',').some((p) => /^[ugoa]*-[rwxXst]*[rx]/.test(p) || /^[ugoa]*[ao]\+[rwxXst]*w/.test(p));
}

const PERM_WHAT: Record<string, string> = { chmod: 'permissions', chown: 'owner', chgrp: 'group', setfacl: 'access rules' };

/** chmod/chown/chgrp/setfacl. `over`: where a launcher (find -exec, xargs) gathers the files, when known. */
function permLike(args: Word[], ctx: JudgeCtx, info: CmdInfo, name: string): void {
  const what = PERM_WHAT[name] ?? 'permissions';
  // chmod -x / -w look like options but are modes (and must not eat the next word as a value)
  const modeFlag = name === 'chmod' ? args.find((a) => /^-[rwxXst]+$/.test(a.text)) : undefined;
  const o = parseOpts(
    name === 'chmod' ? args.filter((a) => a !== modeFlag) : args,
    name === 'chmod' ? ['reference'] : ['reference', 'm', 'M', 'x', 'X'],
  );
  const recursive = has(o, 'R', 'recursive');
  const skipFirst = name !== 'setfacl' && !o.flags.has('reference') && !(name === 'chmod' && o.operands.length === 0);
  const files = skipFirst && !modeFlag ? o.operands.slice(1) : o.operands;
  const mode = name === 'chmod' ? (modeFlag?.text ?? o.operands[0]?.text ?? '') : '';
  const many = info.viaXargs || ctx.many;
  const over = info.over ?? [];
  if (many) {
    const wide = over.find((w) => {
      const k = permKind(w, ctx);
      return isWideKind(k) || k === 'root';
    });
    const harm = name === 'chmod' ? modeHarm(mode, !info.onlyFiles) : null;
    if (wide) destructive(ctx, `changes the ${what} of everything under ${wide.text} (${name} over every file found)`);
    else if (harm) destructive(ctx, `changes the permissions of every file it is given: ${harm} (${name} ${mode})`);
    else elevated(ctx, `changes the ${what} of every file it is given as input (${name} over many files)`);
  }
  for (const t of files) {
    const k = permKind(t, ctx);
    const harm = name === 'chmod' && (recursive || t.glob) ? modeHarm(mode, recursive) : null;
    if (recursive && (isWideKind(k) || k === 'root')) destructive(ctx, `changes the ${what} of everything under ${t.text} (${name} -R)`);
    else if (recursive && t.glob && /^(~|\$HOME)?\/?\*$/.test(t.text))
      destructive(ctx, `changes the ${what} of everything in ${t.text} (${name} -R)`);
    else if (harm)
      destructive(ctx, `changes the permissions of every file under ${t.text}: ${harm} (${name} ${recursive ? '-R ' : ''}${mode})`);
    else if (
      name === 'chmod' &&
      isSystemKind(k) &&
      (t.glob || recursive || isCriticalSystemPath(normalisePath(t.text, ctx) ?? '')) &&
      breaksSystemFiles(mode)
    )
      destructive(
        ctx,
        `changes the permissions of ${t.text} so the system cannot use it: programs that cannot run, or files sudo and login refuse (${name} ${mode})`,
      );
    else if (recursive) elevated(ctx, `changes the ${what} of every file under ${t.text} (${name} -R)`);
    else if (k === 'root') destructive(ctx, `changes the ${what} of / itself, which can lock everyone out (${name})`);
    else if (isSystemKind(k) || isWideKind(k)) elevated(ctx, `changes the ${what} of ${t.text} (${name}, needs root)`);
    else if (k === 'dynamic') elevated(ctx, `changes the ${what} of a file only known when it runs (${t.text})`);
    else if (name !== 'chmod') elevated(ctx, `changes the ${what} of ${t.text} (${name})`);
  }
}

function copyLike(args: Word[], ctx: JudgeCtx, info: CmdInfo, name: string): void {
  const o = parseOpts(args, [
    't',
    'target-directory',
    'S',
    'suffix',
    'm',
    'mode',
    'o',
    'owner',
    'g',
    'group',
    'e',
    'rsh',
    'f',
    'filter',
    'exclude',
    'include',
    'T',
    'temp-dir',
    'chmod',
    'chown',
  ]);
  const toDir = o.values.get('t') ?? o.values.get('target-directory');
  const dest = toDir ?? (o.operands.length > 1 || info.viaXargs ? o.operands[o.operands.length - 1]?.text : undefined);
  // `xargs cp`, `xargs -I{} cp tpl {}`: every file it is given is a destination, and is overwritten
  if (
    (info.viaXargs || ctx.many) &&
    toDir === undefined &&
    !has(o, 'n', 'no-clobber', 'i', 'interactive', 'b', 'backup') &&
    name !== 'rsync' &&
    (o.operands.length < 2 || /\{\}/.test(dest ?? '') || listWord(o.operands[o.operands.length - 1]!, ctx))
  ) {
    destructive(ctx, `copies over every file it is given, replacing what they held (${name} over many files)`);
    return;
  }
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

/** sed -i / perl -pi: edits files in place. Over many files (xargs, find -exec) it rewrites a whole tree. */
export function inPlaceEdit(args: Word[], ctx: JudgeCtx, info: CmdInfo, name: string, valueOpts: string[]): void {
  const inPlace = args.some((a) => (/^-[a-zA-Z]*i/.test(a.text) && !a.text.startsWith('--')) || a.text.startsWith('--in-place'));
  if (!inPlace) return;
  const o = parseOpts(args, valueOpts);
  const scriptGiven = o.values.has('e') || o.values.has('f') || o.values.has('expression') || o.values.has('file') || o.values.has('E');
  const files = scriptGiven ? o.operands : o.operands.slice(1);
  if (overMany(files, ctx, info) || files.some((f) => f.glob && f.text.includes('**'))) {
    destructive(ctx, `rewrites every file it is given in place, with no copy kept (${name} -i over many files)`);
    return;
  }
  for (const t of files) {
    const k = kindOf(t, ctx);
    if (isSystemKind(k) || k === 'system-top') elevated(ctx, `edits the system file ${t.text} in place (${name} -i, needs root)`);
    else if (k === 'dynamic') elevated(ctx, `edits files only known when it runs (${name} -i)`);
    else if (t.glob) elevated(ctx, `edits every file matching ${t.text} in place (${name} -i)`);
  }
}

const FIND_WRITES = new Set(['-fprint', '-fprintf', '-fls', '-fprint0', '-cpio', '-ncpio']);

/** find: -delete, what -exec runs over everything found, and files written through options (-fprint, -cpio). */
function findRule(args: Word[], ctx: JudgeCtx, info: CmdInfo): void {
  const starts: Word[] = [];
  let i = 0;
  while (i < args.length && !/^[-(!]/.test(args[i]!.text)) starts.push(args[i++]!);
  const where = starts.length > 0 ? starts.map((s) => s.text).join(' ') : '.';
  const onlyFiles = args.some((a, k) => a.text === '-type' && args[k + 1]?.text === 'f');
  const execs = findExecs(args);
  const inExec = new Set(execs.flatMap((e) => e.argv));
  for (const e of execs) info.launch(e.argv, { over: starts.length > 0 ? starts : [lit('.')], onlyFiles, prompts: e.prompts });
  for (; i < args.length; i++) {
    const a = args[i]!;
    if (inExec.has(a)) continue;
    if (a.text === '-delete') destructive(ctx, `deletes every file it finds under ${where} (find -delete)`);
    if (FIND_WRITES.has(a.text)) {
      const f = args[i + 1];
      if (f) judgeWrite(f, ctx, { append: false, truncOnly: false, how: `find ${a.text}`, systemOverwriteIsDestructive: true });
    }
  }
}

const RULES: Record<string, Rule> = {
  rm,
  unlink: rm,
  rmdir(args, ctx) {
    for (const t of targets(args)) {
      const k = kindOf(t, ctx);
      if (isSystemKind(k) || isWideKind(k)) elevated(ctx, `removes the system folder ${t.text}`);
    }
  },
  shred(args, ctx) {
    destructive(
      ctx,
      `destroys file contents beyond recovery (shred ${targets(args, ['n', 's', 'iterations', 'size'])[0]?.text ?? ''})`.replace(' )', ')'),
    );
  },
  srm: (_a, ctx) => destructive(ctx, 'destroys files beyond recovery (srm)'),
  wipe: (_a, ctx) => destructive(ctx, 'destroys files beyond recovery (wipe)'),
  sfill: (_a, ctx) => destructive(ctx, 'overwrites free disk space (sfill)'),
  truncate(args, ctx, info) {
    const o = parseOpts(args, ['s', 'size', 'r', 'reference']);
    const size = o.values.get('s') ?? o.values.get('size') ?? '';
    if (size.startsWith('+')) return;
    if (o.operands.length === 0 && (info.viaXargs || ctx.many))
      destructive(ctx, 'cuts every file it is given short, losing their contents (xargs truncate)');
    for (const t of o.operands) destructive(ctx, `cuts ${t.text} short, losing its contents (truncate)`);
  },
  fallocate(args, ctx) {
    const o = parseOpts(args, ['o', 'l', 'offset', 'length']);
    if (has(o, 'p', 'punch-hole', 'c', 'collapse-range', 'z', 'zero-range')) destructive(ctx, 'erases part of a file (fallocate)');
  },
  cp(args, ctx, info, name) {
    const ops = targets(args, ['t', 'target-directory', 'S', 'suffix']);
    if (ops.length === 2 && /^\/dev\/(null|zero)$/.test(ops[0]!.text) && classifyPath(ops[1]!.text, ctx) !== 'block-device') {
      destructive(ctx, `empties ${ops[1]!.text} by copying ${ops[0]!.text} over it`);
      return;
    }
    copyLike(args, ctx, info, name);
  },
  install(args, ctx, info) {
    copyLike(args, ctx, info, 'install');
  },
  rsync(args, ctx, info) {
    if (args.some((a) => a.text === '-n' || a.text === '--dry-run' || (/^-[a-zA-Z]*n[a-zA-Z]*$/.test(a.text) && !a.text.startsWith('--'))))
      return;
    const o = parseOpts(args, ['e', 'rsh', 'f', 'filter', 'exclude', 'include', 'T', 'temp-dir', 'chmod', 'chown']);
    if ([...o.flags].some((f) => f.startsWith('delete')))
      destructive(ctx, 'deletes files at the destination that are not in the source (rsync --delete)');
    copyLike(args, ctx, info, 'rsync');
  },
  mv(args, ctx, info) {
    const o = parseOpts(args, ['t', 'target-directory', 'S', 'suffix']);
    const dest = o.values.get('t') ?? o.values.get('target-directory') ?? o.operands[o.operands.length - 1]?.text;
    const sources = o.values.has('t') || o.values.has('target-directory') ? o.operands : o.operands.slice(0, -1);
    if (dest !== undefined && classifyPath(dest, ctx) === 'null-device') {
      destructive(ctx, `moves ${sources.map((s) => s.text).join(' ') || 'files'} into ${dest}, which deletes them`);
      return;
    }
    const destN = dest === undefined ? null : normalisePath(dest, ctx);
    if (destN !== null && isVolatilePath(destN)) {
      const kept = sources.filter((s) => {
        const n = normalisePath(s.text, ctx);
        return n === null || !isVolatilePath(n);
      });
      if (kept.length > 0)
        destructive(ctx, `moves ${kept.map((s) => s.text).join(' ')} into ${dest}, which is emptied at the next restart`);
    }
    for (const s of sources) {
      const k = kindOf(s, ctx);
      if (isWideKind(k)) destructive(ctx, `moves ${s.text} away, which breaks the system or your home folder`);
      else if (isSystemKind(k)) elevated(ctx, `moves the system file ${s.text} (needs root)`);
    }
    if (info.viaXargs || ctx.many) elevated(ctx, 'moves every file it is given or finds (mv from xargs / find -exec)');
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
    if (has(o, 'f', 'force') && o.operands.length >= 2 && /^\/dev\/(null|zero)$/.test(o.operands[0]!.text))
      destructive(
        ctx,
        `replaces ${o.operands[o.operands.length - 1]!.text} with a link to ${o.operands[0]!.text}, losing what it held (ln -f)`,
      );
    const dest = o.values.get('t') ?? (o.operands.length > 1 ? o.operands[o.operands.length - 1]!.text : undefined);
    if (dest && isSystemKind(classifyPath(dest, ctx))) elevated(ctx, `creates a link in the system folder ${dest} (needs root)`);
    else if (dest && classifyPath(dest, ctx) === 'system-top') elevated(ctx, `creates a link in ${dest} (needs root)`);
  },
  touch(args, ctx) {
    createLike(args, ctx, 'touch');
  },
  mkdir(args, ctx) {
    createLike(args, ctx, 'mkdir');
  },
  chmod: (a, c, i) => permLike(a, c, i, 'chmod'),
  chown: (a, c, i) => permLike(a, c, i, 'chown'),
  chgrp: (a, c, i) => permLike(a, c, i, 'chgrp'),
  setfacl: (a, c, i) => permLike(a, c, i, 'setfacl'),
  chattr(args, ctx) {
    elevated(ctx, `changes file attributes (chattr ${texts(args).join(' ')})`);
  },
  find: findRule,
  sed(args, ctx, info) {
    inPlaceEdit(args, ctx, info, 'sed', ['e', 'f', 'expression', 'file', 'l', 'line-length']);
  },
  mogrify(args, ctx, info) {
    const files = parseOpts(args, [
      'resize',
      'format',
      'quality',
      'rotate',
      'crop',
      'path',
      'strip',
      'density',
      'colorspace',
      'gravity',
      'extent',
      'background',
      'fill',
      'font',
      'pointsize',
      'annotate',
      'draw',
      'geometry',
      'type',
      'depth',
      'scale',
      'sample',
      'thumbnail',
    ]).operands;
    if (args.some((a) => a.text === '-path' || a.text === '-format')) return; // writes new files, the originals stay
    if (overMany(files, ctx, info) || files.some((f) => f.glob))
      destructive(ctx, 'replaces every image it is given with the changed copy, the originals are lost (mogrify over many files)');
    else if (files.length > 0)
      elevated(ctx, `replaces ${files.map((f) => f.text).join(' ')} with the changed image, the original is lost (mogrify)`);
  },
  tar(args, ctx) {
    const o = parseOpts(
      args.map((a, i) => (i === 0 && /^[a-zA-Z]+$/.test(a.text) ? { ...a, text: '-' + a.text } : a)),
      ['C', 'directory', 'f', 'file', 'T', 'files-from', 'X', 'exclude-from', 'I', 'use-compress-program', 'to-command', 'H', 'format'],
    );
    const dir = o.values.get('C') ?? o.values.get('directory');
    if (has(o, 'x', 'extract', 'get') && dir !== undefined) {
      const k = classifyPath(dir, ctx);
      if (k === 'root') elevated(ctx, 'extracts files over the whole system (tar -C /)');
      else if (isSystemKind(k) || k === 'system-top') elevated(ctx, `extracts files into the system folder ${dir} (needs root)`);
    }
    const out = o.values.get('f') ?? o.values.get('file');
    if (has(o, 'c', 'create') && out !== undefined)
      judgeWrite(lit(out), ctx, { append: false, truncOnly: false, how: 'tar -f', systemOverwriteIsDestructive: true });
    if (o.values.has('to-command')) elevated(ctx, 'runs a command for every file in the archive (tar --to-command)');
  },
  unzip(args, ctx) {
    const o = parseOpts(args, ['d', 'x']);
    const d = o.values.get('d');
    if (d !== undefined && isSystemKind(classifyPath(d, ctx))) elevated(ctx, `extracts files into the system folder ${d} (needs root)`);
  },
  'trash-empty': (_args, ctx) => destructive(ctx, 'permanently deletes everything in the Trash (trash-empty)'),
  gio(args, ctx) {
    const t = texts(args);
    if (t[0] === 'trash' && t.includes('--empty')) destructive(ctx, 'permanently deletes everything in the Trash (gio trash --empty)');
  },
  ktrash5(args, ctx, _info, name) {
    if (texts(args).includes('--empty')) destructive(ctx, `permanently deletes everything in the Trash (${name} --empty)`);
  },
};
RULES.ktrash6 = RULES.ktrash5!;
RULES.ktrash = RULES.ktrash5!;

export const FILES: RuleFamily = {
  name: 'files',
  rules: RULES,
  examples: {
    safe: [
      'ls -la ~/Documents',
      'rm ~/notes-old.txt',
      'cp ~/a.txt ~/Backup/',
      'chmod +x ~/bin/script.sh',
      'rsync -av --delete --dry-run src/ backup/',
      'rm --help',
      "sed -i 's/a/b/' ~/notes.txt",
      'find ~ -name "*.pdf"',
      'find . -name "*.txt" -exec cp {} ~/Backup/ \\;',
      'mkdir -p ~/Projects/demo',
    ],
    elevated: [
      'chmod -R 755 ~/project',
      'sudo rm /var/lib/pacman/db.lck',
      "sudo sed -i 's/#Color/Color/' /etc/pacman.conf",
      "perl -i -pe 's/ro/rw/' /etc/fstab",
      'sudo cp my.conf /etc/',
      'find ~/site -type f -exec chmod 644 {} +',
      'mogrify -resize 50% photo.jpg',
      'ls *.log | xargs chown student',
    ],
    destructive: [
      'rm -rf ~/Pictures',
      'ls *.bak | xargs rm',
      'find ~/old -type f | xargs -I{} bash -c \'rm "{}"\'',
      "grep -rl foo . | xargs sed -i 's/foo/bar/g'",
      "find . -name '*.txt' -exec perl -pi -e 's/a/b/' {} +",
      'find ~/photos -name "*.jpg" | xargs mogrify -resize 50%',
      'find . -name "*.log" | xargs truncate -s 0',
      "find ~/docs -name '*.md' | xargs -I{} cp template.md {}",
      'find ~ -depth -cpio /dev/sdb',
      'rm `ls *.tmp`',
      'for f in ~/Music/*; do rm "$f"; done',
      'chmod -R 000 ~/project',
      'find ~/work -exec chmod 000 {} +',
      'sudo find / -exec chmod 777 {} +',
    ],
  },
};
