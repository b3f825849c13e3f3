// The word a person types to confirm a destructive command: the name of its riskiest part, wrappers peeled off.
import { commandName, newCtx } from './judge-context.js';
import { judgeCommand } from './judge.js';
import { parseCommandLine } from './parse.js';
import type { SimpleCommand } from './shell-parser.js';
import { unwrap } from './unwrap.js';
import { simpleCommands } from './walk.js';

const nameOf = (s: SimpleCommand): string => {
  const u = unwrap(s.words, newCtx(), () => undefined);
  return commandName(u.argv[0]) || commandName(s.words[0]);
};

/**
 * e.g. `sudo rm -rf /x` → `rm`; `echo done; rm -rf ~` → `rm` (the destructive part, not the harmless first one);
 * `env A=1 nohup dd …` → `dd`; unparseable text → its first word.
 */
export function confirmWordFor(command: string): string {
  try {
    const parts = simpleCommands(parseCommandLine(command));
    const worst = parts.find((s) => judgeCommand(s.words.map((w) => w.raw).join(' ')).risk === 'destructive') ?? parts[0];
    const name = worst ? nameOf(worst) : '';
    if (name) return name;
  } catch {
    /* fall through */
  }
  return command.trim().split(/\s+/)[0] ?? '';
}
