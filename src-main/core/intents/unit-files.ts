// The systemd units this machine has (unit files in the system and user unit folders), read once on first use.
import { existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export interface UnitIndex {
  /** Is there a unit file for `name` (`cups`, `cups.service`, `fstrim.timer`, `getty@tty1`)? */
  has(name: string, user: boolean): boolean;
}

const SYSTEM_DIRS = ['/etc/systemd/system', '/run/systemd/system', '/usr/lib/systemd/system', '/lib/systemd/system'];
const USER_DIRS = ['/etc/systemd/user', '/usr/lib/systemd/user', '/lib/systemd/user'];
const UNIT_FILE = /\.(service|socket|timer|target|path|mount|automount|swap|slice|scope|device)$/;

function readUnits(dirs: readonly string[]): Set<string> {
  const names = new Set<string>();
  for (const d of dirs) {
    let files: string[];
    try {
      files = readdirSync(d);
    } catch {
      continue;
    }
    for (const f of files) if (UNIT_FILE.test(f)) names.add(f);
  }
  return names;
}

/** An index over explicit folders (tests, KOOMPI_UNIT_DIRS); the user folders default to the system ones. */
export function unitIndex(systemDirs: readonly string[], userDirs: readonly string[]): UnitIndex {
  let sys: Set<string> | undefined;
  let usr: Set<string> | undefined;
  return {
    has(name, user) {
      const set = user ? (usr ??= readUnits(userDirs)) : (sys ??= readUnits(systemDirs));
      if (UNIT_FILE.test(name)) return set.has(name);
      const at = name.indexOf('@');
      if (at > 0) return set.has(`${name}.service`) || set.has(`${name.slice(0, at + 1)}.service`);
      return set.has(`${name}.service`) || set.has(`${name}.socket`) || set.has(`${name}.timer`);
    },
  };
}

const cache = new Map<string, UnitIndex | null>();

/**
 * The machine's units: KOOMPI_UNIT_DIRS (and KOOMPI_USER_UNIT_DIRS), colon-separated, or on an Arch system (KOOMPI OS)
 * the standard systemd folders. Null elsewhere: another distribution's unit names (Debian's `ssh`) say nothing
 * about KOOMPI's, so tier 1 then trusts only the units it knows by name.
 */
export function unitIndexFromEnv(env: NodeJS.ProcessEnv = process.env): UnitIndex | null {
  const sysEnv = env.KOOMPI_UNIT_DIRS?.trim();
  const userEnv = env.KOOMPI_USER_UNIT_DIRS?.trim();
  const key = `${sysEnv ?? ''}|${userEnv ?? ''}`;
  if (cache.has(key)) return cache.get(key)!;
  let index: UnitIndex | null = null;
  if (sysEnv) {
    const sys = sysEnv.split(':').filter(Boolean);
    index = unitIndex(sys, userEnv ? userEnv.split(':').filter(Boolean) : sys);
  } else if (existsSync('/etc/arch-release')) {
    index = unitIndex(SYSTEM_DIRS, [...USER_DIRS, join(env.HOME ?? homedir(), '.config/systemd/user')]);
  }
  cache.set(key, index);
  return index;
}
