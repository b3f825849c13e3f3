// Where settings and history live: KOOMPI_CONFIG_DIR, else $XDG_CONFIG_HOME/koompi-assistant, else ~/.config/koompi-assistant.
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';

export const APP_DIR_NAME = 'koompi-assistant';

export function resolveConfigDir(env: NodeJS.ProcessEnv = process.env, home: string = homedir()): string {
  const explicit = env.KOOMPI_CONFIG_DIR?.trim();
  if (explicit) return explicit;
  const xdg = env.XDG_CONFIG_HOME?.trim();
  // The XDG spec says a relative XDG_CONFIG_HOME is invalid and must be ignored.
  if (xdg && isAbsolute(xdg)) return join(xdg, APP_DIR_NAME);
  return join(home, '.config', APP_DIR_NAME);
}

export function settingsPath(configDir: string): string {
  return join(configDir, 'settings.json');
}
