// The word a person types to confirm a destructive command: the first word of the first real command, wrappers peeled off.
import { commandName, newCtx } from './judge-context.js';
import { parseShell, type Node, type SimpleCommand } from './shell-parser.js';
import { unwrap } from './unwrap.js';

function firstSimple(n: Node): SimpleCommand | null {
  if (n.kind === 'simple') return n.words.length > 0 ? n : null;
  if (n.kind === 'list') { for (const it of n.items) { const s = firstSimple(it.node); if (s) return s; } return null; }
  if (n.kind === 'pipeline') { for (const s of n.stages) { const f = firstSimple(s); if (f) return f; } return null; }
  if (n.kind === 'func') return null;
  return firstSimple(n.body);
}

/** e.g. `sudo rm -rf /x` → `rm`; `env A=1 nohup dd …` → `dd`; unparseable text → its first word. */
export function confirmWordFor(command: string): string {
  try {
    const s = firstSimple(parseShell(command));
    if (s) {
      const u = unwrap(s.words, newCtx(), () => undefined);
      const name = commandName(u.argv[0]) || commandName(s.words[0]);
      if (name) return name;
    }
  } catch { /* fall through */ }
  return command.trim().split(/\s+/)[0] ?? '';
}
