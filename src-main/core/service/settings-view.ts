// The mapping between the core's Settings and the contract's SettingsView (what the renderer edits).
import { applyEnvOverrides, type Settings } from '../settings/index.js';
import type { SettingsView } from '../../ipc/contract.js';

/** What the renderer sees: the effective values (environment overrides applied). */
export function toSettingsView(stored: Settings, env: NodeJS.ProcessEnv): SettingsView {
  const s = applyEnvOverrides(stored, env);
  return {
    ollamaHost: s.ollamaHost,
    model: s.model,
    keepAlive: s.keepAlive,
    allowCloud: s.allowCloud,
    privacyMode: s.privacyMode,
    geminiModel: s.geminiModel,
    hotkey: s.hotkey,
    language: s.language,
    theme: s.theme,
    autostart: s.autostart,
    hideOverlayOnBlur: s.overlay.hideOnBlur,
  };
}

/**
 * Turns a partial view into a patch of stored settings. Values equal to what the view shows now are
 * dropped, so a value that comes from the environment (OLLAMA_HOST …) is never written back by accident.
 */
export function viewPatchToSettings(stored: Settings, env: NodeJS.ProcessEnv, patch: Partial<SettingsView>): Partial<Settings> {
  const now = toSettingsView(stored, env);
  const out: Partial<Settings> = {};
  for (const [k, v] of Object.entries(patch) as [keyof SettingsView, unknown][]) {
    if (v === undefined || v === now[k]) continue;
    if (k === 'hideOverlayOnBlur') out.overlay = { ...stored.overlay, hideOnBlur: v as boolean };
    else (out as Record<string, unknown>)[k] = v;
  }
  return out;
}
