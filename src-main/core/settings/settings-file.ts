// Reads and writes <configDir>/settings.json (only the user's own choices, 0600, atomic) and merges it over the
// school's presets: defaults < presets < unlocked user keys. A bad value drops that key alone; unreadable JSON is backed up.
import { chmod, mkdir, readFile, rename, writeFile, copyFile, unlink } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { settingsPath } from './config-dir.js';
import { migrate } from './migrations.js';
import type { z } from 'zod';
import { defaultSettings, settingsSchema, SETTINGS_VERSION, type Settings } from './schema.js';
import { loadSystemPresets, lockingFile } from './system-presets.js';

export interface LoadedSettings {
  /** In force before env overrides: defaults, then the school's presets, then the user's unlocked choices. */
  settings: Settings;
  /** Something the user should be told (file reset, a bad value dropped, a bad preset…), else null. */
  notice: string | null;
  path: string;
  /** Only what the user's own file sets (the keys the user chose). */
  user: Record<string, unknown>;
  /** Keys locked by an administrator -> the file that locks them. */
  locked: Record<string, string>;
  /** The preset files that were read, most important first. */
  presetFiles: string[];
  /** What the presets set (checked values), by key. */
  presetValues: Record<string, unknown>;
}

/** Settings files larger than this are not settings. */
const MAX_FILE_BYTES = 1024 * 1024;

type Raw = Record<string, unknown>;

interface UserFile {
  user: Raw;
  notice: string | null;
}

/** Reads the user's file: only its valid keys (a bad value drops that key alone, with a backup and a notice). */
async function readUserFile(configDir: string, now: () => Date): Promise<UserFile> {
  const path = settingsPath(configDir);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { user: {}, notice: null };
    return { user: {}, notice: `Could not read ${path} (${(e as Error).message}); using the defaults.` };
  }
  const problem = (why: string): Promise<UserFile> => resetCorrupt(configDir, path, why, now());
  if (text.length > MAX_FILE_BYTES) return problem('it is too large to be a settings file');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return problem(`it is not valid JSON (${(e as Error).message})`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return problem('it is not a JSON object');
  let m;
  try {
    m = migrate(raw as Raw);
  } catch (e) {
    return problem((e as Error).message);
  }
  const { kept, dropped } = validKeys(m.raw);
  if (m.newer) {
    // Never overwrite a newer app's file: read what we understand, keep the file as it is.
    return { user: kept, notice: `Settings were written by a newer version (v${m.from}); unknown options are ignored.` };
  }
  if (dropped.length > 0) {
    // One typo must not cost every other setting: keep the file as it was, drop only the bad values.
    const backup = await backupFile(path, now());
    await writeUserFile(configDir, kept);
    const what = dropped.map((d) => `${d.key} (${d.message})`).join('; ');
    return {
      user: kept,
      notice: `Some settings in ${path} were not valid and were reset to their defaults: ${what}. The other settings are kept; the old file was kept as ${backup}.`,
    };
  }
  if (m.migrated) await writeUserFile(configDir, kept);
  return { user: kept, notice: null };
}

/** Splits a raw object into the keys the schema accepts and the ones it refuses (unknown keys are dropped silently). */
function validKeys(raw: Raw): { kept: Raw; dropped: Array<{ key: string; message: string }> } {
  const kept: Raw = {};
  const dropped: Array<{ key: string; message: string }> = [];
  const shape = settingsSchema.shape as Record<string, z.ZodType>;
  for (const [k, v] of Object.entries(raw)) {
    if (k === 'version' || !(k in shape)) continue;
    if (k === 'overlay' && typeof v === 'object' && v !== null && !Array.isArray(v)) {
      const sub: Raw = {};
      for (const [sk, sv] of Object.entries(v as Raw)) {
        const f = (settingsSchema.shape.overlay.unwrap().shape as Record<string, z.ZodType>)[sk];
        if (!f) continue;
        const r = f.safeParse(sv);
        if (r.success) sub[sk] = sv;
        else dropped.push({ key: `overlay.${sk}`, message: r.error.issues[0]?.message ?? 'invalid' });
      }
      if (Object.keys(sub).length > 0) kept.overlay = sub;
      continue;
    }
    const r = shape[k]!.safeParse(v);
    if (r.success) kept[k] = v;
    else dropped.push({ key: k, message: r.error.issues[0]?.message ?? 'invalid' });
  }
  return { kept, dropped };
}

/** Defaults, then presets, then the user's choices for keys that are not locked. */
export function mergeLayers(presets: Raw, user: Raw, locked: Record<string, string>): Settings {
  const base: Raw = { ...presets };
  if (presets.overlay) base.overlay = { ...(presets.overlay as Raw) };
  for (const [k, v] of Object.entries(user)) {
    if (k === 'overlay' && typeof v === 'object' && v !== null) {
      for (const [sk, sv] of Object.entries(v as Raw)) {
        if (lockingFile(locked, `overlay.${sk}`)) continue;
        base.overlay = { ...((base.overlay as Raw | undefined) ?? {}), [sk]: sv };
      }
    } else if (!lockingFile(locked, k)) {
      base[k] = v;
    }
  }
  const r = settingsSchema.safeParse(base);
  // Each layer was checked key by key; a failure here would be a bug, and the defaults are the safe answer.
  return r.success ? r.data : defaultSettings();
}

