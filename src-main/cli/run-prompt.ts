// The terminal confirmation behind `koompi-ask --run`: y/N per command, the first word typed for destructive ones, no TTY no run.
import { createInterface } from 'node:readline';
import { confirmAndRun, confirmWordFor, prepareRun, runCommand, type Runner, type RunOutcome } from '../core/commands/index.js';
import { judgeCommand } from '../core/commands/judge.js';
import type { CommandJudgement, SuggestedCommand } from '../core/types.js';
import type { CliIo } from './io.js';

export interface OfferResult {
  /** 'no-tty': nothing ran because nobody can confirm; 'none': there was nothing to offer; 'done': every command was offered. */
  status: 'no-tty' | 'none' | 'done';
  ran: number;
  declined: number;
  /** Exit codes of the commands that ran, in order. */
  exitCodes: (number | null)[];
}

export interface OfferOptions {
  historyFile?: string;
  timeoutMs?: number;
  /** Colour on a TTY; default follows io.stdout.isTTY. */
  color?: boolean;
}

/** Offers each command for running; asks on the terminal and runs only what the person confirms. */
export async function offerToRun(commands: (SuggestedCommand | CommandJudgement)[], io: CliIo, runner: Runner = runCommand, opts: OfferOptions = {}): Promise<OfferResult> {
  const result: OfferResult = { status: 'done', ran: 0, declined: 0, exitCodes: [] };
  if (commands.length === 0) { result.status = 'none'; return result; }
  if (!io.stdin.isTTY) {
    io.stderr.write(`koompi-ask: --run needs a terminal to confirm each command; not running ${commands.length} command(s).\n`);
    result.status = 'no-tty';
    return result;
  }
  const color = opts.color ?? io.stdout.isTTY === true;
  const paint = (code: string, s: string): string => (color ? `\x1b[${code}m${s}\x1b[0m` : s);
  const lines = lineReader(io);
  try {
    for (const c of commands) {
      const judged = judgeCommand(c.command); // judged again here: never trust a risk handed in
      const cmd: SuggestedCommand = { id: 'id' in c ? c.id : 'cli', argv: 'argv' in c ? c.argv : null, ...judged };
      const riskLabel = cmd.risk === 'destructive' ? paint('1;31', 'DESTRUCTIVE') : cmd.risk === 'elevated' ? paint('33', 'elevated') : paint('32', 'safe');
      const outcome: RunOutcome = await confirmAndRun(cmd, async (_x, info) => {
        io.stdout.write(`\n${riskLabel}  ${cmd.command}\n`);
        for (const r of cmd.reasons) io.stdout.write(`  - ${r}\n`);
        const prepared = prepareRun(cmd.command);
        if (prepared.rewritten && prepared.note) io.stdout.write(`  (${prepared.note})\n`);
        const yes = await lines.ask('Run it? [y/N] ');
        if (!/^(y|yes)$/i.test(yes?.trim() ?? '')) return { approved: false };
        if (info.confirmWord === null) return { approved: true };
        const typed = await lines.ask(`This can lose data. Type "${info.confirmWord}" to run it: `);
        return { approved: true, typedWord: typed ?? '' };
      }, {
        runner,
        ...(opts.historyFile ? { historyFile: opts.historyFile } : {}),
        ...(opts.timeoutMs !== undefined ? { timeoutMs: opts.timeoutMs } : {}),
        onEvent: (e) => {
          if (e.type === 'stdout') io.stdout.write(e.data);
          else if (e.type === 'stderr') io.stderr.write(e.data);
          else if (e.type === 'notice') io.stderr.write(`koompi-ask: ${e.message}\n`);
        },
      });
      if (outcome.status === 'ran') {
        result.ran++;
        result.exitCodes.push(outcome.result.exitCode);
        const r = outcome.result;
        io.stdout.write(r.error ? `could not start: ${r.error}\n` : `exit ${r.exitCode ?? r.signal}${r.timedOut ? ' (time limit)' : ''}${r.truncated ? ' (output cut)' : ''}\n`);
      } else {
        result.declined++;
        io.stdout.write(outcome.status === 'wrong-word' ? `Not run: the word typed was not "${outcome.expected}".\n` : 'Not run.\n');
      }
    }
  } finally {
    lines.close();
  }
  return result;
}

/** Line-by-line questions on io.stdin; null at end of input. */
function lineReader(io: CliIo): { ask: (q: string) => Promise<string | null>; close: () => void } {
  const rl = createInterface({ input: io.stdin, terminal: false });
  const queue: string[] = [];
  const waiters: ((l: string | null) => void)[] = [];
  let ended = false;
  rl.on('line', (l) => { const w = waiters.shift(); if (w) w(l); else queue.push(l); });
  rl.on('close', () => { ended = true; for (const w of waiters.splice(0)) w(null); });
  return {
    ask(q) {
      io.stdout.write(q);
      if (queue.length > 0) return Promise.resolve(queue.shift()!);
      if (ended) return Promise.resolve(null);
      return new Promise((res) => waiters.push(res));
    },
    close() { rl.close(); },
  };
}

export { confirmWordFor };
