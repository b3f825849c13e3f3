// Package rules: install, remove, search (one or several packages), English vocabulary (Khmer arrives translated).
import { pkgInstall, pkgRemove, pkgSearch } from '../actions.js';
import { DOWNLOADERS, isValidName, NOT_A_PACKAGE } from '../names.js';
import type { IntentContext } from '../context.js';
import { hit, LIKELY, SURE, UNSURE, type Hit, type Rule } from './hit.js';
import { parsePackageList } from './package-list.js';
import { installable, installedFlatpak, removable, searchable } from './verify.js';

const INSTALL_STRONG = /^(?:download and install|download and set up|get and install|install and set up|reinstall|install)\s+(.+)$/;
/** Other people a request is made for ("my teacher needs …", "the students need …"). */
const PEOPLE = '(?:(?:my|our|the) )?(?:teacher|teachers|class|students|school|kids|children|son|daughter|boss|friend|team)';
/** Someone who wants a thing / a thing gone: "i want vlc installed", "id like steam removed". */
const WANTER = `(?:get|have|make sure|i (?:really |also |just )?(?:want|need|would like|d like|would love)|id like|id love|we (?:really |also )?(?:want|need)|${PEOPLE} (?:really )?(?:needs?|wants?))`;
/** "vlc needs to be installed", "steam has to go". */
const PASSIVE_INSTALL = /^(.+?)\s+(?:needs|has|must|should) (?:to )?be installed$/;
const PASSIVE_REMOVE = /^(.+?)\s+(?:needs|has|must) (?:to )?(?:be removed|be uninstalled|be deleted|go)$/;
/** "take discord off my computer". */
const TAKE_OFF = /^(?:take|get|wipe) (.+?) off(?: (?:of )?(?:(?:my|this|the|our) )?(?:computer|pc|laptop|machine|system|here))?$/;
const INSTALL_GET_DONE = new RegExp(`^${WANTER}\\s+(.+?)\\s+(?:is\\s+|to be\\s+|be\\s+)?installed$`);
const REMOVE_GET_DONE = new RegExp(`^${WANTER}\\s+(.+?)\\s+(?:is\\s+|to be\\s+|be\\s+)?(?:removed|uninstalled|deleted|gone)$`);
/** Politeness that may sit between a reason clause and the request ("…, please install it"). */
const GLUE = '(?:\\s+(?:and|so|then|please|pls|plz|can you|could you|just|now))*';
const IT = '(?:it|them|that|those|both|these)(?:\\s+for (?:me|us))?';
/** "we need inkscape for class tomorrow, please install it": a need, then a request about "it". */
const NEED_THEN_INSTALL = new RegExp(
  `^(?:i|we)(?: really| also| will| still| urgently)? (?:need|want|use|require)\\s+(.+?)${GLUE}\\s+(?:install|get|download|set up|add)\\s+${IT}$`,
);
/** "i dont need kdenlive anymore, remove it": no more need, then a request about "it". */
const UNNEEDED_THEN_REMOVE = new RegExp(
  `^(?:i|we)\\s+(?:dont|do not|no longer|dont really|never)\\s+(?:need|want|use)\\s+(.+?)(?:\\s+(?:any more|anymore|now|at all))?${GLUE}\\s+(?:remove|uninstall|delete|get rid of)\\s+${IT}$`,
);
const INSTALL_WEAK = new RegExp(
  `^(?:download|get|get me|grab|fetch|add|set up|setup|put|give me|gimme|bring me|find me|want|i (?:really )?(?:want|need)|i would like|id like|i would love|id love|we (?:really )?(?:want|need)|${PEOPLE} (?:really )?(?:needs?|wants?))\\s+(.+)$`,
);
/** The verb after the names ("vlc install", "steam uninstall"): trusted only for known names. */
const VERB_AFTER = /^(.+?)\s+(install|uninstall|remove)$/;
const REMOVE_STRONG = /^(?:uninstall|remove|purge|completely remove|fully remove|completely uninstall|fully uninstall)\s+(.+)$/;
const REMOVE_WEAK = /^(?:delete|erase|get rid of|take off|throw away)\s+(.+)$/;

