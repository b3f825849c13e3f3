// koompi-ask ask (STUB: filled in by its issue).
import type { ParsedArgs } from './args.js';
import { EXIT, type CliIo } from './io.js';

export async function runAsk(_args: ParsedArgs, io: CliIo): Promise<number> {
  io.stderr.write('koompi-ask: ask is not implemented yet\n');
  return EXIT.error;
}
