// Flatpak apps installed on this machine (system and user installations), by application ID, read once on first use.
import { readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

const cache = new Map<string, readonly string[]>();

/** Installed app IDs (`org.kde.kdenlive`). KOOMPI_FLATPAK_DIRS (colon-separated installation folders) overrides the defaults. */
export function installedFlatpaks(env: NodeJS.ProcessEnv = process.env): readonly string[] {
  const dirs = env.KOOMPI_FLATPAK_DIRS?.trim()
    ? env.KOOMPI_FLATPAK_DIRS.split(':').filter(Boolean)
    : ['/var/lib/flatpak', join(env.HOME ?? homedir(), '.local/share/flatpak')];
  const key = dirs.join(':');
  const known = cache.get(key);
  if (known) return known;
  const ids = new Set<string>();
  for (const d of dirs) {
    try {
      for (const id of readdirSync(join(d, 'app'))) if (/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+){2,}$/.test(id)) ids.add(id);
    } catch {
      /* no installation here */
    }
  }
  const list = [...ids].sort();
  cache.set(key, list);
  return list;
}

/** The installed app whose ID is `name` or ends with `.name` (`kdenlive` → `org.kde.kdenlive`), when exactly one does. */
export function flatpakFor(name: string, ids: readonly string[]): string | null {
  const lower = name.toLowerCase();
  const hits = ids.filter((id) => id.toLowerCase() === lower || id.toLowerCase().endsWith(`.${lower}`));
  return hits.length === 1 ? hits[0]! : null;
}
