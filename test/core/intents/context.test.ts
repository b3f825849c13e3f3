// detectKoompiCli: finds an executable `koompi` on PATH (real files in a temp dir), honours the override, caches per PATH.
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectKoompiCli } from '../../../src-main/core/intents/index.js';
import { cmd } from './helpers.js';
import { contextFromEnv } from '../../../src-main/core/intents/context.js';

let withCli: string;
let notExecutable: string;

beforeAll(async () => {
  withCli = await mkdtemp(join(tmpdir(), 'koompi-path-'));
  await writeFile(join(withCli, 'koompi'), '#!/bin/sh\nexit 0\n');
  await chmod(join(withCli, 'koompi'), 0o755);
  notExecutable = await mkdtemp(join(tmpdir(), 'koompi-path-noexec-'));
  await writeFile(join(notExecutable, 'koompi'), 'not a program');
  await chmod(join(notExecutable, 'koompi'), 0o644);
});
afterAll(async () => {
  await rm(withCli, { recursive: true, force: true });
  await rm(notExecutable, { recursive: true, force: true });
});

describe('detectKoompiCli', () => {
  it('finds an executable koompi on PATH and ignores a non-executable one', () => {
    expect(detectKoompiCli({ PATH: `/nonexistent:${withCli}` })).toBe(true);
    expect(detectKoompiCli({ PATH: notExecutable })).toBe(false);
    expect(detectKoompiCli({ PATH: '' })).toBe(false);
  });

  it('honours KOOMPI_HAS_CLI', () => {
    expect(detectKoompiCli({ PATH: withCli, KOOMPI_HAS_CLI: '0' })).toBe(false);
    expect(detectKoompiCli({ PATH: '', KOOMPI_HAS_CLI: '1' })).toBe(true);
  });

  it('changes the commands tier 1 builds', () => {
    expect(cmd('install vlc', contextFromEnv({ PATH: withCli }))).toBe('koompi pkg install vlc');
    expect(cmd('install vlc', contextFromEnv({ PATH: notExecutable }))).toBe('sudo pacman -S --needed vlc');
  });
});
