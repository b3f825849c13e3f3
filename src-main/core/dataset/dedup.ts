// Removes duplicates: exact ones by a hash of the normalised text, near ones by MinHash over word 3-shingles with
// LSH banding (candidates checked by their estimated Jaccard similarity). The first occurrence is kept.
import { createHash } from 'node:crypto';

export const normalizeForDedup = (s: string): string =>
  s
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\u200b-\u200d\ufeff]/g, '')
    .replace(/[`*_#>|()[\]{}"'.,:;!?។៖-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Word n-gram shingles (characters for text without spaces, such as Khmer). */
export function shingles(text: string, n = 3): Set<string> {
  const t = normalizeForDedup(text);
  const words = t.split(' ').filter(Boolean);
  const out = new Set<string>();
  if (words.length >= n * 2) {
    for (let i = 0; i + n <= words.length; i++) out.add(words.slice(i, i + n).join(' '));
  } else {
    const s = t.replace(/ /g, '');
    for (let i = 0; i + 5 <= s.length; i++) out.add(s.slice(i, i + 5));
    if (out.size === 0 && s) out.add(s);
  }
  return out;
}

export const NUM_HASHES = 64;
const BANDS = 16;
const ROWS = NUM_HASHES / BANDS;
const SEEDS = Array.from({ length: NUM_HASHES }, (_, i) => fmix(0x9e3779b9 ^ Math.imul(i + 1, 0x27d4eb2d)));

export function minhash(sh: Set<string>): Uint32Array {
  const sig = new Uint32Array(NUM_HASHES).fill(0xffffffff);
  for (const s of sh) {
    const base = fnv1a(s);
    for (let i = 0; i < NUM_HASHES; i++) {
      const v = fmix(base ^ SEEDS[i]!);
      if (v < sig[i]!) sig[i] = v;
    }
  }
  return sig;
}

export function estimatedJaccard(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}

export interface DedupResult<T> {
  kept: T[];
  exact: number;
  near: number;
}

/** Keeps the first of every group of rows whose text() is equal after normalisation or near-equal (Jaccard >= threshold). */
export function dedupe<T>(rows: T[], text: (r: T) => string, threshold = 0.8): DedupResult<T> {
  const seenExact = new Set<string>();
  const buckets = new Map<string, number[]>();
  const sigs: Uint32Array[] = [];
  const kept: T[] = [];
  let exact = 0;
  let near = 0;
  for (const r of rows) {
    const t = text(r);
    const h = createHash('sha1').update(normalizeForDedup(t)).digest('base64');
    if (seenExact.has(h)) {
      exact++;
      continue;
    }
    seenExact.add(h);
    const sig = minhash(shingles(t));
    const keys: string[] = [];
    let dup = false;
    for (let b = 0; b < BANDS; b++) {
      const key = `${b}:${Array.from(sig.subarray(b * ROWS, (b + 1) * ROWS)).join(',')}`;
      keys.push(key);
      if (!dup)
        for (const j of buckets.get(key) ?? [])
          if (estimatedJaccard(sig, sigs[j]!) >= threshold) {
            dup = true;
            break;
          }
    }
    if (dup) {
      near++;
      continue;
    }
    const idx = sigs.length;
    sigs.push(sig);
    for (const key of keys) {
      const list = buckets.get(key);
      if (list) list.push(idx);
      else buckets.set(key, [idx]);
    }
    kept.push(r);
  }
  return { kept, exact, near };
}

/** Drops rows whose instruction is close to an evaluation question (so the tuned model is not tested on its training). */
export function removeEvalOverlap<T>(
  rows: T[],
  instruction: (r: T) => string,
  questions: string[],
  threshold = 0.6,
): { kept: T[]; removed: number } {
  const bigrams = (s: string): Set<string> => {
    const w = normalizeForDedup(s).split(' ').filter(Boolean);
    const out = new Set<string>();
    for (let i = 0; i + 2 <= w.length; i++) out.add(`${w[i]} ${w[i + 1]}`);
    return out;
  };
  const qs = questions.map(bigrams).filter((b) => b.size > 0);
  const index = new Map<string, number[]>();
  qs.forEach((b, i) => {
    for (const g of b) {
      const l = index.get(g);
      if (l) l.push(i);
      else index.set(g, [i]);
    }
  });
  const kept: T[] = [];
  let removed = 0;
  for (const r of rows) {
    const b = bigrams(instruction(r));
    const shared = new Map<number, number>();
    for (const g of b) for (const i of index.get(g) ?? []) shared.set(i, (shared.get(i) ?? 0) + 1);
    let hit = false;
    for (const [i, n] of shared) {
      const union = b.size + qs[i]!.size - n;
      if (union > 0 && n / union >= threshold) {
        hit = true;
        break;
      }
    }
    if (hit) removed++;
    else kept.push(r);
  }
  return { kept, removed };
}
