// Parses the object of a package request ("vlc, gimp and inkscape") into validated Arch package names.
import { KNOWN_PACKAGES, PACKAGE_ALIASES } from '../catalog.js';
import { isValidName, NEVER_REMOVE, NOT_A_PACKAGE } from '../names.js';

const FILLER_WORDS = new Set([
  'the', 'a', 'an', 'some', 'app', 'apps', 'application', 'applications', 'program', 'programs', 'package', 'packages',
  'software', 'tool', 'tools', 'latest', 'new', 'newest', 'version', 'called', 'named', 'both', 'me', 'my', 'also',
  'too', 'following', 'pkg', 'pkgs', 'please', 'completely', 'entirely', 'fully', 'permanently',
]);
const SEPARATOR = /\s*,\s*|\s+(?:and|plus|as well as|along with|together with|then|and also|and then)\s+/;
export const MAX_PACKAGES = 12;
const VERSION_OF = /^(?:the )?(?:latest |newest |most recent |current |new )?version of /;

export interface PackageList {
  names: string[];
  /** Some names were only separated by spaces ("install vlc gimp"): trusted only when every name is known. */
  spaceSeparated: boolean;
  allKnown: boolean;
}

/** Returns null when any part is not a package name (Khmer words, flags, paths, shell words, generic nouns). */
export function parsePackageList(object: string, forRemoval: boolean): PackageList | null {
  const names: string[] = [];
  let spaceSeparated = false;
  for (const item of object.replace(VERSION_OF, '').split(SEPARATOR)) {
    const words = item.split(' ').filter((w) => w !== '' && !FILLER_WORDS.has(w));
    if (words.length === 0) continue;
    const alias = PACKAGE_ALIASES.get(words.join(' '));
    if (alias) { names.push(alias); continue; }
    if (words.length > 1) spaceSeparated = true;
    for (const w of words) names.push(PACKAGE_ALIASES.get(w) ?? w);
  }
  if (names.length === 0 || names.length > MAX_PACKAGES) return null;
  for (const n of names) {
    if (!isValidName(n) || NOT_A_PACKAGE.has(n)) return null;
    if (forRemoval && NEVER_REMOVE.has(n)) return null;
  }
  const unique = [...new Set(names)];
  return { names: unique, spaceSeparated, allKnown: unique.every((n) => KNOWN_PACKAGES.has(n)) };
}
