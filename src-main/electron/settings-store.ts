// Opens the settings file at startup: the core's loader runs first (a damaged file is backed up and
// reset with a notice; old versions are migrated), then electron-store validates the same file against
// the core's JSON Schema. The Store class is passed in (electron-store imports 'electron' when it loads).
// Later writes go through the core's atomic save, so the app and koompi-ask share one file format.
import { loadSettings, settingsJsonSchemaProperties, settingsSchema, type Settings } from '../core/settings/index.js';

export interface StoreLike {
  store: Record<string, unknown>;
}
export type StoreClass = new (options: {
  cwd: string;
  name: string;
  schema: Record<string, unknown>;
  clearInvalidConfig: boolean;
  accessPropertiesByDotNotation: boolean;
}) => StoreLike;

export interface OpenedSettings {
  settings: Settings;
  /** For the user (shown once by the renderer): reset, migrated, or checked without electron-store. */
  notices: string[];
  store: StoreLike | null;
}

export async function openSettingsStore(Store: StoreClass, configDir: string): Promise<OpenedSettings> {
  const loaded = await loadSettings(configDir);
  const notices = loaded.notice ? [loaded.notice] : [];
  try {
    const store = new Store({ cwd: configDir, name: 'settings', schema: settingsJsonSchemaProperties, clearInvalidConfig: false, accessPropertiesByDotNotation: false });
    const parsed = settingsSchema.safeParse(store.store);
    if (parsed.success) return { settings: parsed.data, notices, store };
    notices.push('The settings file did not match what the app expects; the checked values are used.');
    return { settings: loaded.settings, notices, store };
  } catch (err) {
    notices.push(`The settings file could not be opened with its schema (${(err as Error).message.split('\n')[0]}); the checked values are used.`);
    return { settings: loaded.settings, notices, store: null };
  }
}