/**
 * A package request acts only when every name is real: in the sync databases to install, installed to remove (with no
 * database, in the curated list). A removal of Flatpak apps (all names) becomes `flatpak uninstall`. Anything else is a
 * guess, reported at UNSURE and left to the model.
 */
function packages(
  intent: string,
  object: string,
  strong: boolean,
  forRemoval: boolean,
  build: (n: string[]) => string[],
  ctx: IntentContext,
): Hit | null {
  const list = parsePackageList(object, forRemoval);
  if (!list) return null;
  const check = forRemoval ? removable : installable;
  const verified = list.names.map((n) => check(n, ctx));
  // a loose verb ("add", "get") with a spoken alias ("add node") is a guess about both the action and the package
  if (verified.every((v) => v !== null)) return hit(intent, strong ? SURE : list.aliased ? UNSURE : LIKELY, build(list.names), list.names);
  if (forRemoval) {
    const refs = list.names.map((n) => installedFlatpak(n, ctx));
    if (refs.every((r) => r !== null))
      return hit(intent, strong ? SURE : LIKELY, ['flatpak', 'uninstall', ...(refs as string[])], refs as string[]);
  }
  return hit(intent, UNSURE, null, list.names);
}

/** A reason clause that doubts, negates or asks is not a reason to act. */
const DOUBT = /(?:^|\s)(?:dont|do not|not|never|no|cant|cannot|wont|why|how|should|if|whether|or|maybe|but)(?:\s|$)/;

/**
 * A reason clause, then a request about "it" (checked before negations, which the first clause of a removal
 * carries: "i dont need X anymore, remove it"). Only known package names are taken from the reason clause.
 */
export const pronounRequestRule: Rule = (t, ctx) => {
  const need = NEED_THEN_INSTALL.exec(t);
  const unneeded = need ? null : UNNEEDED_THEN_REMOVE.exec(t);
  const m = need ?? unneeded;
  if (!m || DOUBT.test(m[1]!)) return null;
  const forRemoval = unneeded !== null;
  const list = parsePackageList(m[1]!, forRemoval);
  if (!list || !list.names.every((n) => (forRemoval ? removable(n, ctx) : installable(n, ctx)) !== null)) return null;
  const build = forRemoval ? (n: string[]) => pkgRemove(n, ctx) : (n: string[]) => pkgInstall(n, ctx);
  return hit(forRemoval ? 'pkg.remove' : 'pkg.install', LIKELY, build(list.names), list.names);
};

export const removeRule: Rule = (t, ctx) => {
  const gone = REMOVE_GET_DONE.exec(t) ?? PASSIVE_REMOVE.exec(t);
  if (gone) return packages('pkg.remove', gone[1]!, true, true, (n) => pkgRemove(n, ctx), ctx);
  const off = TAKE_OFF.exec(t);
  if (off) return packages('pkg.remove', off[1]!, false, true, (n) => pkgRemove(n, ctx), ctx);
  const strong = REMOVE_STRONG.exec(t);
  if (strong) return packages('pkg.remove', strong[1]!, true, true, (n) => pkgRemove(n, ctx), ctx);
  const weak = REMOVE_WEAK.exec(t);
  if (weak) return packages('pkg.remove', weak[1]!, false, true, (n) => pkgRemove(n, ctx), ctx);
  const after = VERB_AFTER.exec(t);
  if (after && after[2] !== 'install') return packages('pkg.remove', after[1]!, false, true, (n) => pkgRemove(n, ctx), ctx);
  return null;
};

