// The surroundings tier 1 adapts its actions to, and how to find them out (is the `koompi` CLI on PATH?).
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { installedFlatpaks } from './flatpak-refs.js';
import { packageIndexFromEnv, type PackageIndex } from './pacman-db.js';
import { unitIndexFromEnv, type UnitIndex } from './unit-files.js';

export interface IntentContext {
  /** Whether the `koompi` CLI is on PATH (then actions use `koompi pkg …`, else pacman/snapper). */
  hasKoompiCli: boolean;
  /** Whether `checkupdates` (pacman-contrib) is on PATH: "check for updates" runs it; without it the model answers. */
  hasCheckupdates?: boolean;
  /** Package names the machine knows (pacman databases). Left out: this machine's, read on first use. */
  packages?: PackageIndex;
  /** Unit files the machine has; null: none known (trust only units tier 1 knows by name). Left out: this machine's. */
  units?: UnitIndex | null;
  /** Installed Flatpak app IDs. Left out: this machine's. */
  flatpaks?: readonly string[];
}

/** What the machine knows, from the context or (when left out) from this machine itself. */
export interface MachineFacts {
  packages: PackageIndex;
  units: UnitIndex | null;
  flatpaks: () => readonly string[];
}

export function factsOf(ctx: IntentContext): MachineFacts {
  return {
    packages: ctx.packages ?? packageIndexFromEnv(process.env),
    units: ctx.units !== undefined ? ctx.units : unitIndexFromEnv(process.env),
    flatpaks: () => ctx.flatpaks ?? installedFlatpaks(process.env),
  };
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
  return onPath('koompi', env.PATH ?? '');
}

/** Is `checkupdates` (pacman-contrib) on PATH? KOOMPI_HAS_CHECKUPDATES=1/0 overrides the search. */
export function detectCheckupdates(env: NodeJS.ProcessEnv = process.env): boolean {
  const override = env.KOOMPI_HAS_CHECKUPDATES?.trim();
  if (override === '1' || override === 'true') return true;
  if (override === '0' || override === 'false') return false;
  return onPath('checkupdates', env.PATH ?? '');
}

function onPath(program: string, path: string): boolean {
  const key = `${program}\0${path}`;
  const known = cache.get(key);
  if (known !== undefined) return known;
  let found = false;
  for (const dir of path.split(delimiter)) {
    if (!dir) continue;
    const file = join(dir, program);
    try {
      accessSync(file, constants.X_OK);
      if (statSync(file).isFile()) {
        found = true;
        break;
      }
    } catch {
      // not here
    }
  }
  cache.set(key, found);
  return found;
}

/** Everything from the environment: koompi CLI, checkupdates, pacman databases, unit files, Flatpak apps (read lazily). */
export function contextFromEnv(env: NodeJS.ProcessEnv = process.env): IntentContext {
  let flatpaks: readonly string[] | undefined;
  return {
    hasKoompiCli: detectKoompiCli(env),
    hasCheckupdates: detectCheckupdates(env),
    packages: packageIndexFromEnv(env),
    units: unitIndexFromEnv(env),
    get flatpaks() {
      return (flatpaks ??= installedFlatpaks(env));
    },
  };
}
