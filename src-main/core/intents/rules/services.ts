// systemd service rules: start, stop, restart, reload, enable, disable, status (user units for PipeWire).
import * as act from '../actions.js';
import { SERVICES, type ServiceRef } from '../catalog.js';
import { isValidName, NOT_A_PACKAGE } from '../names.js';
import { hit, SURE, LIKELY, UNSURE, type Hit } from './hit.js';
import type { Rule } from './hit.js';
import { factsOf, type IntentContext } from '../context.js';

const VERBS: ReadonlyMap<string, act.ServiceVerb> = new Map([
  ['restart', 'restart'],
  ['reboot', 'restart'],
  ['reload', 'reload'],
  ['start', 'start'],
  ['stop', 'stop'],
  ['enable', 'enable'],
  ['disable', 'disable'],
  ['turn on', 'start'],
  ['turn off', 'stop'],
  ['switch on', 'start'],
  ['switch off', 'stop'],
  ['activate', 'start'],
  ['deactivate', 'stop'],
  ['kill', 'stop'],
  ['bring up', 'start'],
  ['bring down', 'stop'],
  ['relaunch', 'restart'],
  ['reset', 'restart'],
  ['fix', 'restart'],
]);
const SERVICE_WORD = /(?:^|\s)(?:service|services|daemon|unit|systemd unit|server)(?:\s|$)|[a-z0-9]\.(?:service|timer|socket)(?:\s|$)/;
const DROP = new Set(['the', 'my', 'a', 'service', 'services', 'daemon', 'unit', 'systemd', 'server', 'of', 'for', 'again']);
const ACTION =
  /^(restart|reboot|reload|start|stop|enable|disable|turn on|turn off|switch on|switch off|activate|deactivate|bring up|bring down|relaunch|reset|fix)(?: (.+))?$/;

/** Words that may stand next to a unit name without changing which unit is meant. */
const DESCRIBING = new Set([
  'thing',
  'things',
  'stuff',
  'adapter',
  'driver',
  'drivers',
  'connection',
  'connections',
  'module',
  'process',
  'app',
  'again',
  'now',
  'please',
  'properly',
  'on',
  'in',
  'this',
  'computer',
  'laptop',
  'pc',
  'system',
  'server',
  'daemon',
  'program',
  'software',
]);

interface Resolved {
  ref: ServiceRef;
  name: string;
  known: boolean;
  missing?: boolean;
}

/** "a network", "every service", "all services": one of many or all of them, never one unit. */
const NOT_ONE_UNIT =
  /^(?:a|an|any|another|every|each|all|all the|all of the|some|other|several|many|these|those)\s|(?:^|\s)(?:services|units|daemons)(?:\s|$)/;

/** Finds the unit an object names: an exact unit or alias among its words first, then a single unknown word next to "service". */
function resolveService(object: string, ctx: IntentContext): Resolved | null {
  if (NOT_ONE_UNIT.test(object)) return null;
  const r = nameService(object);
  if (!r) return null;
  // units are checked against the unit files on the machine: a unit it does not have is a guess, not an action
  const units = factsOf(ctx).units;
  if (units) return r.ref.units.every((u) => units.has(u, r.ref.user)) ? { ...r, known: true } : { ...r, known: false, missing: true };
  return r.known ? r : { ...r, missing: true };
}

function nameService(object: string): Resolved | null {
  const keyword = SERVICE_WORD.test(object);
  const words = object.split(' ').filter((w) => w !== '' && !DROP.has(w));
  if (words.length === 0) return null;
  // every other word must only describe the unit: "restart bluetooth and reboot" is two requests, not one
  const described = words.every((w) => SERVICES.has(w) || DESCRIBING.has(w));
  for (const w of described ? words : []) {
    const ref = SERVICES.get(w);
    if (ref && ref.units.includes(w === 'networkmanager' ? 'NetworkManager' : w)) return { ref, name: w, known: true };
  }
  const joined = words.join(' ');
  // "internet connection", "bluetooth adapter": the one naming word among describing ones
  const core = words.filter((w) => !DESCRIBING.has(w)).join(' ');
  const named = SERVICES.has(joined) || (core !== '' && SERVICES.has(core));
  const alias =
    SERVICES.get(joined) ??
    (core !== '' ? SERVICES.get(core) : undefined) ??
    (described && words.length <= 3 ? words.map((w) => SERVICES.get(w)).find(Boolean) : undefined);
  if (alias && (words.length === 1 || named || keyword)) return { ref: alias, name: joined, known: true };
  if (keyword && words.length === 1 && isValidName(words[0]!) && !NOT_A_PACKAGE.has(words[0]!)) {
    return { ref: { units: [words[0]!], user: false }, name: words[0]!, known: false };
  }
  return null;
}

