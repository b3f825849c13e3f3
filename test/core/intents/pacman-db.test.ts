// Reading pacman's databases in their real format: gzip and zstd sync databases, the local database, read once, cached.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  descName,
  nameFromEntryDir,
  packageIndex,
  packageIndexFromEnv,
  readTar,
  syncDbNames,
} from '../../../src-main/core/intents/pacman-db.js';
import { hasZstd, tarOf, tempDir, writeLocalDb, writeSyncDb } from './pacman-fixture.js';

const made: string[] = [];
const dir = (): string => {
  const d = tempDir('koompi-pacman-');
  made.push(d);
  return d;
};
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

describe('pacman database format', () => {
  it('reads %NAME% from desc text and the name from an entry folder', () => {
    expect(descName('%FILENAME%\nx.pkg\n\n%NAME%\nlibreoffice-fresh\n\n%VERSION%\n1-1\n')).toBe('libreoffice-fresh');
    expect(descName('%VERSION%\n1-1\n')).toBeNull();
    expect(nameFromEntryDir('python-pip-24.0-1')).toBe('python-pip');
    expect(nameFromEntryDir('r-4.4.1-2')).toBe('r');
  });

  it('walks a tar with folders, files and a pax long path', () => {
    const long = `${'a'.repeat(120)}-1.0-1/desc`;
    const seen: string[] = [];
    readTar(
      tarOf([
        { path: 'vlc-3.0-1/desc', body: 'x' },
        { path: long, body: 'y' },
      ]),
      (p, b) => seen.push(`${p}=${b.toString()}`),
    );
    expect(seen).toEqual(['vlc-3.0-1/desc=x', `${long}=y`]);
  });

  it('reads a gzip sync database', () => {
    const d = dir();
    writeSyncDb(d, 'extra', ['vlc', 'gimp', 'python-pip']);
    expect(syncDbNames(join(d, 'sync', 'extra.db')).sort()).toEqual(['gimp', 'python-pip', 'vlc']);
  });

  it('reads an uncompressed sync database', () => {
    const d = dir();
    writeSyncDb(d, 'core', ['bash', 'glibc'], 'none');
    expect(syncDbNames(join(d, 'sync', 'core.db')).sort()).toEqual(['bash', 'glibc']);
  });

  it.runIf(hasZstd())('reads a zstd sync database through zstd -dc', () => {
    const d = dir();
    writeSyncDb(d, 'core', ['linux', 'pacman'], 'zstd');
    expect(syncDbNames(join(d, 'sync', 'core.db')).sort()).toEqual(['linux', 'pacman']);
  });

  it('treats an unknown compression as unreadable, not as names', () => {
    const d = dir();
    writeSyncDb(d, 'extra', ['vlc']);
    writeFileSync(join(d, 'sync', 'broken.db'), Buffer.from('BZh91AY&SY not a tar'));
    expect([...packageIndex(d).available!]).toEqual(['vlc']);
  });
});

describe('packageIndex', () => {
  it('merges every sync database and reads the local one for what is installed', () => {
    const d = dir();
    writeSyncDb(d, 'core', ['linux', 'bash']);
    writeSyncDb(d, 'extra', ['vlc', 'gimp']);
    writeLocalDb(d, ['linux', 'bash', 'vlc']);
    const idx = packageIndex(d);
    expect([...idx.available!].sort()).toEqual(['bash', 'gimp', 'linux', 'vlc']);
    expect([...idx.installed()!].sort()).toEqual(['bash', 'linux', 'vlc']);
  });

  it('loads once and keeps it (routing stays fast)', () => {
    const d = dir();
    writeSyncDb(d, 'extra', ['vlc']);
    const first = packageIndex(d).available;
    writeSyncDb(d, 'extra', ['vlc', 'gimp']);
    expect(packageIndex(d).available).toBe(first);
    expect(packageIndex(d).available!.has('gimp')).toBe(false);
  });

  it('has no names where there is no database, and follows KOOMPI_PACMAN_DB_DIR', () => {
    expect(packageIndex(join(dir(), 'missing')).available).toBeNull();
    expect(packageIndex(join(dir(), 'missing')).installed()).toBeNull();
    const d = dir();
    writeSyncDb(d, 'extra', ['krita']);
    expect(packageIndexFromEnv({ KOOMPI_PACMAN_DB_DIR: d }).available!.has('krita')).toBe(true);
  });
});
