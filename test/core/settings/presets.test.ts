// School presets ($XDG_CONFIG_DIRS/koompi-assistant/settings.json): defaults < presets < the user's unlocked choices;
// locked keys refuse changes naming the file; the first XDG directory wins; bad presets are reported, not fatal.
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  loadSettings,
  LockedSettingError,
  presetPaths,
  systemConfigDirs,
  unsetSetting,
  updateSettings,
} from '../../../src-main/core/settings/index.js';

let root: string;
let user: string;
let env: NodeJS.ProcessEnv;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'koompi-presets-'));
  user = join(root, 'user');
  env = { XDG_CONFIG_DIRS: `${join(root, 'site')}:${join(root, 'vendor')}` };
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function preset(dir: 'site' | 'vendor', value: unknown): Promise<string> {
  const d = join(root, dir, 'koompi-assistant');
  await mkdir(d, { recursive: true });
  const f = join(d, 'settings.json');
  await writeFile(f, typeof value === 'string' ? value : JSON.stringify(value));
  return f;
}

describe('school presets', () => {
  it('reads $XDG_CONFIG_DIRS (absolute entries), /etc/xdg by default', () => {
    expect(systemConfigDirs({})).toEqual(['/etc/xdg']);
    expect(systemConfigDirs({ XDG_CONFIG_DIRS: 'relative:/a::/b' })).toEqual(['/a', '/b']);
    expect(presetPaths({})).toEqual(['/etc/xdg/koompi-assistant/settings.json']);
  });

  it('a preset sets defaults the user may change; a locked key keeps the preset and names its file', async () => {
    const file = await preset('site', {
      ollamaHost: 'http://school-server:11434',
      allowCloud: false,
      language: 'km',
      locked: ['allowCloud'],
    });
    const r = await loadSettings(user, undefined, env);
    expect(r.settings).toMatchObject({ ollamaHost: 'http://school-server:11434', allowCloud: false, language: 'km' });
    expect(r.locked).toEqual({ allowCloud: file });
    expect(r.presetFiles).toEqual([file]);
    const s = await updateSettings(user, r.settings, { language: 'en' }, env);
    expect(s.language).toBe('en');
    const err = await updateSettings(user, s, { allowCloud: true }, env).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LockedSettingError);
    expect((err as LockedSettingError).message).toContain(file);
    // "Changing" a locked key to the value it has is fine (a settings page sends whole views).
    await expect(updateSettings(user, s, { allowCloud: false, theme: 'dark' }, env)).resolves.toMatchObject({
      theme: 'dark',
      allowCloud: false,
    });
    expect(JSON.parse(await readFile(join(user, 'settings.json'), 'utf8'))).toEqual({ version: 3, language: 'en', theme: 'dark' });
  });

  it('a value the user wrote by hand for a locked key is ignored, not obeyed', async () => {
    await preset('site', { allowCloud: false, locked: ['allowCloud', 'overlay.position'] });
    await mkdir(user, { recursive: true });
    await writeFile(
      join(user, 'settings.json'),
      JSON.stringify({ version: 3, allowCloud: true, overlay: { position: 'top', hideOnBlur: false } }),
    );
    const r = await loadSettings(user, undefined, env);
    expect(r.settings.allowCloud).toBe(false);
    expect(r.settings.overlay).toEqual({ position: 'center', hideOnBlur: false });
  });

  it('the preset changes under a user who never chose: a later preset change reaches them', async () => {
    const f = await preset('site', { ollamaHost: 'http://old-server:11434' });
    await updateSettings(user, (await loadSettings(user, undefined, env)).settings, { theme: 'dark' }, env);
    await writeFile(f, JSON.stringify({ ollamaHost: 'http://new-server:11434' }));
    expect((await loadSettings(user, undefined, env)).settings.ollamaHost).toBe('http://new-server:11434');
  });

  it('the first XDG directory wins over the later ones, value and lock', async () => {
    const site = await preset('site', { model: 'qwen2.5:0.5b', locked: ['model'] });
    await preset('vendor', { model: 'phi3:mini', theme: 'dark', locked: ['model', 'theme'] });
    const r = await loadSettings(user, undefined, env);
    expect(r.settings.model).toBe('qwen2.5:0.5b');
    expect(r.settings.theme).toBe('dark');
    expect(r.locked.model).toBe(site);
    expect(r.locked.theme).toContain('vendor');
  });

  it("unset removes the user's value so the preset applies again; unset of a locked key is refused", async () => {
    await preset('site', { keepAlive: '1h', locked: ['privacyMode'] });
    await updateSettings(user, (await loadSettings(user, undefined, env)).settings, { keepAlive: '5m' }, env);
    expect((await loadSettings(user, undefined, env)).settings.keepAlive).toBe('5m');
    expect((await unsetSetting(user, 'keepAlive', env)).keepAlive).toBe('1h');
    await expect(unsetSetting(user, 'privacyMode', env)).rejects.toBeInstanceOf(LockedSettingError);
  });

  it('a broken preset is reported with its file and skipped; a bad value or lock is skipped alone', async () => {
    const bad = await preset('site', '{"ollamaHost": ');
    let r = await loadSettings(user, undefined, env);
    expect(r.notice).toContain(bad);
    expect(r.settings.ollamaHost).toBe('http://127.0.0.1:11434');
    await preset('site', { language: 'fr', theme: 'dark', locked: ['nonsense', 'theme'] });
    r = await loadSettings(user, undefined, env);
    expect(r.settings.theme).toBe('dark');
    expect(r.settings.language).toBe('auto');
    expect(r.notice).toMatch(/language.*ignored/);
    expect(r.notice).toMatch(/cannot lock unknown setting "nonsense"/);
    expect(Object.keys(r.locked)).toEqual(['theme']);
  });
});
