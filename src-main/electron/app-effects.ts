// What the app does when the core reports something: the tray shows "thinking" while answers stream and
// "offline" when the local model is down; changed settings re-register the hotkey, rewrite the autostart
// entry and set the theme. Fed by the service's emit, so the core never knows about the tray.
import type { EventName, Events, SettingsView } from '../ipc/channels.js';
import type { TrayHandle } from './tray.js';

export interface AppEffectsDeps {
  tray: Pick<TrayHandle, 'setState' | 'setModel' | 'setLanguage'>;
  applyHotkey: (accelerator: string) => void;
  applyAutostart: (enabled: boolean) => Promise<unknown>;
  applyTheme: (theme: SettingsView['theme']) => void;
  applyOverlay: (hideOnBlur: boolean) => void;
  warn: (message: string) => void;
  /** The settings' language ('auto' resolved from the system locale). */
  resolveLanguage?: (language: SettingsView['language']) => 'en' | 'km';
}

export function createAppEffects(deps: AppEffectsDeps, initial: SettingsView) {
  const streaming = new Set<string>();
  let offline = false;
  let last = initial;
  const idleState = () => (offline ? 'offline' : 'ready');
  return {
    onEvent<E extends EventName>(event: E, payload: Events[E]): void {
      if (event === 'chat:event') {
        const p = payload as Events['chat:event'];
        if (p.event.type === 'start') streaming.add(p.requestId);
        if (p.event.type === 'done') streaming.delete(p.requestId);
        deps.tray.setState(streaming.size > 0 ? 'thinking' : idleState());
      } else if (event === 'settings:changed') {
        const next = payload as SettingsView;
        if (next.hotkey !== last.hotkey) deps.applyHotkey(next.hotkey);
        if (next.autostart !== last.autostart)
          deps.applyAutostart(next.autostart).catch((e: unknown) => deps.warn(`Could not change autostart: ${(e as Error).message}`));
        if (next.theme !== last.theme) deps.applyTheme(next.theme);
        if (next.hideOverlayOnBlur !== last.hideOverlayOnBlur) deps.applyOverlay(next.hideOverlayOnBlur);
        if (next.language !== last.language && deps.resolveLanguage) deps.tray.setLanguage(deps.resolveLanguage(next.language));
        last = next;
      }
    },
    /** Result of a liveness check of the local model. */
    setLocalStatus(ok: boolean, model: string | null): void {
      offline = !ok;
      deps.tray.setModel(model, ok ? 'ready' : 'offline');
      if (streaming.size === 0) deps.tray.setState(idleState());
    },
  };
}
