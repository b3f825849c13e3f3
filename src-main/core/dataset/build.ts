// Builds the instruction dataset: KOOMPI articles (EN+KM), man pages, the offline ArchWiki when installed;
// duplicates, near-duplicates and evaluation questions removed; split by article; train/validation JSONL + manifest.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { articleRows, KOOMPI_LICENSE } from './from-articles.js';
import { manRows, type ManOptions } from './from-man.js';
import { ARCHWIKI_LICENSE, wikiRows } from './from-wiki.js';
import { dedupe, removeEvalOverlap } from './dedup.js';
import { splitByGroup, VALIDATION_SHARE } from './split.js';
import { systemLicenseLookup, type LicenseLookup } from './licenses.js';
import type { DatasetKind, Manifest, ManifestSource, Row, SourcedRow } from './types.js';

export interface DatasetOptions {
  outDir: string;
  env?: NodeJS.ProcessEnv;
  knowledgeDir?: string;
  licenses?: LicenseLookup;
  man?: ManOptions | false;
  wikiMaxPages?: number;
  /** Evaluation questions kept out of the training data. */
  evalQuestions?: string[];
  onPhase?: (phase: string) => void;
}

export interface DatasetResult {
  manifest: Manifest;
  files: { train: string; validation: string; manifest: string };
  /** The source articles on each side (disjoint). */
  groups: { train: Set<string>; validation: Set<string> };
}

const ORDER: DatasetKind[] = ['koompi', 'archwiki', 'man'];

export function buildDataset(opts: DatasetOptions): DatasetResult {
  const env = opts.env ?? process.env;
  const phase = opts.onPhase ?? (() => {});
  phase('KOOMPI articles');
  const art = articleRows(env, opts.knowledgeDir);
  phase('ArchWiki');
  const wiki = wikiRows(env, opts.wikiMaxPages === undefined ? {} : { maxPages: opts.wikiMaxPages });
  let man = { rows: [] as SourcedRow[], articles: 0 };
  let licenses: LicenseLookup | null = null;
  if (opts.man !== false) {
    phase('man pages');
    licenses = opts.licenses ?? systemLicenseLookup();
    man = manRows(env, licenses, opts.man ?? {});
  }
  const all = [...art.rows, ...wiki.rows, ...man.rows]; // our own articles first: they win a duplicate
  phase('duplicates');
  // the answer decides: the same (or nearly the same) output under two questions is one example, kept once
  const d = dedupe(all, (r) => r.output);
  const ev = removeEvalOverlap(d.kept, (r) => r.instruction, opts.evalQuestions ?? []);
  phase('split');
  const train: SourcedRow[] = [];
  const validation: SourcedRow[] = [];
  const groupsTrain = new Set<string>();
  const groupsVal = new Set<string>();
  for (const kind of ORDER) {
    const s = splitByGroup(ev.kept.filter((r) => r.kind === kind));
    train.push(...s.train);
    validation.push(...s.validation);
    for (const r of s.train) groupsTrain.add(r.group);
    for (const r of s.validation) groupsVal.add(r.group);
  }
  const kept = ev.kept;
  const sources: ManifestSource[] = [];
  const count = (k: DatasetKind): SourcedRow[] => kept.filter((r) => r.kind === k);
  sources.push({
    kind: 'koompi',
    rows: count('koompi').length,
    license: KOOMPI_LICENSE,
    articles: new Set(count('koompi').map((r) => r.group)).size,
  });
  sources.push({
    kind: 'archwiki',
    rows: count('archwiki').length,
    license: ARCHWIKI_LICENSE,
    articles: new Set(count('archwiki').map((r) => r.group)).size,
  });
  const manKept = count('man');
  const perPkg = new Map<string, { license: string; rows: number }>();
  for (const r of manKept) {
    const name = r.package ?? 'unknown';
    const e = perPkg.get(name) ?? { license: r.license, rows: 0 };
    e.rows++;
    perPkg.set(name, e);
  }
  sources.push({
    kind: 'man',
    rows: manKept.length,
    license: "each page under its package's licence (see packages)",
    articles: new Set(manKept.map((r) => r.group)).size,
    packages: [...perPkg.entries()].map(([name, v]) => ({ name, ...v })).sort((a, b) => b.rows - a.rows),
  });
  const notes: string[] = [];
  if (!art.dir) notes.push('KOOMPI articles not found (assets/knowledge or KOOMPI_KNOWLEDGE_DIR).');
  if (!wiki.dir) notes.push('The offline ArchWiki is not installed (pacman -S arch-wiki-docs, or KOOMPI_ARCH_WIKI_DIR): no ArchWiki rows.');
  if (licenses?.backend === 'none') notes.push('No package database (pacman or dpkg) found: man page licences unknown.');
  const manifest: Manifest = {
    sources,
    train: train.length,
    validation: validation.length,
    built_at: new Date().toISOString(),
    removed: { exact_duplicates: d.exact, near_duplicates: d.near, eval_overlap: ev.removed },
    split: {
      method: 'by source article (sha256 of the article id), per source kind',
      validation_share: VALIDATION_SHARE,
      train_groups: groupsTrain.size,
      validation_groups: groupsVal.size,
    },
    notes,
  };
  phase('write');
  mkdirSync(opts.outDir, { recursive: true });
  const files = {
    train: join(opts.outDir, 'train.jsonl'),
    validation: join(opts.outDir, 'validation.jsonl'),
    manifest: join(opts.outDir, 'manifest.json'),
  };
  writeAtomic(files.train, jsonl(train));
  writeAtomic(files.validation, jsonl(validation));
  writeAtomic(files.manifest, JSON.stringify(manifest, null, 2) + '\n');
  return { manifest, files, groups: { train: groupsTrain, validation: groupsVal } };
}

const plain = (r: SourcedRow): Row => ({ instruction: r.instruction, input: r.input, output: r.output });
const jsonl = (rows: SourcedRow[]): string => rows.map((r) => JSON.stringify(plain(r))).join('\n') + (rows.length ? '\n' : '');

function writeAtomic(path: string, text: string): void {
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}
