// Per-command rules, part 2: packages, services, disks, network, power, users, processes, git, containers, downloads.
import { destructive, elevated, has, parseOpts, type JudgeCtx } from './judge-context.js';
import { classifyPath, isSystemKind } from './paths.js';
import type { Word } from './shell-lexer.js';
import type { Rule } from './rules.js';

const texts = (args: Word[]): string[] => args.map((a) => a.text);
const operands = (args: Word[], valueOpts: string[] = []): string[] => parseOpts(args, valueOpts).operands.map((w) => w.text);
const prefixOf = (op: string | undefined, ...words: string[]): boolean => op !== undefined && op.length > 0 && words.some((w) => w.startsWith(op));

const CRITICAL_PACKAGES = new Set(['base', 'linux', 'linux-lts', 'linux-zen', 'linux-hardened', 'linux-firmware', 'glibc', 'systemd', 'systemd-libs', 'pacman', 'bash', 'sudo', 'coreutils', 'filesystem', 'grub', 'mkinitcpio', 'util-linux', 'shadow', 'pam', 'networkmanager', 'plasma-workspace', 'plasma-desktop', 'sddm', 'xorg-server', 'wayland', 'dbus', 'polkit', 'gcc-libs', 'openssl', 'zlib', 'readline', 'ncurses', 'archlinux-keyring', 'koompi-keyring', 'efibootmgr', 'kwin', 'plasma-meta', 'mesa']);

function pacmanLike(args: Word[], ctx: JudgeCtx, name: string, stdinSource = ''): void {
  const t = texts(args);
  const letters = new Set<string>();
  const longs = new Set<string>();
  let dCount = 0;
  for (const a of t) {
    if (a.startsWith('--')) { longs.add(a.slice(2).split('=')[0]!); if (a === '--nodeps') dCount++; continue; }
    if (a.startsWith('-') && a.length > 1) for (const ch of a.slice(1)) { letters.add(ch); if (ch === 'd') dCount++; }
  }
  const VALUED = new Set(['--overwrite', '--ignore', '--ignoregroup', '--assume-installed', '--dbpath', '-b', '--root', '-r', '--cachedir', '--config', '--gpgdir', '--hookdir', '--logfile', '--arch', '--sysroot', '--print-format']);
  const targets = t.filter((a, i) => !a.startsWith('-') && !VALUED.has(t[i - 1] ?? ''));
  const listsAll = (src: string): boolean => /^\s*pacman\s+-Q[qne]*\s*$/.test(src);
  // `sudo pacman -Rns $(pacman -Qq)` or `pacman -Qq | sudo pacman -Rns -`: the targets are every installed package
  const everything = args.some((w) => w.subs.some((s) => listsAll(s.source))) || (t.includes('-') && listsAll(stdinSource));
  const op = ['S', 'R', 'U', 'Q', 'F', 'D', 'T', 'V', 'P', 'G', 'Y', 'B', 'W'].find((c) => letters.has(c))
    ?? (longs.has('sync') ? 'S' : longs.has('remove') ? 'R' : longs.has('upgrade') ? 'U' : longs.has('query') ? 'Q' : longs.has('files') ? 'F' : longs.has('database') ? 'D' : undefined);
  const helper = name !== 'pacman';
  const label = `${name} ${t.find((a) => a.startsWith('-')) ?? ''}`.trim();
  switch (op) {
    case undefined:
      if (helper && (longs.has('version') || longs.has('help') || letters.has('h') || letters.has('V'))) return;
      if (helper) { elevated(ctx, targets.length > 0 ? `searches for and installs packages (${name} ${targets.join(' ')})` : `updates every installed package (${name})`); return; }
      return;
    case 'Q': case 'T': case 'V': case 'P': case 'G': case 'W': return;
    case 'F': if (letters.has('y') || longs.has('refresh')) elevated(ctx, `refreshes the package file lists (${label})`); return;
    case 'D': if (letters.has('k') || longs.has('check')) return; elevated(ctx, `changes the package database (${label})`); return;
    case 'Y': if (letters.has('c') || longs.has('clean')) elevated(ctx, `removes unneeded packages (${label})`); return;
    case 'U': elevated(ctx, `installs a package file (${label})`); return;
    case 'B': elevated(ctx, `builds packages (${label})`); return;
    case 'R': {
      if (everything) { destructive(ctx, `removes every installed package, which leaves the system unusable (${label} $(pacman -Qq))`); return; }
      if (dCount >= 1) { destructive(ctx, `removes packages while ignoring what depends on them, which can break the system (${label})`); return; }
      const crit = targets.filter((p) => CRITICAL_PACKAGES.has(p));
      if (crit.length > 0) { destructive(ctx, `removes ${crit.join(', ')}, which the system needs to start or work (${label})`); return; }
      if (letters.has('c') || longs.has('cascade')) { elevated(ctx, `removes packages and everything that depends on them (${label})`); return; }
      elevated(ctx, `removes packages (${label})`);
      return;
    }
    case 'S': {
      if ((letters.has('s') || letters.has('i') || letters.has('l') || letters.has('g') || longs.has('search') || longs.has('info') || longs.has('list') || longs.has('groups') || letters.has('p') || longs.has('print')) && !letters.has('u') && !letters.has('y')) return;
      if (letters.has('c') || longs.has('clean')) { elevated(ctx, `clears the package cache (${label})`); return; }
      if (longs.has('overwrite')) elevated(ctx, `lets packages overwrite files that other packages own (${label} --overwrite)`);
      if (letters.has('u') || longs.has('sysupgrade')) elevated(ctx, `updates every installed package (${label})`);
      else if (targets.length > 0) elevated(ctx, `installs packages: ${targets.join(' ')} (${label})`);
      else elevated(ctx, `refreshes the package lists (${label})`);
      return;
    }
  }
}

