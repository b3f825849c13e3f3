// Peels launchers that start another command somewhere else: containers, chroots, terminal windows, tmux/screen, fd -x.
import { elevated, readOptions, type JudgeCtx } from './judge-context.js';
import type { Word } from './shell-lexer.js';

/** What a launcher hands on: the command it starts, or `done` when nothing is left to judge here. */
export type Launched = { argv: Word[]; viaXargs: boolean; done: false } | { done: true };

type Recurse = (script: string) => void;

const TERMINALS = new Set([
  'konsole',
  'xterm',
  'uxterm',
  'alacritty',
  'kitty',
  'foot',
  'footclient',
  'gnome-terminal',
  'kgx',
  'ptyxis',
  'xfce4-terminal',
  'mate-terminal',
  'lxterminal',
  'qterminal',
  'terminator',
  'tilix',
  'terminology',
  'urxvt',
  'rxvt',
  'st',
  'wezterm',
  'yakuake',
  'cool-retro-term',
  'deepin-terminal',
  'sakura',
  'termite',
  'xdg-terminal-exec',
  'kstart',
  'kstart5',
  'kstart6',
]);
/** Terminals whose command is simply the first operand after their own options. */
const POSITIONAL_TERMINALS = new Set(['kitty', 'foot', 'footclient', 'xdg-terminal-exec', 'kstart', 'kstart5', 'kstart6']);
const TERMINAL_VALUE_OPTS = [
  'T',
  'title',
  'w',
  'working-directory',
  'workdir',
  'p',
  'profile',
  'geometry',
  'class',
  'name',
  'o',
  'option',
  'config-file',
  'c',
  'd',
  'directory',
  'window',
  'desktop',
  'activity',
  'windowclass',
  'type',
  'fg',
  'bg',
  'fn',
  'font',
  'bd',
  'cr',
  'ms',
  'tabs-from-file',
  'layout',
  'session',
  'app-id',
  'listen-on',
  'hold-mode',
];
const TMUX_RUNS = new Set([
  'new-session',
  'new',
  'new-window',
  'neww',
  'split-window',
  'splitw',
  'respawn-pane',
  'respawnp',
  'respawn-window',
  'respawnw',
  'run-shell',
  'run',
  'display-popup',
  'popup',
]);

/** Launchers that are always consumed here (never left for a command rule). */
export const LAUNCHER_NAMES: ReadonlySet<string> = new Set([
  ...TERMINALS,
  'flatpak-spawn',
  'distrobox-enter',
  'arch-chroot',
  'systemd-nspawn',
  'nsenter',
  'schroot',
  'script',
  'sg',
  'tmux',
  'screen',
]);

/** Null when `name` is not a launcher this file knows. */
export function unwrapLauncher(name: string, rest: Word[], ctx: JudgeCtx, recurse: Recurse): Launched | null {
  if (name === 'flatpak-spawn') return pass(dropOptions(rest, []));
  if (name === 'distrobox-enter' || (name === 'distrobox' && rest[0]?.text === 'enter')) {
    const args = name === 'distrobox' ? rest.slice(1) : rest;
    const dd = args.findIndex((w) => w.text === '--' || w.text === '-e' || w.text === '--exec');
    return dd >= 0 ? pass(args.slice(dd + 1)) : { done: true };
  }
  if (name === 'toolbox' && rest[0]?.text === 'run')
    return pass(dropOptions(rest.slice(1), ['c', 'container', 'd', 'distro', 'r', 'release']));
  if (name === 'arch-chroot' || name === 'systemd-nspawn' || name === 'nsenter' || name === 'schroot') {
    ctx.root = true;
    elevated(ctx, `runs as root inside another system (${name})`);
    if (name === 'arch-chroot')
      return pass(dropOptions(rest, ['u', 'N']).slice(1), ctx, 'opens a root shell inside another system (arch-chroot)');
    if (name === 'schroot') {
      const dd = rest.findIndex((w) => w.text === '--');
      return dd >= 0 ? pass(rest.slice(dd + 1)) : { done: true };
    }
    const valueOpts =
      name === 'nsenter'
        ? ['t', 'target', 'S', 'setuid', 'G', 'setgid', 'r', 'root', 'w', 'wd']
        : [
            'D',
            'directory',
            'M',
            'machine',
            'u',
            'user',
            'i',
            'image',
            'bind',
            'bind-ro',
            'E',
            'setenv',
            'network-interface',
            'network-bridge',
            'p',
            'port',
            'template',
            'chdir',
            'overlay',
            'tmpfs',
          ];
    return pass(dropOptions(rest, valueOpts), ctx, `opens a root shell (${name})`);
  }
  if (TERMINALS.has(name)) return terminal(name, rest, recurse);
  if (name === 'script') {
    const i = rest.findIndex((w) => /^-[a-zA-Z]*c$/.test(w.text) || w.text === '--command');
    const inline = rest.find((w) => w.text.startsWith('--command='));
    const s = i >= 0 ? rest[i + 1]?.text : inline?.text.slice('--command='.length);
    if (s !== undefined) recurse(s);
    return { done: true };
  }
  if (name === 'sg') {
    const i = rest.findIndex((w) => w.text === '-c');
    const s =
      i >= 0
        ? rest[i + 1]?.text
        : rest.length > 1
          ? rest
              .slice(1)
              .map((w) => w.text)
              .join(' ')
          : undefined;
    if (s !== undefined) recurse(s);
    return { done: true };
  }
  if (name === 'tmux') return tmux(rest, recurse);
  if (name === 'screen') {
    const x = rest.findIndex((w) => w.text === '-X');
    if (x >= 0) {
      const stuff = rest.slice(x + 1);
      if (stuff[0]?.text === 'stuff' && stuff[1]) recurse(stuff[1].text);
      return { done: true };
    }
    return pass(dropOptions(rest, ['S', 'c', 'e', 'h', 'p', 't', 'T', 'L', 'Logfile', 'R', 'r', 'x', 'D']));
  }
  if (name === 'fd' || name === 'fdfind') {
    const i = rest.findIndex((w) => /^(-x|-X|--exec|--exec-batch)$/.test(w.text));
    if (i < 0) return null;
    const end = rest.findIndex((w, k) => k > i && w.text === ';');
    const cmd = rest.slice(i + 1, end < 0 ? undefined : end);
    return cmd.length > 0 ? { argv: cmd, viaXargs: true, done: false } : { done: true };
  }
  return null;
}

