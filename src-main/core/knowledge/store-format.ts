// The on-disk index: one file, `<cacheDir>/docs/index.kdx`, written whole to a temporary name and renamed
// over the old one (atomic; readers keep their open file). Layout: magic, JSON meta (with each binary
// segment's offset and length), 8-aligned segments, end magic. Postings and page blocks are read lazily.
import type { DocKind, DocsSourceStatus } from './types.js';

export const MAGIC = Buffer.from('KDOCIDX3');
export const END_MAGIC = Buffer.from('KDOCEND!');
export const FORMAT_VERSION = 3;
export const INDEX_FILE = 'index.kdx';

export const KINDS: DocKind[] = ['koompi', 'man', 'archwiki', 'kde'];
export const LANGS: ('en' | 'km')[] = ['en', 'km'];

export type SegmentName =
  | 'termBlob'
  | 'termOff'
  | 'postOff'
  | 'postings'
  | 'df'
  | 'docLen'
  | 'docPage'
  | 'docSec'
  | 'docKind'
  | 'docLang'
  | 'docPrior'
  | 'blockOff'
  | 'blocks'
  | 'refs'
  | 'pages';

export interface IndexMeta {
  version: number;
  fingerprint: string;
  builtAt: string;
  sources: DocsSourceStatus[];
  sections: number;
  terms: number;
  pages: number;
  avgBodyLen: number;
  fileSize: number;
  /** sha256 of the segments' bytes in order: checked by a build before it trusts an unchanged index. */
  checksum: string;
  segments: Record<SegmentName, [number, number]>;
}

/** What the pages segment holds per page (JSON), for section(ref) and incremental builds. */
export interface PageEntry {
  key: string;
  kind: DocKind;
  lang: 'en' | 'km';
  title: string;
  summary: string;
  keywords: string;
  ref: string;
  path: string;
  mtimeMs: number;
  size: number;
  prior: number;
  /** Index of the page's first section; its sections are contiguous. */
  first: number;
  count: number;
  aliasOf?: string;
  skipped?: boolean;
}

/** A page block (deflated JSON): what a hit needs, without loading the page table. */
export interface Block {
  t: string;
  k: DocKind;
  l: 'en' | 'km';
  r: string;
  a?: string;
  s: BlockSection[];
}
export interface BlockSection {
  h: string | null;
  a: string | null;
  r: string;
  x: string;
  c: string[];
}