/** apt/dnf/zypper/snap/flatpak style: a subcommand decides. */
function subcommandManager(safe: string[], destructiveSubs: Record<string, string> = {}): Rule {
  return (args, ctx, _info, name) => {
    const ops = operands(args, ['o', 'c', 't', 'C', 'installroot', 'releasever']);
    const sub = ops[0];
    if (sub === undefined) return;
    if (safe.includes(sub)) return;
    const why = destructiveSubs[sub];
    if (why) { destructive(ctx, `${why} (${name} ${sub})`); return; }
    const rest = ops.slice(1).join(' ');
    elevated(ctx, `changes installed software (${name} ${sub}${rest ? ' ' + rest : ''})`);
  };
}

function systemctlRule(args: Word[], ctx: JudgeCtx): void {
  const o = parseOpts(args, ['t', 'type', 'state', 'p', 'property', 'H', 'host', 'M', 'machine', 'n', 'lines', 'o', 'output', 's', 'signal', 'root', 'kill-whom']);
  const ops = o.operands.map((w) => w.text);
  const sub = ops[0];
  const user = has(o, 'user');
  const units = ops.slice(1).join(' ');
  const SAFE = ['status', 'show', 'cat', 'list-units', 'list-unit-files', 'list-sockets', 'list-timers', 'list-dependencies', 'list-jobs', 'list-machines', 'list-automounts', 'list-paths', 'is-active', 'is-enabled', 'is-failed', 'is-system-running', 'get-default', 'help', 'show-environment'];
  if (sub === undefined || SAFE.includes(sub)) return;
  const POWER: Record<string, string> = { poweroff: 'turns the computer off', reboot: 'restarts the computer', halt: 'halts the computer', suspend: 'puts the computer to sleep', hibernate: 'hibernates the computer', 'hybrid-sleep': 'puts the computer to sleep', 'suspend-then-hibernate': 'puts the computer to sleep', kexec: 'restarts into another kernel', 'soft-reboot': 'restarts the system', rescue: 'switches to rescue mode, stopping the desktop', emergency: 'switches to emergency mode, stopping the desktop', default: 'switches the system state' };
  if (POWER[sub]) { elevated(ctx, `${POWER[sub]} (systemctl ${sub})`); return; }
  const VERB: Record<string, string> = { start: 'starts', stop: 'stops', restart: 'restarts', reload: 'reloads', 'try-restart': 'restarts', 'reload-or-restart': 'restarts', 'try-reload-or-restart': 'restarts', enable: 'enables', disable: 'disables', mask: 'masks (blocks from starting)', unmask: 'unmasks', kill: 'kills', isolate: 'switches the system to', 'set-default': 'changes the default boot target to', edit: 'edits', revert: 'reverts', preset: 'resets', 'reset-failed': 'clears failed state of', 'daemon-reload': 'reloads the configuration of', 'daemon-reexec': 'restarts', link: 'links', 'set-property': 'changes properties of', 'set-environment': 'changes the environment of', 'unset-environment': 'changes the environment of', freeze: 'freezes', thaw: 'thaws', clean: 'deletes the state and cache of' };
  const verb = VERB[sub] ?? 'changes';
  const what = sub === 'daemon-reload' || sub === 'daemon-reexec' ? 'the service manager' : `${user ? 'your user service' : 'the system service'}${units ? ' ' + units : ''}`;
  elevated(ctx, `${verb} ${what} (systemctl${user ? ' --user' : ''} ${sub})`);
}

function nmcliRule(args: Word[], ctx: JudgeCtx): void {
  const o = parseOpts(args, ['f', 'fields', 'g', 'get-values', 'm', 'mode', 'c', 'colors', 'e', 'escape', 'w', 'wait']);
  const ops = o.operands.map((w) => w.text);
  const [obj, cmd, third, fourth] = ops;
  const show = (): void => elevated(ctx, `changes network settings (nmcli ${ops.join(' ')})`);
  if (obj === undefined) return;
  if (prefixOf(obj, 'general')) { if (cmd === undefined || prefixOf(cmd, 'status', 'permissions') || (prefixOf(cmd, 'hostname', 'logging') && third === undefined)) return; show(); return; }
  if (prefixOf(obj, 'networking')) { if (cmd === undefined || prefixOf(cmd, 'connectivity')) return; show(); return; }
  if (prefixOf(obj, 'radio')) { if (cmd === undefined || third === undefined) return; elevated(ctx, `turns the ${cmd === 'all' ? 'wireless radios' : cmd} ${third} (nmcli radio)`); return; }
  if (prefixOf(obj, 'connection')) { if (cmd === undefined || prefixOf(cmd, 'show', 'list', 'monitor', 'export')) return; show(); return; }
  if (prefixOf(obj, 'device')) {
    if (cmd === undefined || prefixOf(cmd, 'status', 'show', 'list', 'monitor', 'lldp')) return;
    if (prefixOf(cmd, 'wifi') && (third === undefined || prefixOf(third, 'list', 'rescan', 'show-password'))) return;
    void fourth;
    show();
    return;
  }
  if (prefixOf(obj, 'monitor', 'agent', 'help')) return;
  show();
}

function ipRule(args: Word[], ctx: JudgeCtx): void {
  const ops = texts(args).filter((a) => !a.startsWith('-'));
  const obj = ops[0];
  const cmd = ops[1];
  if (obj === 'netns' && cmd === 'exec') { elevated(ctx, 'runs a command in another network namespace (ip netns exec)'); return; }
  if (cmd !== undefined && ['add', 'del', 'delete', 'set', 'change', 'replace', 'flush', 'append', 'prepend', 'up', 'down', 'attach', 'detach'].some((v) => v.startsWith(cmd) && cmd.length >= 2 || v === cmd)) {
    elevated(ctx, `changes network settings (ip ${ops.slice(0, 3).join(' ')})`);
  }
}

