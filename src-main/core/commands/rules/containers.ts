// Rule family: containers (docker, podman). Running containers needs root-level access; volume removal loses data.
import { destructive, elevated, type JudgeCtx } from '../judge-context.js';
import type { Word } from '../shell-lexer.js';
import { texts, type CmdInfo, type RuleFamily } from './types.js';

function dockerRule(args: Word[], ctx: JudgeCtx, name: string, info: CmdInfo): void {
  const t = texts(args).filter((a) => !a.startsWith('-'));
  const [a, b] = t;
  if (a === undefined) return;
  const SAFE = [
    'ps',
    'images',
    'logs',
    'inspect',
    'version',
    'info',
    'stats',
    'top',
    'search',
    'history',
    'port',
    'diff',
    'events',
    'help',
  ];
  if (
    SAFE.includes(a) ||
    (['container', 'image', 'network', 'volume', 'system', 'context', 'compose'].includes(a) &&
      ['ls', 'list', 'inspect', 'df', 'info', 'ps', 'logs', 'config'].includes(b ?? ''))
  )
    return;
  // `docker rm -f $(docker ps -aq)`, `docker rmi $(docker images -q)`: the list is every container or image
  const removes = a === 'rm' || a === 'rmi' || (['container', 'image', 'volume'].includes(a) && (b === 'rm' || b === 'remove'));
  if (
    removes &&
    (info.viaXargs || ctx.many || args.some((w) => w.subs.some((s) => /\b(docker|podman)\b.*\s-[a-zA-Z]*[aq]/.test(s.source))))
  ) {
    destructive(
      ctx,
      `removes every ${a === 'rmi' || a === 'image' ? 'image' : a === 'volume' ? 'volume' : 'container'} ${name} lists, with what they hold (${name} ${a} $(${name} … -q))`,
    );
    return;
  }
  if (
    (a === 'system' && b === 'prune' && args.some((w) => ['-a', '--all', '--volumes'].includes(w.text))) ||
    (a === 'volume' && (b === 'rm' || b === 'prune')) ||
    (a === 'compose' && b === 'down' && args.some((w) => w.text === '-v' || w.text === '--volumes'))
  ) {
    destructive(ctx, `deletes container data for good (${name} ${a} ${b})`);
    return;
  }
  elevated(ctx, `manages containers with root-level access (${name} ${a}${b && !b.includes('/') ? ' ' + b : ''})`);
}

export const CONTAINERS: RuleFamily = {
  name: 'containers',
  rules: {
    docker: (a, c, i) => dockerRule(a, c, 'docker', i),
    podman: (a, c, i) => dockerRule(a, c, 'podman', i),
  },
  examples: {
    safe: ['docker ps -a', 'podman images', 'docker logs web', 'docker compose ps'],
    elevated: ['docker run --rm -it archlinux bash', 'podman pull docker.io/library/nginx', 'docker stop web'],
    destructive: ['docker rm -f $(docker ps -aq)', 'docker volume rm pgdata', 'docker system prune -a --volumes', 'docker compose down -v'],
  },
};