function pass(argv: Word[], ctx?: JudgeCtx, shellReason?: string): Launched {
  if (argv.length > 0) return { argv, viaXargs: false, done: false };
  if (ctx && shellReason) elevated(ctx, shellReason);
  return { done: true };
}

/** `konsole -e CMD ARGS`, `xterm -e 'CMD'`, `gnome-terminal -- CMD`, `kitty CMD`, `alacritty --command=…`. */
function terminal(name: string, rest: Word[], recurse: Recurse): Launched {
  for (let i = 0; i < rest.length; i++) {
    const t = rest[i]!.text;
    const eq = /^--(command|execute|exec)=(.*)$/s.exec(t);
    if (eq) {
      recurse(eq[2]!);
      return { done: true };
    }
    if (
      t === '-e' ||
      t === '-x' ||
      t === '--' ||
      t === '--command' ||
      t === '--execute' ||
      t === '--exec' ||
      (name === 'wezterm' && t === 'start')
    ) {
      const cmd = rest.slice(i + 1);
      if (cmd[0]?.text === '--') cmd.shift();
      if (cmd.length === 1 && /\s/.test(cmd[0]!.text)) {
        recurse(cmd[0]!.text);
        return { done: true };
      }
      return pass(cmd);
    }
  }
  if (POSITIONAL_TERMINALS.has(name)) return pass(dropOptions(rest, TERMINAL_VALUE_OPTS));
  return { done: true };
}

function tmux(rest: Word[], recurse: Recurse): Launched {
  let i = 0;
  while (i < rest.length && rest[i]!.text.startsWith('-')) i += /^-[LSf]$/.test(rest[i]!.text) ? 2 : 1;
  const sub = rest[i]?.text;
  const args = rest.slice(i + 1);
  if (sub === 'send-keys' || sub === 'send') {
    const keys = dropOptions(args, ['t', 'N'])
      .map((w) => w.text)
      .filter((k) => !/^(Enter|C-m|KPEnter)$/.test(k));
    if (keys.length > 0) recurse(keys.join(' '));
    return { done: true };
  }
  if (sub === undefined || !TMUX_RUNS.has(sub)) return { done: true };
  const cmd = dropOptions(args, ['s', 'n', 'c', 't', 'x', 'y', 'e', 'F', 'f', 'l', 'p', 'T']);
  if (cmd.length > 0) recurse(cmd.map((w) => w.text).join(' '));
  return { done: true };
}

/** The words after a launcher's own options (`--` ends them): the one option reader, leading mode. */
function dropOptions(args: Word[], valueOpts: string[]): Word[] {
  return readOptions(args, valueOpts, true).rest;
}

/** The commands `find -exec/-execdir/-ok/-okdir … ;|+` runs, with whether it asks first (-ok). Used by the judge and by run preparation. */
export function findExecs(args: Word[]): { argv: Word[]; prompts: boolean; at: number }[] {
  const out: { argv: Word[]; prompts: boolean; at: number }[] = [];
  for (let i = 0; i < args.length; i++) {
    const t = args[i]!.text;
    if (t !== '-exec' && t !== '-execdir' && t !== '-ok' && t !== '-okdir') continue;
    const at = i;
    const argv: Word[] = [];
    for (i++; i < args.length && args[i]!.text !== ';' && args[i]!.text !== '+'; i++) argv.push(args[i]!);
    if (argv.length > 0) out.push({ argv, prompts: t.startsWith('-ok'), at });
  }
  return out;
}
