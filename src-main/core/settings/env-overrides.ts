// Environment overrides applied at read time (never written back): OLLAMA_HOST, KOOMPI_MODEL, KOOMPI_GEMINI_MODEL,
// KOOMPI_OPENAI_BASE_URL.
// GEMINI_API_KEY is a key, not a setting: see the key getter in router/build-core.ts.
import type { Settings } from './schema.js';

export interface EffectiveSettings extends Settings {
  /** Which settings came from the environment, e.g. { ollamaHost: 'OLLAMA_HOST' }. */
  overriddenBy: Partial<Record<keyof Settings, string>>;
}

/** `locked`: keys an administrator locked (see system-presets.ts); the environment does not change those either. */
export function applyEnvOverrides(settings: Settings, env: NodeJS.ProcessEnv, locked: Record<string, string> = {}): EffectiveSettings {
  const out: EffectiveSettings = { ...settings, overlay: { ...settings.overlay }, overriddenBy: {} };
  const take = (key: 'ollamaHost' | 'model' | 'geminiModel' | 'openaiBaseUrl', name: string): void => {
    const v = env[name]?.trim();
    if (!v || locked[key]) return;
    out[key] = v;
    out.overriddenBy[key] = name;
  };
  take('ollamaHost', 'OLLAMA_HOST');
  take('model', 'KOOMPI_MODEL');
  take('geminiModel', 'KOOMPI_GEMINI_MODEL');
  take('openaiBaseUrl', 'KOOMPI_OPENAI_BASE_URL');
  return out;
}
