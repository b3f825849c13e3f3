// Reads and writes <configDir>/settings.json: defaults when missing, backup + reset when corrupt, migrations, atomic save.
import { mkdir, readFile, rename, writeFile, copyFile, unlink } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { settingsPath } from './config-dir.js';
import { migrate } from './migrations.js';
import { defaultSettings, settingsSchema, SETTINGS_VERSION, type Settings } from './schema.js';

export interface LoadedSettings {
  settings: Settings;
  /** Something the user should be told (file reset, migrated from a newer version…), else null. */
  notice: string | null;
  path: string;
}

/** Settings files larger than this are not settings. */
const MAX_FILE_BYTES = 1024 * 1024;

export async function loadSettings(configDir: string, now: () => Date = () => new Date()): Promise<LoadedSettings> {
  const path = settingsPath(configDir);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { settings: defaultSettings(), notice: null, path };
    return { settings: defaultSettings(), notice: `Could not read ${path} (${(e as Error).message}); using the defaults.`, path };
  }

  const problem = (why: string): Promise<LoadedSettings> => resetCorrupt(configDir, path, why, now());
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
    m = migrate(raw as Record<string, unknown>);
  } catch (e) {
    return problem((e as Error).message);
  }
  const parsed = settingsSchema.safeParse(m.raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return problem(`${first?.path.join('.') || 'a value'}: ${first?.message ?? 'invalid'}`);
  }
  if (m.newer) {
    // Never overwrite a newer app's file: read what we understand, keep the file as it is.
    return { settings: parsed.data, notice: `Settings were written by a newer version (v${m.from}); unknown options are ignored.`, path };
  }
  if (m.migrated) {
    await saveSettings(configDir, parsed.data);
    return { settings: parsed.data, notice: null, path };
  }
  return { settings: parsed.data, notice: null, path };
}

async function resetCorrupt(configDir: string, path: string, why: string, when: Date): Promise<LoadedSettings> {
  const stamp = when.toISOString().replace(/[:.]/g, '-');
  const backup = `${path}.corrupt-${stamp}`;
  const settings = defaultSettings();
  try {
    await copyFile(path, backup);
    await saveSettings(configDir, settings);
  } catch (e) {
    return { settings, notice: `Settings file ${path} is unusable (${why}) and could not be reset (${(e as Error).message}); using the defaults for now.`, path };
  }
  return { settings, notice: `Settings were reset to the defaults because ${path} was unusable (${why}). The old file was kept as ${backup}.`, path };
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

/** Validates and writes settings atomically (temp file in the same directory, then rename). */
export async function saveSettings(configDir: string, settings: Settings): Promise<void> {
  const clean = validSettings({ ...settings, version: SETTINGS_VERSION });
  await mkdir(configDir, { recursive: true, mode: 0o700 });
  const path = settingsPath(configDir);
  const tmp = `${path}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    await writeFile(tmp, JSON.stringify(clean, null, 2) + '\n', { mode: 0o600, flush: true });
    await rename(tmp, path);
  } catch (e) {
    await unlink(tmp).catch(() => {});
    throw e;
  }
}

/** Applies a partial change (validated), saves it and returns the new settings. */
export async function updateSettings(configDir: string, current: Settings, patch: Partial<Settings>): Promise<Settings> {
  const next = validSettings({ ...current, ...patch, version: SETTINGS_VERSION });
  await saveSettings(configDir, next);
  return next;
}
