// Start with the session: an XDG autostart entry (~/.config/autostart/koompi-assistant.desktop) that
// launches the app hidden in the tray, copied from the packaged template when it is installed.
import { mkdir, readFile, rm } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomic } from '../core/history/atomic-write.js';

function autostartFile(env: NodeJS.ProcessEnv): string {
  const base = env.XDG_CONFIG_HOME && env.XDG_CONFIG_HOME.startsWith('/') ? env.XDG_CONFIG_HOME : join(env.HOME || homedir(), '.config');
  return join(base, 'autostart', 'koompi-assistant.desktop');
}

const AUTOSTART_ENTRY = [
  '[Desktop Entry]',
  'Type=Application',
  'Name=KOOMPI Assistant',
  'Comment=Offline-first helper for KOOMPI OS',
  'Exec=koompi-assistant --hidden',
  'Icon=koompi-assistant',
  'Terminal=false',
  'X-GNOME-Autostart-enabled=true',
  'X-KDE-autostart-after=panel',
  'X-KDE-autostart-phase=2', // the last phase: the panel's tray host is up, so the tray icon registers
  '',
].join('\n');

/** The packaged template (with its Khmer name), when installed and sane; else the built-in entry. */
async function entryText(templates: readonly string[]): Promise<string> {
  for (const t of templates) {
    const text = await readFile(t, 'utf8').catch(() => '');
    if (text.startsWith('[Desktop Entry]') && /^Exec=koompi-assistant --hidden$/m.test(text)) return text;
  }
  return AUTOSTART_ENTRY;
}

const AUTOSTART_TEMPLATES = ['/usr/share/koompi-assistant/koompi-assistant-autostart.desktop'];

export async function setAutostart(
  enabled: boolean,
  env: NodeJS.ProcessEnv,
  templates: readonly string[] = AUTOSTART_TEMPLATES,
): Promise<string> {
  const file = autostartFile(env);
  if (enabled) {
    await mkdir(join(file, '..'), { recursive: true });
    await writeFileAtomic(file, await entryText(templates));
  } else {
    await rm(file, { force: true });
  }
  return file;
}
