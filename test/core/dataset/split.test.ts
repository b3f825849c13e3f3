// The split is by source article: no article on both sides, stable across runs and additions.
import { describe, expect, it } from 'vitest';
import { groupPosition, splitByGroup } from '../../../src-main/core/dataset/split.js';

const rows = (groups: number, perGroup: number): { group: string; n: number }[] =>
  Array.from({ length: groups * perGroup }, (_, i) => ({ group: `man:page${Math.floor(i / perGroup)}(1)`, n: i }));

describe('splitByGroup', () => {
  it('never puts one article on both sides, and keeps every row', () => {
    const all = rows(500, 4);
    const { train, validation } = splitByGroup(all);
    const t = new Set(train.map((r) => r.group));
    const v = new Set(validation.map((r) => r.group));
    expect([...v].filter((g) => t.has(g))).toEqual([]);
    expect(train.length + validation.length).toBe(all.length);
    expect(v.size / (t.size + v.size)).toBeGreaterThan(0.05);
    expect(v.size / (t.size + v.size)).toBeLessThan(0.15);
  });

  it('is the same on every run, and adding articles does not move the others', () => {
    const a = splitByGroup(rows(100, 2));
    const b = splitByGroup(rows(150, 2));
    const va = new Set(a.validation.map((r) => r.group));
    const vb = new Set(b.validation.map((r) => r.group));
    for (const g of va) expect(vb.has(g)).toBe(true);
    expect(groupPosition('koompi:snapshots')).toBe(groupPosition('koompi:snapshots'));
  });

  it('gives a small set both a train and a validation side', () => {
    const { train, validation } = splitByGroup(rows(3, 2));
    expect(validation.length).toBeGreaterThan(0);
    expect(train.length).toBeGreaterThan(0);
    expect(splitByGroup(rows(1, 3)).validation).toEqual([]);
  });
});
