// The index end to end on fixture trees: build (in-process and in the worker), search across kinds and
// languages, section(ref) with aliases, incremental refresh, resume, and every kind of bad input:
// corrupt pages and index, pathological size, a held or stale lock, two writers, a full disk.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildDocsIndex, openDocsIndex, tokenizerFingerprint, type BuildReport } from '../../../src-main/core/knowledge/index.js';
import { Journal } from '../../../src-main/core/knowledge/journal.js';
import { acquireLock, lockPath } from '../../../src-main/core/knowledge/lock.js';
import { parseManPage } from '../../../src-main/core/knowledge/man-pages.js';
import { makeTree, type Tree } from './fixture-tree.js';

let t: Tree;
const build = (extra: object = {}): Promise<BuildReport> => buildDocsIndex({ cacheDir: t.cacheDir, env: t.env, inProcess: true, ...extra });
const open = () => openDocsIndex({ cacheDir: t.cacheDir, env: t.env });
const indexFile = () => join(t.cacheDir, 'docs/index.kdx');

beforeEach(() => {
  t = makeTree();
});
afterEach(() => {
  t.cleanup();
});

describe('before any build', () => {
  it('searches the shipped articles only, in both languages, and says the index is stale', () => {
    const idx = open();
    const en = idx.search('connect to wifi network');
    expect(en[0]).toMatchObject({ kind: 'koompi', ref: 'koompi:wifi-fixture#connect', lang: 'en', anchor: 'connect' });
    expect(en[0]!.commands).toEqual(['nmcli device wifi connect "School" --ask']);
    const km = idx.search('ភ្ជាប់ទៅបណ្ដាញវ៉ាយហ្វាយ');
    expect(km[0]).toMatchObject({ kind: 'koompi', lang: 'km', ref: 'koompi:wifi-fixture#connect' });
    expect(idx.search('sprockets')).toEqual([]); // only in a man page: not indexed yet
    const st = idx.status();
    expect(st).toMatchObject({ builtAt: null, stale: true, bytes: 0, fingerprint: tokenizerFingerprint() });
    expect(st.sources.find((s) => s.kind === 'koompi')).toMatchObject({ pages: 3, sections: 5 });
    idx.close();
  });
});

