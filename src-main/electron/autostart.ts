// Start with the session: an XDG autostart entry (~/.config/autostart/koompi-assistant.desktop) that
// launches the app hidden in the tray.
import { mkdir, rm } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomic } from '../core/history/atomic-write.js';

export function autostartFile(env: NodeJS.ProcessEnv): string {
  const base = env.XDG_CONFIG_HOME && env.XDG_CONFIG_HOME.startsWith('/') ? env.XDG_CONFIG_HOME : join(env.HOME || homedir(), '.config');
  return join(base, 'autostart', 'koompi-assistant.desktop');
}

export const AUTOSTART_ENTRY = [
  '[Desktop Entry]',
  'Type=Application',
  'Name=KOOMPI Assistant',
  'Comment=Offline-first helper for KOOMPI OS',
  'Exec=koompi-assistant --hidden',
  'Icon=koompi-assistant',
  'Terminal=false',
  'X-GNOME-Autostart-enabled=true',
  'X-KDE-autostart-after=panel',
  '',
].join('\n');

export async function setAutostart(enabled: boolean, env: NodeJS.ProcessEnv): Promise<string> {
  const file = autostartFile(env);
  if (enabled) {
    await mkdir(join(file, '..'), { recursive: true });
    await writeFileAtomic(file, AUTOSTART_ENTRY);
  } else {
    await rm(file, { force: true });
  }
  return file;
}
