// Splits rows into train and validation by source article: a hash of the article decides its side, so no article
// feeds both, the split is the same on every run, and adding an article does not move the others.
import { createHash } from 'node:crypto';

export const VALIDATION_SHARE = 0.1;

/** 0..1, stable for a group name. */
export function groupPosition(group: string): number {
  return createHash('sha256').update(group).digest().readUInt32BE(0) / 0x100000000;
}

export function splitByGroup<T extends { group: string }>(rows: T[], share = VALIDATION_SHARE): { train: T[]; validation: T[] } {
  const groups = [...new Set(rows.map((r) => r.group))];
  const inValidation = new Set(groups.filter((g) => groupPosition(g) < share));
  // a small set still gets a validation side (the group nearest the cut), and keeps a train side
  if (inValidation.size === 0 && groups.length >= 2) {
    inValidation.add(groups.reduce((best, g) => (groupPosition(g) < groupPosition(best) ? g : best)));
  }
  if (inValidation.size === groups.length && groups.length >= 2) {
    inValidation.delete(groups.reduce((best, g) => (groupPosition(g) > groupPosition(best) ? g : best)));
  }
  const train: T[] = [];
  const validation: T[] = [];
  for (const r of rows) (inValidation.has(r.group) ? validation : train).push(r);
  return { train, validation };
}
