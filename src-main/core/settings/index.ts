// Public entry of settings: schema, defaults, where the file lives, load/save and env overrides.
export {
  settingsSchema, settingsJsonSchema, settingsJsonSchemaProperties, defaultSettings, SETTINGS_VERSION, DEFAULT_HOTKEY,
  type Settings,
} from './schema.js';
export { resolveConfigDir, settingsPath, APP_DIR_NAME } from './config-dir.js';
export { loadSettings, saveSettings, updateSettings, type LoadedSettings } from './settings-file.js';
export { migrate } from './migrations.js';
export { applyEnvOverrides, type EffectiveSettings } from './env-overrides.js';
