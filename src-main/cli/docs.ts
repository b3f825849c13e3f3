// `koompi-ask docs index|search|status`: the offline documentation index from the terminal
// (build it with a progress bar on a TTY, search it, show what is indexed). See docs/cli-contract.md.
import {
  buildDocsIndex,
  defaultCacheDir,
  DOCS_TEXTS,
  docsLang,
  openDocsIndex,
  type DocsBuildProgress,
  type DocsTexts,
} from '../core/knowledge/index.js';
import type { ParsedArgs } from './args.js';
import { EXIT, UsageError, writeJsonLine, type CliIo } from './io.js';

export async function runDocs(args: ParsedArgs, io: CliIo): Promise<number> {
  const [sub, ...rest] = args.positional;
  const json = args.flags.has('--json');
  const cacheDir = defaultCacheDir(io.env);
  const query = rest.join(' ').trim();
  const t = DOCS_TEXTS[docsLang(query, io.env)];
  switch (sub) {
    case 'index':
      return index(io, cacheDir, json, t);
    case 'search':
      return search(io, cacheDir, json, query, args.options.get('--limit'), t);
    case 'status':
      return status(io, cacheDir, json, t);
    default:
      throw new UsageError(t.usage);
  }
}

async function index(io: CliIo, cacheDir: string, json: boolean, t: DocsTexts): Promise<number> {
  const progress = makeProgress(io.stderr, t);
  const r = await buildDocsIndex({ cacheDir, env: io.env, onProgress: progress.update });
  progress.end();
  if (json) writeJsonLine(io.stdout, r);
  if (!r.ok) {
    const msg =
      r.errorKind === 'locked'
        ? t.locked(r.error ?? '')
        : r.errorKind === 'disk-full'
          ? t.diskFull(r.error ?? '')
          : t.ioError(r.error ?? '');
    io.stderr.write(`koompi-ask: ${msg}\n`);
    return EXIT.error;
  }
  if (!json) {
    io.stdout.write(`${r.parsed === 0 && r.reused > 0 ? t.unchanged(r.ms) : t.built(r.sections, r.ms, mb(r.bytes))}\n`);
    for (const s of r.sources) io.stdout.write(`${t.source(s.kind, s.pages, s.sections, s.skipped)}\n`);
  }
  return EXIT.ok;
}

function search(io: CliIo, cacheDir: string, json: boolean, query: string, limitOpt: string | undefined, t: DocsTexts): number {
  if (!query) throw new UsageError(t.emptyQuery);
  let limit = 5;
  if (limitOpt !== undefined) {
    limit = Number(limitOpt);
    if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw new UsageError(t.badLimit);
  }
  const idx = openDocsIndex({ cacheDir, env: io.env });
  try {
    const hits = idx.search(query, { limit });
    const st = idx.status();
    if (!st.builtAt) io.stderr.write(`koompi-ask: ${t.notBuilt}\n`);
    else if (st.stale) io.stderr.write(`koompi-ask: ${st.problem ? t.problem(st.problem) : t.stale}\n`);
    if (json) {
      writeJsonLine(io.stdout, {
        query,
        results: hits.map((h) => ({
          kind: h.kind,
          title: h.title,
          ref: h.ref,
          score: h.score,
          text: h.text,
          anchor: h.anchor,
          lang: h.lang,
          commands: h.commands,
          excerpt: h.excerpt ?? null,
        })),
      });
      return EXIT.ok;
    }
    if (hits.length === 0) {
      io.stdout.write(`${t.noResults}\n`);
      return EXIT.ok;
    }
    hits.forEach((h, i) => {
      io.stdout.write(`${i + 1}. [${h.kind}] ${h.title}  (${h.ref}${h.anchor && !h.ref.includes('#') ? `#${h.anchor}` : ''})\n`);
      const ex = (h.excerpt ?? h.text)
        .split('\n')
        .slice(0, 12)
        .map((l) => `   ${l}`)
        .join('\n');
      io.stdout.write(`${ex}\n\n`);
    });
    return EXIT.ok;
  } finally {
    idx.close();
  }
}

function status(io: CliIo, cacheDir: string, json: boolean, t: DocsTexts): number {
  const idx = openDocsIndex({ cacheDir, env: io.env });
  try {
    const st = idx.status();
    if (json) {
      writeJsonLine(io.stdout, st);
      return EXIT.ok;
    }
    io.stdout.write(`${t.statusHead(st.dir, st.builtAt ?? t.statusNone, mb(st.bytes))}\n`);
    for (const s of st.sources) io.stdout.write(`${t.source(s.kind, s.pages, s.sections, s.skipped)}\n`);
    if (st.building) io.stdout.write(`${t.building}\n`);
    if (st.problem) io.stdout.write(`${t.problem(st.problem)}\n`);
    else if (!st.builtAt) io.stdout.write(`${t.notBuilt}\n`);
    else if (st.stale) io.stdout.write(`${t.stale}\n`);
    return EXIT.ok;
  } finally {
    idx.close();
  }
}

function mb(bytes: number): string {
  return (bytes / 1e6).toFixed(1);
}

/** A bar redrawn on stderr when it is a terminal; nothing otherwise (the summary says what happened). */
function makeProgress(err: CliIo['stderr'], t: DocsTexts): { update: (p: DocsBuildProgress) => void; end: () => void } {
  const tty = err.isTTY === true;
  let drawn = false;
  let last = 0;
  return {
    update(p) {
      if (!tty) return;
      const now = Date.now();
      if (now - last < 100 && p.phase === 'parse' && p.done !== p.total) return;
      last = now;
      const pct = p.total > 0 ? Math.floor((p.done / p.total) * 100) : 0;
      const width = 30;
      const full = Math.round((pct / 100) * width);
      const label = t.phase[p.phase] ?? p.phase;
      const count = p.total > 0 ? `  ${p.done}/${p.total}` : '';
      err.write(`\r${label.padEnd(20)} [${'#'.repeat(full)}${'-'.repeat(width - full)}] ${String(pct).padStart(3)}%${count}\x1b[K`);
      drawn = true;
    },
    end() {
      if (drawn) err.write('\r\x1b[K');
    },
  };
}
