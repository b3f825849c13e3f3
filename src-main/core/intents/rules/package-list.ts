// Parses the object of a package request ("vlc, gimp and inkscape") into validated Arch package names.
import { KNOWN_PACKAGES, PACKAGE_ALIASES } from '../catalog.js';
import { DOWNLOADERS, isProtectedPackage, isValidName, NOT_A_PACKAGE } from '../names.js';

const FILLER_WORDS = new Set([
  'the',
  'a',
  'an',
  'some',
  'app',
  'apps',
  'application',
  'applications',
  'program',
  'programs',
  'package',
  'packages',
  'software',
  'tool',
  'tools',
  'latest',
  'new',
  'newest',
  'version',
  'called',
  'named',
  'both',
  'me',
  'my',
  'also',
  'too',
  'following',
  'pkg',
  'pkgs',
  'please',
  'completely',
  'entirely',
  'fully',
  'permanently',
]);
/** What kind of app a name is ("the firefox browser", "vlc media player"): dropped, but then the name must be known. */
const KIND_WORDS = new Set(['browser', 'web', 'player', 'media', 'editor', 'client', 'email', 'mail', 'game', 'games']);
const SEPARATOR = /\s*,\s*|\s+(?:and|plus|as well as|along with|together with|then|and also|and then)\s+/;
export const MAX_PACKAGES = 12;
const VERSION_OF = /^(?:the )?(?:latest |newest |most recent |current |new )?version of /;
/** A purpose or reason after the names ("vlc for my class", "gimp so i can edit photos"): cut off, names must then be known. */
const PURPOSE = /\s+(?:for|so that|so|because|cause|since|in order to|to)\s+.*$/;
/** Inside a purpose: a further request, a command word, a flag or a path. */
const SECOND_REQUEST =
  /(?:^|\s)(?:install|reinstall|uninstall|remove|delete|erase|purge|reboot|restart|shutdown|shut|poweroff|halt|update|upgrade|stop|kill|execute|exec|sudo|rm|dd|curl|wget|then|format|wipe|disable|enable|ignore)(?:\s|$)|(?:^|\s)-|\/|\.\./;
/** "… and its dependencies": pacman -Rs already takes the dependencies nothing else needs. */
const DEPENDENCIES =
  /\s+(?:and|with|including|plus|along with)\s+(?:all\s+)?(?:of\s+)?(?:its|their|the|his)?\s*(?:dependencies|dependency|deps)$/;

/** "a node", "an editor", "any player": an article before the object names a kind or one of many, not a package. */
const INSTANCE = /^(?:a|an|any|another|every|each|one|some)\s/;
const NAMED = /(?:^|\s)(?:called|named)\s/;
/** "a python library", "the npm package", "a vscode extension": something of that ecosystem, not the ecosystem's package. */
const ECOSYSTEM_ITEM =
  /(?:^|\s)(?:python|python3|pip|pypi|node|nodejs|npm|js|javascript|typescript|ruby|gem|perl|cpan|php|composer|rust|cargo|go|golang|java|maven|gradle|r|cran|lua|luarocks|haskell|cabal|vscode|vs code|code|firefox|chrome|chromium|kde|plasma|gnome|latex|tex|emacs|vim|neovim|wordpress|docker|kubernetes|helm|conda|flatpak|snap|aur)\s+(?:package|packages|library|libraries|lib|libs|module|modules|plugin|plugins|extension|extensions|addon|addons|add-on|add-ons|crate|crates|gem|gems|image|images|container|containers|dependency|dependencies|widget|widgets|theme|themes)(?:\s|$)/;

/** Spoken names that are also everyday words ("a node", "signal", "office"): after a loose verb they are a guess. */
const AMBIGUOUS_ALIASES = new Set(['node', 'java', 'office', 'signal', 'element', 'pip', 'jdk', 'visual studio', 'c++', 'g++', 'chrome']);

export interface PackageList {
  names: string[];
  /** Some names were only separated by spaces ("install vlc gimp") or a purpose was cut off: trusted only when every name is known. */
  spaceSeparated: boolean;
  allKnown: boolean;
  /** Some name came from a spoken alias ("node" → nodejs), not from the package's own name. */
  aliased: boolean;
}

/** Returns null when any part is not a package name (Khmer words, flags, paths, shell words, generic nouns). */
export function parsePackageList(object: string, forRemoval: boolean): PackageList | null {
  const names: string[] = [];
  let aliased = false;
  if ((INSTANCE.test(object) && !NAMED.test(object)) || ECOSYSTEM_ITEM.test(object)) return null;
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
    if (alias) {
      names.push(alias);
      aliased ||= AMBIGUOUS_ALIASES.has(all.join(' '));
      continue;
    }
    const words = all.filter((w) => !KIND_WORDS.has(w));
    // "a media player" names a kind of app, not one: for the model to choose
    if (words.length === 0 && all.length > 0) return null;
    if (words.length === 0) continue;
    if (words.length < all.length) spaceSeparated = true;
    const kindAlias = PACKAGE_ALIASES.get(words.join(' '));
    if (kindAlias) {
      names.push(kindAlias);
      aliased ||= AMBIGUOUS_ALIASES.has(words.join(' '));
      continue;
    }
    // "telegram desktop", "obs studio", "noto fonts": the words of one known hyphenated package name
    const hyphenated = words.length > 1 ? words.join('-') : '';
    if (hyphenated && KNOWN_PACKAGES.has(hyphenated)) {
      names.push(hyphenated);
      continue;
    }
    if (words.length > 1) spaceSeparated = true;
    for (const w of words) {
      const a = PACKAGE_ALIASES.get(w);
      if (a && AMBIGUOUS_ALIASES.has(w)) aliased = true;
      names.push(a ?? w);
    }
  }
  if (names.length === 0 || names.length > MAX_PACKAGES) return null;
  for (const n of names) {
    if (!isValidName(n) || NOT_A_PACKAGE.has(n)) return null;
    if (forRemoval && isProtectedPackage(n)) return null;
  }
  const unique = [...new Set(names)];
  // a downloader among other names ("install vlc and curl") is how injections look: only on its own it acts
  if (unique.length > 1 && unique.some((n) => DOWNLOADERS.has(n))) spaceSeparated = true;
  return { names: unique, spaceSeparated, allKnown: unique.every((n) => KNOWN_PACKAGES.has(n)), aliased };
}
