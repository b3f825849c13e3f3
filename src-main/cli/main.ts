// Entry point of koompi-ask: parses argv and hands off to one verb module (loaded lazily for a fast start).
import { parseArgs, USAGE } from './args.js';
import { EXIT, processIo, UsageError, type CliIo } from './io.js';
import { readFileSync } from 'node:fs';

declare const __KOOMPI_VERSION__: string | undefined;

/** The bundled CLI gets the version injected at build time; from source it reads package.json. */
function appVersion(): string {
  if (typeof __KOOMPI_VERSION__ === 'string') return __KOOMPI_VERSION__;
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

export async function main(argv: string[], io: CliIo): Promise<number> {
  try {
    const args = parseArgs(argv);
    switch (args.verb) {
      case 'help':
        io.stdout.write(USAGE);
        return EXIT.ok;
      case 'version':
        io.stdout.write(`koompi-ask ${appVersion()}\n`);
        return EXIT.ok;
      case 'route-only':
        return await (await import('./route-only.js')).runRouteOnly(args, io);
      case 'check-command':
        return await (await import('./check-command.js')).runCheckCommand(args, io);
      case 'models':
        return await (await import('./models.js')).runModels(args, io);
      case 'doctor':
        return await (await import('./doctor.js')).runDoctor(args, io);
      case 'eval':
        return await (await import('./eval.js')).runEval(args, io);
      case 'dataset':
        return await (await import('./dataset.js')).runDataset(args, io);
      case 'config':
        return await (await import('./config.js')).runConfig(args, io);
      case 'docs':
        return await (await import('./docs.js')).runDocs(args, io);
      case 'ask':
        return await (await import('./ask.js')).runAsk(args, io);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr.write(`koompi-ask: ${e.message}\n${USAGE}`);
      return EXIT.usage;
    }
    io.stderr.write(`koompi-ask: ${e instanceof Error ? e.message : String(e)}\n`);
    return EXIT.error;
  }
}

const isEntry = process.argv[1] !== undefined && /koompi-ask(\.m?js)?$/.test(process.argv[1]);
if (isEntry) {
  const code = await main(process.argv.slice(2), processIo());
  process.exitCode = code;
}
