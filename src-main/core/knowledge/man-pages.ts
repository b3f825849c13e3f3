// Man pages as man-db sees them: the MANPATH trees (MANPATH honoured, an empty component meaning man-db's
// own list, else `manpath -q`), English `man<N>` directories, gzip pages read in-process, `.so` includes
// resolved, `.so`-only pages and symlinks recorded as aliases of the page they point at.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { constants, gunzipSync } from 'node:zlib';
import { KIND_PRIOR, MAX_PAGE_BYTES, splitLong, type PageRecord } from './model.js';
import { renderRoff } from './roff.js';

export interface SourceFile {
  key: string;
  path: string;
  mtimeMs: number;
  size: number;
  aliasOf?: string;
}

const SYSTEM_DEFAULT = ['/usr/local/share/man', '/usr/share/man'];

export function manTrees(env: NodeJS.ProcessEnv): string[] {
  const system = (): string[] => {
    const r = spawnSync('manpath', ['-q'], { encoding: 'utf8', timeout: 5_000, env: { ...env, MANPATH: '' } });
    const out = r.status === 0 ? r.stdout.trim().split(':').filter(Boolean) : [];
    return out.length ? out : SYSTEM_DEFAULT;
  };
  const mp = env.MANPATH;
  let dirs: string[];
  if (mp === undefined || mp === '') dirs = system();
  else {
    const parts = mp.split(':');
    dirs = parts.some((p) => p === '') ? parts.flatMap((p) => (p === '' ? system() : [p])) : parts;
  }
  return [...new Set(dirs.map((d) => resolve(d)))].filter((d) => existsSync(d));
}

const PAGE_FILE = /^(.+)\.([0-9n][\w-]*)(\.gz)?$/;
const OTHER_COMPRESSION = /\.(bz2|xz|zst|lzma|Z)$/;

/** Every English man page under the trees, first tree wins for a name(section); unreadable entries counted. */
export function discoverManPages(trees: string[]): { files: SourceFile[]; skipped: number } {
  const files: SourceFile[] = [];
  const seen = new Set<string>();
  const byInode = new Map<string, string>();
  let skipped = 0;
  for (const tree of trees) {
    let subdirs: string[];
    try {
      subdirs = readdirSync(tree)
        .filter((d) => /^man[0-9n]\w*$/.test(d))
        .sort();
    } catch {
      continue;
    }
    for (const sub of subdirs) {
      let names: string[];
      try {
        // Real files before symlinks, so a link (an alias) never takes the place of the page it points at.
        const entries = readdirSync(join(tree, sub), { withFileTypes: true }).sort((a, b) =>
          a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
        );
        names = [...entries.filter((e) => !e.isSymbolicLink()), ...entries.filter((e) => e.isSymbolicLink())].map((e) => e.name);
      } catch {
        skipped++;
        continue;
      }
      for (const n of names) {
        if (OTHER_COMPRESSION.test(n)) {
          skipped++;
          continue;
        }
        const m = PAGE_FILE.exec(n);
        if (!m) continue;
        const key = `${m[1]}(${m[2]})`;
        if (seen.has(key)) continue;
        const path = join(tree, sub, n);
        let st;
        try {
          st = statSync(path);
        } catch {
          skipped++;
          continue;
        }
        if (!st.isFile()) continue;
        seen.add(key);
        const ino = `${st.dev}:${st.ino}`;
        const first = byInode.get(ino);
        if (first) {
          files.push({ key, path, mtimeMs: st.mtimeMs, size: st.size, aliasOf: first });
          continue;
        }
        byInode.set(ino, key);
        files.push({ key, path, mtimeMs: st.mtimeMs, size: st.size });
      }
    }
  }
  return { files, skipped };
}

