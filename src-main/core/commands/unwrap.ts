// Peels wrappers off a command (sudo, env, nohup, timeout, xargs, sh -c, eval …) so the judge sees what really runs.
import { commandName, elevated, lit, parseOpts, readOptions, type JudgeCtx } from './judge-context.js';
import type { Word } from './shell-lexer.js';
import { unwrapLauncher, LAUNCHER_NAMES } from './unwrap-launchers.js';
import { DOWNLOADER_WORD } from './rules/downloads.js';

export interface Unwrapped {
  /** The command that finally runs, name first. */
  argv: Word[];
  /** Extra arguments arrive at run time (xargs, find -exec). */
  viaXargs: boolean;
  /** Nothing left to judge (an inline script was handed to `recurse`, or the wrapper only looks things up). */
  done: boolean;
}

/** Options that take a value, per wrapper (short letters and long names). */
const VALUE_OPTS: Record<string, string[]> = {
  sudo: [
    'u',
    'g',
    'h',
    'p',
    'C',
    'D',
    'T',
    'r',
    't',
    'U',
    'user',
    'group',
    'host',
    'prompt',
    'close-from',
    'chdir',
    'command-timeout',
    'role',
    'type',
    'other-user',
  ],
  doas: ['u', 'C'],
  pkexec: ['user'],
  run0: ['user', 'u', 'group', 'g', 'chdir', 'D', 'setenv', 'unit', 'property', 'description', 'slice', 'nice', 'background', 'machine'],
  env: ['u', 'C', 'S', 'P', 'unset', 'chdir', 'split-string'],
  nice: ['n', 'adjustment'],
  ionice: ['c', 'n', 'p', 'P', 'u', 'class', 'classdata'],
  timeout: ['s', 'k', 'signal', 'kill-after'],
  stdbuf: ['i', 'o', 'e', 'input', 'output', 'error'],
  xargs: [
    'a',
    'd',
    'E',
    'I',
    'J',
    'L',
    'l',
    'n',
    'P',
    's',
    'R',
    'S',
    'arg-file',
    'delimiter',
    'eof',
    'replace',
    'max-lines',
    'max-args',
    'max-procs',
    'max-chars',
    'process-slot-var',
  ],
  time: ['f', 'o', 'format', 'output'],
  exec: ['a'],
  setsid: [],
  chrt: [],
  taskset: [],
  flock: ['w', 'E', 'timeout', 'conflict-exit-code'],
  'systemd-run': [
    'u',
    'p',
    'unit',
    'property',
    'description',
    'slice',
    'E',
    'setenv',
    'uid',
    'gid',
    'nice',
    'working-directory',
    'machine',
    'M',
    'H',
    'host',
  ],
  firejail: [],
  proxychains: ['f'],
  proxychains4: ['f'],
  strace: ['o', 'e', 'p', 's', 'u', 'E', 'P', 'a', 'b', 'I', 'O', 'S', 'X'],
  ltrace: ['o', 'e', 'p', 's', 'u', 'n', 'a', 'A', 'D', 'F', 'l', 'L'],
  watch: ['n', 'd', 'interval', 'differences', 'q', 'equexit', 'g', 's'],
  runuser: ['u', 'g', 'G', 'user', 'group', 'supp-group', 's', 'shell', 'w'],
  su: ['s', 'shell', 'g', 'G', 'group', 'supp-group', 'w', 'whitelist-environment'],
  chroot: ['userspec', 'groups'],
  unshare: [],
  ssh: ['b', 'c', 'D', 'E', 'e', 'F', 'I', 'i', 'J', 'L', 'l', 'm', 'O', 'o', 'p', 'Q', 'R', 'S', 'W', 'w', 'B'],
};

const SHELLS = new Set(['sh', 'bash', 'zsh', 'dash', 'ksh', 'mksh', 'ash', 'fish', 'rbash', 'tcsh', 'csh', 'yash', 'busybox-sh']);
const PLAIN_PREFIX = new Set([
  'nohup',
  'builtin',
  'unbuffer',
  'catchsegv',
  'xvfb-run',
  'dbus-launch',
  'dbus-run-session',
  'torsocks',
  'tsocks',
  'caffeinate',
  'systemd-inhibit',
  'setpriv',
  'valgrind',
  'faketime',
  'fakeroot',
  'eatmydata',
  'prime-run',
  'optirun',
  'primusrun',
  'mangohud',
  'gamemoderun',
  'noglob',
  'nocorrect',
  'stdbuf',
  'nice',
  'ionice',
  'exec',
  'time',
  'setsid',
  'firejail',
  'proxychains',
  'proxychains4',
  'strace',
  'ltrace',
  'unshare',
  'flock',
  'chrt',
  'taskset',
]);
const ROOT_WRAPPERS = new Set([
  'sudo',
  'doas',
  'pkexec',
  'run0',
  'runuser',
  'chroot',
  'su',
  'sudoedit',
  'sudo-rs',
  'kdesu',
  'kdesudo',
  'gksu',
  'gksudo',
  'beesu',
  'please',
]);

