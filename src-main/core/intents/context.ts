// The surroundings tier 1 adapts its actions to, and how to find them out (is the `koompi` CLI on PATH?).
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

export interface IntentContext {
  /** Whether the `koompi` CLI is on PATH (then actions use `koompi pkg …`, else pacman/snapper). */
  hasKoompiCli: boolean;
}

const cache = new Map<string, boolean>();

/**
 * Looks for an executable `koompi` file on PATH once per PATH value (cached for the process).
 * KOOMPI_HAS_CLI=1/true or 0/false overrides the search (tests, packagers).
 */
export function detectKoompiCli(env: NodeJS.ProcessEnv = process.env): boolean {
  const override = env.KOOMPI_HAS_CLI?.trim();
  if (override === '1' || override === 'true') return true;
  if (override === '0' || override === 'false') return false;
  const path = env.PATH ?? '';
  const known = cache.get(path);
  if (known !== undefined) return known;
  let found = false;
  for (const dir of path.split(delimiter)) {
    if (!dir) continue;
    const file = join(dir, 'koompi');
    try {
      accessSync(file, constants.X_OK);
      if (statSync(file).isFile()) { found = true; break; }
    } catch {
      // not here
    }
  }
  cache.set(path, found);
  return found;
}

export function contextFromEnv(env: NodeJS.ProcessEnv = process.env): IntentContext {
  return { hasKoompiCli: detectKoompiCli(env) };
}
