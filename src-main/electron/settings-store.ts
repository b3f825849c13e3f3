// Opens the settings at startup with the core's loader, the same one koompi-ask uses: the school's presets
// ($XDG_CONFIG_DIRS/koompi-assistant/settings.json, locked keys) under the user's own file, a damaged file backed
// up and reset (one bad value drops only that value), old versions migrated. Writes go through the core's atomic
// 0600 writer (never electron-store's 0644 one), so the app and the CLI share one file, one format, one mode.
import { loadSettings, type Settings } from '../core/settings/index.js';

export interface OpenedSettings {
  settings: Settings;
  /** For the user (shown once by the renderer): reset, a value dropped, a bad school preset. */
  notices: string[];
  /** Settings locked by the school -> the file that locks them. */
  locked: Record<string, string>;
}

export async function openSettingsStore(configDir: string, env: NodeJS.ProcessEnv): Promise<OpenedSettings> {
  const loaded = await loadSettings(configDir, undefined, env);
  return { settings: loaded.settings, notices: loaded.notice ? [loaded.notice] : [], locked: loaded.locked };
}
