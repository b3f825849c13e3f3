// Internal records of the index: a page (one man page, wiki page, article, handbook) and its sections.
import type { DocKind } from './types.js';

export interface SectionRecord {
  heading: string | null;
  anchor: string | null;
  /** What `section(ref)` opens and what an answer cites. */
  ref: string;
  /** Markdown-ish plain text. */
  text: string;
  commands: string[];
}

export interface PageRecord {
  /** Unique key of the page inside its kind, e.g. `rm(1)`, `en/Fstab`, `koompi:packages:en`. */
  key: string;
  kind: DocKind;
  lang: 'en' | 'km';
  title: string;
  /** A one-line description (man NAME line); searched with the title. */
  summary: string;
  /** Extra search words (article keywords and topics, man page aliases). */
  keywords: string;
  /** The page's ref (no section): opens the whole page. */
  ref: string;
  path: string;
  mtimeMs: number;
  size: number;
  /** Ranking prior (kind weight x page weight), around 1. */
  prior: number;
  sections: SectionRecord[];
  /** For a page that only points at another (`.so`, symlink): the other page's key; no sections. */
  aliasOf?: string;
  /** The page could not be read or had no text: kept (no sections) so an unchanged bad page is not retried. */
  skipped?: boolean;
}

/** Text caps: a pathological page is cut, not skipped. */
export const MAX_PAGE_BYTES = 2 * 1024 * 1024;
export const MAX_SECTION_CHARS = 16_000;

export const KIND_PRIOR: Record<DocKind, number> = { koompi: 1.35, archwiki: 1.1, man: 1, kde: 0.75 };

/** URL-ish anchor from a heading: "Swap file" -> "swap-file". */
export function slug(s: string): string {
  return (
    s
      .normalize('NFC')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\p{M}]+/gu, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'section'
  );
}

/** Splits a long section at paragraph boundaries into parts of at most MAX_SECTION_CHARS. */
export function splitLong(s: SectionRecord): SectionRecord[] {
  if (s.text.length <= MAX_SECTION_CHARS) return [s];
  const parts: SectionRecord[] = [];
  let buf = '';
  const flush = (): void => {
    if (!buf.trim()) return;
    const n = parts.length + 1;
    const anchor = n === 1 ? s.anchor : `${s.anchor ?? 'part'}-${n}`;
    parts.push({
      ...s,
      anchor,
      ref: n === 1 ? s.ref : s.ref.replace(/#.*$/, '') + (s.ref.includes('#') ? `#${anchor}` : ''),
      text: buf.trim(),
      commands: [],
    });
    buf = '';
  };
  for (const para of s.text.split(/\n(?=\s*\n)/)) {
    if (buf.length + para.length > MAX_SECTION_CHARS) flush();
    buf += para.length > MAX_SECTION_CHARS ? para.slice(0, MAX_SECTION_CHARS) : para;
    buf += '\n';
  }
  flush();
  if (parts.length > 0) parts[0]!.commands = s.commands;
  return parts;
}
