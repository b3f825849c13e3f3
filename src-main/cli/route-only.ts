// koompi-ask --route-only: prints tier 1's routing decision per question (one JSON object, or one line per stdin line).
import { contextFromEnv, decideRoute } from '../core/intents/index.js';
import type { RouteDecision } from '../core/types.js';
import { USAGE, type ParsedArgs } from './args.js';
import { EXIT, readLines, writeJsonLine, type CliIo } from './io.js';

/** Lines written per stdout write in --jsonl mode (keeps memory flat and writes few). */
const BATCH = 2000;

export async function runRouteOnly(args: ParsedArgs, io: CliIo): Promise<number> {
  const ctx = contextFromEnv(io.env);
  if (args.flags.has('--jsonl')) {
    if (args.positional.length > 0) return usage(io, '--jsonl reads questions from stdin; give no question argument');
    const lines = await readLines(io.stdin);
    let out = '';
    for (let i = 0; i < lines.length; i++) {
      out += routeJson(decideRoute(lines[i]!, ctx)) + '\n';
      if ((i + 1) % BATCH === 0) {
        io.stdout.write(out);
        out = '';
      }
    }
    if (out) io.stdout.write(out);
    return EXIT.ok;
  }
  if (args.positional.length === 0) return usage(io, '--route-only needs a question (or --jsonl with questions on stdin)');
  writeJsonLine(io.stdout, decideRoute(args.positional.join(' '), ctx));
  return EXIT.ok;
}

/** Returned rather than thrown: main() returns this promise without awaiting it inside its try. */
function usage(io: CliIo, message: string): number {
  io.stderr.write(`koompi-ask: ${message}\n${USAGE}`);
  return EXIT.usage;
}

/** Same text as JSON.stringify(d) with the contract's key order, built directly (the hot path of --jsonl). */
function routeJson(d: RouteDecision): string {
  return `{"query":${JSON.stringify(d.query)},"tier":"${d.tier}","intent":${d.intent === null ? 'null' : JSON.stringify(d.intent)},"confidence":${d.confidence},"command":${d.command === null ? 'null' : JSON.stringify(d.command)}}`;
}