export const installRule: Rule = (t, ctx) => {
  const strong = INSTALL_STRONG.exec(t);
  if (strong) return packages('pkg.install', strong[1]!, true, false, (n) => pkgInstall(n, ctx), ctx);
  const done = INSTALL_GET_DONE.exec(t) ?? PASSIVE_INSTALL.exec(t);
  if (done) return packages('pkg.install', done[1]!, true, false, (n) => pkgInstall(n, ctx), ctx);
  const weak = INSTALL_WEAK.exec(t);
  if (weak) return packages('pkg.install', weak[1]!, false, false, (n) => pkgInstall(n, ctx), ctx);
  const after = VERB_AFTER.exec(t);
  if (after && after[2] === 'install') return packages('pkg.install', after[1]!, false, false, (n) => pkgInstall(n, ctx), ctx);
  return null;
};

const SEARCH =
  /^(search|search for|search up|look for|look up|lookup|find|query|browse)\s+(?:(?:for|a|an|the|some|any|me)\s+)*(?:(packages?|apps?|applications?|programs?|software|repos?|repository)\s+)?(?:(?:for|called|named|to|that|about|with|matching|containing)\s+)?(.+)$/;
const SEARCH_DROP = new Set([
  'the',
  'a',
  'an',
  'for',
  'me',
  'in',
  'on',
  'that',
  'can',
  'which',
  'to',
  'do',
  'with',
  'about',
  'package',
  'packages',
  'app',
  'apps',
  'program',
  'programs',
  'software',
  'repo',
  'repos',
  'repository',
  'repositories',
  'pacman',
  'official',
  'available',
  'called',
  'named',
  'related',
  'any',
  'some',
]);
const NOT_PACKAGE_SEARCH =
  /(?:^|\s)(?:web|internet|google|online|youtube|wikipedia|file|files|folder|folders|document|documents|my|photo|photos|email|network|networks|wifi|song|songs|music|video|videos|news)(?:\s|$)/;

const PURPOSE_STOP = new Set([
  'this',
  'that',
  'these',
  'those',
  'something',
  'anything',
  'everything',
  'file',
  'files',
  'folder',
  'folders',
  'directory',
  'text',
  'word',
  'words',
  'database',
  'name',
  'case',
  'line',
  'lines',
  'string',
  'pattern',
  'process',
  'port',
  'size',
  'content',
  'contents',
]);

export const searchRule: Rule = (t, ctx) => {
  const m = SEARCH.exec(t);
  if (!m) return null;
  const rest = m[3]!;
  const packageWord = m[2] !== undefined || /(?:^|\s)(?:packages?|apps?|programs?|software|repos?)(?:\s|$)/.test(rest);
  if (!packageWord && NOT_PACKAGE_SEARCH.test(rest)) return null;
  const terms = rest.split(' ').filter((w) => w !== '' && !SEARCH_DROP.has(w));
  if (terms.length === 0 || terms.length > 5 || !terms.every(isValidName)) return null;
  if (terms.length > 1 && terms.some((w) => DOWNLOADERS.has(w))) return null;
  const strong = m[1]!.startsWith('search') || packageWord;
  // "a package for video editing": a search for software by what it does (plain words, a software word before them)
  if (
    m[2] !== undefined &&
    new RegExp(`(?:^|\\s)${m[2]}\\s+(?:for|to)\\s`).test(t) &&
    terms.length <= 2 &&
    terms.every((w) => /^[a-z]{3,}$/.test(w) && !PURPOSE_STOP.has(w))
  )
    return hit('pkg.search', LIKELY, pkgSearch(terms, ctx), terms);
  // otherwise a search acts only when every term names software the machine (or the curated list) knows
  if (terms.some((w) => NOT_A_PACKAGE.has(w)) || !terms.every((w) => searchable(w, ctx))) return hit('pkg.search', UNSURE, null, terms);
  return hit('pkg.search', strong ? SURE : UNSURE, pkgSearch(terms, ctx), terms);
};
