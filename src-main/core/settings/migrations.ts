// Steps that bring an older settings file up to SETTINGS_VERSION; each takes the raw object of version N to N+1.
import { defaultSettings, SETTINGS_VERSION } from './schema.js';

type Raw = Record<string, unknown>;

/** migrations[n] turns a version-n object into a version-(n+1) object. */
const migrations: Record<number, (raw: Raw) => Raw> = {
  // v1 (the first preview) stored the Ollama URL as `ollamaUrl`, consent as `cloudEnabled`, and the
  // overlay flag at the top level as `hideOverlayOnBlur`.
  1: (raw) => {
    const { ollamaUrl, cloudEnabled, hideOverlayOnBlur, ...rest } = raw;
    const out: Raw = { ...rest, version: 2 };
    if (out.ollamaHost === undefined && typeof ollamaUrl === 'string') out.ollamaHost = ollamaUrl;
    if (out.allowCloud === undefined && typeof cloudEnabled === 'boolean') out.allowCloud = cloudEnabled;
    if (typeof hideOverlayOnBlur === 'boolean') {
      const overlay = (typeof out.overlay === 'object' && out.overlay !== null ? out.overlay : {}) as Raw;
      out.overlay = { ...overlay, hideOnBlur: hideOverlayOnBlur };
    }
    return out;
  },
  // v2 wrote every setting, chosen or not. From v3 the user's file holds only what the user chose, so that a
  // school's preset (XDG_CONFIG_DIRS) can set the rest. A v2 value equal to the default was never a choice.
  2: (raw) => {
    const defaults = defaultSettings() as Record<string, unknown>;
    const out: Raw = { version: 3 };
    for (const [k, v] of Object.entries(raw)) {
      if (k === 'version') continue;
      if (k in defaults && JSON.stringify(v) === JSON.stringify(defaults[k])) continue;
      out[k] = v;
    }
    return out;
  },
};

export interface MigrationResult {
  raw: Raw;
  from: number;
  migrated: boolean;
  /** The file was written by a newer version of the app. */
  newer: boolean;
}

/** A file without `version` is treated as version 1. */
export function migrate(input: Raw): MigrationResult {
  const v = input.version;
  const from = typeof v === 'number' && Number.isInteger(v) && v >= 1 ? v : 1;
  if (from > SETTINGS_VERSION) return { raw: { ...input, version: SETTINGS_VERSION }, from, migrated: false, newer: true };
  let raw = input;
  for (let n = from; n < SETTINGS_VERSION; n++) {
    const step = migrations[n];
    if (!step) throw new Error(`no settings migration from version ${n}`);
    raw = step(raw);
  }
  return { raw, from, migrated: from < SETTINGS_VERSION, newer: false };
}
