// The mapping between the core's Settings and the contract's SettingsView (what the renderer edits).
import { applyEnvOverrides, type Settings } from '../settings/index.js';
import type { SettingsView } from '../../ipc/channels.js';

/** Settings keys -> the view's names for them (the rest are the same). */
const VIEW_NAME: Record<string, keyof SettingsView> = { overlay: 'hideOverlayOnBlur', 'overlay.hideOnBlur': 'hideOverlayOnBlur' };

/** What the renderer sees: the effective values (environment overrides applied), and what the school locked. */
export function toSettingsView(stored: Settings, env: NodeJS.ProcessEnv, locked: Record<string, string> = {}): SettingsView {
  const s = applyEnvOverrides(stored, env, locked);
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
    openaiBaseUrl: s.openaiBaseUrl,
    locked: Object.fromEntries(Object.entries(locked).map(([k, file]) => [VIEW_NAME[k] ?? k, file])),
  };
}

/**
 * Turns a partial view into a patch of stored settings. Values equal to what the view shows now are
 * dropped, so a value that comes from the environment (OLLAMA_HOST …) is never written back by accident.
 */
export function viewPatchToSettings(
  stored: Settings,
  env: NodeJS.ProcessEnv,
  patch: Partial<Omit<SettingsView, 'locked'>>,
  locked: Record<string, string> = {},
): Partial<Settings> {
  const now = toSettingsView(stored, env, locked);
  const out: Partial<Settings> = {};
  for (const [k, v] of Object.entries(patch) as [keyof SettingsView, unknown][]) {
    if (v === undefined || v === now[k]) continue;
    if (k === 'hideOverlayOnBlur') out.overlay = { ...stored.overlay, hideOnBlur: v as boolean };
    else (out as Record<string, unknown>)[k] = v;
  }
  return out;
}