/** Names the unwrapper always consumes and hands on: a command rule written for one of them could never run. */
export const CONSUMED_NAMES: ReadonlySet<string> = new Set([
  ...ROOT_WRAPPERS,
  ...PLAIN_PREFIX,
  ...LAUNCHER_NAMES,
  'env',
  'command',
  'timeout',
  'xargs',
  'parallel',
  'watch',
  'eval',
  'systemd-run',
]);

/** Strips wrappers one after another; inline scripts (sh -c, eval, su -c, watch, ssh) go to `recurse`. */
export function unwrap(words: Word[], ctx: JudgeCtx, recurse: (script: string) => void): Unwrapped {
  let argv = words;
  let viaXargs = false;
  for (let guard = 0; guard < 24 && argv.length > 0; guard++) {
    const name = commandName(argv[0]);
    const rest = argv.slice(1);
    if (ROOT_WRAPPERS.has(name)) {
      ctx.root = true;
      if (name === 'sudoedit') {
        elevated(ctx, 'edits files as root (sudoedit)');
        return { argv: [], viaXargs, done: true };
      }
      if (name === 'chroot') elevated(ctx, 'runs a command inside another root filesystem (chroot)');
      else if (name === 'su' || name === 'runuser') elevated(ctx, `runs as another user, normally root (${name})`);
      else elevated(ctx, `needs root (${name})`);
      if (name === 'su' || name === 'runuser') {
        const o = parseOpts(rest, [...VALUE_OPTS[name]!, 'c', 'command', 'session-command', 'u', 'user']);
        const script = o.values.get('c') ?? o.values.get('command') ?? o.values.get('session-command');
        if (script !== undefined) {
          recurse(script);
          return { argv: [], viaXargs, done: true };
        }
        if (name === 'runuser' && o.operands.length > 0 && (o.values.has('u') || o.values.has('user'))) {
          argv = o.operands;
          continue;
        }
        elevated(ctx, 'opens a root shell');
        return { argv: [lit('bash')], viaXargs, done: false };
      }
      if (name === 'kdesu' || name === 'kdesudo' || name === 'gksu' || name === 'gksudo') {
        const { values, remaining } = splitLeading(rest, ['u', 'c', 'd', 'i', 'p', 'n', 'user', 'message', 'description']);
        const script = values.get('c');
        if (script !== undefined) {
          recurse([script, ...remaining.map((w) => w.text)].join(' '));
          return { argv: [], viaXargs, done: true };
        }
        argv = remaining.length === 1 && /\s/.test(remaining[0]!.text) ? [] : remaining;
        if (argv.length === 0 && remaining[0]) {
          recurse(remaining[0].text);
          return { argv: [], viaXargs, done: true };
        }
        if (argv.length === 0) return { argv: [], viaXargs, done: true };
        continue;
      }
      if (name === 'chroot') {
        const o = leading(rest, VALUE_OPTS.chroot!);
        argv = o.slice(1);
        if (argv.length === 0) return { argv: [], viaXargs, done: true };
        continue;
      }
      const valueOpts = VALUE_OPTS[name] ?? [];
      const { flags, remaining } = splitLeading(rest, valueOpts);
      if (name === 'sudo' && (flags.has('e') || flags.has('edit'))) {
        elevated(ctx, 'edits files as root (sudo -e)');
        return { argv: [], viaXargs, done: true };
      }
      if (remaining.length === 0) {
        if (flags.has('i') || flags.has('s') || flags.has('login') || flags.has('shell') || name === 'pkexec' || name === 'run0') {
          elevated(ctx, 'opens a root shell');
          return { argv: [lit('bash')], viaXargs, done: false };
        }
        return { argv: [], viaXargs, done: true };
      }
      if (name === 'sudo' && (flags.has('s') || flags.has('i'))) {
        recurse(remaining.map((w) => w.text).join(' '));
        return { argv: [], viaXargs, done: true };
      }
      argv = remaining;
      continue;
    }
    if (name === 'env') {
      const { flags, values, remaining } = splitLeading(rest, VALUE_OPTS.env!);
      const split = values.get('S') ?? values.get('split-string');
      let r = remaining;
      while (r[0] && /^[A-Za-z_][A-Za-z0-9_]*=/.test(r[0].text)) r = r.slice(1);
      if (split !== undefined) {
        recurse([split, ...r.map((w) => w.text)].join(' '));
        return { argv: [], viaXargs, done: true };
      }
      void flags;
      if (r.length === 0) return { argv: [], viaXargs, done: true };
      argv = r;
      continue;
    }
    if (name === 'command') {
      const { flags, remaining } = splitLeading(rest, []);
      if (flags.has('v') || flags.has('V') || remaining.length === 0) return { argv: [], viaXargs, done: true };
      argv = remaining;
      continue;
    }
    if (name === 'timeout') {
      const { remaining } = splitLeading(rest, VALUE_OPTS.timeout!);
      argv = remaining.slice(1);
      continue;
    }
    if (name === 'nice' && rest[0] && /^-\d+$/.test(rest[0].text)) {
      argv = rest.slice(1);
      continue;
    }
    if (name === 'chrt' || name === 'taskset') {
      const { flags, remaining } = splitLeading(rest, []);
      if (flags.has('p') || flags.has('pid')) {
        elevated(ctx, `changes the scheduling of another process (${name} -p)`);
        return { argv: [], viaXargs, done: true };
      }
      argv = remaining.slice(1);
      continue;
    }
    if (name === 'ionice') {
      const { flags, remaining } = splitLeading(rest, VALUE_OPTS.ionice!);
      if (flags.has('p') || flags.has('P') || flags.has('u')) {
        elevated(ctx, 'changes the I/O priority of other processes (ionice -p)');
        return { argv: [], viaXargs, done: true };
      }
      argv = remaining;
      continue;
    }
    if (name === 'flock') {
      const { values, flags, remaining } = splitLeading(rest, [...VALUE_OPTS.flock!, 'c', 'command']);
      const script = values.get('c') ?? values.get('command');
      if (script !== undefined) {
        recurse(script);
        return { argv: [], viaXargs, done: true };
      }
      void flags;
      argv = remaining.slice(1);
      if (argv[0]?.text === '-c' && argv[1]) {
        recurse(argv[1].text);
        return { argv: [], viaXargs, done: true };
      }
      continue;
    }
    if (name === 'systemd-run') {
      elevated(ctx, 'starts the command as a separate service (systemd-run)');
      argv = splitLeading(rest, VALUE_OPTS['systemd-run']!).remaining;
      continue;
    }
    if (name === 'busybox' && rest.length > 0) {
      argv = rest;
      continue;
    }
    if (PLAIN_PREFIX.has(name)) {
      const { remaining } = splitLeading(rest, VALUE_OPTS[name] ?? []);
      if (name === 'exec' && remaining.length === 0) return { argv: [], viaXargs, done: true };
      argv = remaining;
      continue;
    }
    if (name === 'xargs' || name === 'parallel') {
      const { remaining } = splitLeading(
        rest,
        name === 'xargs'
          ? VALUE_OPTS.xargs!
          : [
              'j',
              'S',
              'jobs',
              'a',
              'arg-file',
              'd',
              'delimiter',
              'I',
              'E',
              'N',
              'L',
              'n',
              'P',
              'max-args',
              'max-procs',
              'joblog',
              'results',
              'tmpdir',
              'sshlogin',
            ],
      );
      // over many targets: whatever runs here (even through `sh -c '… "$1"'`) runs once per input item
      viaXargs = true;
      ctx.many = true;
      let r = remaining;
      if (name === 'parallel') {
        const k = r.findIndex((w) => w.text === ':::' || w.text === '::::' || w.text === ':::+' || w.text === '::::+');
        if (k >= 0) r = r.slice(0, k);
        // `parallel 'rm {}' ::: *`: one quoted word is a command line; no command at all runs each input line as one
        if (r.length === 1 && /\s/.test(r[0]!.text)) {
          recurse(r[0]!.text);
          return { argv: [], viaXargs, done: true };
        }
        if (r.length === 0) {
          elevated(ctx, 'runs each line of its input as a command (parallel with no command)');
          return { argv: [lit('sh')], viaXargs, done: false };
        }
      }
      argv = r.length > 0 ? r : [lit('echo')];
      continue;
    }
    if (name === 'watch') {
      const { remaining } = splitLeading(rest, VALUE_OPTS.watch!);
      if (remaining.length > 0) recurse(remaining.map((w) => w.text).join(' '));
      return { argv: [], viaXargs, done: true };
    }
    if (name === 'ssh') {
      const { remaining } = splitLeading(rest, VALUE_OPTS.ssh!);
      // the remote command runs on the other computer: its redirects write files there, not here
      const local = ctx.remote;
      ctx.remote = true;
      if (remaining.length > 1)
        recurse(
          remaining
            .slice(1)
            .map((w) => w.text)
            .join(' '),
        );
      ctx.remote = local;
      return { argv: [lit('ssh')], viaXargs, done: remaining.length > 1 };
    }
    if (name === 'eval') {
      if (rest.some((w) => w.dynamic)) {
        inlineDynamic(rest, ctx, 'eval', recurse);
        return { argv: [], viaXargs, done: true };
      }
      recurse(rest.map((w) => w.text).join(' '));
      return { argv: [], viaXargs, done: true };
    }
    if (SHELLS.has(name) || (name === 'busybox' && rest[0]?.text === 'sh')) {
      const c = shellScriptArg(rest);
      if (c) {
        if (c.dynamic) inlineDynamic([c], ctx, `${name} -c`, recurse);
        else recurse(c.text);
        return { argv: [], viaXargs, done: true };
      }
    }
    const launched = unwrapLauncher(name, rest, ctx, recurse);
    if (launched) {
      if (launched.done) return { argv: [], viaXargs, done: true };
      viaXargs ||= launched.viaXargs;
      if (launched.viaXargs) ctx.many = true;
      argv = launched.argv;
      continue;
    }
    break;
  }
  return { argv, viaXargs, done: false };
}

