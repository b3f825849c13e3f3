// Opening settings at startup with the core's loader (the same as koompi-ask): a damaged file is backed up and reset
// with a notice (never a crash), the school's presets apply with their locks, and the app writes 0600, not 0644.
import { mkdtemp, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSettingsStore } from '../../src-main/electron/settings-store.js';
import { updateSettings } from '../../src-main/core/settings/index.js';

let dir: string;
let env: NodeJS.ProcessEnv;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'koompi-settings-'));
  env = { XDG_CONFIG_DIRS: join(dir, 'xdg') };
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('openSettingsStore', () => {
  it('backs up and resets a corrupted file, with a notice', async () => {
    await writeFile(join(dir, 'settings.json'), '{"ollamaHost": "http://x", oops');
    const r = await openSettingsStore(dir, env);
    expect(r.notices.join(' ')).toMatch(/reset to the defaults.*kept as/);
    expect(r.settings.ollamaHost).toBe('http://127.0.0.1:11434');
    const backup = (await readdir(dir)).find((n) => n.startsWith('settings.json.corrupt-'));
    expect(await readFile(join(dir, backup!), 'utf8')).toContain('oops');
  });

  it('migrates an old file', async () => {
    await writeFile(
      join(dir, 'settings.json'),
      JSON.stringify({ version: 1, ollamaUrl: 'http://10.0.0.2:11434', hideOverlayOnBlur: false }),
    );
    const r = await openSettingsStore(dir, env);
    expect(r.notices).toEqual([]);
    expect(r.settings.ollamaHost).toBe('http://10.0.0.2:11434');
    expect(r.settings.overlay.hideOnBlur).toBe(false);
  });

  it('applies the school preset and reports its locks; a change is written 0600', async () => {
    await mkdir(join(dir, 'xdg', 'koompi-assistant'), { recursive: true });
    const preset = join(dir, 'xdg', 'koompi-assistant', 'settings.json');
    await writeFile(preset, JSON.stringify({ ollamaHost: 'http://school:11434', privacyMode: true, locked: ['privacyMode'] }));
    const r = await openSettingsStore(dir, env);
    expect(r.settings).toMatchObject({ ollamaHost: 'http://school:11434', privacyMode: true });
    expect(r.locked).toEqual({ privacyMode: preset });
    await updateSettings(dir, r.settings, { theme: 'dark' }, env);
    expect((await stat(join(dir, 'settings.json'))).mode & 0o777).toBe(0o600);
  });
});
