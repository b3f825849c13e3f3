// Rule family: git. What throws away work (reset --hard, clean -f, checkout ., forced pushes) or history.
import { destructive, elevated, type JudgeCtx } from '../judge-context.js';
import type { Word } from '../shell-lexer.js';
import { texts, type RuleFamily } from './types.js';

function gitRule(args: Word[], ctx: JudgeCtx): void {
  const t = texts(args);
  let i = 0;
  while (i < t.length && t[i]!.startsWith('-')) i += ['-C', '-c', '--git-dir', '--work-tree', '--namespace'].includes(t[i]!) ? 2 : 1;
  const sub = t[i];
  const rest = t.slice(i + 1);
  const dry = rest.some((a) => a === '--dry-run' || (/^-[a-zA-Z]*n[a-zA-Z]*$/.test(a) && !a.startsWith('--')));
  const flag = (...f: string[]): boolean =>
    rest.some(
      (a) =>
        f.includes(a) ||
        (f.some((x) => /^-[a-z]$/.test(x)) && /^-[a-zA-Z]+$/.test(a) && f.some((x) => /^-[a-z]$/.test(x) && a.includes(x[1]!))),
    );
  switch (sub) {
    case 'reset':
      if (rest.includes('--hard') || rest.includes('--merge')) destructive(ctx, 'throws away uncommitted changes (git reset --hard)');
      return;
    case 'clean':
      if (flag('-f', '--force') && !dry) destructive(ctx, `deletes untracked files for good (git clean ${rest.join(' ')})`);
      return;
    case 'push':
      if (
        !dry &&
        rest.some(
          (a) =>
            a === '-f' ||
            a === '--force' ||
            a.startsWith('--force-with-lease') ||
            a === '--mirror' ||
            a === '--delete' ||
            a === '-d' ||
            /^\+/.test(a) ||
            /^:[^/]/.test(a) ||
            /^-[a-zA-Z]*f/.test(a),
        )
      )
        destructive(ctx, 'overwrites or deletes history on the remote (git push --force)');
      return;
    case 'checkout':
      if (rest.includes('.') || rest.includes('--') || rest.includes('-f') || rest.includes('--force'))
        destructive(ctx, 'throws away uncommitted changes (git checkout .)');
      return;
    case 'restore':
      if (!rest.includes('--staged') || rest.includes('--worktree') || rest.includes('-W'))
        destructive(ctx, 'throws away uncommitted changes (git restore)');
      return;
    case 'switch':
      if (rest.includes('-f') || rest.includes('--force') || rest.includes('--discard-changes'))
        destructive(ctx, 'throws away uncommitted changes (git switch --discard-changes)');
      return;
    case 'stash':
      if (rest[0] === 'clear' || rest[0] === 'drop') elevated(ctx, `deletes saved stashes (git stash ${rest[0]})`);
      return;
    case 'branch':
      if (rest.includes('-D') || (rest.includes('-d') && rest.includes('--force')))
        elevated(ctx, 'deletes a branch even if it is not merged (git branch -D)');
      return;
    case 'filter-branch':
    case 'filter-repo':
      destructive(ctx, `rewrites the whole history of the repository (git ${sub})`);
      return;
    case 'gc':
      if (rest.some((a) => a.startsWith('--prune'))) elevated(ctx, 'permanently drops unreachable commits (git gc --prune)');
      return;
    case 'reflog':
      if (rest[0] === 'expire' || rest[0] === 'delete') elevated(ctx, 'drops the record of old commits (git reflog expire)');
      return;
    case 'rm':
      if (!dry) elevated(ctx, `deletes files from the working tree (git rm ${rest.join(' ')})`);
      return;
    case 'update-ref':
      if (rest.includes('-d')) elevated(ctx, 'deletes a git reference (git update-ref -d)');
      return;
  }
}

export const GIT: RuleFamily = {
  name: 'git',
  rules: { git: (a, c) => gitRule(a, c) },
  examples: {
    safe: [
      'git status && git log --oneline -5',
      'git diff HEAD~1',
      'git clean -n',
      'git push origin main',
      'git push --force --dry-run origin main',
    ],
    elevated: ['git branch -D old-feature', 'git stash drop', 'git rm notes.txt', 'git gc --prune=now'],
    destructive: ['git reset --hard HEAD~3', 'git clean -fdx', 'git push --force origin main', 'git checkout -- .', 'git restore src/'],
  },
};
