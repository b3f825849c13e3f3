// koompi-ask doctor [--json]: is Ollama running, is the model there, is a key set, is the cloud allowed; each problem with its fix.
// Exit 0 when at least one model tier can answer, 1 otherwise.
import type { ParsedArgs } from './args.js';
import { EXIT, writeJsonLine, type CliIo } from './io.js';
import { buildCore } from '../core/router/index.js';
import type { CheckStatus } from '../core/doctor.js';

const MARK: Record<CheckStatus, string> = { ok: 'ok  ', warn: 'warn', fail: 'FAIL', skip: 'skip' };
const COLOUR: Record<CheckStatus, string> = { ok: '\x1b[32m', warn: '\x1b[33m', fail: '\x1b[31m', skip: '\x1b[2m' };

export async function runDoctor(args: ParsedArgs, io: CliIo): Promise<number> {
  const core = await buildCore({ env: io.env });
  let report;
  try {
    report = await core.doctor();
  } finally {
    await core.close();
  }
  if (args.flags.has('--json')) {
    writeJsonLine(io.stdout, report);
  } else {
    const color = Boolean(io.stdout.isTTY) && !args.flags.has('--no-color') && !io.env.NO_COLOR;
    for (const c of report.checks) {
      const mark = color ? `${COLOUR[c.status]}${MARK[c.status]}\x1b[0m` : MARK[c.status];
      io.stdout.write(`[${mark}] ${c.message}\n`);
      if (c.fix) io.stdout.write(`       fix: ${c.fix}\n`);
    }
    io.stdout.write(report.ok ? 'A model can answer.\n' : 'No model can answer yet: apply the fixes above.\n');
  }
  return report.ok ? EXIT.ok : EXIT.error;
}