describe('a build', () => {
  it('indexes man pages (gzip, .so, symlink, mdoc), the wiki and KDE, and counts the unreadable page', async () => {
    const r = await build();
    expect(r.ok).toBe(true);
    const man = r.sources.find((s) => s.kind === 'man')!;
    expect(man).toMatchObject({ pages: 3, skipped: 1 }); // frobnicate, gizmoctl, quux; broken.1.gz skipped; unfrob/frob are aliases
    expect(r.sources.find((s) => s.kind === 'archwiki')).toMatchObject({ pages: 1, sections: 3 });
    expect(r.sources.find((s) => s.kind === 'kde')).toMatchObject({ pages: 1 });
    expect(r.sources.find((s) => s.kind === 'koompi')).toMatchObject({ pages: 3 });

    const idx = open();
    const hits = idx.search('twist widgets recursively', { limit: 3 });
    expect(hits[0]).toMatchObject({ kind: 'man', ref: 'frobnicate(1)', anchor: 'options', title: 'frobnicate(1) › OPTIONS' });
    expect(hits[0]!.excerpt).toContain('-r, --recursive');
    expect(idx.search('what does the -r option of frobnicate do')[0]!.ref).toBe('frobnicate(1)');
    expect(idx.search('what does quux do', { kinds: ['man'] })[0]!.ref).toBe('quux(1)'); // the page of that exact name
    expect(idx.search('mount a partition at boot fstab')[0]).toMatchObject({ kind: 'archwiki', page: 'Fstab' });
    const wiki = idx.search('check the new fstab entry before rebooting', { kinds: ['archwiki'] });
    expect(wiki.every((h) => h.kind === 'archwiki')).toBe(true);
    expect(wiki.some((h) => h.commands.includes('mount -a'))).toBe(true);
    expect(idx.search('zibble blarg')[0]).toMatchObject({ kind: 'kde', ref: 'kde:testapp#using' });
    expect(idx.search('zorblax', { kinds: ['man'] })[0]!.ref).toBe('gizmoctl(8)');
    expect(idx.search('quuxbar folder')[0]).toMatchObject({ ref: 'quux(1)', heading: 'ENVIRONMENT' }); // from the .so include
    expect(idx.search('zorblax', { kinds: ['archwiki'] })).toEqual([]); // Category: pages are not indexed
    expect(idx.search('wifi', { lang: 'km' }).every((h) => h.lang === 'km')).toBe(true);

    expect(idx.section('frobnicate(1)#options')!.text).toContain('say nothing');
    const whole = idx.section('frobnicate(1)')!;
    expect(whole.text).toContain('## DESCRIPTION');
    expect(whole.commands).toEqual(['frobnicate -r ~/widgets']);
    expect(idx.section('unfrob(1)')!.title).toBe('frobnicate(1)'); // .so alias
    expect(idx.section('frob(1)')!.title).toBe('frobnicate(1)'); // symlink alias
    expect(idx.section('https://wiki.archlinux.org/title/Fstab#Usage')!.commands).toEqual(['lsblk -f']);
    expect(idx.section('koompi:wifi-fixture#saved')!.commands).toEqual(['nmcli connection show']);
    expect(idx.section('koompi:wifi-fixture#connect', 'km')!.lang).toBe('km');
    expect(idx.section('nosuch(1)')).toBeNull();

    const st = idx.status();
    expect(st.stale).toBe(false);
    expect(st.builtAt).not.toBeNull();
    expect(st.bytes).toBe(statSync(indexFile()).size);
    idx.close();
  });

  it('adds the man page of the program the best article runs, without changing the order', async () => {
    await build();
    const hits = open().search('shape my gadgets quietly', { limit: 8 });
    expect(hits[0]).toMatchObject({ kind: 'koompi', ref: 'koompi:widgets-fixture#quiet' });
    const man = hits.findIndex((h) => h.ref === 'frobnicate(1)');
    expect(man).toBeGreaterThan(0);
    expect(man).toBeLessThan(5);
    for (let i = 1; i < hits.length; i++) expect(hits[i]!.score).toBeLessThanOrEqual(hits[i - 1]!.score);
    expect(
      open()
        .search('shape my gadgets quietly', { limit: 8, kinds: ['koompi'] })
        .some((h) => h.kind === 'man'),
    ).toBe(false);
  });

  it('runs in a worker thread and reports progress', async () => {
    const phases = new Set<string>();
    const r = await buildDocsIndex({ cacheDir: t.cacheDir, env: t.env, onProgress: (p) => phases.add(p.phase) });
    expect(r.ok).toBe(true);
    expect([...phases]).toEqual(expect.arrayContaining(['discover', 'write', 'done']));
    expect(open().search('twist widgets')[0]!.ref).toBe('frobnicate(1)');
  });

  it('refreshes incrementally by path and mtime, and notices removed pages', async () => {
    expect((await build()).parsed).toBe(7); // 8 files, one unreadable
    const again = await build();
    expect(again).toMatchObject({ ok: true, parsed: 0, reused: 8 });
    const quux = join(t.man, 'man1/quux.1');
    writeFileSync(quux, readFileSync(quux, 'utf8').replace('Shows the status', 'Shows the plonkish status'));
    utimesSync(quux, new Date(), new Date(Date.now() + 5000));
    const changed = await build();
    expect(changed).toMatchObject({ ok: true, parsed: 1, reused: 7 });
    expect(open().search('plonkish')[0]!.ref).toBe('quux(1)');
    rmSync(join(t.man, 'man8/gizmoctl.8'));
    expect((await build()).ok).toBe(true);
    expect(open().search('zorblax', { kinds: ['man'] })).toEqual([]);
  });

  it('an index made by another tokenizer (another runtime segments Khmer differently) is stale and rebuilt in full', async () => {
    await build();
    const buf = readFileSync(indexFile());
    const len = buf.readUInt32LE(8);
    const meta = JSON.parse(buf.subarray(12, 12 + len).toString()) as { fingerprint: string };
    meta.fingerprint = '0123456789abcdef';
    const json = Buffer.from(JSON.stringify(meta));
    expect(json.length).toBe(len);
    json.copy(buf, 12);
    writeFileSync(indexFile(), buf);
    expect(open().status()).toMatchObject({ stale: true, fingerprint: '0123456789abcdef' });
    expect(await build()).toMatchObject({ ok: true, parsed: 7, reused: 0 });
    expect(open().status()).toMatchObject({ stale: false, fingerprint: tokenizerFingerprint() });
  });

  it('indexes a section repeated word for word in many pages only three times', async () => {
    for (let i = 0; i < 6; i++) {
      writeFileSync(
        join(t.man, `man1/sdk-sub${i}.1`),
        `.TH SDK-SUB${i} 1\n.SH NAME\nsdk-sub${i} \\- sub-command ${i} quibbling\n.SH DESCRIPTION\nDoes thing number ${i}.\n.SH WIDE FLAGS\nThese zanzibar flags apply to every command.\n`,
      );
    }
    await build();
    const hits = open().search('zanzibar flags', { kinds: ['man'], limit: 10 });
    expect(hits.filter((h) => h.heading === 'WIDE FLAGS')).toHaveLength(3);
    expect(
      new Set(
        open()
          .search('quibbling', { kinds: ['man'], limit: 20 })
          .map((h) => h.ref),
      ).size,
    ).toBe(6);
  });

  it('resumes an interrupted build from its journal', async () => {
    const dir = join(t.cacheDir, 'docs');
    const f = join(t.man, 'man1/frobnicate.1.gz');
    const st = statSync(f);
    const page = parseManPage({ key: 'frobnicate(1)', path: f, mtimeMs: st.mtimeMs, size: st.size });
    page.sections[0]!.text += ' journalled-marker';
    rmSync(dir, { recursive: true, force: true });
    const { mkdirSync } = await import('node:fs');
    mkdirSync(dir, { recursive: true });
    const j = new Journal(dir, tokenizerFingerprint());
    j.start(false);
    j.add({ key: 'frobnicate(1)', path: f, m: st.mtimeMs, s: st.size, page });
    j.flush();
    const r = await build();
    expect(r).toMatchObject({ ok: true, parsed: 6, reused: 1 });
    expect(open().search('journalled-marker')[0]!.ref).toBe('frobnicate(1)');
    expect(existsSync(join(dir, 'build.journal'))).toBe(false);
  });
});

