// The one tree walker: visits every simple command of a parsed line (through lists, pipelines, groups and functions).
import type { Node, SimpleCommand } from './shell-parser.js';

export interface WalkPlace {
  /** The pipeline the command stands in, and its index there (null outside a pipeline). */
  pipe: { stages: Node[]; index: number } | null;
  /** Started in the background with `&`. */
  background: boolean;
  /** Inside a function body. */
  inFunction: string | null;
}

type Visit = (cmd: SimpleCommand, where: WalkPlace) => boolean | void;
/** Called for every pipeline, group and function before their parts (the judge reads group redirects and pipelines here). */
type Enter = (node: Node, where: WalkPlace) => void;

const TOP: WalkPlace = { pipe: null, background: false, inFunction: null };

/** Calls `visit` for each simple command in source order; return true from `visit` to stop early. */
export function walkSimple(node: Node, visit: Visit, onEnter?: Enter, where: WalkPlace = TOP): boolean {
  switch (node.kind) {
    case 'simple':
      return visit(node, where) === true;
    case 'list':
      for (const it of node.items) if (walkSimple(it.node, visit, onEnter, { ...where, background: it.background })) return true;
      return false;
    case 'pipeline':
      onEnter?.(node, where);
      for (let index = 0; index < node.stages.length; index++)
        if (walkSimple(node.stages[index]!, visit, onEnter, { ...where, pipe: { stages: node.stages, index } })) return true;
      return false;
    case 'group':
      onEnter?.(node, where);
      return walkSimple(node.body, visit, onEnter, where);
    case 'func':
      onEnter?.(node, where);
      return walkSimple(node.body, visit, onEnter, { ...where, pipe: null, inFunction: node.name });
  }
}

/** Every simple command with at least one word, in order. */
export function simpleCommands(node: Node): SimpleCommand[] {
  const out: SimpleCommand[] = [];
  walkSimple(node, (c) => {
    if (c.words.length > 0) out.push(c);
  });
  return out;
}

/** The first simple command (of a pipeline stage, say). */
export function firstSimple(node: Node): SimpleCommand | null {
  let found: SimpleCommand | null = null;
  walkSimple(node, (c) => {
    found = c;
    return true;
  });
  return found;
}
