// The same file read and written in one pipeline: `sort f > f`, `grep x f | tee f`. The shell empties f before it is read.
import { commandName, destructive, newCtx, type JudgeCtx } from './judge-context.js';
import { resolveWord } from './judge-words.js';
import { normalisePath } from './paths.js';
import type { Node } from './shell-parser.js';
import { unwrap } from './unwrap.js';
import { walkSimple } from './walk.js';

/** Commands whose operands are not files they read. */
const NOT_READERS = new Set([
  'echo',
  'printf',
  'touch',
  'mkdir',
  'ls',
  'test',
  '[',
  '[[',
  'true',
  'false',
  ':',
  'date',
  'tee',
  'sponge',
  'cd',
  'rm',
  'mv',
  'cp',
  'ln',
  'chmod',
  'chown',
  'find',
  'wget',
  'curl',
  'git',
  'pacman',
  'systemctl',
]);

/** Judges one pipeline (or one command, as a pipeline of one stage). */
export function judgeSameFile(stages: Node[], ctx: JudgeCtx): void {
  const reads = new Map<string, string>();
  const writes: { path: string; shown: string; how: string }[] = [];
  for (const stage of stages) {
    walkSimple(stage, (cmd) => {
      for (const r of cmd.redirs) {
        const t = resolveWord(r.target, ctx);
        if (t.dynamic) continue;
        const n = normalisePath(t.text, ctx);
        if (n === null) continue;
        if (r.op === '<' || r.op === '<>') reads.set(n, t.text);
        else if ((r.op === '>' || r.op === '>|' || r.op === '&>') && (r.fd === null || r.fd === 1))
          writes.push({ path: n, shown: t.text, how: r.op });
      }
      if (cmd.words.length === 0) return;
      const scratch = newCtx();
      const u = unwrap(
        cmd.words.map((w) => resolveWord(w, ctx)),
        scratch,
        () => undefined,
      );
      const name = commandName(u.argv[0]);
      const args = u.argv.slice(1).filter((w) => !w.dynamic);
      if (name === 'tee') {
        if (args.some((a) => a.text === '-a' || a.text === '--append')) return;
        for (const a of args)
          if (!a.text.startsWith('-')) {
            const n = normalisePath(a.text, ctx);
            if (n !== null) writes.push({ path: n, shown: a.text, how: '| tee' });
          }
        return;
      }
      if (!name || NOT_READERS.has(name) || u.done) return;
      // `sort -o f f` and `sed -i … f` write in a safe way on purpose
      if (args.some((a) => /^(-o|--output(=.*)?|-i.*|--in-place.*)$/.test(a.text))) return;
      for (const a of args) {
        if (a.text.startsWith('-') || a.glob) continue;
        const n = normalisePath(a.text, ctx);
        if (n !== null) reads.set(n, a.text);
      }
    });
  }
  for (const w of writes) {
    if (reads.has(w.path))
      destructive(ctx, `empties ${w.shown} before it is read: the shell truncates the file for "${w.how}" first, so its contents are lost`);
  }
}
