// koompi-ask models list | pull NAME | rm NAME | show NAME | setup [MODELFILE]: Ollama model management from the shell.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ParsedArgs } from './args.js';
import { EXIT, UsageError, writeJsonLine, type CliIo } from './io.js';
import { createOllamaFromEnv } from '../core/providers/ollama/factory.js';
import type { OllamaModelManager, PullProgress } from '../core/providers/ollama/models.js';
import { parseModelfile, ModelfileError } from '../core/providers/ollama/modelfile.js';
import { PREFERRED_MODEL } from '../core/providers/ollama/chat-provider.js';
import { ProviderError } from '../core/providers/provider.js';
import { readMemory, recommendModel } from '../core/hardware/model-fit.js';
import { formatDuration, PullRate } from './pull-rate.js';
import { adapterProblem, withAdapter } from './models-adapter.js';

const MODEL_NAME = /^[A-Za-z0-9][A-Za-z0-9._\-/:]{0,199}$/;
/** Where the shipped Modelfile lives: env override, the checkout (and dist/cli), the Arch package, electron-builder's resources. */
export function modelfileCandidates(env: NodeJS.ProcessEnv): (string | URL)[] {
  return [
    ...(env.KOOMPI_MODELFILE ? [env.KOOMPI_MODELFILE] : []),
    new URL('../../assets/ollama/Modelfile', import.meta.url),
    ...(process.argv[1] ? [join(dirname(process.argv[1]), '../assets/ollama/Modelfile')] : []), // bin/koompi-ask in a checkout
    '/usr/share/koompi-assistant/Modelfile',
    new URL('../Modelfile', import.meta.url),
  ];
}

export async function runModels(args: ParsedArgs, io: CliIo): Promise<number> {
  try {
    return await models(args, io);
  } catch (e) {
    // main() returns our promise without awaiting it, so its own UsageError handler would not see this one
    if (e instanceof UsageError) {
      io.stderr.write(`koompi-ask: ${e.message}\n${MODELS_USAGE}`);
      return EXIT.usage;
    }
    throw e;
  }
}

const MODELS_USAGE = 'usage: koompi-ask models list | pull NAME | rm NAME | show NAME | setup [MODELFILE] [--adapter FILE.gguf]\n';

async function models(args: ParsedArgs, io: CliIo): Promise<number> {
  const [sub, ...rest] = args.positional;
  const json = args.flags.has('--json');
  const needName = (): string => {
    const name = rest[0];
    if (name === undefined || rest.length !== 1) throw new UsageError(`models ${sub} needs exactly one model name`);
    if (!MODEL_NAME.test(name)) throw new UsageError(`not a model name: ${JSON.stringify(name)}`);
    return name;
  };
  if (sub === undefined) throw new UsageError('models needs a subcommand: list, pull NAME, rm NAME, show NAME or setup');
  if (!['list', 'ls', 'pull', 'rm', 'remove', 'show', 'setup'].includes(sub)) throw new UsageError(`unknown models subcommand: ${sub}`);
  if ((sub === 'list' || sub === 'ls') && rest.length > 0) throw new UsageError('models list takes no arguments');
  if (sub === 'setup' && rest.length > 1) throw new UsageError('models setup takes at most one Modelfile path');
  const name = ['pull', 'rm', 'remove', 'show'].includes(sub) ? needName() : '';

  const ollama = createOllamaFromEnv(io.env);
  try {
    switch (sub) {
      case 'list':
      case 'ls':
        return await list(ollama.models, io, json);
      case 'pull':
        return await pullInterruptible(ollama.models, name, io);
      case 'rm':
      case 'remove':
        await ollama.models.remove(name);
        io.stdout.write(`Removed ${name}.\n`);
        return EXIT.ok;
      case 'show':
        return await show(ollama.models, name, io, json);
      default:
        return await setup(ollama.models, rest[0], io, args.options.get('--adapter'));
    }
  } catch (e) {
    if (e instanceof ProviderError) {
      io.stderr.write(`koompi-ask: ${e.message}\n${e.fix ? `  ${e.fix}\n` : ''}`);
      return EXIT.error;
    }
    if (e instanceof ModelfileError) {
      io.stderr.write(`koompi-ask: ${e.message}\n`);
      return EXIT.error;
    }
    throw e;
  } finally {
    await ollama.close();
  }
}

async function list(models: OllamaModelManager, io: CliIo, json: boolean): Promise<number> {
  const all = await models.list();
  if (json) {
    writeJsonLine(io.stdout, all);
    return EXIT.ok;
  }
  if (all.length === 0) {
    io.stdout.write('No models installed.\n  Run: koompi-ask models pull qwen2.5:1.5b, then koompi-ask models setup\n');
    return EXIT.ok;
  }
  const width = Math.max(4, ...all.map((m) => m.name.length)) + 2;
  io.stdout.write(`${'NAME'.padEnd(width)}${'SIZE'.padEnd(10)}${'PARAMS'.padEnd(8)}MODIFIED\n`);
  for (const m of all) {
    io.stdout.write(
      `${m.name.padEnd(width)}${formatBytes(m.size).padEnd(10)}${(m.parameterSize ?? '').padEnd(8)}${m.modifiedAt.slice(0, 10)}\n`,
    );
  }
  return EXIT.ok;
}

