// Splits koompi-ask's argv into the verb, its flags and its positional text.
import { UsageError } from './io.js';

export interface ParsedArgs {
  verb: 'ask' | 'route-only' | 'check-command' | 'models' | 'doctor' | 'version' | 'help';
  flags: Set<string>;
  /** Flag values such as --model NAME. */
  options: Map<string, string>;
  positional: string[];
}

const BOOLEAN_FLAGS = new Set(['--json', '--jsonl', '--offline', '--run', '--route-only', '--version', '--help', '-h', '--no-color', '--cloud']);
const VALUE_FLAGS = new Set(['--model']);

export function parseArgs(argv: string[]): ParsedArgs {
  const flags = new Set<string>();
  const options = new Map<string, string>();
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') { positional.push(...argv.slice(i + 1)); break; }
    if (BOOLEAN_FLAGS.has(a)) { flags.add(a); continue; }
    if (VALUE_FLAGS.has(a)) {
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${a} needs a value`);
      options.set(a, v);
      continue;
    }
    if (a.startsWith('--') && a.includes('=') && VALUE_FLAGS.has(a.slice(0, a.indexOf('=')))) {
      options.set(a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1));
      continue;
    }
    if (a.startsWith('-') && a.length > 1 && positional.length === 0) throw new UsageError(`unknown option ${a}`);
    positional.push(a);
  }
  let verb: ParsedArgs['verb'] = 'ask';
  if (flags.has('--help') || flags.has('-h')) verb = 'help';
  else if (flags.has('--version')) verb = 'version';
  else if (flags.has('--route-only')) verb = 'route-only';
  else if (positional[0] === 'check-command') { verb = 'check-command'; positional.shift(); }
  else if (positional[0] === 'models') { verb = 'models'; positional.shift(); }
  else if (positional[0] === 'doctor') { verb = 'doctor'; positional.shift(); }
  return { verb, flags, options, positional };
}

export const USAGE = `usage:
  koompi-ask [--json] [--offline] [--run] "question"
  koompi-ask --route-only [--json] "question"
  koompi-ask --route-only --jsonl < questions.txt
  koompi-ask check-command [--json] "command"
  koompi-ask check-command --jsonl < commands.txt
  koompi-ask models list | pull NAME | rm NAME | show NAME | setup
  koompi-ask doctor
  koompi-ask --version
`;
