// Public entry of settings: schema, defaults, where the file lives, school presets, load/save and env overrides.
export {
  settingsSchema,
  settingsJsonSchema,
  settingsJsonSchemaProperties,
  defaultSettings,
  SETTINGS_VERSION,
  DEFAULT_HOTKEY,
  type Settings,
} from './schema.js';
export { resolveConfigDir, settingsPath, APP_DIR_NAME } from './config-dir.js';
export {
  loadSettings,
  saveSettings,
  updateSettings,
  unsetSetting,
  mergeLayers,
  SettingsError,
  LockedSettingError,
  type LoadedSettings,
} from './settings-file.js';
export { loadSystemPresets, presetPaths, systemConfigDirs, lockableKeys, lockingFile, type SystemPresets } from './system-presets.js';
export { migrate } from './migrations.js';
export { applyEnvOverrides, type EffectiveSettings } from './env-overrides.js';
export { ALLOWED_VALUES, settingKeys, parseCliValue, patchFor, settingValue, BadSettingError } from './setting-keys.js';
