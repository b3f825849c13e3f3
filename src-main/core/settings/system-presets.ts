// Administrator presets (KDE Kiosk's idea): koompi-assistant/settings.json under each of $XDG_CONFIG_DIRS
// (default /etc/xdg), the settings shape plus "locked": [keys]. The first directory is the most important one
// (XDG base-directory spec), so files are merged from the last to the first. A locked key reports the file that
// locks it; a bad value in a preset is skipped with a notice naming the file, never a crash.
import { readFile } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { APP_DIR_NAME } from './config-dir.js';
import { settingsSchema } from './schema.js';

export const DEFAULT_XDG_CONFIG_DIRS = ['/etc/xdg'];
const MAX_PRESET_BYTES = 256 * 1024;

export interface SystemPresets {
  /** Preset values by top-level key (already checked against the schema), e.g. { ollamaHost: 'http://…' }. */
  values: Record<string, unknown>;
  /** Locked keys ("allowCloud", or "overlay.hideOnBlur") -> the file that locks them. */
  locked: Record<string, string>;
  /** Preset files that were read, most important first. */
  files: string[];
  /** Problems an administrator should fix (unreadable file, bad value, unknown locked key). */
  notices: string[];
}

/** $XDG_CONFIG_DIRS, absolute entries only (the spec says relative ones are ignored); default /etc/xdg. */
export function systemConfigDirs(env: NodeJS.ProcessEnv): string[] {
  const raw = env.XDG_CONFIG_DIRS?.trim();
  const dirs = (raw ? raw.split(':') : []).map((d) => d.trim()).filter((d) => d !== '' && isAbsolute(d));
  return dirs.length > 0 ? dirs : DEFAULT_XDG_CONFIG_DIRS;
}

export function presetPaths(env: NodeJS.ProcessEnv): string[] {
  return systemConfigDirs(env).map((d) => join(d, APP_DIR_NAME, 'settings.json'));
}

const shape = settingsSchema.shape as Record<
  string,
  { safeParse(v: unknown): { success: boolean; error?: { issues: Array<{ message: string }> } } }
>;

/** Keys an administrator may lock: every setting, and the overlay's own keys. */
export function lockableKeys(): string[] {
  const out: string[] = [];
  for (const k of Object.keys(shape)) {
    if (k === 'version') continue;
    out.push(k);
    if (k === 'overlay') out.push('overlay.hideOnBlur', 'overlay.position');
  }
  return out;
}

export async function loadSystemPresets(env: NodeJS.ProcessEnv): Promise<SystemPresets> {
  const out: SystemPresets = { values: {}, locked: {}, files: [], notices: [] };
  const paths = presetPaths(env);
  // Least important first, so a more important file overwrites.
  for (const path of [...paths].reverse()) {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR')
        out.notices.push(`The school settings ${path} could not be read (${(e as Error).message}).`);
      continue;
    }
    out.files.unshift(path);
    if (text.length > MAX_PRESET_BYTES) {
      out.notices.push(`The school settings ${path} are too large and were ignored.`);
      continue;
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (e) {
      out.notices.push(`The school settings ${path} are not valid JSON (${(e as Error).message}) and were ignored.`);
      continue;
    }
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      out.notices.push(`The school settings ${path} are not a JSON object and were ignored.`);
      continue;
    }
    const obj = raw as Record<string, unknown>;
    for (const [k, v] of Object.entries(obj)) {
      if (k === 'locked' || k === 'version' || k === '$comment') continue;
      const field = shape[k];
      if (!field) {
        out.notices.push(`${path}: unknown setting "${k}" ignored.`);
        continue;
      }
      if (k === 'overlay' && typeof v === 'object' && v !== null && !Array.isArray(v)) {
        // A preset may set one overlay key and leave the other to the user.
        const prev = (out.values.overlay ?? {}) as Record<string, unknown>;
        const merged = { ...prev, ...(v as Record<string, unknown>) };
        const r = settingsSchema.shape.overlay.safeParse(merged);
        if (r.success) out.values.overlay = Object.fromEntries(Object.entries(merged).filter(([sub]) => sub in r.data));
        else out.notices.push(`${path}: overlay: ${r.error.issues[0]?.message ?? 'invalid'}; ignored.`);
        continue;
      }
      const r = field.safeParse(v);
      if (r.success) out.values[k] = v;
      else out.notices.push(`${path}: ${k}: ${r.error?.issues[0]?.message ?? 'invalid'}; ignored.`);
    }
    const locked = obj.locked;
    if (locked !== undefined) {
      if (!Array.isArray(locked)) {
        out.notices.push(`${path}: "locked" must be a list of setting names.`);
        continue;
      }
      const known = new Set(lockableKeys());
      for (const k of locked) {
        if (typeof k !== 'string' || !known.has(k)) {
          out.notices.push(`${path}: cannot lock unknown setting ${JSON.stringify(k)}.`);
          continue;
        }
        out.locked[k] = path; // a more important file (read later) names itself
      }
    }
  }
  return out;
}

/** The file that locks `key` (or its parent: locking "overlay" locks "overlay.position"), else null. */
export function lockingFile(locked: Record<string, string>, key: string): string | null {
  if (locked[key]) return locked[key]!;
  const dot = key.indexOf('.');
  if (dot !== -1 && locked[key.slice(0, dot)]) return locked[key.slice(0, dot)]!;
  return null;
}