/** Reads a page file (gzip or plain), capped at MAX_PAGE_BYTES of roff. */
export function readPageSource(path: string): string {
  const raw = readFileSync(path);
  let buf: Buffer;
  if (path.endsWith('.gz') || (raw[0] === 0x1f && raw[1] === 0x8b)) {
    try {
      buf = gunzipSync(raw, { maxOutputLength: MAX_PAGE_BYTES });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ERR_BUFFER_TOO_LARGE') throw e;
      // Pathological size: keep the beginning.
      buf = gunzipSync(raw.subarray(0, Math.min(raw.length, MAX_PAGE_BYTES / 2)), { finishFlush: constants.Z_SYNC_FLUSH }).subarray(
        0,
        MAX_PAGE_BYTES,
      );
    }
  } else buf = raw.subarray(0, MAX_PAGE_BYTES);
  if (buf.includes(0)) throw new Error('binary content');
  return buf.toString('utf8');
}

/** `.so man1/foo.1` relative to the tree root (the man<N> folder's parent), with or without .gz. */
function resolveSo(target: string, pagePath: string): string | null {
  const tree = dirname(dirname(pagePath));
  for (const base of [join(tree, target), join(dirname(pagePath), basename(target)), resolve(dirname(pagePath), target)]) {
    for (const p of [base, `${base}.gz`]) if (existsSync(p)) return p;
  }
  return null;
}

function keyOf(path: string): string | null {
  const m = PAGE_FILE.exec(basename(path));
  return m ? `${m[1]}(${m[2]})` : null;
}

/** Inlines `.so` includes (depth 3); a page that is only a `.so` line is an alias. */
function expandSo(src: string, path: string, depth = 0): { src: string; aliasOf: string | null } {
  const lines = src.split('\n');
  const meaningful = lines.filter((l) => l.trim() && !/^[.']\s*\\"/.test(l) && !l.startsWith('\\"'));
  if (meaningful.length === 1 && /^\.so\s+\S+/.test(meaningful[0]!)) {
    const target = resolveSo(meaningful[0]!.replace(/^\.so\s+/, '').trim(), path);
    const key = target ? keyOf(target) : null;
    if (key) return { src: '', aliasOf: key };
  }
  if (depth >= 3 || !src.includes('.so ')) return { src, aliasOf: null };
  const out = lines.map((l) => {
    const m = /^\.so\s+(\S+)/.exec(l);
    if (!m) return l;
    const target = resolveSo(m[1]!, path);
    if (!target) return '';
    try {
      return expandSo(readPageSource(target), target, depth + 1).src;
    } catch {
      return '';
    }
  });
  return { src: out.join('\n'), aliasOf: null };
}

/** Section 1/8 (commands) first, then files and concepts, then programming interfaces. */
function sectionPrior(sec: string): number {
  const s = sec[0];
  if (s === '1' || s === '8') return sec.length > 1 ? 0.85 : 1;
  if (s === '5' || s === '7') return 0.9;
  if (s === '6') return 0.7;
  return 0.6;
}

export function parseManPage(f: SourceFile): PageRecord {
  const m = /^(.*)\((.*)\)$/.exec(f.key)!;
  const [name, sec] = [m[1]!, m[2]!];
  const base = {
    key: f.key,
    kind: 'man' as const,
    lang: 'en' as const,
    ref: f.key,
    path: f.path,
    mtimeMs: f.mtimeMs,
    size: f.size,
  };
  if (f.aliasOf) return { ...base, title: f.key, summary: '', keywords: '', prior: 0, sections: [], aliasOf: f.aliasOf };
  const { src, aliasOf } = expandSo(readPageSource(f.path), f.path);
  if (aliasOf) return { ...base, title: f.key, summary: '', keywords: '', prior: 0, sections: [], aliasOf };
  const page = renderRoff(src, name, sec);
  if (page.sections.length === 0) throw new Error('no text');
  // Sub-command pages (gcloud-compute-instances-create) are many and rarely the answer: a little lower.
  const sub = (name.match(/-/g)?.length ?? 0) >= 2 ? 0.85 : 1;
  return {
    ...base,
    title: `${name}(${sec})`,
    summary: page.summary,
    keywords: name.includes('-') ? name.replace(/-/g, ' ') : '',
    prior: KIND_PRIOR.man * sectionPrior(sec) * sub,
    sections: page.sections.flatMap((s) =>
      splitLong({ heading: s.heading, anchor: s.anchor, ref: f.key, text: s.text, commands: s.commands }),
    ),
  };
}
