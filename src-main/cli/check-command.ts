// koompi-ask check-command: judges commands (one argument, or one per stdin line with --jsonl) as safe/elevated/destructive.
import { judgeCommand } from '../core/commands/index.js';
import { USAGE, type ParsedArgs } from './args.js';
import { EXIT, readLines, writeJsonLine, type CliIo } from './io.js';

export async function runCheckCommand(args: ParsedArgs, io: CliIo): Promise<number> {
  if (args.flags.has('--jsonl')) {
    if (args.positional.length > 0)
      return usage(io, 'check-command --jsonl reads commands from stdin, one per line; give no command argument');
    for (const line of await readLines(io.stdin)) {
      const j = judgeCommand(line);
      writeJsonLine(io.stdout, { command: j.command, risk: j.risk, reasons: j.reasons });
    }
    return EXIT.ok;
  }
  if (args.positional.length === 0) return usage(io, 'check-command needs a command, e.g. koompi-ask check-command "rm -rf ~/tmp"');
  const j = judgeCommand(args.positional.join(' '));
  if (args.flags.has('--json')) {
    writeJsonLine(io.stdout, { command: j.command, risk: j.risk, reasons: j.reasons });
    return EXIT.ok;
  }
  io.stdout.write(`${j.risk}: ${j.command}\n`);
  for (const r of j.reasons) io.stdout.write(`  - ${r}\n`);
  return EXIT.ok;
}

/** Usage errors are reported here (not thrown) so the exit code is 2 whatever the caller does with rejections. */
function usage(io: CliIo, message: string): number {
  io.stderr.write(`koompi-ask: ${message}\n${USAGE}`);
  return EXIT.usage;
}
