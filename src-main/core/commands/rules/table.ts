// The rule table, built once at load time from the families: a name claimed twice, or one a wrapper always consumes, throws.
import { CONTAINERS } from './containers.js';
import { DISKS } from './disks.js';
import { DOWNLOADS } from './downloads.js';
import { FILES } from './files.js';
import { GIT } from './git.js';
import { INTERPRETERS } from './interpreters.js';
import { NETWORK } from './network.js';
import { PACKAGES } from './packages.js';
import { POWER_FAMILY } from './power.js';
import { PROCESSES } from './processes.js';
import { SERVICES } from './services.js';
import { USERS } from './users.js';
import type { Rule, RuleFamily } from './types.js';

export const FAMILIES: readonly RuleFamily[] = [
  FILES,
  INTERPRETERS,
  PACKAGES,
  SERVICES,
  DISKS,
  PROCESSES,
  NETWORK,
  POWER_FAMILY,
  USERS,
  GIT,
  CONTAINERS,
  DOWNLOADS,
];

export interface RuleTable {
  exact: ReadonlyMap<string, { family: string; rule: Rule }>;
  patterns: readonly { family: string; re: RegExp; rule: Rule }[];
}

/**
 * Builds the table. Throws when two families claim one name, when a family's pattern would take a name another family
 * claims exactly, or when a rule is written for a name the unwrapper always consumes (the rule could never run).
 */
export function buildRuleTable(families: readonly RuleFamily[], consumed: ReadonlySet<string>): RuleTable {
  const exact = new Map<string, { family: string; rule: Rule }>();
  const patterns: { family: string; re: RegExp; rule: Rule }[] = [];
  for (const f of families) {
    for (const [name, rule] of Object.entries(f.rules)) {
      const prior = exact.get(name);
      if (prior) throw new Error(`command rule "${name}" is claimed by both the ${prior.family} and the ${f.name} rules`);
      if (consumed.has(name))
        throw new Error(`command rule "${name}" (${f.name}) is shadowed: the launcher unwrapping always consumes "${name}" first`);
      exact.set(name, { family: f.name, rule });
    }
    for (const p of f.patterns ?? []) patterns.push({ family: f.name, ...p });
  }
  for (const p of patterns) {
    for (const [name, e] of exact) {
      if (e.family !== p.family && p.re.test(name))
        throw new Error(`command rule "${name}" (${e.family}) is shadowed by the ${p.family} pattern ${p.re}`);
    }
  }
  return { exact, patterns };
}

/** The rule for a command name: an exact name first, then a shape (`mkfs.ext4`, `python3.12`). */
export function lookupRule(table: RuleTable, name: string): Rule | undefined {
  const e = table.exact.get(name);
  if (e) return e.rule;
  for (const p of table.patterns) if (p.re.test(name)) return p.rule;
  return undefined;
}
