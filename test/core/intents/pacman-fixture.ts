// Test helper: small pacman databases in pacman's real format (a tar of name-ver-rel/desc files, gzip or zstd), unit dirs.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

function header(path: string, size: number, type: string): Buffer {
  const h = Buffer.alloc(512);
  h.write(path.slice(0, 100), 0, 'utf8');
  h.write('0000644\0', 100, 'latin1');
  h.write('0000000\0', 108, 'latin1');
  h.write('0000000\0', 116, 'latin1');
  h.write(size.toString(8).padStart(11, '0') + '\0', 124, 'latin1');
  h.write('00000000000\0', 136, 'latin1');
  h.write('        ', 148, 'latin1');
  h.write(type, 156, 'latin1');
  h.write('ustar\0', 257, 'latin1');
  h.write('00', 263, 'latin1');
  let sum = 0;
  for (const b of h) sum += b;
  h.write(sum.toString(8).padStart(6, '0') + '\0 ', 148, 'latin1');
  return h;
}

const pad = (b: Buffer): Buffer => Buffer.concat([b, Buffer.alloc((512 - (b.length % 512)) % 512)]);

/** A ustar archive of the given files (folders get their own entries, as bsdtar writes them; long paths use a pax record). */
export function tarOf(files: { path: string; body: string }[]): Buffer {
  const parts: Buffer[] = [];
  const dirs = new Set<string>();
  for (const f of files) {
    const dir = f.path.split('/')[0]!;
    if (!dirs.has(dir)) {
      dirs.add(dir);
      parts.push(header(`${dir}/`, 0, '5'));
    }
    const body = Buffer.from(f.body, 'utf8');
    if (f.path.length > 100) {
      const rec = `path=${f.path}\n`;
      let len = rec.length + 3;
      while (`${len} ${rec}`.length !== len) len = `${len} ${rec}`.length;
      const pax = Buffer.from(`${len} ${rec}`, 'utf8');
      parts.push(header('PaxHeader', pax.length, 'x'), pad(pax));
    }
    parts.push(header(f.path, body.length, '0'), pad(body));
  }
  parts.push(Buffer.alloc(1024));
  return Buffer.concat(parts);
}

export const desc = (name: string, version = '1.0-1'): string =>
  `%FILENAME%\n${name}-${version}-x86_64.pkg.tar.zst\n\n%NAME%\n${name}\n\n%VERSION%\n${version}\n\n%DESC%\nA test package\n\n`;

export type Compression = 'gzip' | 'zstd' | 'none';

export const hasZstd = (): boolean => spawnSync('zstd', ['--version']).status === 0;

/** Writes DIR/sync/REPO.db holding the packages (version 1.0-1 each). */
export function writeSyncDb(dir: string, repo: string, names: string[], compression: Compression = 'gzip'): void {
  const tar = tarOf(names.map((n) => ({ path: `${n}-1.0-1/desc`, body: desc(n) })));
  mkdirSync(join(dir, 'sync'), { recursive: true });
  let data: Buffer = tar;
  if (compression === 'gzip') data = gzipSync(tar);
  if (compression === 'zstd') {
    const r = spawnSync('zstd', ['-q', '-c'], { input: tar });
    if (r.status !== 0) throw new Error('zstd failed');
    data = r.stdout;
  }
  writeFileSync(join(dir, 'sync', `${repo}.db`), data);
}

/** Writes DIR/local/NAME-1.0-1/desc for each installed package. */
export function writeLocalDb(dir: string, names: string[]): void {
  for (const n of names) {
    mkdirSync(join(dir, 'local', `${n}-1.0-1`), { recursive: true });
    writeFileSync(join(dir, 'local', `${n}-1.0-1`, 'desc'), desc(n));
  }
  writeFileSync(join(dir, 'local', 'ALPM_DB_VERSION'), '9\n');
}

/** A folder of empty unit files (`cups.service` …). */
export function writeUnits(names: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'koompi-units-'));
  for (const n of names) writeFileSync(join(dir, n), '[Unit]\n');
  return dir;
}

export const tempDir = (prefix: string): string => mkdtempSync(join(tmpdir(), prefix));
