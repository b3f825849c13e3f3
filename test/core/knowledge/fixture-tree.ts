// Builds the test documentation trees in a temporary folder from test/fixtures/knowledge: a MANPATH tree
// (a gzip page, a `.so` alias, a symlink alias, an mdoc page, an include, a corrupt page, an oversized page),
// an ArchWiki page of our own plus a Category: page, and a KDE handbook compressed with the real `bzip2`.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export const FIXTURES = join(import.meta.dirname, '../../fixtures/knowledge');
/** An ArchWiki page in the offline wiki's markup (both heading markups, prompted commands), written for the tests. */
export const WIKI_SAMPLE = join(FIXTURES, 'wiki');

export interface Tree {
  root: string;
  cacheDir: string;
  env: NodeJS.ProcessEnv;
  knowledgeDir: string;
  man: string;
  cleanup(): void;
}

export function makeTree(opts: { huge?: boolean } = {}): Tree {
  const root = mkdtempSync(join(tmpdir(), 'koompi-docs-test-'));
  const man = join(root, 'man');
  cpSync(join(FIXTURES, 'man'), man, { recursive: true });
  const frob = join(man, 'man1/frobnicate.1');
  writeFileSync(`${frob}.gz`, gzipSync(readFileSync(frob)));
  rmSync(frob);
  symlinkSync('frobnicate.1.gz', join(man, 'man1/frob.1.gz'));
  // A corrupt gzip page: skipped and counted.
  writeFileSync(join(man, 'man1/broken.1.gz'), Buffer.concat([Buffer.from([0x1f, 0x8b, 8, 0]), Buffer.alloc(64, 7)]));
  if (opts.huge) {
    const line = '.PP\nThe hugepage keeps talking about mellifluous things over and over again.\n';
    writeFileSync(
      join(man, 'man1/hugepage.1'),
      `.TH HUGEPAGE 1\n.SH NAME\nhugepage \\- a page of pathological size\n.SH DESCRIPTION\n${line.repeat(60_000)}`,
    );
  }
  const wiki = join(root, 'wiki');
  cpSync(WIKI_SAMPLE, wiki, { recursive: true });
  writeFileSync(join(wiki, 'en/Category:Zorblax.html'), '<div class="mw-parser-output"><p>zorblax category listing</p></div>');
  const kde = join(root, 'kde');
  mkdirSync(join(kde, 'en/testapp'), { recursive: true });
  writeFileSync(join(kde, 'en/testapp/index.cache.bz2'), execFileSync('bzip2', ['-c', join(FIXTURES, 'kde/en/testapp/index.html')]));
  const cacheDir = join(root, 'cache');
  return {
    root,
    cacheDir,
    man,
    knowledgeDir: join(FIXTURES, 'articles'),
    env: {
      PATH: process.env.PATH,
      HOME: root,
      MANPATH: man,
      KOOMPI_ARCH_WIKI_DIR: wiki,
      KOOMPI_KDE_HELP_DIR: kde,
      KOOMPI_KNOWLEDGE_DIR: join(FIXTURES, 'articles'),
    },
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
}
