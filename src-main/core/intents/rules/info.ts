// State queries answered by a read-only command: disk space, memory, Wi-Fi networks (also in question form).
import * as act from '../actions.js';
import { hit, LIKELY, SURE, type Rule } from './hit.js';

const LEAD =
  '(?:(?:show|check|display|see|view|get|give|tell|list|print|report|find|find out|monitor|what is|whats|what are|how much|how much is|how much of|i want to see|let me see|let me know|how is|hows|current|total)(?: me)?(?: (?:the|my|our|current|this|total|how much|all|computer s|computers|pc s|system s))* )?(?:(?:usage|use) (?:of )?)?';
const PLACE =
  '(?:on|of|in|for) (?:my|the|this) (?:computer|pc|laptop|system|machine|disk|drive|device|hard drive|hard disk|harddisk|harddrive|ssd|hdd|storage|disk drive)';
const TRAIL = `(?: (?:is |are )?(?:left|free|available|remaining|used|in use|being used|do i have(?: left)?|have i got(?: left)?|i have(?: left)?|is there|are there|${PLACE}|usage|now|used up|(?:is |does )?(?:my |the )?(?:computer|pc|laptop|system) (?:is )?using|is my (?:computer|pc|laptop|system) using|(?:am i|are we|i am|im) using|i use))*`;
const DISK =
  '(?:(?:free|available|remaining|used|total|empty|unused) )?(?:(?:disk|storage|hard drive|hard disk|drive|ssd|hdd|harddisk|harddrive|disk drive)(?: (?:space|usage|capacity|size|use|info|status|usage info))?|space|df)';
const MEMORY =
  '(?:(?:free|available|remaining|used|total) )?(?:memory|ram|mem|system memory|ram memory|swap)(?: (?:usage|use|consumption|status|info|usage info))?';

const DISK_RE = new RegExp(`^${LEAD}${DISK}${TRAIL}$`);
const DISK_FULL =
  /^(?:(?:how full is|is) (?:my|the) (?:disk|drive|storage|hard drive|hard disk|ssd)(?: full| getting full)?|is there (?:enough|any|still|much) (?:free )?(?:disk )?(?:space|storage)(?: left)?)$/;
const MEMORY_RE = new RegExp(`^${LEAD}${MEMORY}${TRAIL}$`);

/** "what is ram", "what is disk space": asking what the thing is, not how much there is. */
const DEFINITION = new RegExp(`^(?:what is|whats|what are|what s|define|meaning of)(?: (?:a|an))? (?:${DISK}|${MEMORY})$`);

export const diskRule: Rule = (t) =>
  ((DISK_RE.test(t) && t !== 'space') || DISK_FULL.test(t)) && !DEFINITION.test(t) ? hit('info.disk', SURE, act.diskUsage()) : null;
export const memoryRule: Rule = (t) => (MEMORY_RE.test(t) && !DEFINITION.test(t) ? hit('info.memory', SURE, act.memoryUsage()) : null);

const WIFI = '(?:wifi|wireless|wlan)';
const WIFI_THINGS = '(?: (?:networks?|hotspots?|access points?|connections?|list|ssids?|signals?))?';
const WIFI_TAIL =
  '(?: (?:available|nearby|around|around me|in range|are available|are there|are nearby|can i connect to|can i see|i can connect to|do i see|near me))*';
const WIFI_LEAD =
  '(?:(?:list|show|scan|display|see|view|get|find|search|search for|look for|check|scan for|what|which|any)(?: me)?(?: (?:all|the|available|nearby|visible|wireless|all available|open|local|current))* )';
const WIFI_LIST: readonly RegExp[] = [
  new RegExp(`^${WIFI_LEAD}?${WIFI}${WIFI_THINGS}${WIFI_TAIL}$`),
  new RegExp(`^${WIFI_LEAD}?(?:available|nearby|visible|wireless) networks${WIFI_TAIL}$`),
  new RegExp(
    `^(?:list|show|scan|scan for|display|find|search for|check|which|what|any)(?: me)? (?:(?:all|the|available|nearby|visible) )*networks${WIFI_TAIL}$`,
  ),
];

export const wifiListRule: Rule = (t) => {
  if (!WIFI_LIST.some((re) => re.test(t))) return null;
  return hit('wifi.list', t === 'wifi' ? LIKELY : SURE, act.wifiList());
};

const RADIO_THING = `(?: (?:the|my))? ${WIFI}(?: (?:radio|adapter|connection|card))?`;
const RADIO_AFTER = new RegExp(`^(?:turn|switch|set|put|toggle)${RADIO_THING}(?: back)? (on|off)$`);
const RADIO_BEFORE = new RegExp(`^(?:turn|switch)(?: back)? (on|off)${RADIO_THING}$`);
const RADIO_VERB = new RegExp(`^(enable|disable|activate|deactivate|start|stop|open|kill)${RADIO_THING}$`);
const RADIO_BARE = new RegExp(`^${WIFI} (on|off)$`);

export const wifiRadioRule: Rule = (t) => {
  const m = RADIO_AFTER.exec(t) ?? RADIO_BEFORE.exec(t) ?? RADIO_BARE.exec(t);
  let state: 'on' | 'off' | null = m ? (m[1] as 'on' | 'off') : null;
  const v = RADIO_VERB.exec(t);
  if (!state && v) state = ['enable', 'activate', 'start', 'open'].includes(v[1]!) ? 'on' : 'off';
  return state ? hit(`wifi.${state}`, SURE, act.wifiRadio(state)) : null;
};
