// Types of the instruction dataset built for tuning (`koompi-ask dataset build`): rows, their origin, the manifest.

/** One training example in the plan's format. */
export interface Row {
  instruction: string;
  input: string;
  output: string;
}

export type DatasetKind = 'koompi' | 'man' | 'archwiki';

/** A row with where it comes from; `group` is the source article: the unit of the train/validation split. */
export interface SourcedRow extends Row {
  kind: DatasetKind;
  group: string;
  lang: 'en' | 'km';
  /** The package a man page belongs to, when known. */
  package?: string;
  license: string;
}

export interface ManifestSource {
  kind: DatasetKind;
  rows: number;
  license: string;
  /** Source articles (pages) the rows come from. */
  articles: number;
  /** For man pages: rows per package with the package's licence. */
  packages?: { name: string; license: string; rows: number }[];
}

export interface Manifest {
  sources: ManifestSource[];
  train: number;
  validation: number;
  built_at: string;
  removed: { exact_duplicates: number; near_duplicates: number; eval_overlap: number };
  split: { method: string; validation_share: number; train_groups: number; validation_groups: number };
  notes: string[];
}