/** `sh -c SCRIPT`, `bash -lc SCRIPT`, `bash -e -c SCRIPT`: the script word, or null. */
export function shellScriptArg(args: Word[]): Word | null {
  let wantScript = false;
  for (let i = 0; i < args.length; i++) {
    const t = args[i]!.text;
    if (t === '--') return wantScript ? (args[i + 1] ?? null) : null;
    if (/^-[a-zA-Z]+$/.test(t)) {
      if (t.includes('c')) wantScript = true;
      if (/[oO]$/.test(t)) i++;
      continue;
    }
    if (/^\+[a-zA-Z]+$/.test(t) || t.startsWith('--')) continue;
    return wantScript ? args[i]! : null;
  }
  return null;
}

/** A script whose text comes from a substitution: from the network it is destructive, otherwise uncheckable. */
/** Tools whose whole job is to print shell setup for `eval "$(tool …)"`. */
const INIT_PRINTERS =
  /^\s*(ssh-agent|dircolors|starship|zoxide|pyenv|rbenv|nodenv|goenv|direnv|fnm|mise|rtx|conda|keychain|thefuck|atuin|fzf|gh|kubectl|register-python-argcomplete|brew|luarocks|opam|perl|oh-my-posh|navi|mcfly|broot|tmuxifier)\b[^|;&`$]*$/;

function inlineDynamic(words: Word[], ctx: JudgeCtx, how: string, recurse: (script: string) => void): void {
  // The substitutions themselves are judged by the caller; here what their output is used for, and the literal rest.
  let literal = words.map((w) => w.text).join(' ');
  for (const s of words.flatMap((w) => w.subs))
    literal = literal
      .split(`$(${s.source})`)
      .join(':')
      .split('`' + s.source + '`')
      .join(':')
      .split(`<(${s.source})`)
      .join('/dev/null');
  if (literal.replace(/[:\s;]/g, '') !== '') recurse(literal);
  const subs = words.flatMap((w) => w.subs);
  if (
    subs.length > 0 &&
    subs.every((s) => INIT_PRINTERS.test(s.source)) &&
    words.every((w) => w.text.trim() === `$(${w.subs[0]?.source ?? ''})` || w.subs.length === 0)
  )
    return;
  const fromNet = words.some((w) => w.subs.some((s) => DOWNLOADER_WORD.test(s.source)));
  const encoded = words.some((w) =>
    w.subs.some((s) => /\b(base64|base32|basenc|xxd|uudecode|openssl|rev)\b|\\x[0-9a-fA-F]{2}|\\[0-7]{3}/.test(s.source)),
  );
  if (fromNet) ctx.findings.push({ risk: 'destructive', reason: `runs code downloaded from the network (${how} "$(curl …)")` });
  else if (encoded)
    ctx.findings.push({
      risk: 'destructive',
      reason: `runs hidden (encoded) commands (${how} "$(… | base64 -d)"), which cannot be checked`,
    });
  else elevated(ctx, `part of the command text is only known when it runs (${how} with $… in it), so that part cannot be checked`);
}

/** The wrapper's own options (up to the first word that is not one), keeping the rest: the one option reader, leading mode. */
function splitLeading(args: Word[], valueOpts: string[]): { flags: Set<string>; values: Map<string, string>; remaining: Word[] } {
  const o = readOptions(args, valueOpts, true);
  return { flags: o.flags, values: o.values, remaining: o.rest };
}

function leading(args: Word[], valueOpts: string[]): Word[] {
  return splitLeading(args, valueOpts).remaining;
}
