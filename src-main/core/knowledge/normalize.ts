// Text normalisation shared by indexing and querying: NFC, zero-width characters removed, and the two
// Khmer subscripts that look the same (coeng + DA U+178A and coeng + TA U+178F) folded into one.

const ZERO_WIDTH = /[\u200B\u200C\u200D\u2060\uFEFF\u00AD]/g;
const COENG_DA = /\u17D2\u178A/g;

const NON_ASCII = /[^\x00-\x7f]/;

export function normalizeText(s: string): string {
  if (!NON_ASCII.test(s)) return s;
  return s.normalize('NFC').replace(ZERO_WIDTH, '').replace(COENG_DA, '\u17D2\u178F');
}

const KHMER = /[\u1780-\u17FF\u19E0-\u19FF]/;

export function hasKhmer(s: string): boolean {
  return KHMER.test(s);
}
