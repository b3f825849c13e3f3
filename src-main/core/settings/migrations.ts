// Steps that bring an older settings file up to SETTINGS_VERSION; each takes the raw object of version N to N+1.
import { SETTINGS_VERSION } from './schema.js';

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
