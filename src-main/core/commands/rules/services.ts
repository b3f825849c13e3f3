// Rule family: services and system settings. systemd units, scheduled jobs, kernel modules and knobs, clock and locale.
import { destructive, elevated, has, parseOpts, type JudgeCtx } from '../judge-context.js';
import type { Word } from '../shell-lexer.js';
import { safeUnless, simpleElevated, texts, operands, type RuleFamily } from './types.js';

const SAFE_VERBS = [
  'status',
  'show',
  'cat',
  'list-units',
  'list-unit-files',
  'list-sockets',
  'list-timers',
  'list-dependencies',
  'list-jobs',
  'list-machines',
  'list-automounts',
  'list-paths',
  'is-active',
  'is-enabled',
  'is-failed',
  'is-system-running',
  'get-default',
  'help',
  'show-environment',
];
const POWER: Record<string, string> = {
  poweroff: 'turns the computer off',
  reboot: 'restarts the computer',
  halt: 'halts the computer',
  suspend: 'puts the computer to sleep',
  hibernate: 'hibernates the computer',
  'hybrid-sleep': 'puts the computer to sleep',
  'suspend-then-hibernate': 'puts the computer to sleep',
  kexec: 'restarts into another kernel',
  'soft-reboot': 'restarts the system',
  rescue: 'switches to rescue mode, stopping the desktop',
  emergency: 'switches to emergency mode, stopping the desktop',
  default: 'switches the system state',
};
const VERB: Record<string, string> = {
  start: 'starts',
  stop: 'stops',
  restart: 'restarts',
  reload: 'reloads',
  'try-restart': 'restarts',
  'reload-or-restart': 'restarts',
  'try-reload-or-restart': 'restarts',
  enable: 'enables',
  disable: 'disables',
  mask: 'masks (blocks from starting)',
  unmask: 'unmasks',
  kill: 'kills',
  isolate: 'switches the system to',
  'set-default': 'changes the default boot target to',
  edit: 'edits',
  revert: 'reverts',
  preset: 'resets',
  'reset-failed': 'clears failed state of',
  'daemon-reload': 'reloads the configuration of',
  'daemon-reexec': 'restarts',
  link: 'links',
  'set-property': 'changes properties of',
  'set-environment': 'changes the environment of',
  'unset-environment': 'changes the environment of',
  freeze: 'freezes',
  thaw: 'thaws',
  clean: 'deletes the state and cache of',
};

function systemctlRule(args: Word[], ctx: JudgeCtx): void {
  const o = parseOpts(args, [
    't',
    'type',
    'state',
    'p',
    'property',
    'H',
    'host',
    'M',
    'machine',
    'n',
    'lines',
    'o',
    'output',
    's',
    'signal',
    'root',
    'kill-whom',
  ]);
  const ops = o.operands.map((w) => w.text);
  const sub = ops[0];
  const user = has(o, 'user');
  const units = ops.slice(1).join(' ');
  if (sub === undefined || SAFE_VERBS.includes(sub) || has(o, 'dry-run')) return;
  if (POWER[sub]) {
    elevated(ctx, `${POWER[sub]} (systemctl ${sub})`);
    return;
  }
  const verb = VERB[sub] ?? 'changes';
  const what =
    sub === 'daemon-reload' || sub === 'daemon-reexec'
      ? 'the service manager'
      : `${user ? 'your user service' : 'the system service'}${units ? ' ' + units : ''}`;
  elevated(ctx, `${verb} ${what} (systemctl${user ? ' --user' : ''} ${sub})`);
}

