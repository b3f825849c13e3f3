// Rule family: packages. pacman and AUR helpers, other distributions' managers, language package managers, the koompi CLI.
import { destructive, elevated, type JudgeCtx } from '../judge-context.js';
import type { Word } from '../shell-lexer.js';
import { onlyPretends, operands, safeUnless, texts, type Rule, type RuleFamily } from './types.js';

const CRITICAL_PACKAGES = new Set([
  'base',
  'linux',
  'linux-lts',
  'linux-zen',
  'linux-hardened',
  'linux-firmware',
  'glibc',
  'systemd',
  'systemd-libs',
  'pacman',
  'bash',
  'sudo',
  'coreutils',
  'filesystem',
  'grub',
  'mkinitcpio',
  'util-linux',
  'shadow',
  'pam',
  'networkmanager',
  'plasma-workspace',
  'plasma-desktop',
  'sddm',
  'xorg-server',
  'wayland',
  'dbus',
  'polkit',
  'gcc-libs',
  'openssl',
  'zlib',
  'readline',
  'ncurses',
  'archlinux-keyring',
  'koompi-keyring',
  'efibootmgr',
  'kwin',
  'plasma-meta',
  'mesa',
]);
const VALUED = new Set([
  '--overwrite',
  '--ignore',
  '--ignoregroup',
  '--assume-installed',
  '--dbpath',
  '-b',
  '--root',
  '-r',
  '--cachedir',
  '--config',
  '--gpgdir',
  '--hookdir',
  '--logfile',
  '--arch',
  '--sysroot',
  '--print-format',
]);

function pacmanLike(args: Word[], ctx: JudgeCtx, name: string, stdinSource = ''): void {
  const t = texts(args);
  const letters = new Set<string>();
  const longs = new Set<string>();
  let dCount = 0;
  for (const a of t) {
    if (a.startsWith('--')) {
      longs.add(a.slice(2).split('=')[0]!);
      if (a === '--nodeps') dCount++;
      continue;
    }
    if (a.startsWith('-') && a.length > 1)
      for (const ch of a.slice(1)) {
        letters.add(ch);
        if (ch === 'd') dCount++;
      }
  }
  const targets = t.filter((a, i) => !a.startsWith('-') && !VALUED.has(t[i - 1] ?? ''));
  const listsAll = (src: string): boolean => /^\s*pacman\s+-Q[qne]*\s*$/.test(src);
  // `sudo pacman -Rns $(pacman -Qq)` or `pacman -Qq | sudo pacman -Rns -`: the targets are every installed package
  const everything = args.some((w) => w.subs.some((s) => listsAll(s.source))) || (t.includes('-') && listsAll(stdinSource));
  const op =
    ['S', 'R', 'U', 'Q', 'F', 'D', 'T', 'V', 'P', 'G', 'Y', 'B', 'W'].find((c) => letters.has(c)) ??
    (longs.has('sync')
      ? 'S'
      : longs.has('remove')
        ? 'R'
        : longs.has('upgrade')
          ? 'U'
          : longs.has('query')
            ? 'Q'
            : longs.has('files')
              ? 'F'
              : longs.has('database')
                ? 'D'
                : undefined);
  const helper = name !== 'pacman';
  const label = `${name} ${t.find((a) => a.startsWith('-')) ?? ''}`.trim();
  // -p / --print: only prints what would be done
  if ((op === 'S' || op === 'R' || op === 'U') && (letters.has('p') || longs.has('print'))) return;
  switch (op) {
    case undefined:
      if (helper && (longs.has('version') || longs.has('help') || letters.has('h') || letters.has('V'))) return;
      if (helper) {
        elevated(
          ctx,
          targets.length > 0
            ? `searches for and installs packages (${name} ${targets.join(' ')})`
            : `updates every installed package (${name})`,
        );
        return;
      }
      return;
    case 'Q':
    case 'T':
    case 'V':
    case 'P':
    case 'G':
    case 'W':
      return;
    case 'F':
      if (letters.has('y') || longs.has('refresh')) elevated(ctx, `refreshes the package file lists (${label})`);
      return;
    case 'D':
      if (letters.has('k') || longs.has('check')) return;
      elevated(ctx, `changes the package database (${label})`);
      return;
    case 'Y':
      if (letters.has('c') || longs.has('clean')) elevated(ctx, `removes unneeded packages (${label})`);
      return;
    case 'U':
      elevated(ctx, `installs a package file (${label})`);
      return;
    case 'B':
      elevated(ctx, `builds packages (${label})`);
      return;
    case 'R': {
      if (everything) {
        destructive(ctx, `removes every installed package, which leaves the system unusable (${label} $(pacman -Qq))`);
        return;
      }
      if (dCount >= 1) {
        destructive(ctx, `removes packages while ignoring what depends on them, which can break the system (${label})`);
        return;
      }
      const crit = targets.filter((p) => CRITICAL_PACKAGES.has(p));
      if (crit.length > 0) {
        destructive(ctx, `removes ${crit.join(', ')}, which the system needs to start or work (${label})`);
        return;
      }
      if (letters.has('c') || longs.has('cascade')) {
        elevated(ctx, `removes packages and everything that depends on them (${label})`);
        return;
      }
      elevated(ctx, `removes packages (${label})`);
      return;
    }
    case 'S': {
      if (
        (letters.has('s') ||
          letters.has('i') ||
          letters.has('l') ||
          letters.has('g') ||
          longs.has('search') ||
          longs.has('info') ||
          longs.has('list') ||
          longs.has('groups')) &&
        !letters.has('u') &&
        !letters.has('y')
      )
        return;
      if (letters.has('c') || longs.has('clean')) {
        elevated(ctx, `clears the package cache (${label})`);
        return;
      }
      if (longs.has('overwrite')) elevated(ctx, `lets packages overwrite files that other packages own (${label} --overwrite)`);
      if (letters.has('u') || longs.has('sysupgrade')) elevated(ctx, `updates every installed package (${label})`);
      else if (targets.length > 0) elevated(ctx, `installs packages: ${targets.join(' ')} (${label})`);
      else elevated(ctx, `refreshes the package lists (${label})`);
      return;
    }
  }
}

