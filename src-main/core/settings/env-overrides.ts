// Environment overrides applied at read time (never written back): OLLAMA_HOST, KOOMPI_MODEL, KOOMPI_GEMINI_MODEL.
// GEMINI_API_KEY is a key, not a setting: see the key getter in router/build-core.ts.
import type { Settings } from './schema.js';

export interface EffectiveSettings extends Settings {
  /** Which settings came from the environment, e.g. { ollamaHost: 'OLLAMA_HOST' }. */
  overriddenBy: Partial<Record<keyof Settings, string>>;
}

export function applyEnvOverrides(settings: Settings, env: NodeJS.ProcessEnv): EffectiveSettings {
  const out: EffectiveSettings = { ...settings, overlay: { ...settings.overlay }, overriddenBy: {} };
  const host = env.OLLAMA_HOST?.trim();
  if (host) { out.ollamaHost = host; out.overriddenBy.ollamaHost = 'OLLAMA_HOST'; }
  const model = env.KOOMPI_MODEL?.trim();
  if (model) { out.model = model; out.overriddenBy.model = 'KOOMPI_MODEL'; }
  const gm = env.KOOMPI_GEMINI_MODEL?.trim();
  if (gm) { out.geminiModel = gm; out.overriddenBy.geminiModel = 'KOOMPI_GEMINI_MODEL'; }
  return out;
}
