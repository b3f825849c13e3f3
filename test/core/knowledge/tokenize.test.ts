// The tokenizer: Khmer segmentation with normalisation (coeng DA/TA, zero-width spaces, NFC), option
// terms, stemming, and a fingerprint that is stable within one runtime.
import { describe, expect, it } from 'vitest';
import { normalizeText, tokenize, tokenizerFingerprint } from '../../../src-main/core/knowledge/index.js';
import { expandQuery } from '../../../src-main/core/knowledge/synonyms.js';

describe('tokenize', () => {
  it('treats the two spellings of the Khmer subscript ta/da and zero-width spaces alike', () => {
    const a = tokenize('ប្ដូរក្ដារចុច');
    const b = tokenize('ប្តូរ\u200Bក្តារចុច');
    expect(a).toEqual(b);
    expect(a.length).toBeGreaterThan(1);
    expect(normalizeText('ក្ដារ')).toBe('ក្តារ');
  });

  it('segments Khmer into words and drops question words', () => {
    const t = tokenize('តើខ្ញុំប្តូរភាសាក្ដារចុចយ៉ាងដូចម្តេច?');
    expect(t).toContain('ភាសា');
    expect(t).not.toContain('តើ');
    expect(t).not.toContain('ខ្ញុំ');
  });

  it('keeps options whole as well as their words, stems English, drops stop words', () => {
    expect(tokenize('what does the -r option do')).toEqual(['-r', 'r', 'option']);
    expect(tokenize('--recursive mounting files')).toEqual(['--recursive', 'recursive', 'mount', 'file']);
    expect(tokenize('wpa_supplicant')).toEqual(['wpa', 'supplicant', 'wpa_supplicant']);
    expect(tokenize('-v, -V, --Invert')).toEqual(['-v', 'v', '-V', 'v', '--invert', 'invert']); // -v is not -V
  });

  it('has a fingerprint that is stable for this runtime', () => {
    expect(tokenizerFingerprint()).toMatch(/^[0-9a-f]{16}$/);
    expect(tokenizerFingerprint()).toBe(tokenizerFingerprint());
  });

  it('expands a query with English and Khmer synonyms at a lower weight', () => {
    const q = expandQuery('delete a folder');
    expect(q.find((x) => x.term === 'delete')?.weight).toBe(1);
    expect(q.find((x) => x.term === 'directory')?.weight).toBeLessThan(1);
    expect(q.some((x) => x.term === 'ថត')).toBe(true);
  });
});
