// buildDataset end to end on small real sources: KOOMPI articles (EN+KM), man pages (gzip and plain roff),
// an ArchWiki page, a pacman database for licences; rows, dedup, split by article, manifest.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDataset } from '../../../src-main/core/dataset/index.js';
import { debianLicense, systemLicenseLookup } from '../../../src-main/core/dataset/licenses.js';
import { makeFixture } from './fixtures.js';

const f = makeFixture(mkdtempSync(join(tmpdir(), 'koompi-ds-')));
const env = { MANPATH: f.manTree, KOOMPI_ARCH_WIKI_DIR: f.wiki };
const result = buildDataset({
  outDir: join(f.root, 'out'),
  env,
  knowledgeDir: f.knowledge,
  licenses: systemLicenseLookup({ pacmanDb: f.pacmanDb }),
  evalQuestions: ['What does the `quux` command do?'],
});
const lines = (p: string): { instruction: string; input: string; output: string }[] =>
  readFileSync(p, 'utf8')
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { instruction: string; input: string; output: string });

describe('buildDataset', () => {
  const train = lines(result.files.train);
  const validation = lines(result.files.validation);
  const all = [...train, ...validation];

  it('writes {instruction, input, output} rows only', () => {
    for (const r of all) expect(Object.keys(r).sort()).toEqual(['input', 'instruction', 'output']);
    expect(result.manifest.train).toBe(train.length);
    expect(result.manifest.validation).toBe(validation.length);
    expect(validation.length).toBeGreaterThan(0);
  });

  it('makes rows from the articles in English and Khmer, the man pages and the wiki', () => {
    expect(all.some((r) => r.instruction === 'On KOOMPI OS: Fix printing problems (Printing)')).toBe(true);
    expect(all.some((r) => r.instruction.startsWith('នៅលើ KOOMPI OS៖ រៀបចំ wifi'))).toBe(true);
    expect(all).toContainEqual({
      instruction: 'What does the `frob` command do?',
      input: '',
      output: expect.stringContaining('frobnicates text files'),
    });
    expect(
      all.some(
        (r) => r.instruction === 'What does the option `-n, --number` of `frob` do?' && r.output.includes('number every output line'),
      ),
    ).toBe(true);
    expect(all.some((r) => r.instruction === 'Show examples of how to use `frob`.' && r.output.includes('frob -a notes.txt'))).toBe(true);
    expect(all.some((r) => r.instruction.startsWith('On Arch Linux: Swap file (Swap)') && r.output.includes('mkswap'))).toBe(true);
  });

  it('removes duplicates and the evaluation questions', () => {
    expect(result.manifest.removed.exact_duplicates).toBeGreaterThanOrEqual(1); // copy.md repeats a snapshots section
    expect(all.filter((r) => r.output.includes('koompi snapshots setup') && r.output.startsWith('To set up snapshots'))).toHaveLength(1);
    expect(result.manifest.removed.eval_overlap).toBe(1);
    expect(all.some((r) => r.instruction === 'What does the `quux` command do?')).toBe(false);
  });

  it('splits by article: no article on both sides, English and Khmer of one article together', () => {
    const { train: t, validation: v } = result.groups;
    expect([...v].filter((g) => t.has(g))).toEqual([]);
    expect(v.size).toBeGreaterThan(0);
    const side = (lang: string, id: string): 'train' | 'validation' | null => {
      const hit = (rows: typeof all): boolean =>
        rows.some((r) =>
          lang === 'km'
            ? r.instruction.startsWith(`នៅលើ KOOMPI OS៖ រៀបចំ ${id}`)
            : r.instruction === `On KOOMPI OS: Set up ${id} (${id[0]!.toUpperCase()}${id.slice(1)})`,
        );
      return hit(train) ? 'train' : hit(validation) ? 'validation' : null;
    };
    for (const id of ['printing', 'wifi', 'sound', 'display', 'bluetooth']) expect(side('km', id), id).toBe(side('en', id));
  });

  it('writes a manifest with counts and licences per source', () => {
    const m = JSON.parse(readFileSync(result.files.manifest, 'utf8')) as typeof result.manifest;
    const by = Object.fromEntries(m.sources.map((s) => [s.kind, s]));
    expect(by.archwiki!.license).toMatch(/GNU Free Documentation License/);
    expect(by.archwiki!.rows).toBe(2);
    expect(by.koompi!.license).toMatch(/KOOMPI/);
    expect(by.koompi!.articles).toBe(13);
    expect(by.man!.packages).toContainEqual({ name: 'frobutils', license: 'GPL-3.0-or-later AND MIT', rows: expect.any(Number) });
    expect(by.man!.packages!.find((p) => p.name === 'unknown')!.license).toMatch(/unknown/);
    expect(m.sources.reduce((s, x) => s + x.rows, 0)).toBe(m.train + m.validation);
  });
});

describe('licences', () => {
  it("reads a Debian copyright file's License lines, most common first", () => {
    const dir = mkdtempSync(join(tmpdir(), 'koompi-copyright-'));
    const p = join(dir, 'copyright');
    writeFileSync(p, 'Files: *\nLicense: GPL-2+\n\nFiles: a\nLicense: MIT\n\nFiles: b\nLicense: GPL-2+\n');
    expect(debianLicense(p)).toBe('GPL-2+; MIT');
    expect(debianLicense(join(dir, 'missing'))).toMatch(/unknown/);
  });
});
