// Splits koompi-ask's argv into the verb, its flags and its positional text.
import { UsageError } from './io.js';

export interface ParsedArgs {
  verb: 'ask' | 'route-only' | 'check-command' | 'models' | 'doctor' | 'config' | 'eval' | 'dataset' | 'docs' | 'version' | 'help';
  flags: Set<string>;
  /** Flag values such as --model NAME. */
  options: Map<string, string>;
  positional: string[];
}

const BOOLEAN_FLAGS = new Set([
  '--json',
  '--jsonl',
  '--offline',
  '--run',
  '--route-only',
  '--version',
  '--help',
  '-h',
  '--no-color',
  '--cloud',
  '--netns',
  '--in-netns',
]);
const VALUE_FLAGS = new Set(['--model', '--set', '--out', '--server', '--limit', '--adapter', '--baseline']);

export function parseArgs(argv: string[]): ParsedArgs {
  const flags = new Set<string>();
  const options = new Map<string, string>();
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (BOOLEAN_FLAGS.has(a)) {
      flags.add(a);
      continue;
    }
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
  else if (positional[0] === 'check-command') {
    verb = 'check-command';
    positional.shift();
  } else if (positional[0] === 'models') {
    verb = 'models';
    positional.shift();
  } else if (positional[0] === 'doctor') {
    verb = 'doctor';
    positional.shift();
  } else if (positional[0] === 'eval') {
    verb = 'eval';
    positional.shift();
  } else if (positional[0] === 'dataset') {
    verb = 'dataset';
    positional.shift();
  } else if (positional[0] === 'config') {
    verb = 'config';
    positional.shift();
  } else if (positional[0] === 'docs') {
    verb = 'docs';
    positional.shift();
  }
  return { verb, flags, options, positional };
}

export const USAGE = `usage:
  koompi-ask [--json] [--offline] [--run] [--cloud] [--model NAME] [--no-color] "question"
  echo "question" | koompi-ask [--json] [--offline]
  koompi-ask --route-only [--json] "question"
  koompi-ask --route-only --jsonl < questions.txt
  koompi-ask check-command [--json] "command"
  koompi-ask check-command --jsonl < commands.txt
  koompi-ask models list | pull NAME | rm NAME | show NAME | setup [MODELFILE] [--adapter FILE.gguf]
  koompi-ask doctor
  koompi-ask eval [--set FILE] [--out DIR] [--json] [--netns] [--server CMD] [--model NAME] [--limit N] [--baseline OLD/report.json]
  koompi-ask dataset build --out DIR [--json]
  koompi-ask config list [--json] | get KEY | set KEY VALUE | unset KEY | path
  koompi-ask config set-key gemini|openai  (the key from stdin, never argv) | rm-key gemini|openai
  koompi-ask docs index [--json] | search [--json] [--limit N] "query" | status [--json]
  koompi-ask --version | --help

  --json       one JSON object (or --jsonl: one per input line) instead of text
  --offline    never use the cloud, whatever the settings say
  --run        offer each command of the answer to run on this terminal (y/N; destructive: type its word)
  --cloud      try Gemini first (when allowed);  --model NAME  use this local model
  --no-color   no colours (NO_COLOR does the same)
`;
