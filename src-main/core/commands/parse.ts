// One parse per command line, shared by the judge, the confirm word and run preparation (a small cache keyed by text).
import { parseShell, type ListNode } from './shell-parser.js';

const CACHE_SIZE = 256;
const cache = new Map<string, ListNode | Error>();

/**
 * Parses `text` once: the judge, `confirmWordFor` and `prepareRun` ask for the same line one after another and get the
 * same tree. The tree is shared: callers must not change it. Throws the parser's ShellSyntaxError like parseShell.
 */
export function parseCommandLine(text: string, depth = 0): ListNode {
  if (depth > 0) return parseShell(text, depth);
  let hit = cache.get(text);
  if (hit === undefined) {
    try {
      hit = parseShell(text, 0);
    } catch (e) {
      hit = e instanceof Error ? e : new Error(String(e));
    }
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
    cache.set(text, hit);
  }
  if (hit instanceof Error) throw hit;
  return hit;
}

/** Empties the cache (benchmarks that must measure parsing, tests). */
export function clearParseCache(): void {
  cache.clear();
}
