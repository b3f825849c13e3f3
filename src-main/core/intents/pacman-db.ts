// The package names this machine knows: pacman's sync databases (what can be installed) and local database (what is).
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

/** Default pacman database folder; KOOMPI_PACMAN_DB_DIR overrides it (tests, other roots). */
export const DEFAULT_PACMAN_DB_DIR = '/var/lib/pacman';
const MAX_DB_BYTES = 256 * 1024 * 1024;
const DECOMPRESS_TIMEOUT_MS = 15_000;

export interface PackageIndex {
  /** Names in the sync databases, or null when there are none (not an Arch machine, or unreadable). */
  available: ReadonlySet<string> | null;
  /** Names installed (local database), or null when it cannot be read. Loaded on first use. */
  installed(): ReadonlySet<string> | null;
}

/** The `%NAME%` value of a pacman `desc` text (null when there is none). */
export function descName(text: string): string | null {
  const m = /(?:^|\n)%NAME%\n([^\n]+)/.exec(text);
  return m ? m[1]!.trim() : null;
}

/** `vlc-3.0.21-5` → `vlc` (pkgver and pkgrel never contain a hyphen). */
export function nameFromEntryDir(dir: string): string | null {
  const m = /^(.+)-[^-]+-[^-]+$/.exec(dir);
  return m ? m[1]! : null;
}

/** Gzip and plain tar are read here; zstd and xz go through their own programs (none: treated as unreadable). */
export function decompress(buf: Buffer): Buffer | null {
  if (buf.length >= 2 && buf[0] === 0x1f && buf[1] === 0x8b) return gunzipSync(buf, { maxOutputLength: MAX_DB_BYTES });
  if (buf.length >= 4 && buf.readUInt32LE(0) === 0xfd2fb528) return viaProgram('zstd', buf);
  if (buf.length >= 6 && buf.subarray(0, 6).equals(Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]))) return viaProgram('xz', buf);
  if (buf.length >= 512 && buf.subarray(257, 262).toString('latin1') === 'ustar') return buf;
  if (buf.length === 0) return buf;
  return null;
}

function viaProgram(program: string, input: Buffer): Buffer | null {
  const r = spawnSync(program, ['-dc'], { input, maxBuffer: MAX_DB_BYTES, timeout: DECOMPRESS_TIMEOUT_MS });
  return r.status === 0 && r.stdout ? r.stdout : null;
}

function octal(b: Buffer, at: number, len: number): number {
  let n = 0;
  for (let i = at; i < at + len; i++) {
    const c = b[i]!;
    if (c >= 48 && c <= 55) n = n * 8 + (c - 48);
    else if (c === 0 || (c === 32 && n > 0)) break;
  }
  return n;
}

function cstr(b: Buffer, at: number, len: number): string {
  let end = at;
  while (end < at + len && b[end] !== 0) end++;
  return b.toString('utf8', at, end);
}

/** Calls `onFile(path, body)` for each regular file in a tar (ustar, GNU long names, pax path records). */
export function readTar(tar: Buffer, onFile: (path: string, body: Buffer) => void): void {
  let off = 0;
  let longName: string | null = null;
  while (off + 512 <= tar.length) {
    const h = tar.subarray(off, off + 512);
    if (h[0] === 0) break; // an empty name: the end-of-archive blocks
    const size = octal(h, 124, 12);
    const type = String.fromCharCode(h[156] ?? 48);
    const body = tar.subarray(off + 512, off + 512 + size);
    const prefix = h[257] === 0x75 && h[345] !== 0 ? cstr(h, 345, 155) : ''; // "ustar" with a prefix field
    let path = longName ?? (prefix ? `${prefix}/${cstr(h, 0, 100)}` : cstr(h, 0, 100));
    longName = null;
    if (type === 'L') longName = body.toString('utf8').replace(/\0.*$/s, '');
    else if (type === 'x') {
      const m = /(?:^|\n)\d+ path=([^\n]*)\n/.exec(body.toString('utf8'));
      if (m) longName = m[1]!;
    } else if (type === '0' || type === '\0') onFile(path, body);
    path = '';
    off += 512 + Math.ceil(size / 512) * 512;
  }
}

/** Package names in one sync database file (`core.db`): `%NAME%` of each `name-ver-rel/desc`. */
export function syncDbNames(file: string): string[] {
  const raw = decompress(readFileSync(file));
  if (!raw) return [];
  const names: string[] = [];
  readTar(raw, (path, body) => {
    const m = /^([^/]+)\/desc$/.exec(path);
    if (!m) return;
    const n = descName(body.toString('utf8')) ?? nameFromEntryDir(m[1]!);
    if (n) names.push(n);
  });
  return names;
}

function loadAvailable(dir: string): Set<string> | null {
  let files: string[];
  try {
    files = readdirSync(join(dir, 'sync')).filter((f) => f.endsWith('.db'));
  } catch {
    return null;
  }
  const names = new Set<string>();
  for (const f of files) {
    try {
      for (const n of syncDbNames(join(dir, 'sync', f))) names.add(n);
    } catch {
      /* one unreadable database: skip it */
    }
  }
  return names.size > 0 ? names : null;
}

function loadInstalled(dir: string): Set<string> | null {
  let entries: string[];
  try {
    entries = readdirSync(join(dir, 'local'));
  } catch {
    return null;
  }
  const names = new Set<string>();
  for (const e of entries) {
    if (e === 'ALPM_DB_VERSION') continue;
    let n: string | null = null;
    try {
      n = descName(readFileSync(join(dir, 'local', e, 'desc'), 'utf8'));
    } catch {
      /* no desc: fall back to the folder name */
    }
    n ??= nameFromEntryDir(e);
    if (n) names.add(n);
  }
  return names.size > 0 ? names : null;
}

const cache = new Map<string, PackageIndex>();

/** The index for a pacman database folder, read on first use and kept for the process. */
export function packageIndex(dir: string): PackageIndex {
  const known = cache.get(dir);
  if (known) return known;
  let available: ReadonlySet<string> | null | undefined;
  let installed: ReadonlySet<string> | null | undefined;
  const index: PackageIndex = {
    get available() {
      if (available === undefined) available = loadAvailable(dir);
      return available;
    },
    installed() {
      if (installed === undefined) installed = loadInstalled(dir);
      return installed;
    },
  };
  cache.set(dir, index);
  return index;
}

/** The machine's index: KOOMPI_PACMAN_DB_DIR or /var/lib/pacman. */
export function packageIndexFromEnv(env: NodeJS.ProcessEnv = process.env): PackageIndex {
  return packageIndex(env.KOOMPI_PACMAN_DB_DIR?.trim() || DEFAULT_PACMAN_DB_DIR);
}
