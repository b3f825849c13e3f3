// The health check's line for the offline documentation: not built, being built (with progress), damaged, stale,
// and built (what is indexed, when, how big; a hint when the offline ArchWiki is missing).
import { describe, expect, it } from 'vitest';
import { docsHealth, DOCS_INDEX_FIX } from '../../../src-main/core/service/docs-health.js';
import type { DocsStatus } from '../../../src-main/core/knowledge/types.js';

const status = (o: Partial<DocsStatus> = {}): DocsStatus => ({
  dir: '/c/docs',
  builtAt: '2026-12-01T22:00:00.000Z',
  bytes: 67_000_000,
  fingerprint: 'f',
  stale: false,
  problem: null,
  building: false,
  sources: [
    { kind: 'koompi', pages: 54, sections: 554, skipped: 0 },
    { kind: 'man', pages: 20_276, sections: 144_018, skipped: 3 },
    { kind: 'archwiki', pages: 0, sections: 0, skipped: 0 },
    { kind: 'kde', pages: 0, sections: 0, skipped: 0 },
  ],
  ...o,
});

describe('docsHealth', () => {
  it('built: what is indexed, when and how big, skipped pages counted, a hint for the ArchWiki', () => {
    const c = docsHealth(status());
    expect(c).toMatchObject({ id: 'docs-index', ok: true, fix: null });
    expect(c.detail).toContain('144,572 sections (KOOMPI guides 54 pages, man pages 20,276 pages)');
    expect(c.detail).toContain('built 2026-12-01T22:00:00.000Z, 67 MB; 3 unreadable pages skipped');
    expect(c.detail).toContain('Install arch-wiki-docs');
    expect(
      docsHealth(status({ sources: [...status().sources.slice(0, 2), { kind: 'archwiki', pages: 9, sections: 40, skipped: 0 }] })).detail,
    ).not.toContain('arch-wiki-docs');
  });

  it('not built, stale, damaged or unopenable: a problem with the command that fixes it', () => {
    for (const s of [
      status({ builtAt: null, stale: true }),
      status({ stale: true }),
      status({ problem: 'The index file is damaged.' }),
      null,
    ]) {
      const c = docsHealth(s);
      expect(c.ok).toBe(false);
      expect(c.fix).toBe(DOCS_INDEX_FIX);
    }
    expect(docsHealth(status({ builtAt: null })).detail).toMatch(/^Not built yet: only the KOOMPI guides answer/);
  });

  it('being built: fine, with the progress when the app is the one building', () => {
    expect(docsHealth(status({ building: true }))).toMatchObject({
      ok: true,
      fix: null,
      detail: expect.stringMatching(/^Being built now; meanwhile/),
    });
    const c = docsHealth(status({ builtAt: null }), { phase: 'parse', kind: 'man', done: 5000, total: 20_000 });
    expect(c.ok).toBe(true);
    expect(c.detail).toContain('(man pages: 5,000 of 20,000, 25 %)');
  });

  it('in Khmer: every state says it in Khmer, counts and commands kept', () => {
    const states = [
      docsHealth(status(), null, 'km'),
      docsHealth(status({ builtAt: null }), null, 'km'),
      docsHealth(status({ stale: true }), null, 'km'),
      docsHealth(status({ problem: 'The index file is damaged.' }), null, 'km'),
      docsHealth(null, null, 'km'),
      docsHealth(status({ builtAt: null }), { phase: 'parse', kind: 'man', done: 5000, total: 20_000 }, 'km'),
    ];
    for (const c of states) {
      expect(c.label).toBe('ឯកសារជំនួយក្រៅបណ្តាញ');
      expect(c.detail).toMatch(/[\u1780-\u17FF]/u);
      expect(c.detail).not.toMatch(/\b(the|is|are|not|and|of|only|built|being|pages skipped|sections)\b/i);
    }
    expect(states[0]!.detail).toContain('144,572 ផ្នែក (មគ្គុទ្ទេសក៍ KOOMPI 54 ទំព័រ, man pages 20,276 ទំព័រ)');
    expect(states[0]!.detail).toContain('arch-wiki-docs');
    expect(states[1]!.fix).toBe(DOCS_INDEX_FIX);
    expect(states[5]!.detail).toContain('5,000 ក្នុងចំណោម 20,000, 25 %');
  });
});

describe('an index with nothing in it', () => {
  it('says no sections were found, in both languages, instead of "0 sections (nothing)"', () => {
    const empty = {
      dir: '/tmp/x',
      builtAt: null,
      sources: [{ kind: 'koompi' as const, pages: 0, sections: 0, skipped: 0 }],
      bytes: 0,
      fingerprint: 'f',
      stale: true,
    };
    const en = docsHealth(empty, null, 'en');
    expect(en.detail).toContain('(no sections found)');
    expect(en.detail).not.toMatch(/0 sections/);
    expect(docsHealth(empty, null, 'km').detail).toContain('រកមិនឃើញផ្នែកណាមួយទេ');
  });
});
