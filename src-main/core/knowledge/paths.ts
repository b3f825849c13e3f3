// Where things live: the cache directory (KOOMPI_CACHE_DIR, else $XDG_CACHE_HOME/koompi-assistant) and
// the index files inside its `docs/` folder; where the ArchWiki and the KDE handbooks are.
import { homedir } from 'node:os';
import { join } from 'node:path';

export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.KOOMPI_CACHE_DIR) return env.KOOMPI_CACHE_DIR;
  const xdg = env.XDG_CACHE_HOME && env.XDG_CACHE_HOME.startsWith('/') ? env.XDG_CACHE_HOME : join(env.HOME || homedir(), '.cache');
  return join(xdg, 'koompi-assistant');
}

export function docsDir(cacheDir: string): string {
  return join(cacheDir, 'docs');
}

export function archWikiDir(env: NodeJS.ProcessEnv): string {
  return env.KOOMPI_ARCH_WIKI_DIR || '/usr/share/doc/arch-wiki/html';
}

export function kdeHelpDir(env: NodeJS.ProcessEnv): string {
  return env.KOOMPI_KDE_HELP_DIR || '/usr/share/doc/HTML';
}
