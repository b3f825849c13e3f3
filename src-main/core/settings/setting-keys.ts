// The settings a person may name on the command line ("allowCloud", "overlay.position"), what values each allows
// (in words), and turning one KEY VALUE pair into a checked patch. Used by `koompi-ask config`.
import { settingsSchema, type Settings } from './schema.js';
import { lockableKeys } from './system-presets.js';

/** What each setting accepts, as a person would say it. */
export const ALLOWED_VALUES: Record<string, string> = {
  ollamaHost: 'an Ollama address such as http://127.0.0.1:11434 or school-server:11434',
  model: 'a model name such as qwen2.5:1.5b, or null for automatic',
  keepAlive: 'a duration such as 30m, 1h, 90s, 0 (unload at once) or -1 (keep loaded)',
  allowCloud: 'true or false',
  privacyMode: 'true or false',
  geminiModel: 'a Gemini model name such as gemini-2.5-flash',
  openaiBaseUrl: 'an http:// or https:// address such as http://school-server:8000/v1, or null to use Ollama',
  openaiModel: 'a model name the server lists at /v1/models, or null for its first one',
  hotkey: 'a shortcut such as Ctrl+Alt+Space',
  language: 'auto, en or km',
  theme: 'system, light or dark',
  autostart: 'true or false',
  overlay: '{"hideOnBlur": true|false, "position": "center"|"top"}',
  'overlay.hideOnBlur': 'true or false',
  'overlay.position': 'center or top',
  windowBounds: '{"width": 900, "height": 700} (optionally "x" and "y"), or null',
};

export function settingKeys(): string[] {
  return lockableKeys();
}

export class BadSettingError extends Error {}

/** VALUE is read as JSON when it parses, else as a plain string (so `set model qwen2.5:1.5b` needs no quotes). */
export function parseCliValue(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Checks KEY and VALUE and returns the patch to apply; throws BadSettingError saying what is allowed. */
export function patchFor(key: string, value: unknown, current: Settings): Partial<Settings> {
  const keys = settingKeys();
  if (!keys.includes(key)) {
    throw new BadSettingError(`unknown setting "${key}". Settings: ${keys.join(', ')}`);
  }
  const sub = key.startsWith('overlay.') ? key.slice('overlay.'.length) : null;
  // Only the named overlay key goes into the patch (updateSettings merges it), so the other stays unchosen.
  const patch: Record<string, unknown> = sub ? { overlay: { [sub]: value } } : { [key]: value };
  const r = settingsSchema.safeParse(sub ? { ...current, overlay: { ...current.overlay, [sub]: value } } : { ...current, ...patch });
  if (!r.success) {
    const issue = r.error.issues[0];
    throw new BadSettingError(
      `${JSON.stringify(value)} is not a valid value for ${key}${issue ? ` (${issue.message})` : ''}. Allowed: ${ALLOWED_VALUES[key] ?? 'see koompi-ask config list'}`,
    );
  }
  return patch as Partial<Settings>;
}

/** Reads KEY ("overlay.position" included) from settings. */
export function settingValue(settings: Settings, key: string): unknown {
  if (key.startsWith('overlay.')) return (settings.overlay as Record<string, unknown>)[key.slice('overlay.'.length)];
  return (settings as Record<string, unknown>)[key];
}
