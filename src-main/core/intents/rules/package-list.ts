// Parses the object of a package request ("vlc, gimp and inkscape") into validated Arch package names.
import { KNOWN_PACKAGES, PACKAGE_ALIASES } from '../catalog.js';
import { DOWNLOADERS, isProtectedPackage, isValidName, NOT_A_PACKAGE } from '../names.js';

const FILLER_WORDS = new Set([
  'the', 'a', 'an', 'some', 'app', 'apps', 'application', 'applications', 'program', 'programs', 'package', 'packages',
  'software', 'tool', 'tools', 'latest', 'new', 'newest', 'version', 'called', 'named', 'both', 'me', 'my', 'also',
  'too', 'following', 'pkg', 'pkgs', 'please', 'completely', 'entirely', 'fully', 'permanently',
]);
/** What kind of app a name is ("the firefox browser", "vlc media player"): dropped, but then the name must be known. */
const KIND_WORDS = new Set(['browser', 'web', 'player', 'media', 'editor', 'client', 'email', 'mail', 'game', 'games']);
const SEPARATOR = /\s*,\s*|\s+(?:and|plus|as well as|along with|together with|then|and also|and then)\s+/;
export const MAX_PACKAGES = 12;
const VERSION_OF = /^(?:the )?(?:latest |newest |most recent |current |new )?version of /;
/** A purpose or reason after the names ("vlc for my class", "gimp so i can edit photos"): cut off, names must then be known. */
const PURPOSE = /\s+(?:for|so that|so|because|cause|since|in order to|to)\s+.*$/;
/** Inside a purpose: a further request, a command word, a flag or a path. */
const SECOND_REQUEST = /(?:^|\s)(?:install|reinstall|uninstall|remove|delete|erase|purge|reboot|restart|shutdown|shut|poweroff|halt|update|upgrade|stop|kill|execute|exec|sudo|rm|dd|curl|wget|then|format|wipe|disable|enable|ignore)(?:\s|$)|(?:^|\s)-|\/|\.\./;
/** "… and its dependencies": pacman -Rs already takes the dependencies nothing else needs. */
const DEPENDENCIES = /\s+(?:and|with|including|plus|along with)\s+(?:all\s+)?(?:of\s+)?(?:its|their|the|his)?\s*(?:dependencies|dependency|deps)$/;

export interface PackageList {
  names: string[];
  /** Some names were only separated by spaces ("install vlc gimp") or a purpose was cut off: trusted only when every name is known. */
  spaceSeparated: boolean;
  allKnown: boolean;
}

/** Returns null when any part is not a package name (Khmer words, flags, paths, shell words, generic nouns). */
export function parsePackageList(object: string, forRemoval: boolean): PackageList | null {
  const names: string[] = [];
  let rest = object.replace(VERSION_OF, '');
  if (forRemoval) rest = rest.replace(DEPENDENCIES, '');
  const purpose = PURPOSE.exec(rest);
  // a purpose cut off leaves names to be trusted only when known, like a space-separated list
  let spaceSeparated = purpose !== null && purpose.index > 0;
  if (spaceSeparated) {
    // a purpose that carries another request, a flag or a path is not a purpose: no action
    if (SECOND_REQUEST.test(purpose![0])) return null;
    rest = rest.slice(0, purpose!.index);
  }
  for (const item of rest.split(SEPARATOR)) {
    const all = item.split(' ').filter((w) => w !== '' && !FILLER_WORDS.has(w));
    const alias = PACKAGE_ALIASES.get(all.join(' '));
    if (alias) { names.push(alias); continue; }
    const words = all.filter((w) => !KIND_WORDS.has(w));
    // "a media player" names a kind of app, not one: for the model to choose
    if (words.length === 0 && all.length > 0) return null;
    if (words.length === 0) continue;
    if (words.length < all.length) spaceSeparated = true;
    const kindAlias = PACKAGE_ALIASES.get(words.join(' '));
    if (kindAlias) { names.push(kindAlias); continue; }
    // "telegram desktop", "obs studio", "noto fonts": the words of one known hyphenated package name
    const hyphenated = words.length > 1 ? words.join('-') : '';
    if (hyphenated && KNOWN_PACKAGES.has(hyphenated)) { names.push(hyphenated); continue; }
    if (words.length > 1) spaceSeparated = true;
    for (const w of words) names.push(PACKAGE_ALIASES.get(w) ?? w);
  }
  if (names.length === 0 || names.length > MAX_PACKAGES) return null;
  for (const n of names) {
    if (!isValidName(n) || NOT_A_PACKAGE.has(n)) return null;
    if (forRemoval && isProtectedPackage(n)) return null;
  }
  const unique = [...new Set(names)];
  // a downloader among other names ("install vlc and curl") is how injections look: only on its own it acts
  if (unique.length > 1 && unique.some((n) => DOWNLOADERS.has(n))) spaceSeparated = true;
  return { names: unique, spaceSeparated, allKnown: unique.every((n) => KNOWN_PACKAGES.has(n)) };
}
