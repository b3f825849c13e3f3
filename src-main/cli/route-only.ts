// koompi-ask --route-only: prints tier 1's routing decision per question (one JSON object, or one line per stdin line).
import { contextFromEnv, decideRoute } from '../core/intents/index.js';
import type { ParsedArgs } from './args.js';
import { EXIT, readLines, UsageError, writeJsonLine, type CliIo } from './io.js';

/** Lines written per stdout write in --jsonl mode (keeps memory flat and writes few). */
const BATCH = 2000;

export async function runRouteOnly(args: ParsedArgs, io: CliIo): Promise<number> {
  const ctx = contextFromEnv(io.env);
  if (args.flags.has('--jsonl')) {
    if (args.positional.length > 0) throw new UsageError('--jsonl reads questions from stdin; give no question argument');
    const lines = await readLines(io.stdin);
    let out = '';
    for (let i = 0; i < lines.length; i++) {
      out += JSON.stringify(decideRoute(lines[i]!.replace(/\r$/, ''), ctx)) + '\n';
      if ((i + 1) % BATCH === 0) { io.stdout.write(out); out = ''; }
    }
    if (out) io.stdout.write(out);
    return EXIT.ok;
  }
  if (args.positional.length === 0) throw new UsageError('--route-only needs a question (or --jsonl with questions on stdin)');
  writeJsonLine(io.stdout, decideRoute(args.positional.join(' '), ctx));
  return EXIT.ok;
}