export const SERVICES: RuleFamily = {
  name: 'services',
  rules: {
    systemctl: (a, c) => systemctlRule(a, c),
    service(args, ctx) {
      const t = operands(args);
      if (t.length >= 2 && t[1] !== 'status') elevated(ctx, `changes the service ${t[0]} (service ${t.join(' ')})`);
    },
    'rc-service': (args, ctx) => {
      const t = operands(args);
      if (t.length >= 2 && t[1] !== 'status') elevated(ctx, `changes the service ${t[0]} (rc-service)`);
    },
    journalctl(args, ctx) {
      if (texts(args).some((a) => /^--(vacuum-|rotate|flush|sync|setup-keys|relinquish-var)/.test(a)))
        elevated(ctx, `deletes or rotates system logs (journalctl ${texts(args).join(' ')})`);
    },
    dmesg(args, ctx) {
      if (texts(args).some((a) => /^-[a-zA-Z]*[cCDEn]|--clear|--read-clear|--console-/.test(a)))
        elevated(ctx, 'clears or changes the kernel log (dmesg)');
    },
    crontab(args, ctx, info) {
      const t = texts(args);
      if (t.includes('-l')) return;
      if (t.some((a) => /^-[a-zA-Z]*r$/.test(a))) {
        destructive(ctx, 'deletes all your scheduled jobs without asking (crontab -r)');
        return;
      }
      // the new table's text, when known (here-string, heredoc, echo |): each job's command is judged
      const table = info.stdin.text ?? '';
      const fromFile = operands(args).find((a) => a !== '-');
      if (
        (info.stdin.text !== null && !/^\s*(@\w+|(\S+\s+){5})\S/m.test(table) && operands(args).includes('-')) ||
        fromFile === '/dev/null'
      ) {
        destructive(ctx, 'replaces your scheduled jobs with an empty table, deleting them all (crontab)');
        return;
      }
      for (const line of table.split('\n')) {
        const job = /^\s*(?:@\w+|(?:\S+\s+){5})(.+)$/.exec(line);
        if (job && !/^\s*#/.test(line) && !/^\s*\w+=/.test(line)) info.recurse(job[1]!);
      }
      elevated(ctx, t.includes('-e') ? 'edits your scheduled jobs (crontab -e)' : 'replaces your scheduled jobs (crontab)');
    },
    modprobe(args, ctx) {
      if (texts(args).some((a) => /^(-n|--dry-run|-c|--showconfig|--show-depends|-D|--show-modversions)$/.test(a))) return;
      elevated(ctx, `loads or unloads a kernel module (modprobe ${texts(args).join(' ')})`);
    },
    insmod: simpleElevated('loads a kernel module'),
    rmmod: simpleElevated('unloads a kernel module'),
    depmod: simpleElevated('rebuilds the kernel module index'),
    sysctl(args, ctx) {
      const t = texts(args);
      if (t.some((a) => /^-[a-zA-Z]*[wp]|--write|--load|--system/.test(a) || a.includes('=')))
        elevated(ctx, `changes kernel settings (sysctl ${t.join(' ')})`);
    },
    ldconfig(args, ctx) {
      if (texts(args).some((a) => a === '-p' || a === '--print-cache')) return;
      elevated(ctx, 'rebuilds the shared library cache (ldconfig)');
    },
    'update-alternatives': (args, ctx) => {
      if (texts(args).some((a) => /^--(display|query|list|get-selections)$/.test(a))) return;
      elevated(ctx, 'changes the system default programs (update-alternatives)');
    },
    dconf(args, ctx) {
      const t = texts(args);
      if (t[0] === 'reset' && t.includes('-f')) elevated(ctx, `resets desktop settings (dconf ${t.join(' ')})`);
    },
    setenforce: simpleElevated('changes SELinux enforcement'),
    timedatectl: safeUnless(
      ['status', 'show', 'list-timezones', 'timesync-status', 'show-timesync', undefined],
      'changes the date, time or time zone',
    ),
    localectl: safeUnless(
      [
        'status',
        'list-locales',
        'list-keymaps',
        'list-x11-keymap-models',
        'list-x11-keymap-layouts',
        'list-x11-keymap-variants',
        'list-x11-keymap-options',
        undefined,
      ],
      'changes the system language or keyboard',
    ),
    date(args, ctx) {
      if (texts(args).some((a) => /^-[a-zA-Z]*s|^--set/.test(a))) elevated(ctx, 'changes the system clock (date -s)');
    },
    hwclock(args, ctx) {
      if (texts(args).some((a) => /^(-w|--systohc|-s|--hctosys|--set|--adjust|-a)$/.test(a)))
        elevated(ctx, 'changes the hardware clock (hwclock)');
    },
  },
  examples: {
    safe: [
      'systemctl status NetworkManager',
      'systemctl --failed',
      'journalctl -b -p err --no-pager',
      'crontab -l',
      'timedatectl',
      'modprobe -n -v snd_hda_intel',
    ],
    elevated: [
      'sudo systemctl restart cups',
      'systemctl --user restart pipewire',
      'sudo systemctl enable --now sshd',
      'sudo journalctl --vacuum-time=2weeks',
      'sudo modprobe -r btusb',
      'sudo timedatectl set-timezone Asia/Phnom_Penh',
    ],
    destructive: ['crontab -r', "crontab <<< '0 * * * * rm -rf ~'"],
  },
};
