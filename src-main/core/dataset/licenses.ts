// Which package owns a file and under which licence, from the system's package database: pacman's local database
// on Arch/KOOMPI (%LICENSE% of each package's desc), dpkg's file lists and copyright files on Debian.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Ownership {
  package: string;
  license: string;
}

export interface LicenseLookup {
  /** The owner of an absolute path, or null when no package database knows it. */
  ownerOf(path: string): Ownership | null;
  readonly backend: 'pacman' | 'dpkg' | 'none';
}

const PACMAN_DB = '/var/lib/pacman/local';
const DPKG_INFO = '/var/lib/dpkg/info';

export function systemLicenseLookup(opts: { pacmanDb?: string; dpkgInfo?: string; docRoot?: string; prefix?: string } = {}): LicenseLookup {
  const pacmanDb = opts.pacmanDb ?? PACMAN_DB;
  const dpkgInfo = opts.dpkgInfo ?? DPKG_INFO;
  if (existsSync(pacmanDb)) return pacmanLookup(pacmanDb);
  if (existsSync(dpkgInfo)) return dpkgLookup(dpkgInfo, opts.docRoot ?? '/usr/share/doc');
  return { backend: 'none', ownerOf: () => null };
}

/** Only man page paths are indexed (the maps stay small). */
const WANTED = /\/man\/.*man[0-9n]/;

function pacmanLookup(db: string): LicenseLookup {
  const owner = new Map<string, Ownership>();
  for (const dir of safeList(db)) {
    const desc = safeRead(join(db, dir, 'desc'));
    const files = safeRead(join(db, dir, 'files'));
    if (!desc || !files) continue;
    const name = field(desc, 'NAME')[0] ?? dir;
    const license = field(desc, 'LICENSE').join(' AND ') || 'unknown';
    for (const f of files.split('\n')) if (WANTED.test(f)) owner.set(`/${f}`, { package: name, license });
  }
  return { backend: 'pacman', ownerOf: (p) => owner.get(p) ?? null };
}

function field(desc: string, name: string): string[] {
  const m = new RegExp(`%${name}%\\n([\\s\\S]*?)(?:\\n\\n|$)`).exec(desc);
  return m
    ? m[1]!
        .split('\n')
        .map((s) => s.trim())
        .filter(Boolean)
    : [];
}

function dpkgLookup(info: string, docRoot: string): LicenseLookup {
  const owner = new Map<string, string>();
  for (const n of safeList(info)) {
    if (!n.endsWith('.list')) continue;
    const pkg = n.slice(0, -5).replace(/:.*$/, '');
    const text = safeRead(join(info, n));
    if (!text) continue;
    for (const f of text.split('\n')) if (WANTED.test(f)) owner.set(f, pkg);
  }
  const licenseOf = new Map<string, string>();
  const license = (pkg: string): string => {
    let l = licenseOf.get(pkg);
    if (l === undefined) {
      l = debianLicense(join(docRoot, pkg, 'copyright'));
      licenseOf.set(pkg, l);
    }
    return l;
  };
  return {
    backend: 'dpkg',
    ownerOf: (p) => {
      const pkg = owner.get(p);
      return pkg ? { package: pkg, license: license(pkg) } : null;
    },
  };
}

/** The licences a Debian copyright file names (machine-readable "License:" lines), most common first. */
export function debianLicense(path: string): string {
  const text = safeRead(path);
  if (!text) return 'unknown (no copyright file)';
  const counts = new Map<string, number>();
  for (const m of text.matchAll(/^License:\s*(\S[^\n]*)$/gm)) {
    const l = m[1]!.trim();
    counts.set(l, (counts.get(l) ?? 0) + 1);
  }
  if (counts.size === 0) return `see ${path}`;
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([l]) => l)
    .join('; ');
}

function safeList(d: string): string[] {
  try {
    return readdirSync(d);
  } catch {
    return [];
  }
}

function safeRead(p: string): string | null {
  try {
    return readFileSync(p, 'utf8');
  } catch {
    return null;
  }
}