async function show(models: OllamaModelManager, name: string, io: CliIo, json: boolean): Promise<number> {
  const d = await models.show(name);
  if (json) {
    writeJsonLine(io.stdout, d);
    return EXIT.ok;
  }
  const rows: Array<[string, string | undefined]> = [
    ['Model', d.name],
    ['Family', d.family],
    ['Parameters', d.parameterSize],
    ['Quantization', d.quantization],
    ['Capabilities', d.capabilities?.join(', ')],
  ];
  for (const [k, v] of rows) if (v) io.stdout.write(`${`${k}:`.padEnd(14)}${v}\n`);
  if (d.parameters) io.stdout.write(`\nSettings:\n${indent(d.parameters)}\n`);
  if (d.system) io.stdout.write(`\nSystem prompt:\n${indent(d.system)}\n`);
  return EXIT.ok;
}

async function setup(models: OllamaModelManager, modelfilePath: string | undefined, io: CliIo, adapter?: string): Promise<number> {
  const adapterIssue = adapter === undefined ? null : adapterProblem(adapter);
  if (adapterIssue) {
    io.stderr.write(`koompi-ask: ${adapterIssue}\n`);
    return EXIT.usage;
  }
  const source = modelfilePath ?? modelfileCandidates(io.env).find((p) => existsSync(p)) ?? modelfileCandidates(io.env)[0]!;
  let text: string;
  try {
    text = readFileSync(source, 'utf8');
  } catch (e) {
    io.stderr.write(`koompi-ask: cannot read the Modelfile ${String(source)}: ${e instanceof Error ? e.message : String(e)}\n`);
    return EXIT.error;
  }
  const spec = parseModelfile(text);
  // Say whether this machine can run the model well (RAM), before pulling a gigabyte it cannot use.
  const fit = recommendModel(readMemory());
  io.stdout.write(
    `${/[\u1780-\u17ff]/.test(io.env.LANG ?? '') || (io.env.LANG ?? '').startsWith('km') ? fit.km : fit.en}\n${fit.fix ? `  ${fit.fix}\n` : ''}`,
  );
  if (!(await models.has(spec.from))) {
    io.stdout.write(`${spec.from} is not installed yet: pulling it first.\n`);
    await pullWithProgress(models, spec.from, io);
  }
  const target = PREFERRED_MODEL.replace(/:latest$/, '');
  const createSpec = adapter === undefined ? spec : await withAdapter(models, spec, adapter, io);
  io.stdout.write(`Creating ${target} from ${spec.from}${adapter === undefined ? '' : ' with the adapter'}…\n`);
  await models.create(target, createSpec, (p) => {
    if (!io.stdout.isTTY) io.stdout.write(`${p.status}\n`);
  });
  io.stdout.write(`Created ${target}. koompi-ask now uses it unless KOOMPI_MODEL says otherwise.\n`);
  return EXIT.ok;
}

/** Exit status of a pull stopped with Ctrl+C (as for any command ended by SIGINT). */
export const EXIT_PULL_INTERRUPTED = 130;

/** `models pull`: Ctrl+C stops the download and says what happened and how to go on. */
async function pullInterruptible(models: OllamaModelManager, name: string, io: CliIo): Promise<number> {
  const ac = new AbortController();
  const onInt = (): void => ac.abort();
  process.once('SIGINT', onInt);
  try {
    await pullWithProgress(models, name, io, ac.signal);
    io.stdout.write(`Pulled ${name}.\n`);
    return EXIT.ok;
  } catch (e) {
    if (!ac.signal.aborted) throw e;
    io.stderr.write(
      `\nkoompi-ask: pull of ${name} stopped (Ctrl+C); it is not installed. Run the same command again to finish: Ollama keeps the part already downloaded.\n`,
    );
    return EXIT_PULL_INTERRUPTED;
  } finally {
    process.removeListener('SIGINT', onInt);
  }
}

/** A redrawn progress bar with speed and time left on a TTY; one line per status otherwise. */
async function pullWithProgress(models: OllamaModelManager, name: string, io: CliIo, signal?: AbortSignal): Promise<void> {
  const out = io.stdout;
  const tty = out.isTTY === true;
  let lastStatus = '';
  let barOpen = false;
  const rate = new PullRate();
  await models.pull(
    name,
    (p: PullProgress) => {
      if (tty) {
        if (p.status !== lastStatus && barOpen) {
          out.write('\n');
          barOpen = false;
        }
        if (p.total !== undefined && p.percent !== undefined) {
          const r = rate.update(p.digest ?? p.status, p.completed ?? 0, p.total);
          const speed = r.bytesPerSecond !== null ? `  ${formatBytes(r.bytesPerSecond)}/s` : '';
          const left = r.secondsLeft !== null && p.percent < 100 ? `  ${formatDuration(r.secondsLeft)} left` : '';
          out.write(
            `\r${p.status}  ${bar(p.percent)} ${p.percent.toFixed(0).padStart(3)}%  ${formatBytes(p.completed ?? 0)}/${formatBytes(p.total)}${speed}${left}\x1b[K`,
          );
          barOpen = true;
        } else {
          out.write(`${p.status}\n`);
        }
      } else if (p.status !== lastStatus) {
        out.write(`${p.status}${p.total !== undefined ? ` (${formatBytes(p.total)})` : ''}\n`);
      }
      lastStatus = p.status;
    },
    signal,
  );
  if (barOpen) out.write('\n');
}

function bar(percent: number, width = 30): string {
  const full = Math.round((Math.max(0, Math.min(100, percent)) / 100) * width);
  return `[${'#'.repeat(full)}${'-'.repeat(width - full)}]`;
}

export function formatBytes(n: number): string {
  if (n >= 1e9) return `${(n / 1e9).toFixed(1)} GB`;
  if (n >= 1e6) return `${Math.round(n / 1e6)} MB`;
  if (n >= 1e3) return `${Math.round(n / 1e3)} KB`;
  return `${n} B`;
}

const indent = (text: string): string =>
  text
    .split('\n')
    .map((l) => `  ${l}`)
    .join('\n');
