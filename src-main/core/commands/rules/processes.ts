// Rule family: processes. Stopping some processes is elevated; every process of a user or of the system is destructive.
import { destructive, elevated, parseOpts, type JudgeCtx } from '../judge-context.js';
import type { Word } from '../shell-lexer.js';
import { operands, simpleElevated, texts, type CmdInfo, type RuleFamily } from './types.js';

function killRule(args: Word[], ctx: JudgeCtx, info: CmdInfo): void {
  const t = texts(args);
  if (t[0] === '-l' || t[0] === '-L' || t[0] === '--list' || t[0] === '--table') return;
  let i = 0;
  let signal = 'TERM';
  if (t[0] === '-s' || t[0] === '-n' || t[0] === '--signal') {
    signal = t[1] ?? '';
    i = 2;
  } else if ((t[0] && /^-([A-Za-z]+|\d+)$/.test(t[0]) && t[0] !== '-1') || (t[0] === '-1' && t.length > 1)) {
    signal = t[0]!.slice(1);
    i = 1;
  }
  if (t[i] === '--') i++;
  const pids = t.slice(i);
  if (signal === '0') return;
  if (pids.includes('-1')) {
    destructive(ctx, 'kills every process you can reach, ending your session (kill -1)');
    return;
  }
  if (pids.includes('1')) {
    destructive(ctx, "kills the system's first process, which brings the whole system down (kill 1)");
    return;
  }
  if (info.viaXargs) {
    elevated(ctx, `stops every process whose number it is given as input (xargs kill${signal !== 'TERM' ? ' -' + signal : ''})`);
    return;
  }
  if (pids.length === 0) return;
  if (pids.every((p) => p.startsWith('%'))) return;
  // `kill -9 $(pgrep -u $USER)` / `kill $(ps -e -o pid=)`: the list is every process of a user or of the system
  const wide = args.slice(i).some((w) => w.subs.some((sub) => listsEveryProcess(sub.source)));
  if (wide) {
    destructive(ctx, `kills every process in a list of a whole user's or the whole system's processes (kill ${t.join(' ')})`);
    return;
  }
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
      if (/^-[a-zA-Z]*[uUgGPst]$/.test(a)) {
        if (/[uU]$/.test(a)) byUser = true;
        k++;
        continue;
      }
      if (a.startsWith('-')) continue;
      rest.push(a);
    }
    return byUser && rest.length === 0;
  }
  return (
    tool === 'ps' &&
    words.slice(1).some((a) => /^(-[a-zA-Z]*[eAu][a-zA-Z]*|aux?|ax)$/.test(a)) &&
    !words.some((a) => a === '-C' || a === '-p' || a === '--pid')
  );
}

function pkillRule(args: Word[], ctx: JudgeCtx, name: string): void {
  const o = parseOpts(args, ['u', 'U', 'user', 'g', 'G', 'P', 's', 't', 'signal', 'F', 'n', 'o', 'e', 'ns', 'nslist']);
  if (o.flags.has('l') && name === 'killall' && o.operands.length === 0) return;
  const pats = o.operands.map((w) => w.text).filter((p) => !/^-?\d+$/.test(p) || name === 'killall');
  const byUser = o.values.has('u') || o.values.has('U') || o.values.has('user');
  if (byUser && pats.length === 0) {
    destructive(ctx, `kills every process of a user, which logs them out (${name} -u)`);
    return;
  }
  if (pats.some((p) => p === '.' || p === '.*' || p === '' || p === '^')) {
    destructive(ctx, `kills every process (${name} with a pattern that matches everything)`);
    return;
  }
  elevated(ctx, `stops every process named ${pats.join(' ') || '…'} (${name})`);
}

export const PROCESSES: RuleFamily = {
  name: 'processes',
  rules: {
    kill: (a, c, i) => killRule(a, c, i),
    pkill: (a, c) => pkillRule(a, c, 'pkill'),
    killall: (a, c) => pkillRule(a, c, 'killall'),
    killall5: (_a, ctx) => destructive(ctx, 'kills every process on the system (killall5)'),
    skill: (_a, ctx) => elevated(ctx, 'stops processes (skill)'),
    fuser(args, ctx) {
      if (texts(args).some((a) => /^-[a-zA-Z]*k/.test(a) || a === '--kill'))
        elevated(ctx, `kills the processes using ${operands(args, ['n', 'namespace', 's', 'signal']).join(' ')} (fuser -k)`);
    },
    renice: simpleElevated('changes the priority of running processes'),
  },
  examples: {
    safe: ['kill -l', 'kill -0 1234', 'fuser -v /dev/snd/*', 'kill %1'],
    elevated: ['kill 4242', 'pkill firefox', 'killall -9 chromium', 'pgrep -f ollama | xargs kill', 'renice -n 10 -p 999'],
    destructive: ['kill -9 -1', 'pkill -u student', 'killall5 -9', 'kill -9 $(pgrep -u $USER)', 'sudo kill 1'],
  },
};
