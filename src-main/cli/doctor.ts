// koompi-ask doctor [--json]: is Ollama running, is the model there, is a key set, is the cloud allowed, is the offline
// documentation indexed; each problem with its fix, in the settings' language (English or Khmer).
// Exit 0 when at least one model tier can answer; 3 when none can (as for a question: nothing could answer), the
// fixes printed above. The closing line says whether the offline documentation still answers common questions.
import type { ParsedArgs } from './args.js';
import { EXIT, writeJsonLine, type CliIo } from './io.js';
import { buildCore } from '../core/router/index.js';
import { uiLanguage } from '../core/router/lang.js';
import type { CheckStatus, DoctorReport } from '../core/doctor.js';
import { doctorTexts } from '../core/doctor-texts.js';
import { docsHealth } from '../core/service/docs-health.js';

const MARK: Record<CheckStatus, string> = { ok: 'ok  ', warn: 'warn', fail: 'FAIL', skip: 'skip' };
const COLOUR: Record<CheckStatus, string> = { ok: '\x1b[32m', warn: '\x1b[33m', fail: '\x1b[31m', skip: '\x1b[2m' };

export async function runDoctor(args: ParsedArgs, io: CliIo): Promise<number> {
  const core = await buildCore({ env: io.env });
  const lang = uiLanguage(core.settings().language, io.env);
  let report: DoctorReport;
  let docs: ReturnType<typeof docsHealth>;
  let docsAnswer: boolean;
  try {
    report = await core.doctor(undefined, lang);
    const status = core.docsStatus();
    docs = docsHealth(status, null, lang);
    // The index answers when it opens with something in it (the shipped KOOMPI guides at least).
    docsAnswer = status !== null && status.sources.some((s) => s.sections > 0);
  } finally {
    await core.close();
  }
  if (args.flags.has('--json')) {
    writeJsonLine(io.stdout, { ...report, docs });
  } else {
    const t = doctorTexts(lang);
    const color = Boolean(io.stdout.isTTY) && !args.flags.has('--no-color') && !io.env.NO_COLOR;
    const line = (status: CheckStatus, message: string, fix: string | null): void => {
      const mark = color ? `${COLOUR[status]}${MARK[status]}\x1b[0m` : MARK[status];
      io.stdout.write(`[${mark}] ${message}\n`);
      if (fix) io.stdout.write(`       ${t.fixLabel}: ${fix}\n`);
    };
    for (const c of report.checks) line(c.status, c.message, c.fix);
    line(docs.ok ? 'ok' : 'warn', `${docs.label}: ${docs.detail}`, docs.fix);
    io.stdout.write(`${report.ok ? t.canAnswer : docsAnswer ? t.docsAnswer : t.nothingAnswers}\n`);
  }
  return report.ok ? EXIT.ok : EXIT.fallback;
}
