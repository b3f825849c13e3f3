// One generic test walks every rule family's own examples; the rule table refuses a name claimed twice or shadowed.
import { describe, expect, it } from 'vitest';
import { judgeCommand } from '../../../src-main/core/commands/index.js';
import { FAMILIES, buildRuleTable } from '../../../src-main/core/commands/rules/table.js';
import { CONSUMED_NAMES } from '../../../src-main/core/commands/unwrap.js';
import type { RuleFamily } from '../../../src-main/core/commands/rules/types.js';
import type { Risk } from '../../../src-main/core/types.js';

const EXPECTED = [
  'files',
  'interpreters',
  'packages',
  'services',
  'disks',
  'processes',
  'network',
  'power',
  'users',
  'git',
  'containers',
  'downloads',
];

describe('rule families', () => {
  it('are the twelve families, each with safe and elevated examples', () => {
    expect(FAMILIES.map((f) => f.name).sort()).toEqual([...EXPECTED].sort());
    for (const f of FAMILIES) {
      expect(f.examples.safe.length, f.name).toBeGreaterThan(2);
      expect(f.examples.elevated.length, f.name).toBeGreaterThan(2);
    }
  });

  const rows = FAMILIES.flatMap((f) =>
    (['safe', 'elevated', 'destructive'] as Risk[]).flatMap((risk) => f.examples[risk].map((cmd) => [f.name, cmd, risk] as const)),
  );
  it.each(rows)('%s: %j is %s', (_family, cmd, risk) => {
    const j = judgeCommand(cmd);
    expect(j.risk, j.reasons.join(' | ')).toBe(risk);
    if (risk !== 'safe') expect(j.reasons.length).toBeGreaterThan(0);
  });
});

describe('the rule table', () => {
  const fam = (name: string, rules: string[], patterns: RegExp[] = []): RuleFamily => ({
    name,
    rules: Object.fromEntries(rules.map((r) => [r, () => undefined])),
    patterns: patterns.map((re) => ({ re, rule: () => undefined })),
    examples: { safe: [], elevated: [], destructive: [] },
  });
  it('builds from the real families without a clash', () => {
    const t = buildRuleTable(FAMILIES, CONSUMED_NAMES);
    expect(t.exact.get('rm')?.family).toBe('files');
    expect(t.exact.get('perl')?.family).toBe('interpreters');
  });
  it('throws when two families claim one name', () => {
    expect(() => buildRuleTable([fam('a', ['perl']), fam('b', ['perl'])], new Set())).toThrow(/claimed by both the a and the b/);
  });
  it('throws when a wrapper would always consume the name first', () => {
    expect(() => buildRuleTable([fam('a', ['chroot'])], CONSUMED_NAMES)).toThrow(/shadowed/);
    expect(() => buildRuleTable([fam('a', ['xargs'])], CONSUMED_NAMES)).toThrow(/shadowed/);
  });
  it("throws when another family's pattern would take the name", () => {
    expect(() => buildRuleTable([fam('a', ['mkfs.fake']), fam('b', [], [/^mkfs\..+$/])], new Set())).toThrow(/shadowed by the b pattern/);
  });
});
