// The English and Khmer UI tables have exactly the same keys, no empty strings and the same placeholders.
import { describe, expect, it } from 'vitest';
import { en } from '../../src-renderer/i18n/en.js';
import { km } from '../../src-renderer/i18n/km.js';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('UI strings', () => {
  it('has the same keys in English and Khmer', () => {
    expect(Object.keys(km).sort()).toEqual(Object.keys(en).sort());
  });

  it('has no empty string and the same {placeholders} in both languages', () => {
    for (const [key, text] of Object.entries(en)) {
      const k = (km as Record<string, string>)[key]!;
      expect(text.trim(), key).not.toBe('');
      expect(k.trim(), key).not.toBe('');
      expect(placeholders(k), key).toEqual(placeholders(text));
    }
  });

  it('is really translated: most Khmer strings contain Khmer script', () => {
    const khmer = Object.values(km).filter((s) => /[\u1780-\u17FF]/.test(s)).length;
    expect(khmer / Object.keys(km).length).toBeGreaterThan(0.9);
  });
});