describe('bad input', () => {
  it('caps a page of pathological size', async () => {
    t.cleanup();
    t = makeTree({ huge: true });
    const r = await build();
    expect(r.ok).toBe(true);
    const hit = open().search('mellifluous hugepage')[0]!;
    expect(hit.ref).toBe('hugepage(1)');
    const whole = open().section('hugepage(1)')!;
    expect(whole.text.length).toBeLessThan(2.2 * 1024 * 1024);
    expect(whole.text.length).toBeGreaterThan(100_000);
  });

  it('a corrupt or truncated index is reported, the articles still answer, and the next build replaces it', async () => {
    await build();
    const good = readFileSync(indexFile());
    for (const bad of [Buffer.from('garbage'), good.subarray(0, good.length - 100)]) {
      writeFileSync(indexFile(), bad);
      const idx = open();
      expect(idx.search('connect wifi')[0]!.kind).toBe('koompi');
      expect(idx.search('twist widgets')).toEqual([]);
      expect(idx.status()).toMatchObject({ stale: true });
      expect(idx.status().problem).toMatch(/corrupt/);
      idx.close();
      const r = await build();
      expect(r).toMatchObject({ ok: true, parsed: 7 });
      expect(open().search('twist widgets')[0]!.ref).toBe('frobnicate(1)');
    }
  });

  it('damage inside an index of the right size is found by the next build, and search does not throw', async () => {
    await build();
    const buf = readFileSync(indexFile());
    const meta = JSON.parse(buf.subarray(12, 12 + buf.readUInt32LE(8)).toString()) as { segments: Record<string, [number, number]> };
    const [off, len] = meta.segments.blocks!;
    buf.fill(0x55, off, off + len); // every page block destroyed, sizes unchanged
    writeFileSync(indexFile(), buf);
    const idx = open();
    expect(() => idx.search('twist widgets recursively')).not.toThrow();
    expect(idx.status().problem).toMatch(/corrupt/);
    idx.close();
    const r = await build();
    expect(r).toMatchObject({ ok: true, parsed: 7 }); // not "nothing changed": the checksum did not match
    expect(open().search('twist widgets')[0]!.ref).toBe('frobnicate(1)');
  });

  it('refuses to build while another writer holds the lock, and takes over a stale lock', async () => {
    const dir = join(t.cacheDir, 'docs');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(dir, { recursive: true });
    const held = acquireLock(dir);
    if (!('lock' in held)) throw new Error('could not take the lock');
    const r = await build();
    expect(r).toMatchObject({ ok: false, errorKind: 'locked' });
    expect(r.error).toContain(`pid ${process.pid}`);
    expect(open().status().building).toBe(true);
    held.lock.release();
    // A lock left by a process that died.
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    writeFileSync(
      lockPath(dir),
      JSON.stringify({ pid: Number(dead.stdout), host: (await import('node:os')).hostname(), startedAt: 'then' }),
    );
    expect((await build()).ok).toBe(true);
    expect(existsSync(lockPath(dir))).toBe(false);
  });

  it('two indexers at once: one builds, the other says it is locked, and the index stays sound', async () => {
    t.cleanup();
    t = makeTree({ huge: true });
    const child = (): Promise<BuildReport> =>
      new Promise((resolve) => {
        const p = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'build-child.ts')], {
          env: { ...t.env, TEST_CACHE_DIR: t.cacheDir },
        });
        let out = '';
        p.stdout.on('data', (d: Buffer) => {
          out += d.toString();
        });
        p.on('close', () => resolve(JSON.parse(out) as BuildReport));
      });
    const rs = await Promise.all([child(), child()]);
    expect(rs.some((r) => r.ok)).toBe(true);
    for (const r of rs) if (!r.ok) expect(r.errorKind).toBe('locked');
    const idx = open();
    expect(idx.status().problem).toBeNull();
    expect(idx.search('twist widgets')[0]!.ref).toBe('frobnicate(1)');
  }, 60_000);

  it('a full disk keeps the old index and says so', async () => {
    await build();
    const oldSize = statSync(indexFile()).size;
    for (let i = 0; i < 400; i++) {
      writeFileSync(
        join(t.man, `man1/extra${i}.1`),
        `.TH EXTRA${i} 1\n.SH NAME\nextra${i} \\- page ${i}\n.SH DESCRIPTION\n${Array.from({ length: 200 }, (_, k) => `word${i}x${k}`).join(' ')}\n`,
      );
    }
    // A real write failure: the child may not write files larger than ~1.3x the old index (EFBIG, like ENOSPC).
    const blocks = Math.ceil((oldSize * 1.3) / 512);
    const r = spawnSync(
      'sh',
      ['-c', `trap '' XFSZ; ulimit -f ${blocks}; exec "${process.execPath}" --import tsx "${join(import.meta.dirname, 'build-child.ts')}"`],
      {
        env: { ...t.env, TEST_CACHE_DIR: t.cacheDir },
        encoding: 'utf8',
      },
    );
    const report = JSON.parse(r.stdout) as BuildReport;
    expect(report).toMatchObject({ ok: false, errorKind: 'disk-full', keptOld: true });
    expect(report.error).toMatch(/disk is full.*old index is kept/);
    expect(statSync(indexFile()).size).toBe(oldSize);
    expect(open().search('twist widgets')[0]!.ref).toBe('frobnicate(1)');
    const leftovers = (await import('node:fs')).readdirSync(join(t.cacheDir, 'docs')).filter((n) => n.endsWith('.tmp'));
    expect(leftovers).toEqual([]);
  }, 60_000);
});
