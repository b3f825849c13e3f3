// koompi-ask models (STUB: filled in by its issue).
import type { ParsedArgs } from './args.js';
import { EXIT, type CliIo } from './io.js';

export async function runModels(_args: ParsedArgs, io: CliIo): Promise<number> {
  io.stderr.write('koompi-ask: models is not implemented yet\n');
  return EXIT.error;
}
