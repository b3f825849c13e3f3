// Rule family: network. Connections, interfaces, Wi-Fi, Bluetooth, firewalls and the computer's name.
import { elevated, parseOpts, type JudgeCtx } from '../judge-context.js';
import type { Word } from '../shell-lexer.js';
import { operands, prefixOf, safeUnless, simpleElevated, texts, type Rule, type RuleFamily } from './types.js';

function nmcliRule(args: Word[], ctx: JudgeCtx): void {
  const o = parseOpts(args, ['f', 'fields', 'g', 'get-values', 'm', 'mode', 'c', 'colors', 'e', 'escape', 'w', 'wait']);
  const ops = o.operands.map((w) => w.text);
  const [obj, cmd, third] = ops;
  const show = (): void => elevated(ctx, `changes network settings (nmcli ${ops.join(' ')})`);
  if (obj === undefined) return;
  if (prefixOf(obj, 'general')) {
    if (cmd === undefined || prefixOf(cmd, 'status', 'permissions') || (prefixOf(cmd, 'hostname', 'logging') && third === undefined))
      return;
    show();
    return;
  }
  if (prefixOf(obj, 'networking')) {
    if (cmd === undefined || prefixOf(cmd, 'connectivity')) return;
    show();
    return;
  }
  if (prefixOf(obj, 'radio')) {
    if (cmd === undefined || third === undefined) return;
    elevated(ctx, `turns the ${cmd === 'all' ? 'wireless radios' : cmd} ${third} (nmcli radio)`);
    return;
  }
  if (prefixOf(obj, 'connection')) {
    if (cmd === undefined || prefixOf(cmd, 'show', 'list', 'monitor', 'export')) return;
    show();
    return;
  }
  if (prefixOf(obj, 'device')) {
    if (cmd === undefined || prefixOf(cmd, 'status', 'show', 'list', 'monitor', 'lldp')) return;
    if (prefixOf(cmd, 'wifi') && (third === undefined || prefixOf(third, 'list', 'rescan', 'show-password'))) return;
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
  if (obj === 'netns' && cmd === 'exec') {
    elevated(ctx, 'runs a command in another network namespace (ip netns exec)');
    return;
  }
  if (
    cmd !== undefined &&
    ['add', 'del', 'delete', 'set', 'change', 'replace', 'flush', 'append', 'prepend', 'up', 'down', 'attach', 'detach'].some(
      (v) => (v.startsWith(cmd) && cmd.length >= 2) || v === cmd,
    )
  ) {
    elevated(ctx, `changes network settings (ip ${ops.slice(0, 3).join(' ')})`);
  }
}

const iptables: Rule = (args, ctx, _i, name) => {
  const t = texts(args);
  if (t.some((a) => /^-[a-zA-Z]*[ADIRFNXPZE]|--(append|delete|insert|replace|flush|new|delete-chain|policy|zero|rename)/.test(a)))
    elevated(ctx, `changes firewall rules (${name} ${t.join(' ')})`);
};

export const NETWORK: RuleFamily = {
  name: 'network',
  rules: {
    nmcli: (a, c) => nmcliRule(a, c),
    nmtui: () => undefined,
    ip: (a, c) => ipRule(a, c),
    iw(args, ctx) {
      const t = texts(args);
      if (t.some((a) => /^(set|connect|disconnect|del|add|ibss|mesh|ocb|switch)$/.test(a)) || (t[0] === 'reg' && t[1] === 'set'))
        elevated(ctx, `changes wireless settings (iw ${t.join(' ')})`);
    },
    iwctl(args, ctx) {
      const t = texts(args);
      if (t.some((a) => /^(connect|disconnect|forget|set-property|connect-hidden|start|stop|remove)$/.test(a)))
        elevated(ctx, `changes Wi-Fi settings (iwctl ${t.join(' ')})`);
    },
    ifconfig(args, ctx) {
      if (operands(args).length > 1) elevated(ctx, `changes network settings (ifconfig ${texts(args).join(' ')})`);
    },
    ifup: simpleElevated('turns a network interface on'),
    ifdown: simpleElevated('turns a network interface off'),
    rfkill(args, ctx) {
      const sub = operands(args)[0];
      if (sub === 'block' || sub === 'unblock' || sub === 'toggle')
        elevated(ctx, `turns wireless devices ${sub === 'block' ? 'off' : 'on'} (rfkill ${texts(args).join(' ')})`);
    },
    bluetoothctl(args, ctx) {
      const sub = operands(args)[0];
      if (sub && !['show', 'devices', 'info', 'list', 'paired-devices', 'version', 'help', 'scan'].includes(sub))
        elevated(ctx, `changes Bluetooth settings (bluetoothctl ${texts(args).join(' ')})`);
    },
    ufw: safeUnless(['status', 'app', 'show', 'version', undefined], 'changes firewall rules'),
    iptables,
    ip6tables: iptables,
    nft(args, ctx) {
      const sub = operands(args)[0];
      if (sub && sub !== 'list' && sub !== 'describe' && sub !== 'monitor')
        elevated(ctx, `changes firewall rules (nft ${texts(args).join(' ')})`);
    },
    'firewall-cmd'(args, ctx) {
      if (
        texts(args).some((a) => /^--(add|remove|set|reload|complete-reload|runtime-to-permanent|permanent|new|delete|change|panic)/.test(a))
      )
        elevated(ctx, 'changes firewall rules (firewall-cmd)');
    },
    hostname(args, ctx) {
      const ops = operands(args);
      if (ops.length > 0 || texts(args).some((a) => a === '-b' || a === '-F' || a === '--file'))
        elevated(ctx, `changes the computer's name (hostname ${ops.join(' ')})`);
    },
    hostnamectl: safeUnless(['status', 'hostname', undefined], "changes the computer's name"),
  },
  examples: {
    safe: ['nmcli device wifi list', 'nmcli connection show', 'ip -br a', 'ufw status', 'bluetoothctl devices', 'iptables -L -n'],
    elevated: [
      'nmcli radio wifi off',
      'nmcli connection delete "Cafe WiFi"',
      'sudo ip link set wlan0 down',
      'sudo ufw enable',
      'rfkill block bluetooth',
      'sudo iptables -F',
    ],
    destructive: [],
  },
};