/** apt/dnf/zypper/snap/flatpak style: a subcommand decides. */
function subcommandManager(safe: string[]): Rule {
  return (args, ctx, _info, name) => {
    const ops = operands(args, ['o', 'c', 't', 'C', 'installroot', 'releasever']);
    const sub = ops[0];
    if (sub === undefined || safe.includes(sub) || onlyPretends(args)) return;
    const rest = ops.slice(1).join(' ');
    elevated(ctx, `changes installed software (${name} ${sub}${rest ? ' ' + rest : ''})`);
  };
}

/** The koompi CLI is judged like what it wraps: pacman for `pkg`, snapper for `snapshot`; what it does not know is never safe. */
function koompiRule(args: Word[], ctx: JudgeCtx): void {
  const ops = operands(args);
  const [area, sub, ...rest] = ops;
  const what = ops.join(' ');
  if (area === undefined) {
    if (texts(args).some((a) => /^(-h|--help|-V|--version)$/.test(a))) return;
    elevated(ctx, 'runs the koompi tool without a known subcommand, so what it does is not known (koompi)');
    return;
  }
  if (area === 'help' || texts(args).some((a) => a === '--help' || a === '-h')) return;
  if (area === 'pkg' || area === 'package' || area === 'packages') {
    if (sub === 'search' || sub === 'info' || sub === 'list') return;
    if (sub === 'install' || sub === 'add') {
      elevated(ctx, `installs packages: ${rest.join(' ')} (koompi pkg ${sub}, like pacman -S)`);
      return;
    }
    if (sub === 'remove' || sub === 'uninstall') {
      const crit = rest.filter((p) => CRITICAL_PACKAGES.has(p));
      if (crit.length > 0) destructive(ctx, `removes ${crit.join(', ')}, which the system needs to start or work (koompi pkg remove)`);
      else elevated(ctx, `removes packages: ${rest.join(' ')} (koompi pkg remove, like pacman -R)`);
      return;
    }
    if (sub === 'update' || sub === 'upgrade') {
      elevated(ctx, 'updates every installed package (koompi pkg update, like pacman -Syu)');
      return;
    }
  }
  if (area === 'snapshot' || area === 'snapshots') {
    if (sub === 'list' || sub === 'ls') return;
    if (sub === 'create') {
      elevated(ctx, 'creates a system snapshot (koompi snapshot create, like snapper create)');
      return;
    }
    if (sub === 'rollback' || sub === 'restore') {
      elevated(
        ctx,
        `rolls the system back to snapshot ${rest.join(' ') || '…'}: later changes are set aside and a restart is needed (koompi snapshot rollback)`,
      );
      return;
    }
    if (sub === 'delete' || sub === 'remove' || sub === 'rm') {
      destructive(ctx, `deletes system snapshot ${rest.join(' ') || '…'} for good (koompi snapshot delete, like snapper delete)`);
      return;
    }
  }
  if (area === 'classroom' && (sub === 'start' || sub === 'stop')) {
    elevated(ctx, `${sub === 'start' ? 'starts' : 'stops'} a classroom session (koompi classroom ${sub})`);
    return;
  }
  if (area === 'classroom' && sub === 'status') return;
  elevated(ctx, `runs "koompi ${what}", a koompi subcommand this check does not know, so it may change the system`);
}

