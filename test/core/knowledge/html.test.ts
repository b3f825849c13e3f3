// ArchWiki pages (old and new heading markup, commands in <pre> with prompts, non-article namespaces
// skipped) and KDE handbooks (bzip2 cache).
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { discoverWiki, parseWikiPage } from '../../../src-main/core/knowledge/archwiki.js';
import { discoverKde, parseKdePage } from '../../../src-main/core/knowledge/kde-help.js';
import { makeTree } from './fixture-tree.js';

describe('ArchWiki HTML', () => {
  it('splits the body at both heading markups and finds the prompted commands', () => {
    const t = makeTree();
    try {
      const found = discoverWiki(join(t.root, 'wiki'));
      expect(found.files.map((f) => f.key)).toEqual(['en/Fstab']);
      const page = parseWikiPage(found.files[0]!);
      expect(page.title).toBe('Fstab');
      expect(page.sections.map((s) => [s.heading, s.ref])).toEqual([
        [null, 'https://wiki.archlinux.org/title/Fstab'],
        ['Usage', 'https://wiki.archlinux.org/title/Fstab#Usage'],
        ['Testing a new entry', 'https://wiki.archlinux.org/title/Fstab#Testing_a_new_entry'],
      ]);
      expect(page.sections[1]!.commands).toEqual(['lsblk -f']);
      expect(page.sections[2]!.commands).toEqual(['mount -a']);
      expect(page.sections[1]!.text).toContain('```console\n$ lsblk -f\n```');
      expect(page.sections.map((s) => s.text).join(' ')).not.toMatch(/Retrieved from/);
    } finally {
      t.cleanup();
    }
  });
});

describe('KDE handbooks', () => {
  it('reads index.cache.bz2 through bzip2 and splits it at the headings', () => {
    const t = makeTree();
    try {
      const found = discoverKde(join(t.root, 'kde'));
      expect(found.files.map((f) => f.key)).toEqual(['kde:en/testapp']);
      const page = parseKdePage(found.files[0]!);
      expect(page.kind).toBe('kde');
      const using = page.sections.find((s) => s.heading === 'Using Testapp')!;
      expect(using.ref).toBe('kde:testapp#using');
      expect(using.text).toContain('zibble the current blarg');
      expect(page.sections.map((s) => s.text).join(' ')).not.toContain('Prev Next');
    } finally {
      t.cleanup();
    }
  });
});
