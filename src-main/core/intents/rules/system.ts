// System rules: full update, snapshots (create/list/rollback), classroom start/stop, reboot and power off.
import * as act from '../actions.js';
import { isValidLabelWord } from '../names.js';
import { detectCheckupdates } from '../context.js';
import { hit, LIKELY, SURE, UNSURE, type Rule } from './hit.js';

const MACHINE =
  '(?:computer|pc|laptop|system|machine|device|os|operating system|koompi|koompi os|whole system|entire system|whole computer)';
const DET = '(?:the|my|this|our|your|all|all the|all my|every|entire|whole|full|complete|installed)';

const UPDATE: readonly RegExp[] = [
  new RegExp(
    `^(?:update|upgrade|refresh|sync)(?: and (?:update|upgrade))?(?: (?:${DET}|of|everything|${MACHINE}|packages?|software|apps|applications|programs|stuff|things|now))*$`,
  ),
  new RegExp(`^(?:(?:the|a|full|complete|whole) )*(?:system|software|package|os|full|koompi|computer|pc|laptop) (?:update|upgrade)s?$`),
  new RegExp(
    `^(?:install|apply|get|run|do|perform|start|begin)(?: (?:a|an|the|all|any|latest|new|available|pending|system|security|software|package|os|koompi|recent|newest|my|full|complete|whole|entire))* (?:updates?|upgrades?)(?: (?:for|on|of) (?:the |my |this )?${MACHINE})?$`,
  ),
  new RegExp(`^(?:make|bring|get|keep)(?: ${DET})? (?:${MACHINE}|packages|everything|software|apps) (?:up to date|updated|upgraded)$`),
];

/** "sync" alone flushes disk buffers and "refresh" alone reloads a page: without an object they do not ask for an upgrade. */
const BARE_OTHER_SENSE = /^(?:sync|refresh)(?: now)?$/;

export const updateRule: Rule = (t, ctx) =>
  UPDATE.some((re) => re.test(t)) && !BARE_OTHER_SENSE.test(t) && !CHECK_UPDATES.some((re) => re.test(t))
    ? hit('system.update', SURE, act.systemUpdate(ctx))
    : null;

const UPDATES =
  '(?:(?:a|an|the|any|all|new|newer|available|pending|waiting|outstanding|system|security|software|package|os|koompi|recent|latest) )*(?:updates?|upgrades?|package updates?|new versions?)';
/** Asking whether there are updates, which only looks (a state query: allowed in question form). */
const CHECK_UPDATES: readonly RegExp[] = [
  new RegExp(
    `^(?:check|look|search|scan|see)(?: (?:for|if there are|whether there are|if there is|whether there is|if i have|whether i have|if any))? ${UPDATES}(?: (?:available|pending|waiting|for (?:the |my |this )?${MACHINE}|on (?:the |my |this )?${MACHINE}))*$`,
  ),
  new RegExp(
    `^(?:are there|is there|do i have|have i got|any|what|which|list|show|show me)(?: (?:any|some))? ${UPDATES}(?: (?:available|pending|waiting|to install|for (?:the |my |this )?${MACHINE}|on (?:the |my |this )?${MACHINE}))*$`,
  ),
  new RegExp(`^(?:is|are) (?:my |the |this )?(?:${MACHINE}|packages|software|apps) (?:up to date|outdated|out of date)$`),
  /^(?:list|show|show me|which|what)(?: (?:all|the|my))* (?:upgradable|upgradeable|outdated|out of date) (?:packages|software|apps)$/,
];

/** "Check for updates": `checkupdates` (pacman-contrib) lists them without changing anything; without it, the model answers. */
export const checkUpdatesRule: Rule = (t, ctx) => {
  if (!CHECK_UPDATES.some((re) => re.test(t))) return null;
  return (ctx.hasCheckupdates ?? detectCheckupdates(process.env))
    ? hit('system.checkupdates', SURE, act.checkUpdates())
    : hit('system.checkupdates', UNSURE, null);
};

const SNAP = '(?:snapshot|restore point|checkpoint)';
const SNAP_OF = `(?: (?:of|for) (?:the |my |this )?(?:${MACHINE}|disk|drive|files))?`;
const CREATE = new RegExp(
  `^(?:take|make|create|do|capture|save|add|new|make me|create me)(?: (?:a|an|the|new|one|system|btrfs|full|quick|another|backup|safety|recovery|manual|fresh))* ${SNAP}${SNAP_OF}(?: now)?(?: (called|named|name it|with name|with the name|with description|with the description|labelled|labeled|label|as|titled|description|name))?(?: (.+))?$`,
);
const CREATE_BARE = new RegExp(`^snapshot(?: (?:the|my|this) ${MACHINE})?(?: now)?(?: (before \\S+(?: \\S+){0,4}))?$`);
const LIST = new RegExp(
  `^(?:(?:list|show|view|see|display|get|print|check|which|what|how many)(?: me)?(?: (?:all|the|my|all the|all my|existing|available|current|saved|system|of|btrfs|old|previous))* )?(?:snapshots|restore points|checkpoints|snapshot list|list of snapshots)(?: (?:do i have|are there|are available|exist|available|i have|have i got|on (?:the|my|this) ${MACHINE}))?$`,
);
const LIST_SINGULAR = new RegExp(`^(?:list|show|view|display)(?: (?:all|the|my|existing|system|list|of))* ${SNAP}(?: all)?$`);
const ROLLBACK = new RegExp(
  `^(roll ?back|restore|revert|go back|return|undo|recover|switch back)(?: (?:the|my|this))?(?: ${MACHINE})?(?: (?:to|from|back to|using))?(?: (?:the|a))?(?: system)?(?: (${SNAP}))?(?: (?:number|no|id|num))? (\\d{1,6})$`,
);