function killRule(args: Word[], ctx: JudgeCtx): void {
  const t = texts(args);
  if (t[0] === '-l' || t[0] === '-L' || t[0] === '--list' || t[0] === '--table') return;
  let i = 0;
  let signal = 'TERM';
  if (t[0] === '-s' || t[0] === '-n' || t[0] === '--signal') { signal = t[1] ?? ''; i = 2; }
  else if (t[0] && /^-([A-Za-z]+|\d+)$/.test(t[0]) && t[0] !== '-1' || (t[0] === '-1' && t.length > 1)) { signal = t[0]!.slice(1); i = 1; }
  if (t[i] === '--') i++;
  const pids = t.slice(i);
  if (signal === '0') return;
  if (pids.includes('-1')) { destructive(ctx, 'kills every process you can reach, ending your session (kill -1)'); return; }
  if (pids.includes('1')) { destructive(ctx, 'kills the system\'s first process, which brings the whole system down (kill 1)'); return; }
  if (pids.length === 0) return;
  if (pids.every((p) => p.startsWith('%'))) return;
  // `kill -9 $(pgrep -u $USER)` / `kill $(ps -e -o pid=)`: the list is every process of a user or of the system
  const wide = args.slice(i).some((w) => w.subs.some((sub) => listsEveryProcess(sub.source)));
  if (wide) { destructive(ctx, `kills every process in a list of a whole user's or the whole system's processes (kill ${t.join(' ')})`); return; }
  elevated(ctx, `stops other processes (kill ${t.join(' ')})`);
}

/** `pgrep -u NAME` with no pattern, `ps -e -o pid=`, `ps -u NAME -o pid=`: every process of a user or of the system. */
function listsEveryProcess(source: string): boolean {
  if (/[|;&]/.test(source)) return false; // filtered through grep/awk …: some processes only
  const words = source.trim().split(/\s+/);
  const tool = words[0] ?? '';
  if (tool === 'pgrep') {
    let byUser = false;
    const rest: string[] = [];
    for (let k = 1; k < words.length; k++) {
      const a = words[k]!;
      if (/^-[a-zA-Z]*[uUgGPst]$/.test(a)) { if (/[uU]$/.test(a)) byUser = true; k++; continue; }
      if (a.startsWith('-')) continue;
      rest.push(a);
    }
    return byUser && rest.length === 0;
  }
  return tool === 'ps' && words.slice(1).some((a) => /^(-[a-zA-Z]*[eAu][a-zA-Z]*|aux?|ax)$/.test(a)) && !words.some((a) => a === '-C' || a === '-p' || a === '--pid');
}

function pkillRule(args: Word[], ctx: JudgeCtx, name: string): void {
  const o = parseOpts(args, ['u', 'U', 'user', 'g', 'G', 'P', 's', 't', 'signal', 'F', 'n', 'o', 'e', 'ns', 'nslist']);
  const pats = o.operands.map((w) => w.text).filter((p) => !/^-?\d+$/.test(p) || name === 'killall');
  const byUser = o.values.has('u') || o.values.has('U') || o.values.has('user');
  if (byUser && pats.length === 0) { destructive(ctx, `kills every process of a user, which logs them out (${name} -u)`); return; }
  if (pats.some((p) => p === '.' || p === '.*' || p === '' || p === '^')) { destructive(ctx, `kills every process (${name} with a pattern that matches everything)`); return; }
  elevated(ctx, `stops every process named ${pats.join(' ') || '…'} (${name})`);
}

function gitRule(args: Word[], ctx: JudgeCtx): void {
  const t = texts(args);
  let i = 0;
  while (i < t.length && t[i]!.startsWith('-')) i += ['-C', '-c', '--git-dir', '--work-tree', '--namespace'].includes(t[i]!) ? 2 : 1;
  const sub = t[i];
  const rest = t.slice(i + 1);
  const flag = (...f: string[]): boolean => rest.some((a) => f.includes(a) || (f.some((x) => /^-[a-z]$/.test(x)) && /^-[a-zA-Z]+$/.test(a) && f.some((x) => /^-[a-z]$/.test(x) && a.includes(x[1]!))));
  switch (sub) {
    case 'reset': if (rest.includes('--hard') || rest.includes('--merge')) destructive(ctx, 'throws away uncommitted changes (git reset --hard)'); return;
    case 'clean': if (flag('-f', '--force')) destructive(ctx, `deletes untracked files for good (git clean ${rest.join(' ')})`); return;
    case 'push': if (rest.some((a) => a === '-f' || a === '--force' || a.startsWith('--force-with-lease') || a === '--mirror' || a === '--delete' || a === '-d' || /^\+/.test(a) || /^-[a-zA-Z]*f/.test(a))) destructive(ctx, 'overwrites or deletes history on the remote (git push --force)'); return;
    case 'checkout': if (rest.includes('.') || rest.includes('--') || rest.includes('-f') || rest.includes('--force')) destructive(ctx, 'throws away uncommitted changes (git checkout .)'); return;
    case 'restore': if (!rest.includes('--staged') || rest.includes('--worktree') || rest.includes('-W')) destructive(ctx, 'throws away uncommitted changes (git restore)'); return;
    case 'switch': if (rest.includes('-f') || rest.includes('--force') || rest.includes('--discard-changes')) destructive(ctx, 'throws away uncommitted changes (git switch --discard-changes)'); return;
    case 'stash': if (rest[0] === 'clear' || rest[0] === 'drop') elevated(ctx, `deletes saved stashes (git stash ${rest[0]})`); return;
    case 'branch': if (rest.includes('-D') || (rest.includes('-d') && rest.includes('--force'))) elevated(ctx, 'deletes a branch even if it is not merged (git branch -D)'); return;
    case 'filter-branch': case 'filter-repo': destructive(ctx, `rewrites the whole history of the repository (git ${sub})`); return;
    case 'gc': if (rest.some((a) => a.startsWith('--prune'))) elevated(ctx, 'permanently drops unreachable commits (git gc --prune)'); return;
    case 'reflog': if (rest[0] === 'expire' || rest[0] === 'delete') elevated(ctx, 'drops the record of old commits (git reflog expire)'); return;
    case 'rm': elevated(ctx, `deletes files from the working tree (git rm ${rest.join(' ')})`); return;
    case 'update-ref': if (rest.includes('-d')) elevated(ctx, 'deletes a git reference (git update-ref -d)'); return;
  }
}

