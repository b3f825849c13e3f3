// Public types of the offline documentation index (KOOMPI articles, man pages, ArchWiki, KDE handbooks).
// Other parts of the app (router docs tier, grounding, UI) code against these; extend, do not break.

export type DocKind = 'koompi' | 'man' | 'archwiki' | 'kde';

export interface DocHit {
  kind: DocKind;
  title: string;
  /** `koompi:<id>#<anchor>`, `name(section)` for man pages, the wiki URL for ArchWiki, `kde:<lang>/<app>#<anchor>`. */
  ref: string;
  anchor: string | null;
  lang: 'en' | 'km';
  score: number;
  /** The section's plain text, markdown-ish, may be long. */
  text: string;
  /** Commands found in it (fenced bash blocks, `$`/`#` prompts in <pre>, man EXAMPLES). */
  commands: string[];
  /** Extension: the page's own title (`title` is "page › section" when the section has a heading). */
  page?: string;
  /** Extension: the section heading, null for a page's intro. */
  heading?: string | null;
  /** Extension: the one or two paragraphs of `text` that best match the query (search only), at most ~700 chars. */
  excerpt?: string;
}

export interface DocsSearchOptions {
  limit?: number;
  lang?: 'en' | 'km';
  kinds?: DocKind[];
}

export interface DocsSourceStatus {
  kind: DocKind;
  pages: number;
  sections: number;
  skipped: number;
}

export interface DocsStatus {
  dir: string;
  builtAt: string | null;
  sources: DocsSourceStatus[];
  bytes: number;
  fingerprint: string;
  /** True when no index was built yet, it is corrupt, or the tokenizer changed since the build: run a build. */
  stale: boolean;
  /** Extension: why the on-disk index could not be used (corrupt, unreadable), else null. */
  problem?: string | null;
  /** Extension: a build holds the lock right now (another process or thread). */
  building?: boolean;
}

export interface DocsIndex {
  search(query: string, opts?: DocsSearchOptions): DocHit[];
  /** A section by its ref; a ref without `#anchor` gives the whole page. KOOMPI refs exist in both languages: `lang` picks (default en). */
  section(ref: string, lang?: 'en' | 'km'): DocHit | null;
  status(): DocsStatus;
  close(): void;
}

export interface DocsOpenOptions {
  /** Where the index lives (KOOMPI_CACHE_DIR or `$XDG_CACHE_HOME/koompi-assistant`); the index is in `<cacheDir>/docs`. */
  cacheDir: string;
  env?: NodeJS.ProcessEnv;
  /** Override the shipped articles directory (`assets/knowledge`), mainly for tests. */
  knowledgeDir?: string;
}

export interface DocsBuildProgress {
  phase: 'discover' | 'parse' | 'write' | 'done';
  kind: DocKind | null;
  done: number;
  total: number;
}

export interface DocsBuildOptions extends DocsOpenOptions {
  onProgress?: (p: DocsBuildProgress) => void;
  /** Run in the calling thread instead of a worker_thread (tests, bench). */
  inProcess?: boolean;
  /** Ignore the previous index and parse everything again. */
  full?: boolean;
}

export interface BuildReport {
  ok: boolean;
  /** Why the build did not happen or failed (lock held, disk full, ...), in English; `null` when ok. */
  error: string | null;
  /** Machine-readable failure kind. */
  errorKind: 'locked' | 'disk-full' | 'io' | null;
  dir: string;
  sources: DocsSourceStatus[];
  /** Pages parsed this time vs reused from the previous index (incremental). */
  parsed: number;
  reused: number;
  sections: number;
  bytes: number;
  ms: number;
  /** True when the old index was kept because the new one could not be written. */
  keptOld: boolean;
}
