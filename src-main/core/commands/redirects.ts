// Judges where a command writes: redirects (> >> &> 2>) and tee-like targets, by the kind of path they hit.
import { destructive, elevated, type JudgeCtx } from './judge-context.js';
import { classifyPath, looksLikeExistingFile, normalisePath } from './paths.js';
import type { Word } from './shell-lexer.js';
import type { Redirect } from './shell-parser.js';

export interface WriteOpts {
  append: boolean;
  /** The command writes nothing, so `>` only empties the file (`: > f`, `> f`, `cat /dev/null > f`). */
  truncOnly: boolean;
  /** How the write happens, for the reason text: '>' or 'tee' … */
  how: string;
  /** `>` onto a system file is destructive (it replaces it); tee/cp into /etc is an ordinary root write. */
  systemOverwriteIsDestructive: boolean;
}

export function judgeRedirect(r: Redirect, target: Word, ctx: JudgeCtx, o: { truncOnly: boolean; command: string }): void {
  if (r.op === '<' || r.op === '<<' || r.op === '<<-' || r.op === '<<<') return;
  if ((r.op === '>&' || r.op === '<&') && /^(\d+|-)$/.test(target.text)) return;
  if (r.op === '<&') return;
  // `> >(tee -a log)`: the target is a process substitution (a pipe into a command judged on its own), not a file
  if (target.subs.some((s) => s.kind === 'proc') && /^[<>]\(/.test(target.text)) return;
  const append = r.op === '>>' || r.op === '&>>' || r.op === '<>';
  judgeWrite(target, ctx, { append, truncOnly: o.truncOnly, how: r.op, systemOverwriteIsDestructive: true });
}

export function judgeWrite(target: Word, ctx: JudgeCtx, o: WriteOpts): void {
  const p = target.text;
  const kind = classifyPath(p, ctx);
  if (ctx.remote) {
    // `ssh host "cat > /etc/motd"`: the file is on the other computer; changing its system files still needs care
    if (kind !== 'user' && kind !== 'null-device' && kind !== 'dynamic' && kind !== 'home-root')
      elevated(ctx, `writes ${p} on the other computer (over ssh)`);
    return;
  }
  const shown = p;
  switch (kind) {
    case 'null-device':
      return;
    case 'block-device':
      destructive(ctx, `writes straight onto the disk device ${shown}, destroying what is on it`);
      return;
    case 'device':
      elevated(ctx, `writes to the device ${shown}`);
      return;
    case 'kernel':
      if (/sysrq-trigger$/.test(p))
        destructive(ctx, `triggers a kernel emergency action (${shown}), which can crash or reboot the machine`);
      else elevated(ctx, `changes a kernel setting by writing ${shown}`);
      return;
    case 'root':
    case 'home-root':
    case 'system-top':
      if (o.append) elevated(ctx, `writes into ${shown} (needs root)`);
      else destructive(ctx, `overwrites ${shown} (${o.how})`);
      return;
    case 'system':
      if (o.append) elevated(ctx, `appends to the system file ${shown} (needs root)`);
      else if (o.systemOverwriteIsDestructive) destructive(ctx, `overwrites the system file ${shown} (${o.how} replaces the whole file)`);
      else elevated(ctx, `writes the system file ${shown} (needs root)`);
      return;
    case 'dynamic':
      elevated(ctx, `writes to a file that is only named when it runs (${shown})`);
      return;
    case 'user': {
      if (o.append) return;
      const n = normalisePath(p, ctx) ?? p;
      if (o.truncOnly) destructive(ctx, `empties ${shown} (${o.how} truncates the file)`);
      else if (looksLikeExistingFile(n)) destructive(ctx, `overwrites ${shown} (${o.how} replaces the whole file; >> would append)`);
    }
  }
}