function dockerRule(args: Word[], ctx: JudgeCtx, name: string): void {
  const t = texts(args).filter((a) => !a.startsWith('-'));
  const [a, b] = t;
  if (a === undefined) return;
  const SAFE = ['ps', 'images', 'logs', 'inspect', 'version', 'info', 'stats', 'top', 'search', 'history', 'port', 'diff', 'events', 'help'];
  if (SAFE.includes(a) || (['container', 'image', 'network', 'volume', 'system', 'context', 'compose'].includes(a) && ['ls', 'list', 'inspect', 'df', 'info', 'ps', 'logs', 'config'].includes(b ?? ''))) return;
  if ((a === 'system' && b === 'prune' && args.some((w) => ['-a', '--all', '--volumes'].includes(w.text))) || (a === 'volume' && (b === 'rm' || b === 'prune')) || (a === 'compose' && b === 'down' && args.some((w) => w.text === '-v' || w.text === '--volumes'))) {
    destructive(ctx, `deletes container data for good (${name} ${a} ${b})`);
    return;
  }
  elevated(ctx, `manages containers with root-level access (${name} ${a}${b && !b.includes('/') ? ' ' + b : ''})`);
}

function download(args: Word[], ctx: JudgeCtx, name: string): void {
  const o = parseOpts(args, name === 'curl' ? ['o', 'output', 'd', 'data', 'H', 'header', 'u', 'user', 'X', 'request', 'A', 'user-agent', 'e', 'referer', 'F', 'form', 'T', 'upload-file', 'm', 'max-time', 'connect-timeout', 'x', 'proxy', 'b', 'cookie', 'c', 'cookie-jar', 'w', 'write-out', 'K', 'config', 'r', 'range', 'retry', 'output-dir'] : ['O', 'output-document', 'o', 'output-file', 'a', 'P', 'directory-prefix', 'U', 'user-agent', 'header', 't', 'tries', 'T', 'timeout', 'e', 'i', 'input-file', 'user', 'password']);
  const urls = o.operands.map((w) => w.text);
  const outputs: string[] = [];
  const explicit = name === 'curl' ? (o.values.get('o') ?? o.values.get('output')) : (o.values.get('O') ?? o.values.get('output-document'));
  if (explicit !== undefined && explicit !== '-') outputs.push(explicit);
  if ((name === 'curl' && has(o, 'O', 'remote-name', 'remote-name-all')) || (name !== 'curl' && explicit === undefined)) {
    for (const u of urls) { const base = u.split(/[?#]/)[0]!.replace(/\/+$/, ''); const f = base.slice(base.lastIndexOf('/') + 1); if (f) outputs.push(f); }
  }
  const dir = o.values.get('P') ?? o.values.get('directory-prefix') ?? o.values.get('output-dir');
  for (const out of outputs) {
    ctx.downloads.add(out.slice(out.lastIndexOf('/') + 1));
    const full = dir && !out.startsWith('/') ? `${dir}/${out}` : out;
    const k = classifyPath(full, ctx);
    if (k === 'block-device') destructive(ctx, `downloads straight onto the disk device ${full}`);
    else if (isSystemKind(k) || k === 'system-top') elevated(ctx, `downloads into the system location ${full} (needs root)`);
  }
  const upload = o.values.get('T') ?? o.values.get('upload-file') ?? [...(o.values.get('F') ?? o.values.get('form') ?? '').matchAll(/@([^;,\s]+)/g)].map((m) => m[1]).join(' ');
  if (upload && /(^|\/)\.(ssh|gnupg|password-store)|id_(rsa|ed25519|ecdsa)|shadow|\.kdbx/.test(upload)) elevated(ctx, `sends private files to the network (${upload})`);
}

const simpleElevated = (reason: string): Rule => (_a, ctx, _i, name) => elevated(ctx, `${reason} (${name})`);
const safeUnless = (safeFirst: (string | undefined)[], reason: string, valueOpts: string[] = []): Rule => (args, ctx, _i, name) => {
  const ops = operands(args, valueOpts);
  const flags = texts(args).filter((a) => a.startsWith('-'));
  if (safeFirst.includes(ops[0]) && !(ops[0] === undefined && flags.some((f) => !['-h', '--help', '-V', '--version', '-l', '--list', '-a', '--all', '--no-pager', '-q'].includes(f)))) return;
  elevated(ctx, `${reason} (${[name, ...texts(args)].join(' ')})`);
};

const POWER = simpleElevated('restarts or turns off the computer');

export const SYSTEM_RULES: Record<string, Rule> = {
  pacman: (a, c, i) => pacmanLike(a, c, 'pacman', i.stdin.source),
  yay: (a, c, i) => pacmanLike(a, c, 'yay', i.stdin.source),
  paru: (a, c, i) => pacmanLike(a, c, 'paru', i.stdin.source),
  pikaur: (a, c, i) => pacmanLike(a, c, 'pikaur', i.stdin.source),
  trizen: (a, c, i) => pacmanLike(a, c, 'trizen', i.stdin.source),
  pamac: subcommandManager(['search', 'info', 'list', 'checkupdates', 'clean-build-files-dry', '--version', '-h', '--help', 'help']),
  apt: subcommandManager(['search', 'show', 'list', 'policy', 'depends', 'rdepends', 'changelog', 'madison', 'showsrc', 'help', 'moo']),
  'apt-get': subcommandManager(['check', 'changelog', 'source', 'download', 'help']),
  'apt-cache': () => undefined,
  aptitude: subcommandManager(['search', 'show', 'why', 'why-not', 'versions', 'changelog', 'help']),
  dnf: subcommandManager(['search', 'info', 'list', 'provides', 'repoquery', 'repolist', 'check-update', 'history', 'help', 'deplist']),
  yum: subcommandManager(['search', 'info', 'list', 'provides', 'repolist', 'check-update', 'history', 'help', 'deplist']),
  zypper: subcommandManager(['search', 'se', 'info', 'if', 'list-updates', 'lu', 'repos', 'lr', 'packages', 'pa', 'patches', 'help']),
  snap: subcommandManager(['list', 'info', 'find', 'search', 'version', 'services', 'changes', 'connections', 'help', 'logs', 'run']),
  flatpak: subcommandManager(['list', 'info', 'search', 'run', 'ps', 'remotes', 'remote-ls', 'history', 'documents', 'permissions', 'permission-show', 'enter', 'help'], {}),
  brew: subcommandManager(['list', 'info', 'search', 'doctor', 'config', 'outdated', 'deps', 'uses', 'leaves', 'help']),
  'nix-env': (args, ctx) => { if (texts(args).some((a) => /^-[a-zA-Z]*q/.test(a) || a === '--query')) return; elevated(ctx, 'changes installed software (nix-env)'); },
  dpkg(args, ctx) {
    const t = texts(args);
    if (t.some((a) => /^--force-(remove-essential|depends|all)/.test(a)) && t.some((a) => /^-[a-zA-Z]*[rP]|--remove|--purge/.test(a))) { destructive(ctx, 'removes packages while ignoring what depends on them (dpkg --force)'); return; }
    if (t.some((a) => /^-[a-zA-Z]*[irPBA]|--install|--remove|--purge|--configure|--unpack|--set-selections|--clear-avail/.test(a))) elevated(ctx, `changes installed software (dpkg ${t.join(' ')})`);
  },
  rpm(args, ctx) {
    const t = texts(args);
    if (t.some((a) => /^-[a-zA-Z]*e|--erase/.test(a)) && t.includes('--nodeps')) { destructive(ctx, 'removes packages while ignoring what depends on them (rpm -e --nodeps)'); return; }
    if (t.some((a) => /^-[a-zA-Z]*[iUFe]|--install|--upgrade|--erase|--freshen|--import|--rebuilddb/.test(a))) elevated(ctx, `changes installed software (rpm ${t.join(' ')})`);
  },
  pip(args, ctx, _i, name) {
    const ops = operands(args, ['r', 'c', 'i', 'index-url', 'e', 't', 'target', 'prefix', 'root']);
    const sub = ops[0];
    if (sub === undefined || ['list', 'show', 'freeze', 'check', 'search', 'help', 'config', 'debug', 'inspect', 'hash', 'index'].includes(sub)) return;
    if (['install', 'uninstall', 'download', 'wheel', 'cache'].includes(sub)) {
      if (texts(args).includes('--break-system-packages')) elevated(ctx, `overrides the system's protection of its own Python packages (${name} --break-system-packages)`);
      elevated(ctx, `${sub === 'uninstall' ? 'removes' : 'installs'} Python packages (${name} ${sub}${ops[1] ? ' ' + ops.slice(1).join(' ') : ''})`);
    }
  },
  pipx: safeUnless(['list', 'environment', 'run', 'help', undefined], 'installs or removes Python programs'),
  npm(args, ctx, _i, name) {
    const t = texts(args);
    const sub = t.find((a) => !a.startsWith('-'));
    const global = t.includes('-g') || t.includes('--global') || t.includes('--location=global');
    if (global && ['install', 'i', 'add', 'uninstall', 'remove', 'rm', 'un', 'update', 'up', 'link'].includes(sub ?? '')) elevated(ctx, `installs or removes programs for the whole system (${name} ${sub} -g)`);
  },
  cargo(args, ctx) { const sub = texts(args).find((a) => !a.startsWith('-')); if (sub === 'install' || sub === 'uninstall') elevated(ctx, `installs or removes a program (cargo ${sub})`); },
  gem(args, ctx) { const sub = texts(args).find((a) => !a.startsWith('-')); if (sub === 'install' || sub === 'uninstall' || sub === 'update') elevated(ctx, `installs or removes Ruby packages (gem ${sub})`); },
  go(args, ctx) { const sub = texts(args).find((a) => !a.startsWith('-')); if (sub === 'install') elevated(ctx, 'installs a program (go install)'); },
  makepkg(args, ctx) { if (texts(args).some((a) => /^-[a-zA-Z]*[is]|^--(install|syncdeps)$/.test(a))) elevated(ctx, 'builds and installs a package (makepkg -si)'); },
  powerprofilesctl(args, ctx) { if (operands(args)[0] === 'set') elevated(ctx, `changes the power profile (powerprofilesctl ${texts(args).join(' ')})`); },
  cpupower(args, ctx) { if (texts(args).some((a) => a.endsWith('-set'))) elevated(ctx, 'changes CPU power settings (cpupower)'); },
  tlp(args, ctx) { const sub = operands(args)[0]; if (sub && !['stat', 'status'].includes(sub)) elevated(ctx, `changes power settings (tlp ${sub})`); },
  make(args, ctx) { if (texts(args).some((a) => a === 'install' || a === 'uninstall')) elevated(ctx, 'installs files into system folders (make install)'); },
  systemctl: (a, c) => systemctlRule(a, c),
  service(args, ctx) { const t = operands(args); if (t.length >= 2 && t[1] !== 'status') elevated(ctx, `changes the service ${t[0]} (service ${t.join(' ')})`); },
  'rc-service': (args, ctx) => { const t = operands(args); if (t.length >= 2 && t[1] !== 'status') elevated(ctx, `changes the service ${t[0]} (rc-service)`); },
  journalctl(args, ctx) { if (texts(args).some((a) => /^--(vacuum-|rotate|flush|sync|setup-keys|relinquish-var)/.test(a))) elevated(ctx, `deletes or rotates system logs (journalctl ${texts(args).join(' ')})`); },
  dmesg(args, ctx) { if (texts(args).some((a) => /^-[a-zA-Z]*[cCDEn]|--clear|--read-clear|--console-/.test(a))) elevated(ctx, 'clears or changes the kernel log (dmesg)'); },
  mount(args, ctx) { const t = texts(args); if (t.length === 0 || t.every((a) => ['-l', '--show-labels', '-h', '--help', '-V', '--version'].includes(a)) || (t.length === 2 && t[0] === '-t' )) return; elevated(ctx, `mounts a filesystem (mount ${t.join(' ')})`); },
  umount: simpleElevated('unmounts a filesystem'),
  eject: simpleElevated('ejects a drive'),
  swapon(args, ctx) { if (texts(args).every((a) => ['--show', '-s', '--summary'].includes(a))) return; elevated(ctx, 'turns swap space on (swapon)'); },
  swapoff: simpleElevated('turns swap space off'),
  losetup(args, ctx) { const t = texts(args); if (t.length === 0 || t.every((a) => ['-a', '--all', '-l', '--list', '-J', '--json'].includes(a))) return; elevated(ctx, 'attaches or detaches loop devices (losetup)'); },
  udisksctl: safeUnless(['status', 'info', 'dump', 'help', 'monitor', undefined], 'mounts, unmounts or powers off drives'),
  cryptsetup(args, ctx) {
    const sub = operands(args, ['d', 'key-file', 'type', 'c', 'cipher', 's', 'key-size', 'S', 'key-slot'])[0];
    if (!sub || ['status', 'luksDump', 'isLuks', 'luksUUID', 'benchmark', 'tcryptDump', 'bitlkDump'].includes(sub)) return;
    if (['luksFormat', 'erase', 'luksErase', 'reencrypt', 'luksKillSlot', 'luksRemoveKey'].includes(sub)) { destructive(ctx, `can make the encrypted data unreadable for good (cryptsetup ${sub})`); return; }
    elevated(ctx, `changes an encrypted volume (cryptsetup ${sub})`);
  },
  fsck: simpleElevated('checks and repairs a filesystem; repairs on a mounted disk can lose data'),
  e2fsck: simpleElevated('checks and repairs a filesystem; repairs on a mounted disk can lose data'),
  'fsck.ext4': simpleElevated('checks and repairs a filesystem'),
  'fsck.vfat': simpleElevated('checks and repairs a filesystem'),
  xfs_repair: simpleElevated('repairs a filesystem'),
  btrfs(args, ctx) {
    const t = operands(args);
    const [a = '', b = ''] = t;
    if (prefixOf(a, 'subvolume') && prefixOf(b, 'delete')) { destructive(ctx, `deletes a btrfs subvolume and all its files (btrfs subvolume delete ${t.slice(2).join(' ')})`); return; }
    if (prefixOf(a, 'check') && texts(args).includes('--repair')) { destructive(ctx, 'runs a btrfs repair that can lose data (btrfs check --repair)'); return; }
    if (prefixOf(a, 'filesystem') && prefixOf(b, 'show', 'df', 'usage', 'du', 'label') && !(prefixOf(b, 'label') && t.length > 3)) return;
    if (prefixOf(a, 'subvolume') && prefixOf(b, 'list', 'show', 'get-default')) return;
    if ((prefixOf(a, 'scrub', 'balance') && prefixOf(b, 'status')) || (prefixOf(a, 'device') && prefixOf(b, 'stats', 'usage')) || (prefixOf(a, 'property') && prefixOf(b, 'get', 'list')) || prefixOf(a, 'version', 'help')) return;
    elevated(ctx, `changes a btrfs filesystem (btrfs ${t.slice(0, 2).join(' ')})`);
  },
  snapper: safeUnless(['list', 'ls', 'status', 'diff', 'get-config', 'list-configs', 'xadiff', undefined], 'changes system snapshots', ['c', 'config']),
  timeshift(args, ctx) { const t = texts(args); if (t.includes('--delete-all')) { destructive(ctx, 'deletes every system snapshot (timeshift --delete-all)'); return; } if (t.some((a) => ['--restore', '--delete', '--create'].includes(a))) elevated(ctx, `changes system snapshots (timeshift ${t.join(' ')})`); },
  fdisk(args, ctx) { if (texts(args).some((a) => a === '-l' || a === '--list' || a === '-x' || a === '--list-details')) return; destructive(ctx, `edits the partition table, which can erase everything on the disk (fdisk ${texts(args).join(' ')})`); },
  sfdisk(args, ctx) { if (texts(args).some((a) => /^(-[lsdVJ]|--list|--show-size|--dump|--verify|--json|--list-free|-F)$/.test(a))) return; destructive(ctx, 'rewrites the partition table (sfdisk)'); },
  cfdisk: (_a, ctx) => destructive(ctx, 'edits the partition table, which can erase everything on the disk (cfdisk)'),
  gdisk(args, ctx) { if (texts(args).includes('-l')) return; destructive(ctx, 'edits the partition table, which can erase everything on the disk (gdisk)'); },
  cgdisk: (_a, ctx) => destructive(ctx, 'edits the partition table, which can erase everything on the disk (cgdisk)'),
  sgdisk(args, ctx) { const t = texts(args); if (t.every((a) => !a.startsWith('-') || /^(-p|--print|-v|--verify|-i\d*|--info.*|-L|--list-types|-O|--print-mbr)$/.test(a))) return; destructive(ctx, `rewrites the partition table (sgdisk ${t.join(' ')})`); },
  parted(args, ctx) {
    const t = texts(args);
    if (t.includes('-l') || t.includes('--list') || (t.some((a) => a === 'print' || a === 'p') && !t.some((a) => /^(mklabel|mktable|mkpart|rm|resizepart|mkfs|name|set|toggle|rescue)$/.test(a)))) return;
    destructive(ctx, `edits the partition table, which can erase everything on the disk (parted ${t.join(' ')})`);
  },
  ventoy: (_a, ctx) => destructive(ctx, 'formats a USB drive to install Ventoy (ventoy)'),
  'Ventoy2Disk.sh': (_a, ctx) => destructive(ctx, 'formats a USB drive to install Ventoy'),
  badblocks(args, ctx) { if (texts(args).some((a) => /^-[a-zA-Z]*w/.test(a))) destructive(ctx, 'overwrites the whole disk while testing it (badblocks -w)'); else elevated(ctx, 'reads the whole disk looking for errors (badblocks)'); },
  hdparm(args, ctx) { const t = texts(args); if (t.some((a) => /security-erase|write-sector|trim-sector|--dco-restore|--make-bad-sector/.test(a))) { destructive(ctx, 'erases or damages data on the disk (hdparm)'); return; } if (t.every((a) => !a.startsWith('-') || /^-[iItTgrC]+$/.test(a))) return; elevated(ctx, `changes disk settings (hdparm ${t.join(' ')})`); },
  nvme(args, ctx) { const sub = operands(args)[0]; if (sub === 'format' || sub === 'sanitize' || sub === 'delete-ns') destructive(ctx, `erases the NVMe drive (nvme ${sub})`); else if (sub && !['list', 'smart-log', 'id-ctrl', 'id-ns', 'error-log', 'list-subsys', 'fw-log', 'help'].includes(sub)) elevated(ctx, `changes the NVMe drive (nvme ${sub})`); },
  tune2fs: simpleElevated('changes filesystem settings'),
  resize2fs: simpleElevated('resizes a filesystem'),
  e2label: simpleElevated('renames a filesystem'),
  fatlabel: simpleElevated('renames a filesystem'),
  'grub-install': simpleElevated('installs the boot loader'),
  'grub-mkconfig': (args, ctx) => { if (texts(args).some((a) => a === '-o' || a.startsWith('--output'))) elevated(ctx, 'rewrites the boot menu (grub-mkconfig -o)'); },
  'update-grub': simpleElevated('rewrites the boot menu'),
  mkinitcpio: (args, ctx) => { if (texts(args).some((a) => /^-[a-zA-Z]*[pPgk]|--preset|--allpresets|--generate/.test(a))) elevated(ctx, 'rebuilds the boot images (mkinitcpio)'); },
  dracut: simpleElevated('rebuilds the boot images'),
  'update-initramfs': simpleElevated('rebuilds the boot images'),
  bootctl: safeUnless(['status', 'list', 'is-installed', 'help', undefined], 'changes the boot loader'),
  efibootmgr(args, ctx) { if (texts(args).every((a) => a === '-v' || a === '--verbose')) return; elevated(ctx, `changes the firmware boot entries (efibootmgr ${texts(args).join(' ')})`); },
  nmcli: (a, c) => nmcliRule(a, c),
  nmtui: () => undefined,
  ip: (a, c) => ipRule(a, c),
  iw(args, ctx) { const t = texts(args); if (t.some((a) => /^(set|connect|disconnect|del|add|ibss|mesh|ocb|switch)$/.test(a)) || (t[0] === 'reg' && t[1] === 'set')) elevated(ctx, `changes wireless settings (iw ${t.join(' ')})`); },
  iwctl(args, ctx) { const t = texts(args); if (t.some((a) => /^(connect|disconnect|forget|set-property|connect-hidden|start|stop|remove)$/.test(a))) elevated(ctx, `changes Wi-Fi settings (iwctl ${t.join(' ')})`); },
  ifconfig(args, ctx) { if (operands(args).length > 1) elevated(ctx, `changes network settings (ifconfig ${texts(args).join(' ')})`); },
  ifup: simpleElevated('turns a network interface on'),
  ifdown: simpleElevated('turns a network interface off'),
  rfkill(args, ctx) { const sub = operands(args)[0]; if (sub === 'block' || sub === 'unblock' || sub === 'toggle') elevated(ctx, `turns wireless devices ${sub === 'block' ? 'off' : 'on'} (rfkill ${texts(args).join(' ')})`); },
  bluetoothctl(args, ctx) { const sub = operands(args)[0]; if (sub && !['show', 'devices', 'info', 'list', 'paired-devices', 'version', 'help', 'scan'].includes(sub)) elevated(ctx, `changes Bluetooth settings (bluetoothctl ${texts(args).join(' ')})`); },
  ufw: safeUnless(['status', 'app', 'show', 'version', undefined], 'changes firewall rules'),
  iptables(args, ctx) { const t = texts(args); if (t.some((a) => /^-[a-zA-Z]*[ADIRFNXPZE]|--(append|delete|insert|replace|flush|new|delete-chain|policy|zero|rename)/.test(a))) elevated(ctx, `changes firewall rules (iptables ${t.join(' ')})`); },
  ip6tables(args, ctx, i) { SYSTEM_RULES.iptables!(args, ctx, i, 'ip6tables'); },
  nft(args, ctx) { const sub = operands(args)[0]; if (sub && sub !== 'list' && sub !== 'describe' && sub !== 'monitor') elevated(ctx, `changes firewall rules (nft ${texts(args).join(' ')})`); },
  'firewall-cmd'(args, ctx) { if (texts(args).some((a) => /^--(add|remove|set|reload|complete-reload|runtime-to-permanent|permanent|new|delete|change|panic)/.test(a))) elevated(ctx, 'changes firewall rules (firewall-cmd)'); },
  hostname(args, ctx) { const ops = operands(args); if (ops.length > 0 || texts(args).some((a) => a === '-b' || a === '-F' || a === '--file')) elevated(ctx, `changes the computer's name (hostname ${ops.join(' ')})`); },
  hostnamectl: safeUnless(['status', 'hostname', undefined], 'changes the computer\'s name'),
  timedatectl: safeUnless(['status', 'show', 'list-timezones', 'timesync-status', 'show-timesync', undefined], 'changes the date, time or time zone'),
  localectl: safeUnless(['status', 'list-locales', 'list-keymaps', 'list-x11-keymap-models', 'list-x11-keymap-layouts', 'list-x11-keymap-variants', 'list-x11-keymap-options', undefined], 'changes the system language or keyboard'),
  date(args, ctx) { if (texts(args).some((a) => /^-[a-zA-Z]*s|^--set/.test(a))) elevated(ctx, 'changes the system clock (date -s)'); },
  hwclock(args, ctx) { if (texts(args).some((a) => /^(-w|--systohc|-s|--hctosys|--set|--adjust|-a)$/.test(a))) elevated(ctx, 'changes the hardware clock (hwclock)'); },
  reboot: POWER, poweroff: POWER, shutdown: (args, ctx) => { if (texts(args).includes('-c')) return; POWER(args, ctx, {} as never, 'shutdown'); }, halt: POWER,
  init(args, ctx) { if (operands(args).length > 0) elevated(ctx, `changes the system run level (init ${texts(args).join(' ')})`); },
  telinit: simpleElevated('changes the system run level'),
  'pm-suspend': simpleElevated('puts the computer to sleep'),
  loginctl: safeUnless(['list-sessions', 'list-users', 'list-seats', 'show-session', 'show-user', 'show-seat', 'session-status', 'user-status', 'seat-status', 'lock-session', 'unlock-session', 'lock-sessions', 'unlock-sessions', 'help', undefined], 'ends sessions or changes power state'),
  kill: (a, c) => killRule(a, c),
  pkill: (a, c) => pkillRule(a, c, 'pkill'),
  killall: (a, c) => pkillRule(a, c, 'killall'),
  killall5: (_a, ctx) => destructive(ctx, 'kills every process on the system (killall5)'),
  skill: (_a, ctx) => elevated(ctx, 'stops processes (skill)'),
  fuser(args, ctx) { if (texts(args).some((a) => /^-[a-zA-Z]*k/.test(a) || a === '--kill')) elevated(ctx, `kills the processes using ${operands(args, ['n', 'namespace', 's', 'signal']).join(' ')} (fuser -k)`); },
  renice: simpleElevated('changes the priority of running processes'),
  crontab(args, ctx, info) {
    const t = texts(args);
    if (t.includes('-l')) return;
    if (t.some((a) => /^-[a-zA-Z]*r$/.test(a))) { destructive(ctx, 'deletes all your scheduled jobs without asking (crontab -r)'); return; }
    // the new table's text, when known (here-string, heredoc, echo |): each job's command is judged
    const table = info.stdin.text ?? '';
    for (const line of table.split('\n')) {
      const job = /^\s*(?:@\w+|(?:\S+\s+){5})(.+)$/.exec(line);
      if (job && !/^\s*#/.test(line) && !/^\s*\w+=/.test(line)) info.recurse(job[1]!);
    }
    elevated(ctx, t.includes('-e') ? 'edits your scheduled jobs (crontab -e)' : 'replaces your scheduled jobs (crontab)');
  },
  useradd: simpleElevated('creates a user account'),
  adduser: simpleElevated('creates a user account'),
  usermod: simpleElevated('changes a user account'),
  userdel(args, ctx) { if (texts(args).some((a) => /^-[a-zA-Z]*r|--remove/.test(a))) destructive(ctx, `deletes a user account and its home folder (userdel ${texts(args).join(' ')})`); else elevated(ctx, `deletes a user account (userdel ${texts(args).join(' ')})`); },
  deluser: simpleElevated('deletes a user account'),
  groupadd: simpleElevated('creates a group'),
  groupdel: simpleElevated('deletes a group'),
  groupmod: simpleElevated('changes a group'),
  gpasswd: simpleElevated('changes group membership'),
  passwd(args, ctx) { if (texts(args).some((a) => a === '-S' || a === '--status')) return; elevated(ctx, `changes a password (passwd ${texts(args).join(' ')})`.replace(' )', ')')); },
  chpasswd: simpleElevated('changes passwords'),
  chage: (args, ctx) => { if (texts(args).includes('-l')) return; elevated(ctx, 'changes password expiry (chage)'); },
  chsh: simpleElevated('changes the login shell'),
  chfn: simpleElevated('changes account details'),
  visudo: simpleElevated('edits who may use sudo'),
  vipw: simpleElevated('edits the user database'),
  modprobe(args, ctx) { if (texts(args).some((a) => /^(-n|--dry-run|-c|--showconfig|--show-depends|-D|--show-modversions)$/.test(a))) return; elevated(ctx, `loads or unloads a kernel module (modprobe ${texts(args).join(' ')})`); },
  insmod: simpleElevated('loads a kernel module'),
  rmmod: simpleElevated('unloads a kernel module'),
  depmod: simpleElevated('rebuilds the kernel module index'),
  sysctl(args, ctx) { const t = texts(args); if (t.some((a) => /^-[a-zA-Z]*[wp]|--write|--load|--system/.test(a) || a.includes('='))) elevated(ctx, `changes kernel settings (sysctl ${t.join(' ')})`); },
  ldconfig: simpleElevated('rebuilds the shared library cache'),
  'update-alternatives': (args, ctx) => { if (texts(args).some((a) => /^--(display|query|list|get-selections)$/.test(a))) return; elevated(ctx, 'changes the system default programs (update-alternatives)'); },
  docker: (a, c) => dockerRule(a, c, 'docker'),
  podman: (a, c) => dockerRule(a, c, 'podman'),
  git: (a, c) => gitRule(a, c),
  curl: (a, c) => download(a, c, 'curl'),
  wget: (a, c) => download(a, c, 'wget'),
  wget2: (a, c) => download(a, c, 'wget'),
  aria2c: (a, c) => download(a, c, 'wget'),
  dconf(args, ctx) { const t = texts(args); if (t[0] === 'reset' && t.includes('-f')) elevated(ctx, `resets desktop settings (dconf ${t.join(' ')})`); },
  setenforce: simpleElevated('changes SELinux enforcement'),
  chroot: simpleElevated('runs a command inside another root filesystem'),
  alias(args, ctx, info) { for (const a of args) { const eq = a.text.indexOf('='); if (eq > 0) info.recurse(a.text.slice(eq + 1)); } void ctx; },
  trap(args, _ctx, info) { const first = args[0]; if (first && !first.text.startsWith('-')) info.recurse(first.text); },
  xargs: () => undefined,
  gpg(args, ctx) { if (texts(args).some((a) => /^--delete-(secret-)?keys?|--delete-secret-and-public-key/.test(a))) elevated(ctx, 'deletes encryption keys (gpg --delete-key)'); },
  'ssh-keygen'(args, ctx) { if (texts(args).some((a) => a === '-R')) elevated(ctx, 'removes a host key (ssh-keygen -R)'); },
};

export { isSystemKind };
