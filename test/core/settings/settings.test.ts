// Settings: defaults, corruption backup + reset with a notice (one bad value costs only itself), migration, atomic
// 0600 save of the user's own choices, unknown keys, env overrides.
import { mkdtemp, readFile, readdir, rm, stat, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  applyEnvOverrides,
  defaultSettings,
  loadSettings,
  resolveConfigDir,
  saveSettings,
  settingsJsonSchemaProperties,
  SETTINGS_VERSION,
  updateSettings,
  DEFAULT_HOTKEY,
} from '../../../src-main/core/settings/index.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'koompi-settings-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const file = () => join(dir, 'settings.json');

describe('settings', () => {
  it('missing file -> defaults, no notice, nothing written', async () => {
    const r = await loadSettings(dir);
    expect(r.settings).toEqual(defaultSettings());
    expect(r.notice).toBeNull();
    expect(await readdir(dir)).toEqual([]);
    expect(r.settings.allowCloud).toBe(false);
    expect(r.settings.hotkey).toBe(DEFAULT_HOTKEY);
    expect(r.settings.hotkey.toLowerCase()).not.toBe('meta+space');
  });

  it.each([
    ['not JSON', '{"allowCloud": tru'],
    ['not an object', '[1,2]'],
  ])('corrupt (%s) -> backed up, reset to defaults, notice', async (_name, content) => {
    await writeFile(file(), content);
    const when = new Date('2026-01-02T03:04:05.678Z');
    const r = await loadSettings(dir, () => when);
    expect(r.settings).toEqual(defaultSettings());
    expect(r.notice).toMatch(/reset to the defaults/);
    const backup = `${file()}.corrupt-2026-01-02T03-04-05-678Z`;
    expect(r.notice).toContain(backup);
    expect(await readFile(backup, 'utf8')).toBe(content);
    expect(JSON.parse(await readFile(file(), 'utf8'))).toEqual({ version: SETTINGS_VERSION });
  });

  it.each([
    ['schema-invalid', { language: 'fr' }, 'language'],
    ['wrong type', { allowCloud: 'yes' }, 'allowCloud'],
    ['bad overlay value', { overlay: { position: 'left', hideOnBlur: false } }, 'overlay.position'],
  ])('one bad value (%s) drops that value alone: the other settings stay, with a backup and a notice', async (_name, bad, key) => {
    const content = JSON.stringify({ version: 3, theme: 'dark', ollamaHost: 'http://10.0.0.9:11434', ...bad });
    await writeFile(file(), content);
    const r = await loadSettings(dir, () => new Date('2026-01-02T03:04:05.678Z'));
    expect(r.settings.theme).toBe('dark');
    expect(r.settings.ollamaHost).toBe('http://10.0.0.9:11434');
    expect(r.notice).toContain(key);
    expect(r.notice).toMatch(/other settings are kept/);
    expect(await readFile(`${file()}.corrupt-2026-01-02T03-04-05-678Z`, 'utf8')).toBe(content);
    const onDisk = JSON.parse(await readFile(file(), 'utf8'));
    expect(onDisk.theme).toBe('dark');
    if (key === 'overlay.position') expect(onDisk.overlay).toEqual({ hideOnBlur: false });
    else expect(onDisk[key]).toBeUndefined();
  });

  it('migrates v2 (every setting written) to v3 (only what differs from the defaults)', async () => {
    await writeFile(file(), JSON.stringify({ ...defaultSettings(), version: 2, theme: 'light' }));
    const r = await loadSettings(dir);
    expect(r.settings.theme).toBe('light');
    expect(JSON.parse(await readFile(file(), 'utf8'))).toEqual({ version: SETTINGS_VERSION, theme: 'light' });
  });

  it('migrates v1 (ollamaUrl, cloudEnabled, hideOverlayOnBlur) and writes the new version', async () => {
    await writeFile(
      file(),
      JSON.stringify({ ollamaUrl: 'http://10.0.0.5:11434', cloudEnabled: true, hideOverlayOnBlur: false, theme: 'dark' }),
    );
    const r = await loadSettings(dir);
    expect(r.notice).toBeNull();
    expect(r.settings.ollamaHost).toBe('http://10.0.0.5:11434');
    expect(r.settings.allowCloud).toBe(true);
    expect(r.settings.overlay.hideOnBlur).toBe(false);
    expect(r.settings.theme).toBe('dark');
    const onDisk = JSON.parse(await readFile(file(), 'utf8'));
    expect(onDisk.version).toBe(SETTINGS_VERSION);
    expect(onDisk.ollamaUrl).toBeUndefined();
    expect(onDisk.ollamaHost).toBe('http://10.0.0.5:11434');
  });

  it('a file from a newer version is read but never overwritten', async () => {
    const content = JSON.stringify({ version: 99, theme: 'light', futureThing: 1 });
    await writeFile(file(), content);
    const r = await loadSettings(dir);
    expect(r.settings.theme).toBe('light');
    expect(r.notice).toMatch(/newer version/);
    expect(await readFile(file(), 'utf8')).toBe(content);
  });

  it('drops unknown keys; save is atomic (no temp file left) and round-trips', async () => {
    await writeFile(file(), JSON.stringify({ version: 2, theme: 'dark', bogus: true }));
    const r = await loadSettings(dir);
    expect('bogus' in r.settings).toBe(false);
    const next = await updateSettings(dir, r.settings, { allowCloud: true, model: 'qwen2.5:3b' });
    expect(await readdir(dir)).toEqual(['settings.json']);
    const again = await loadSettings(dir);
    expect(again.settings).toEqual(next);
    expect(again.settings.theme).toBe('dark');
    // Only what the user chose is in the file (a school preset can set the rest), readable by the user alone.
    expect(JSON.parse(await readFile(file(), 'utf8'))).toEqual({
      version: SETTINGS_VERSION,
      theme: 'dark',
      allowCloud: true,
      model: 'qwen2.5:3b',
    });
    expect((await stat(file())).mode & 0o777).toBe(0o600);
  });

  it('save refuses invalid settings and leaves the file as it was', async () => {
    await saveSettings(dir, defaultSettings());
    const before = await readFile(file(), 'utf8');
    await expect(saveSettings(dir, { ...defaultSettings(), keepAlive: 'forever' })).rejects.toThrow();
    expect(await readFile(file(), 'utf8')).toBe(before);
    expect(await readdir(dir)).toEqual(['settings.json']);
  });

  it('creates the config dir when saving', async () => {
    const nested = join(dir, 'a', 'b');
    await saveSettings(nested, defaultSettings());
    expect((await loadSettings(nested)).settings).toEqual(defaultSettings());
  });

  it('env overrides apply at read time and are not saved', async () => {
    await mkdir(dir, { recursive: true });
    const s = (await loadSettings(dir)).settings;
    const eff = applyEnvOverrides(s, {
      OLLAMA_HOST: '127.0.0.1:9999',
      KOOMPI_MODEL: 'tiny:1b',
      KOOMPI_GEMINI_MODEL: 'gemini-x',
      GEMINI_API_KEY: 'k',
    });
    expect(eff.ollamaHost).toBe('127.0.0.1:9999');
    expect(eff.model).toBe('tiny:1b');
    expect(eff.geminiModel).toBe('gemini-x');
    expect(eff.overriddenBy).toEqual({ ollamaHost: 'OLLAMA_HOST', model: 'KOOMPI_MODEL', geminiModel: 'KOOMPI_GEMINI_MODEL' });
    // A key the school locked is not changed by the environment either.
    expect(
      applyEnvOverrides(s, { OLLAMA_HOST: '127.0.0.1:9999' }, { ollamaHost: '/etc/xdg/koompi-assistant/settings.json' }).ollamaHost,
    ).toBe(s.ollamaHost);
    expect(JSON.stringify(eff)).not.toContain('"k"');
    expect(applyEnvOverrides(s, {}).ollamaHost).toBe(s.ollamaHost);
  });

  it('resolves the config dir from KOOMPI_CONFIG_DIR, then XDG_CONFIG_HOME, then ~/.config', () => {
    expect(resolveConfigDir({ KOOMPI_CONFIG_DIR: '/x/y', XDG_CONFIG_HOME: '/cfg' }, '/home/u')).toBe('/x/y');
    expect(resolveConfigDir({ XDG_CONFIG_HOME: '/cfg' }, '/home/u')).toBe('/cfg/koompi-assistant');
    expect(resolveConfigDir({ XDG_CONFIG_HOME: 'relative' }, '/home/u')).toBe('/home/u/.config/koompi-assistant');
    expect(resolveConfigDir({}, '/home/u')).toBe('/home/u/.config/koompi-assistant');
  });

  it('exports a JSON schema with the defaults for electron-store', () => {
    const p = settingsJsonSchemaProperties as Record<string, { default?: unknown; enum?: unknown[] }>;
    expect(p.allowCloud?.default).toBe(false);
    expect(p.language?.enum).toEqual(['auto', 'en', 'km']);
    expect(Object.keys(p).sort()).toEqual(Object.keys(defaultSettings()).sort());
  });
});
