// Opening apps and System Settings pages (KDE modules) by name or by everyday words ("file manager", "wifi settings").
import * as act from '../actions.js';
import { APPS, SETTINGS_MODULES } from '../catalog.js';
import { isValidName, NOT_A_PACKAGE } from '../names.js';
import { hit, LIKELY, SURE, UNSURE, type Rule } from './hit.js';

const OPEN = /^(open|launch|run|start|fire up|bring up|load|execute|go to|take me to|switch to|pull up|show|show me|display)(?: up)? (.+)$/;
const DROP = new Set(['the', 'my', 'me', 'a', 'an', 'new', 'app', 'application', 'program', 'window', 'please', 'kde', 'plasma', 'up']);
const SETTINGS_WORD = /(?:^|\s)(?:settings|setting|preferences|options|configuration|config|control panel|configure)(?:\s|$)/;
const SETTINGS_DROP = new Set([
  'settings',
  'setting',
  'preferences',
  'options',
  'configuration',
  'config',
  'control',
  'panel',
  'configure',
  'for',
  'of',
  'page',
  'menu',
  'module',
  'system',
  'kde',
  'the',
  'my',
  'app',
  'and',
  'on',
  'in',
]);

/** What kind of app a name is ("firefox browser", "dolphin file manager"): said next to a known app, it changes nothing. */
const KIND_WORDS = new Set([
  'browser',
  'web',
  'internet',
  'file',
  'files',
  'manager',
  'terminal',
  'console',
  'player',
  'media',
  'video',
  'music',
  'audio',
  'editor',
  'text',
  'image',
  'photo',
  'office',
  'suite',
  'viewer',
  'client',
  'mail',
  'email',
  'emulator',
  'software',
  'tool',
  'launcher',
  'desktop',
  'studio',
]);

/** A known app named first or last, with only words that say what kind of app it is around it. */
function appWithKind(words: string[]): readonly string[] | undefined {
  if (words.length < 2 || words.length > 4) return undefined;
  const first = APPS.get(words[0]!);
  if (first && words.slice(1).every((w) => KIND_WORDS.has(w))) return first;
  const last = APPS.get(words[words.length - 1]!);
  if (last && words.slice(0, -1).every((w) => KIND_WORDS.has(w))) return last;
  return undefined;
}

function settingsHit(words: string[], confidence: number) {
  const topic = words.filter((w) => !SETTINGS_DROP.has(w)).join(' ');
  if (topic === '') return hit('settings.open', confidence, act.settings(null), ['systemsettings']);
  const module = SETTINGS_MODULES.get(topic);
  return module ? hit('settings.open', confidence, act.settings(module), [module]) : hit('settings.open', UNSURE, null, [topic]);
}

export const openRule: Rule = (t) => {
  const m = OPEN.exec(t);
  const verb = m?.[1];
  const words = (m ? m[2]! : t).split(' ').filter((w) => w !== '' && !DROP.has(w));
  if (words.length === 0) return null;
  const object = words.join(' ');
  if (SETTINGS_WORD.test(object)) return settingsHit(words, m ? SURE : LIKELY);
  if (!m || verb!.startsWith('show') || verb === 'display') return null;
  const app = APPS.get(object) ?? appWithKind(words);
  if (app) return hit('app.open', SURE, [...app], [app[0]!]);
  if (words.length === 1 && isValidName(object) && !NOT_A_PACKAGE.has(object)) return hit('app.open', UNSURE, [object], [object]);
  return null;
};