/** Listing snapshots is a state query (allowed in question form: "what snapshots do I have?"). */
export const snapshotListRule: Rule = (t, ctx) =>
  LIST.test(t) || LIST_SINGULAR.test(t) ? hit('snapshot.list', SURE, act.snapshotList(ctx)) : null;

/** Creating and rolling back snapshots. */
export const snapshotRule: Rule = (t, ctx) => {
  const bare = CREATE_BARE.exec(t);
  if (bare) {
    const label = bare[1];
    if (!label) return hit('snapshot.create', LIKELY, act.snapshotCreate(null, ctx));
    const valid = label.split(' ').every(isValidLabelWord);
    return hit('snapshot.create', valid ? LIKELY : UNSURE, act.snapshotCreate(label, ctx), [label]);
  }
  const c = CREATE.exec(t);
  if (c) {
    const words = c[2]?.split(' ') ?? [];
    if (words.length === 0) return hit('snapshot.create', SURE, act.snapshotCreate(null, ctx));
    const valid = words.length <= 6 && words.every(isValidLabelWord);
    const keyword = c[1] !== undefined || words[0] === 'before' || words.length === 1;
    const label = words.join(' ');
    return hit('snapshot.create', valid && keyword ? SURE : UNSURE, act.snapshotCreate(label, ctx), [label]);
  }
  const r = ROLLBACK.exec(t);
  if (r && (r[1]!.startsWith('roll') || r[2] !== undefined)) {
    return hit('snapshot.rollback', SURE, act.snapshotRollback(r[3]!, ctx), [r[3]!]);
  }
  return null;
};

const CLASS = '(?:classroom|class room|class|lesson|classroom session|class session|classroom mode|teaching session)';
const CLASS_DET = '(?: (?:the|a|my|our|this|new|todays|current|koompi))*';
const CLASS_START: readonly RegExp[] = [
  new RegExp(
    `^(?:start|begin|open|launch|run|kick off|commence|resume|turn on|enable|activate|switch on)${CLASS_DET} ${CLASS}(?: (?:session|mode))?$`,
  ),
  new RegExp(`^${CLASS} (?:start|on|begin|mode on)$`),
];
const CLASS_STOP: readonly RegExp[] = [
  new RegExp(
    `^(?:stop|end|finish|close|terminate|quit|exit|dismiss|turn off|disable|deactivate|leave|wrap up|switch off)${CLASS_DET} ${CLASS}(?: (?:session|mode))?$`,
  ),
  new RegExp(`^${CLASS} (?:stop|off|end|over|mode off)$`),
  new RegExp(`^${CLASS} (?:is )?(?:over|finished|dismissed|done)$`),
];

export const classroomRule: Rule = (t) => {
  if (CLASS_START.some((re) => re.test(t))) return hit('classroom.start', SURE, act.classroom('start'));
  if (CLASS_STOP.some((re) => re.test(t))) return hit('classroom.stop', SURE, act.classroom('stop'));
  return null;
};

const WHEN = '(?: (?:now|immediately|right away|right now))?';
const OWNED = `(?: (?:the|my|this|your))?(?: ${MACHINE})?`;
const REBOOT = new RegExp(`^(?:reboot|restart|reboot and restart)${OWNED}${WHEN}$`);
const POWER_OFF: readonly RegExp[] = [
  new RegExp(`^(?:shut ?down|power ?off|power down|shut off|halt)${OWNED}${WHEN}$`),
  new RegExp(`^(?:turn|switch|shut|power) (?:off|down) (?:(?:the|my|this) )?${MACHINE}${WHEN}$`),
  new RegExp(`^(?:turn|switch|shut|power) (?:(?:the|my|this) )?${MACHINE} (?:off|down)${WHEN}$`),
];

export const powerRule: Rule = (t) => {
  if (REBOOT.test(t)) return hit('power.reboot', SURE, act.reboot());
  if (POWER_OFF.some((re) => re.test(t))) return hit('power.off', SURE, act.powerOff());
  return null;
};
