// Checks names against what the machine knows: pacman's sync database for installing, the local database for removing.
import { KNOWN_PACKAGES, PACKAGE_ALIASES } from '../catalog.js';
import { factsOf, type IntentContext } from '../context.js';
import { flatpakFor } from '../flatpak-refs.js';

/** How a name was confirmed: in the machine's databases, in the curated list (no database here), or not at all. */
export type Verified = 'machine' | 'curated' | null;

/** Can `name` be installed? The sync databases decide when there are any; otherwise only the curated list counts. */
export function installable(name: string, ctx: IntentContext): Verified {
  const available = factsOf(ctx).packages.available;
  if (available) return available.has(name) ? 'machine' : null;
  return KNOWN_PACKAGES.has(name) ? 'curated' : null;
}

/** Is `name` installed (so it can be removed)? The local database decides when it can be read. */
export function removable(name: string, ctx: IntentContext): Verified {
  const facts = factsOf(ctx);
  const installed = facts.packages.installed();
  if (installed) return installed.has(name) ? 'machine' : null;
  if (facts.packages.available) return null; // an Arch machine whose local database cannot be read: do not guess
  return KNOWN_PACKAGES.has(name) ? 'curated' : null;
}

/** The installed Flatpak app a removal names (`kdenlive` → `org.kde.kdenlive`), if exactly one matches. */
export function installedFlatpak(name: string, ctx: IntentContext): string | null {
  return flatpakFor(name, factsOf(ctx).flatpaks());
}

const partsCache = new WeakMap<ReadonlySet<string>, Set<string>>();

/** First and last hyphen parts of every name (`python` and `pip` of `python-pip`), built once per database. */
function nameParts(available: ReadonlySet<string>): Set<string> {
  let parts = partsCache.get(available);
  if (!parts) {
    parts = new Set();
    for (const n of available) {
      const a = n.indexOf('-');
      if (a < 0) continue;
      parts.add(n.slice(0, a));
      parts.add(n.slice(n.lastIndexOf('-') + 1));
    }
    partsCache.set(available, parts);
  }
  return parts;
}

/** A search term that names software: a known package (or alias), or a name in the sync databases (or a part of one). */
export function searchable(term: string, ctx: IntentContext): boolean {
  if (KNOWN_PACKAGES.has(term) || PACKAGE_ALIASES.has(term)) return true;
  const available = factsOf(ctx).packages.available;
  if (!available) return false;
  return available.has(term) || nameParts(available).has(term);
}