const pip: Rule = (args, ctx, _i, name) => {
  const ops = operands(args, ['r', 'c', 'i', 'index-url', 'e', 't', 'target', 'prefix', 'root']);
  const sub = ops[0];
  if (
    sub === undefined ||
    ['list', 'show', 'freeze', 'check', 'search', 'help', 'config', 'debug', 'inspect', 'hash', 'index'].includes(sub) ||
    onlyPretends(args)
  )
    return;
  if (['install', 'uninstall', 'download', 'wheel', 'cache'].includes(sub)) {
    if (texts(args).includes('--break-system-packages'))
      elevated(ctx, `overrides the system's protection of its own Python packages (${name} --break-system-packages)`);
    elevated(
      ctx,
      `${sub === 'uninstall' ? 'removes' : 'installs'} Python packages (${name} ${sub}${ops[1] ? ' ' + ops.slice(1).join(' ') : ''})`,
    );
  }
};

export const PIP_RULE = pip;

export const PACKAGES: RuleFamily = {
  name: 'packages',
  rules: {
    pacman: (a, c, i) => pacmanLike(a, c, 'pacman', i.stdin.source),
    yay: (a, c, i) => pacmanLike(a, c, 'yay', i.stdin.source),
    paru: (a, c, i) => pacmanLike(a, c, 'paru', i.stdin.source),
    pikaur: (a, c, i) => pacmanLike(a, c, 'pikaur', i.stdin.source),
    trizen: (a, c, i) => pacmanLike(a, c, 'trizen', i.stdin.source),
    koompi: (a, c) => koompiRule(a, c),
    pamac: subcommandManager(['search', 'info', 'list', 'checkupdates', 'clean-build-files-dry', '--version', '-h', '--help', 'help']),
    apt: subcommandManager(['search', 'show', 'list', 'policy', 'depends', 'rdepends', 'changelog', 'madison', 'showsrc', 'help', 'moo']),
    'apt-get': subcommandManager(['check', 'changelog', 'source', 'download', 'help']),
    'apt-cache': () => undefined,
    aptitude: subcommandManager(['search', 'show', 'why', 'why-not', 'versions', 'changelog', 'help']),
    dnf: subcommandManager(['search', 'info', 'list', 'provides', 'repoquery', 'repolist', 'check-update', 'history', 'help', 'deplist']),
    yum: subcommandManager(['search', 'info', 'list', 'provides', 'repolist', 'check-update', 'history', 'help', 'deplist']),
    zypper: subcommandManager(['search', 'se', 'info', 'if', 'list-updates', 'lu', 'repos', 'lr', 'packages', 'pa', 'patches', 'help']),
    snap: subcommandManager(['list', 'info', 'find', 'search', 'version', 'services', 'changes', 'connections', 'help', 'logs', 'run']),
    flatpak: subcommandManager([
      'list',
      'info',
      'search',
      'run',
      'ps',
      'remotes',
      'remote-ls',
      'history',
      'documents',
      'permissions',
      'permission-show',
      'enter',
      'help',
    ]),
    brew: subcommandManager(['list', 'info', 'search', 'doctor', 'config', 'outdated', 'deps', 'uses', 'leaves', 'help']),
    'nix-env': (args, ctx) => {
      if (texts(args).some((a) => /^-[a-zA-Z]*q/.test(a) || a === '--query')) return;
      elevated(ctx, 'changes installed software (nix-env)');
    },
    dpkg(args, ctx) {
      const t = texts(args);
      if (t.some((a) => /^--force-(remove-essential|depends|all)/.test(a)) && t.some((a) => /^-[a-zA-Z]*[rP]|--remove|--purge/.test(a))) {
        destructive(ctx, 'removes packages while ignoring what depends on them (dpkg --force)');
        return;
      }
      if (t.some((a) => /^-[a-zA-Z]*[irPBA]|--install|--remove|--purge|--configure|--unpack|--set-selections|--clear-avail/.test(a)))
        elevated(ctx, `changes installed software (dpkg ${t.join(' ')})`);
    },
    rpm(args, ctx) {
      const t = texts(args);
      if (t.some((a) => /^-[a-zA-Z]*e|--erase/.test(a)) && t.includes('--nodeps')) {
        destructive(ctx, 'removes packages while ignoring what depends on them (rpm -e --nodeps)');
        return;
      }
      if (t.some((a) => /^-[a-zA-Z]*[iUFe]|--install|--upgrade|--erase|--freshen|--import|--rebuilddb/.test(a)))
        elevated(ctx, `changes installed software (rpm ${t.join(' ')})`);
    },
    pip,
    pip3: pip,
    pipx: safeUnless(['list', 'environment', 'run', 'help', undefined], 'installs or removes Python programs'),
    npm(args, ctx, _i, name) {
      const t = texts(args);
      const sub = t.find((a) => !a.startsWith('-'));
      const global = t.includes('-g') || t.includes('--global') || t.includes('--location=global');
      if (
        global &&
        !onlyPretends(args) &&
        ['install', 'i', 'add', 'uninstall', 'remove', 'rm', 'un', 'update', 'up', 'link'].includes(sub ?? '')
      )
        elevated(ctx, `installs or removes programs for the whole system (${name} ${sub} -g)`);
    },
    cargo(args, ctx) {
      const sub = texts(args).find((a) => !a.startsWith('-'));
      if (sub === 'install' || sub === 'uninstall') elevated(ctx, `installs or removes a program (cargo ${sub})`);
    },
    gem(args, ctx) {
      const sub = texts(args).find((a) => !a.startsWith('-'));
      if (sub === 'install' || sub === 'uninstall' || sub === 'update') elevated(ctx, `installs or removes Ruby packages (gem ${sub})`);
    },
    go(args, ctx) {
      const sub = texts(args).find((a) => !a.startsWith('-'));
      if (sub === 'install') elevated(ctx, 'installs a program (go install)');
    },
    makepkg(args, ctx) {
      if (texts(args).some((a) => /^-[a-zA-Z]*[is]|^--(install|syncdeps)$/.test(a)))
        elevated(ctx, 'builds and installs a package (makepkg -si)');
    },
    make(args, ctx) {
      if (texts(args).some((a) => /^-[a-zA-Z]*n$|^--(dry-run|just-print|recon)$/.test(a))) return;
      if (texts(args).some((a) => a === 'install' || a === 'uninstall')) elevated(ctx, 'installs files into system folders (make install)');
    },
    paccache(args, ctx) {
      if (texts(args).some((a) => /^-[a-zA-Z]*r|^--remove$/.test(a)))
        elevated(ctx, `removes old package files from the cache (paccache ${texts(args).join(' ')})`);
    },
  },
  examples: {
    safe: [
      'pacman -Qi linux',
      'pacman -Ss vlc',
      'koompi pkg search vlc',
      'koompi snapshot list',
      'checkupdates',
      'pacman -Sp firefox',
      'apt-get --dry-run install vim',
      'make -n install',
    ],
    elevated: [
      'sudo pacman -S gimp',
      'pkexec pacman -Syu',
      'koompi pkg install vlc',
      'koompi pkg remove vlc',
      'koompi pkg update',
      'koompi snapshot rollback 5',
      'koompi frobnicate',
      'yay -S google-chrome',
      'pip install --user requests',
      'sudo npm install -g pnpm',
    ],
    destructive: [
      'sudo pacman -Rdd glibc',
      'sudo pacman -Rns $(pacman -Qq)',
      'koompi snapshot delete 4',
      'sudo pacman -R linux',
      'koompi pkg remove systemd',
    ],
  },
};