/** "turn bluetooth off", "bluetooth on": the switch word after the unit (the bare form only for units tier 1 knows). */
const SPLIT_SWITCH = /^(?:(turn|switch) )?(.+?) (on|off)$/;

/** "bluetooth restart": the verb after the unit, accepted only for units tier 1 knows. */
const ACTION_AFTER = /^(.+?) (restart|reload|start|stop|enable|disable)$/;

/** "enable ssh on boot", "start bluetooth automatically": a start that lasts is an enable. */
const AT_BOOT =
  / (?:(?:on|at|during|after) (?:every |each )?(?:boot|bootup|startup|start up|login)|automatically|permanently|from now on|every time)$/;
const LASTING: ReadonlyMap<string, string> = new Map([
  ['start', 'enable'],
  ['enable', 'enable'],
  ['turn on', 'enable'],
  ['switch on', 'enable'],
  ['activate', 'enable'],
  ['stop', 'disable'],
  ['disable', 'disable'],
  ['turn off', 'disable'],
  ['switch off', 'disable'],
  ['deactivate', 'disable'],
]);

function lasting(t: string): string {
  const boot = AT_BOOT.exec(t);
  if (!boot) return t;
  const m = ACTION.exec(t.slice(0, boot.index));
  const verb = m && m[2] !== undefined ? LASTING.get(m[1]!) : undefined;
  return verb ? `${verb} ${m![2]}` : t;
}

export const serviceActionRule: Rule = (text, ctx) => {
  const t = lasting(text);
  const split = SPLIT_SWITCH.exec(t);
  if (split) {
    const r = resolveService(split[2]!, ctx);
    if (r && muting(r)) return null;
    if (r && (r.known || split[1] !== undefined)) return serviceHit(split[3] === 'on' ? 'start' : 'stop', r, r.known ? SURE : LIKELY);
  }
  const after = ACTION_AFTER.exec(t);
  if (after) {
    const r = resolveService(after[1]!, ctx);
    if (r?.known) return serviceHit(VERBS.get(after[2]!)!, r, SURE);
  }
  const m = ACTION.exec(t);
  if (!m || m[2] === undefined) return null;
  const verb = VERBS.get(m[1]!)!;
  const r = resolveService(m[2], ctx);
  if (!r) return null;
  if (/^(?:turn|switch)/.test(m[1]!) && muting(r)) return null;
  const fuzzyVerb = m[1] === 'reset' || m[1] === 'fix';
  return serviceHit(verb, r, fuzzyVerb ? UNSURE : r.known ? SURE : LIKELY);
};

const STATUS: readonly RegExp[] = [
  /^(?:(?:show|check|get|display|view|see|what is|whats)(?: me)?(?: the)? )?status (?:of )?(?:the )?(.+)$/,
  /^(?:(?:show|check|get|display|view|see|what is|whats)(?: me)?(?: the)? )?(.+?) status$/,
  /^(?:is|are) (?:the )?(.+?) (?:running|active|working|up|enabled|on|alive|started)(?: or not)?$/,
  /^(?:check|check on) (?:the )?(.+? (?:service|daemon))$/,
  /^(?:check|see|find out|tell me) (?:if|whether) (?:the )?(.+?) (?:is|are) (?:running|active|working|up|enabled|on|alive|started)(?: or not)?$/,
];

export const serviceStatusRule: Rule = (t, ctx) => {
  for (const re of STATUS) {
    const m = re.exec(t);
    if (!m) continue;
    const r = resolveService(m[1]!, ctx);
    if (r) return serviceHit('status', r, r.known ? SURE : LIKELY);
  }
  return null;
};

/** "turn the sound off" means mute, not stopping the sound server: only a named unit is switched. */
function muting(r: Resolved): boolean {
  return r.ref.user && !r.ref.units.includes(r.name);
}

/** Stopping the network by an everyday word ("disable network", "stop the internet") cuts the computer off: the model asks first. */
const cutsOff = (verb: act.ServiceVerb, r: Resolved): boolean =>
  (verb === 'stop' || verb === 'disable') && r.ref.units.includes('NetworkManager') && r.name !== 'networkmanager';

function serviceHit(verb: act.ServiceVerb, r: Resolved, confidence: number): Hit {
  return hit(`service.${verb}`, r.missing || cutsOff(verb, r) ? UNSURE : confidence, act.service(verb, r.ref), [...r.ref.units]);
}