export async function loadSettings(
  configDir: string,
  now: () => Date = () => new Date(),
  env: NodeJS.ProcessEnv = process.env,
): Promise<LoadedSettings> {
  const path = settingsPath(configDir);
  const [file, presets] = await Promise.all([readUserFile(configDir, now), loadSystemPresets(env)]);
  const notices = [file.notice, ...presets.notices].filter((n): n is string => n !== null);
  return {
    settings: mergeLayers(presets.values, file.user, presets.locked),
    notice: notices.length > 0 ? notices.join(' ') : null,
    path,
    user: file.user,
    locked: presets.locked,
    presetFiles: presets.files,
    presetValues: presets.values,
  };
}

async function backupFile(path: string, when: Date): Promise<string> {
  const stamp = when.toISOString().replace(/[:.]/g, '-');
  const backup = `${path}.corrupt-${stamp}`;
  await copyFile(path, backup);
  return backup;
}

async function resetCorrupt(configDir: string, path: string, why: string, when: Date): Promise<UserFile> {
  let backup: string;
  try {
    backup = await backupFile(path, when);
    await writeUserFile(configDir, {});
  } catch (e) {
    return {
      user: {},
      notice: `Settings file ${path} is unusable (${why}) and could not be reset (${(e as Error).message}); using the defaults for now.`,
    };
  }
  return {
    user: {},
    notice: `Settings were reset to the defaults because ${path} was unusable (${why}). The old file was kept as ${backup}.`,
  };
}

/** A setting that was refused, with a message a person can act on (never zod's JSON dump). */
export class SettingsError extends Error {}

function validSettings(value: unknown): Settings {
  const r = settingsSchema.safeParse(value);
  if (r.success) return r.data;
  const first = r.error.issues[0];
  const name = first?.path.join('.') || 'a setting';
  throw new SettingsError(`The setting ${name} was not changed: ${first?.message ?? 'the value is not valid'}.`);
}

/** A change refused because an administrator locked the setting; `file` is the preset that locks it. */
export class LockedSettingError extends SettingsError {
  constructor(
    readonly key: string,
    readonly file: string,
  ) {
    super(`The setting ${key} is set by your school and cannot be changed here (locked in ${file}).`);
  }
}

async function atomicWrite(configDir: string, text: string): Promise<void> {
  await mkdir(configDir, { recursive: true, mode: 0o700 });
  const path = settingsPath(configDir);
  const tmp = `${path}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    // 0600: the file says which server a student uses and whether the cloud is allowed; only its owner reads it.
    await writeFile(tmp, text, { mode: 0o600, flush: true });
    await chmod(tmp, 0o600);
    await rename(tmp, path);
  } catch (e) {
    await unlink(tmp).catch(() => {});
    throw e;
  }
}

/** Writes the user's own choices (only the keys given) atomically, readable by the user alone. */
async function writeUserFile(configDir: string, user: Raw): Promise<void> {
  await atomicWrite(configDir, JSON.stringify({ version: SETTINGS_VERSION, ...user }, null, 2) + '\n');
}

/** Validates and writes a complete settings object atomically (temp file in the same directory, then rename). */
export async function saveSettings(configDir: string, settings: Settings): Promise<void> {
  const clean = validSettings({ ...settings, version: SETTINGS_VERSION });
  await atomicWrite(configDir, JSON.stringify(clean, null, 2) + '\n');
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * Applies a partial change to the user's file and returns the settings now in force (before env overrides).
 * The file is read again first, so a change made meanwhile by koompi-ask or the app is kept. A locked key
 * may be "changed" to the value it already has (a settings page sends those); any other change to it is
 * refused with LockedSettingError naming the file.
 */
export async function updateSettings(
  configDir: string,
  _current: Settings,
  patch: Partial<Settings>,
  env: NodeJS.ProcessEnv = process.env,
): Promise<Settings> {
  const now = await loadSettings(configDir, () => new Date(), env);
  const user: Raw = { ...now.user };
  for (const [k, v] of Object.entries(patch) as Array<[string, unknown]>) {
    if (v === undefined || k === 'version') continue;
    if (k === 'overlay' && typeof v === 'object' && v !== null) {
      const sub: Raw = { ...((user.overlay as Raw | undefined) ?? {}) };
      for (const [sk, sv] of Object.entries(v as Raw)) {
        const lock = lockingFile(now.locked, `overlay.${sk}`);
        if (lock) {
          if (!same(sv, (now.settings.overlay as Raw)[sk])) throw new LockedSettingError(`overlay.${sk}`, lock);
          continue;
        }
        sub[sk] = sv;
      }
      user.overlay = sub;
      continue;
    }
    const lock = lockingFile(now.locked, k);
    if (lock) {
      if (!same(v, (now.settings as Raw)[k])) throw new LockedSettingError(k, lock);
      continue;
    }
    user[k] = v;
  }
  validSettings({ ...defaultSettings(), ...user, version: SETTINGS_VERSION });
  await writeUserFile(configDir, user);
  return mergeLayers(now.presetValues, user, now.locked);
}

/** Removes the user's own value for `key` ("model", "overlay.position"), so the preset or the default applies. */
export async function unsetSetting(configDir: string, key: string, env: NodeJS.ProcessEnv = process.env): Promise<Settings> {
  const now = await loadSettings(configDir, () => new Date(), env);
  const lock = lockingFile(now.locked, key);
  if (lock) throw new LockedSettingError(key, lock);
  const user: Raw = { ...now.user };
  if (key.startsWith('overlay.')) {
    const sub: Raw = { ...((user.overlay as Raw | undefined) ?? {}) };
    delete sub[key.slice('overlay.'.length)];
    if (Object.keys(sub).length > 0) user.overlay = sub;
    else delete user.overlay;
  } else {
    delete user[key];
  }
  await writeUserFile(configDir, user);
  return mergeLayers(now.presetValues, user, now.locked);
}
