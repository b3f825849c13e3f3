// koompi-ask --run: offers each command of the answer, y/N (the command's word typed for destructive ones), and runs
// what the person confirms on their own terminal, in the foreground (core/terminal/foreground.ts): it can prompt and
// be answered, Ctrl+C reaches it, and a `cd` carries to the next command of the same answer. No TTY, no run. A Khmer
// question gets Khmer prompts and risk reasons, and Khmer yes (បាទ, ចាស, យល់ព្រម) counts. Stops after the first failure.
import { isatty } from 'node:tty';
import { confirmAndRun, confirmWordFor, type Runner, type RunOutcome } from '../core/commands/index.js';
import { judgeCommand } from '../core/commands/judge.js';
import { localizeReasons } from '../core/commands/reasons-km.js';
import { ForegroundSession } from '../core/terminal/index.js';
import type { CommandJudgement, SuggestedCommand } from '../core/types.js';
import type { CliIo } from './io.js';
import { lineInput } from './line-input.js';
import { isYes, runTexts, type RunLang } from './run-texts.js';

export interface OfferResult {
  /** 'no-tty': nothing ran because nobody can confirm; 'none': nothing to offer; 'done': offered (maybe stopped early). */
  status: 'no-tty' | 'none' | 'done';
  ran: number;
  declined: number;
  /** Exit codes of the commands that ran, in order (null: ended by a signal or could not start). */
  exitCodes: (number | null)[];
  /** True when a confirmed command failed (koompi-ask then exits 1). */
  failed: boolean;
}

export interface OfferOptions {
  historyFile?: string;
  /** Colour on a TTY; default follows the prompt stream. */
  color?: boolean;
  /** The question's language: Khmer prompts for a Khmer question. */
  lang?: RunLang;
  /** Where the answer's first command starts (default: the current directory, as if typed here). */
  cwd?: string;
  /** Replaces the foreground runner (tests of the prompt logic only). */
  runner?: Runner;
}

const stdinIsTty = (io: CliIo): boolean => (io.stdinFd !== undefined ? isatty(io.stdinFd) : io.stdin.isTTY === true);

/** Offers each command for running; asks on the terminal and runs only what the person confirms. */
export async function offerToRun(
  commands: (SuggestedCommand | CommandJudgement)[],
  io: CliIo,
  opts: OfferOptions = {},
): Promise<OfferResult> {
  const result: OfferResult = { status: 'done', ran: 0, declined: 0, exitCodes: [], failed: false };
  const t = runTexts(opts.lang ?? 'en');
  if (commands.length === 0) {
    result.status = 'none';
    return result;
  }
  if (!stdinIsTty(io)) {
    io.stderr.write(`${t.noTty(commands.length)}\n`);
    result.status = 'no-tty';
    return result;
  }
  const say = io.stdout;
  const color = opts.color ?? (say as { isTTY?: boolean }).isTTY === true;
  const paint = (code: string, s: string): string => (color ? `\x1b[${code}m${s}\x1b[0m` : s);
  const lines = lineInput(io, say);
  const session = new ForegroundSession(opts.cwd ?? process.cwd());
  const runner: Runner =
    opts.runner ??
    ((o) => session.run(o.argv ? o.argv.map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ') : (o.text ?? ''), o.env ?? io.env));
  try {
    for (let i = 0; i < commands.length; i++) {
      const c = commands[i]!;
      const judged = judgeCommand(c.command); // judged again here: never trust a risk handed in
      const cmd: SuggestedCommand = { id: 'id' in c ? c.id : 'cli', argv: 'argv' in c ? c.argv : null, ...judged };
      const riskLabel =
        cmd.risk === 'destructive' ? paint('1;31', t.destructive) : cmd.risk === 'elevated' ? paint('33', t.elevated) : paint('32', t.safe);
      const outcome: RunOutcome = await confirmAndRun(
        cmd,
        async (_x, info) => {
          say.write(`\n${riskLabel}  ${paint('1', cmd.command)}\n`);
          for (const r of localizeReasons(cmd.reasons, opts.lang ?? 'en')) say.write(`  - ${r}\n`);
          if (i > 0) say.write(`  ${paint('2', t.where(session.cwd))}\n`);
          if (!isYes(await lines.ask(t.ask))) return { approved: false };
          if (info.confirmWord === null) return { approved: true };
          const typed = await lines.ask(t.typeWord(info.confirmWord));
          return { approved: true, typedWord: typed ?? '' };
        },
        { runner, ownTerminal: true, ...(opts.historyFile ? { historyFile: opts.historyFile } : {}) },
      );
      if (outcome.status !== 'ran') {
        result.declined++;
        say.write(`${outcome.status === 'wrong-word' ? t.wrongWord(outcome.expected) : t.notRun}\n`);
        continue;
      }
      const r = outcome.result;
      result.ran++;
      result.exitCodes.push(r.exitCode);
      if (r.error) say.write(`${paint('31', t.cannotStart(r.error))}\n`);
      else if (r.exitCode === 0) say.write(`${paint('32', t.ok)}\n`);
      else if (r.cancelled || r.signal === 'SIGINT') say.write(`\n${paint('33', t.interrupted)}\n`);
      else say.write(`${paint('31', t.failed(String(r.exitCode ?? r.signal)))}\n`);
      if (r.error || r.exitCode !== 0) {
        result.failed = true;
        const rest = commands.length - i - 1;
        if (rest > 0) say.write(`${t.skipped(rest)}\n`);
        break;
      }
    }
  } finally {
    lines.close();
    session.dispose();
  }
  return result;
}

export { confirmWordFor };
