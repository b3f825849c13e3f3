// Rule family: power. Restarting, turning off, sleeping, run levels and power profiles.
import { elevated } from '../judge-context.js';
import { operands, safeUnless, simpleElevated, texts, type Rule, type RuleFamily } from './types.js';

const POWER: Rule = simpleElevated('restarts or turns off the computer');

export const POWER_FAMILY: RuleFamily = {
  name: 'power',
  rules: {
    reboot: POWER,
    poweroff: POWER,
    halt: POWER,
    shutdown: (args, ctx, info, name) => {
      if (texts(args).includes('-c')) return;
      POWER(args, ctx, info, name);
    },
    init(args, ctx) {
      if (operands(args).length > 0) elevated(ctx, `changes the system run level (init ${texts(args).join(' ')})`);
    },
    telinit: simpleElevated('changes the system run level'),
    'pm-suspend': simpleElevated('puts the computer to sleep'),
    loginctl: safeUnless(
      [
        'list-sessions',
        'list-users',
        'list-seats',
        'show-session',
        'show-user',
        'show-seat',
        'session-status',
        'user-status',
        'seat-status',
        'lock-session',
        'unlock-session',
        'lock-sessions',
        'unlock-sessions',
        'help',
        undefined,
      ],
      'ends sessions or changes power state',
    ),
    powerprofilesctl(args, ctx) {
      if (operands(args)[0] === 'set') elevated(ctx, `changes the power profile (powerprofilesctl ${texts(args).join(' ')})`);
    },
    cpupower(args, ctx) {
      if (texts(args).some((a) => a.endsWith('-set'))) elevated(ctx, 'changes CPU power settings (cpupower)');
    },
    tlp(args, ctx) {
      const sub = operands(args)[0];
      if (sub && !['stat', 'status'].includes(sub)) elevated(ctx, `changes power settings (tlp ${sub})`);
    },
  },
  examples: {
    safe: ['powerprofilesctl list', 'loginctl list-sessions', 'shutdown -c', 'tlp-stat -b'],
    elevated: ['reboot', 'shutdown -h now', 'sudo poweroff', 'powerprofilesctl set power-saver', 'loginctl terminate-user student'],
    destructive: [],
  },
};
