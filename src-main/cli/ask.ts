// koompi-ask "question": streams the answer to stdout (or prints one JSON object with --json) and exits 0/1/2/3.
// Exit: 0 a tier answered; 1 an error (partial text kept); 2 usage; 3 fallback (nothing could answer); 130 Ctrl-C.
// Extras beyond the contract: --cloud tries Gemini first (when allowed), --model NAME picks the local model.
import { join } from 'node:path';
import { USAGE, type ParsedArgs } from './args.js';
import { EXIT, readAll, writeJsonLine, type CliIo } from './io.js';
import { TtyMarkdown } from './markdown-tty.js';
import { StreamSanitizer } from './sanitize.js';
import { startWaitNotice } from './wait-notice.js';
import { buildCore } from '../core/router/index.js';
import type { Answer, AnswerEvent } from '../core/types.js';

export const EXIT_INTERRUPTED = 130;

const dim = (s: string): string => `\x1b[2m${s}\x1b[22m`;
const red = (s: string): string => `\x1b[31m${s}\x1b[39m`;

export async function runAsk(args: ParsedArgs, io: CliIo): Promise<number> {
  const json = args.flags.has('--json');
  let question = args.positional.join(' ');
  // A question can come from a pipe: `echo "install firefox" | koompi-ask`.
  if (question.trim() === '' && args.positional.length === 0 && io.stdin.isTTY !== true) question = (await readAll(io.stdin)).trim();
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
  io.stdout.on('error', () => {
    outBroken = true;
    ac.abort();
  });
  const out = (s: string): void => {
    if (!outBroken) io.stdout.write(s);
  };
  // Model text is untrusted: sanitised always (no escape sequence of its own reaches the terminal); markdown is
  // drawn readably on a TTY and left plain when piped.
  const pretty = !json && io.stdout.isTTY === true && !args.flags.has('--no-color') && !io.env.NO_COLOR;
  const render: { write(s: string): string; end(): string } = pretty ? new TtyMarkdown() : new StreamSanitizer();
  // While a cold model loads (up to a minute and a half), say so with the seconds waited, instead of a blank screen.
  const waiting = startWaitNotice(io.stderr, /[\u1780-\u17FF]/u.test(question) ? 'km' : 'en');

  let lastOut = '\n';
  const speedSeen: { tokensPerSecond: number | null } = { tokensPerSecond: null };
  const onEvent = (e: AnswerEvent): void => {
    if (e.type === 'start') {
      if (e.tier === 'local' || e.tier === 'cloud') waiting.begin(e.model, e.tier);
    } else if (e.type === 'chunk' && e.text) {
      waiting.stop();
      if (json) return;
      const shown = render.write(e.text);
      if (shown) {
        out(shown);
        lastOut = shown;
      }
    } else if (e.type === 'stats' && e.tokensPerSecond !== undefined) {
      speedSeen.tokensPerSecond = e.tokensPerSecond;
    } else if (e.type === 'notice') {
      waiting.pause();
      io.stderr.write(`koompi-ask: ${color ? dim(e.message) : e.message}\n`);
    }
  };

  let answer: Answer;
  try {
    answer = await core.ask(
      {
        question,
        offline: args.flags.has('--offline'),
        preferCloud: args.flags.has('--cloud'),
        signal: ac.signal,
      },
      onEvent,
    );
  } finally {
    waiting.stop();
    process.removeListener('SIGINT', onSigint);
    await core.close();
  }

  if (json) {
    if (!outBroken)
      writeJsonLine(io.stdout, {
        tier: answer.tier,
        text: answer.text,
        model: answer.model,
        intent: answer.intent,
        commands: answer.commands.map((c) => ({ command: c.command, risk: c.risk, reasons: c.reasons })),
        sources: answer.sources.map((s) => ({ kind: s.kind, title: s.title, ref: s.ref })),
        error: answer.error,
      });
  } else {
    const rest = render.end();
    if (rest) {
      out(rest);
      lastOut = rest;
    }
    if (!lastOut.endsWith('\n')) out('\n');
    // Where the answer comes from (docs) or what the model was given (local/cloud): numbered as the model cites them.
    if (answer.sources.length > 0) out(sourcesBlock(answer.sources, /[\u1780-\u17FF]/u.test(question) ? 'km' : 'en', color));
    const tps = speedSeen.tokensPerSecond;
    const speed = tps !== null && Number.isFinite(tps) ? ` · ${tps.toFixed(1)} tok/s` : '';
    const who = `[${answer.tier}${answer.model ? ` · ${answer.model}` : ''}${answer.intent ? ` · ${answer.intent}` : ''}${speed}]`;
    io.stderr.write((color ? dim(who) : who) + '\n');
    if (answer.error) io.stderr.write(`koompi-ask: ${color ? red(answer.error) : answer.error}\n`);
  }

  let code: number = interrupted ? EXIT_INTERRUPTED : answer.error ? EXIT.error : answer.tier === 'fallback' ? EXIT.fallback : EXIT.ok;
  if (code === EXIT.ok && args.flags.has('--run') && answer.commands.length > 0) {
    // With --json, stdout holds exactly one JSON object: the prompts go to stderr.
    code = await offerRun(
      answer,
      json ? { ...io, stdout: io.stderr } : io,
      core.configDir,
      /[\u1780-\u17FF]/u.test(question) ? 'km' : 'en',
    );
  }
  return code;
}

/** The answer's sources after its text: "Sources:" then "[1] Title (ref)" per line. */
export function sourcesBlock(sources: Answer['sources'], lang: 'en' | 'km', color = false): string {
  const lines = sources.map((s, i) => `[${i + 1}] ${s.title}${s.ref && s.ref !== s.title ? ` (${s.ref})` : ''}`);
  const text = `\n${lang === 'km' ? 'ប្រភព៖' : 'Sources:'}\n${lines.join('\n')}\n`;
  return color ? dim(text) : text;
}

/** Offers the answer's commands for running (src-main/cli/run-prompt.ts); refuses without a TTY; 1 when one failed. */
async function offerRun(answer: Answer, io: CliIo, configDir: string, lang: 'en' | 'km'): Promise<number> {
  const { offerToRun } = await import('./run-prompt.js');
  const r = await offerToRun(answer.commands, io, { historyFile: join(configDir, 'command-history.jsonl'), lang });
  if (r.status === 'no-tty' || r.failed) return EXIT.error;
  return EXIT.ok;
}
