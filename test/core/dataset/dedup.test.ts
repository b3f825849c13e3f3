// Duplicate removal: exact after normalisation, near by MinHash/LSH, evaluation questions kept out.
import { describe, expect, it } from 'vitest';
import { dedupe, estimatedJaccard, minhash, removeEvalOverlap, shingles } from '../../../src-main/core/dataset/dedup.js';

const para = (i: number): string =>
  `Section ${i}: ` + Array.from({ length: 60 }, (_, j) => `word${(i * 7919 + j * 104729) % 5000}`).join(' ');

describe('dedupe', () => {
  it('removes exact duplicates that differ only in case, spacing and punctuation', () => {
    const r = dedupe(
      ['Run `df -h` to see free space.', 'run df -h  to see FREE space', 'Something else entirely, about printers.'],
      (x) => x,
    );
    expect(r.kept).toEqual(['Run `df -h` to see free space.', 'Something else entirely, about printers.']);
    expect(r.exact).toBe(1);
  });

  it('removes a near duplicate (two words changed in sixty) and keeps distinct texts', () => {
    const a = para(1);
    const b = a.replace(/word\d+/, 'changed').replace(/ word\d+$/, ' changedtoo');
    const texts = [a, para(2), b, para(3)];
    const r = dedupe(texts, (x) => x);
    expect(r.kept).toEqual([a, para(2), para(3)]);
    expect(r.near).toBe(1);
  });

  it('estimates Jaccard similarity closely', () => {
    const a = shingles(para(5));
    const b = shingles(para(5).split(' ').slice(0, 40).join(' ') + ' ' + para(6).split(' ').slice(40).join(' '));
    const inter = [...a].filter((s) => b.has(s)).length;
    const truth = inter / (a.size + b.size - inter);
    expect(Math.abs(estimatedJaccard(minhash(a), minhash(b)) - truth)).toBeLessThan(0.15);
  });

  it('shingles Khmer text (no spaces between words) by characters', () => {
    expect(shingles('ការធ្វើបច្ចុប្បន្នភាពប្រព័ន្ធ').size).toBeGreaterThan(5);
  });
});

describe('removeEvalOverlap', () => {
  it('drops rows whose instruction is (nearly) an evaluation question', () => {
    const rows = ['How do I take a snapshot of the system before I change something?', 'What does the `ls` command do?'];
    const r = removeEvalOverlap(rows, (x) => x, ['How do I take a snapshot of the system before I change something?']);
    expect(r.kept).toEqual(['What does the `ls` command do?']);
    expect(r.removed).toBe(1);
  });
});
