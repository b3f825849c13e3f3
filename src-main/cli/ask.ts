// koompi-ask "question": streams the answer to stdout (or prints one JSON object with --json) and exits 0/1/2/3.
// Exit: 0 a tier answered; 1 an error (partial text kept); 2 usage; 3 fallback (nothing could answer); 130 Ctrl-C.
// Extras beyond the contract: --cloud tries Gemini first (when allowed), --model NAME picks the local model.
import { join } from 'node:path';
import { USAGE, type ParsedArgs } from './args.js';
import { EXIT, writeJsonLine, type CliIo } from './io.js';
import { buildCore } from '../core/router/index.js';
import type { Answer, AnswerEvent } from '../core/types.js';

export const EXIT_INTERRUPTED = 130;

const dim = (s: string): string => `\x1b[2m${s}\x1b[22m`;
const red = (s: string): string => `\x1b[31m${s}\x1b[39m`;

export async function runAsk(args: ParsedArgs, io: CliIo): Promise<number> {
  const json = args.flags.has('--json');
  const question = args.positional.join(' ');
  if (question.trim() === '') {
    // Returned rather than thrown: the usage error must reach the exit code whoever awaits this.
    io.stderr.write(`koompi-ask: no question given\n${USAGE}`);
    return EXIT.usage;
  }
  const color = !json && Boolean(io.stderr.isTTY) && !args.flags.has('--no-color') && !io.env.NO_COLOR;

  // --model NAME picks the local model for this question, as KOOMPI_MODEL does.
  const model = args.options.get('--model')?.trim();
  const core = await buildCore({ env: model ? { ...io.env, KOOMPI_MODEL: model } : io.env });
  if (core.settingsNotice) io.stderr.write(`koompi-ask: ${core.settingsNotice}\n`);

  const ac = new AbortController();
  let interrupted = false;
  const onSigint = (): void => {
    interrupted = true;
    ac.abort();
  };
  process.once('SIGINT', onSigint);
  // A closed stdout (`koompi-ask … | head -1`) stops the answer instead of crashing on EPIPE. The listener stays
  // to the end: a write already under way reports its EPIPE later, and nothing more is written once it broke.
  let outBroken = false;
  io.stdout.on('error', () => { outBroken = true; ac.abort(); });
  const out = (s: string): void => { if (!outBroken) io.stdout.write(s); };

  let lastOut = '\n';
  const speedSeen: { tokensPerSecond: number | null } = { tokensPerSecond: null };
  const onEvent = (e: AnswerEvent): void => {
    if (e.type === 'chunk' && !json && e.text) {
      out(e.text);
      lastOut = e.text;
    } else if (e.type === 'stats' && e.tokensPerSecond !== undefined) {
      speedSeen.tokensPerSecond = e.tokensPerSecond;
    } else if (e.type === 'notice') {
      io.stderr.write(`koompi-ask: ${color ? dim(e.message) : e.message}\n`);
    }
  };

  let answer: Answer;
  try {
    answer = await core.ask({
      question, offline: args.flags.has('--offline'), preferCloud: args.flags.has('--cloud'), signal: ac.signal,
    }, onEvent);
  } finally {
    process.removeListener('SIGINT', onSigint);
    await core.close();
  }

  if (json) {
    if (!outBroken) writeJsonLine(io.stdout, {
      tier: answer.tier, text: answer.text, model: answer.model, intent: answer.intent,
      commands: answer.commands.map((c) => ({ command: c.command, risk: c.risk, reasons: c.reasons })),
      error: answer.error,
    });
  } else {
    if (!lastOut.endsWith('\n')) out('\n');
    const tps = speedSeen.tokensPerSecond;
    const speed = tps !== null && Number.isFinite(tps) ? ` · ${tps.toFixed(1)} tok/s` : '';
    const who = `[${answer.tier}${answer.model ? ` · ${answer.model}` : ''}${answer.intent ? ` · ${answer.intent}` : ''}${speed}]`;
    io.stderr.write((color ? dim(who) : who) + '\n');
    if (answer.error) io.stderr.write(`koompi-ask: ${color ? red(answer.error) : answer.error}\n`);
  }

  let code: number = interrupted ? EXIT_INTERRUPTED : answer.error ? EXIT.error : answer.tier === 'fallback' ? EXIT.fallback : EXIT.ok;
  if (code === EXIT.ok && args.flags.has('--run') && answer.commands.length > 0) {
    // With --json, stdout holds exactly one JSON object: the prompts go to stderr.
    code = await offerRun(answer, json ? { ...io, stdout: io.stderr } : io, core.configDir);
  }
  return code;
}

/** Offers the answer's commands for running (src-main/cli/run-prompt.ts); refuses without a TTY. */
async function offerRun(answer: Answer, io: CliIo, configDir: string): Promise<number> {
  const { offerToRun } = await import('./run-prompt.js');
  const r = await offerToRun(answer.commands, io, undefined, { historyFile: join(configDir, 'command-history.jsonl') });
  if (r.status === 'no-tty') return EXIT.error;
  return EXIT.ok;
}
