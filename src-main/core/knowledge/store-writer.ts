// Writes the on-disk index from parsed pages: tokenises every section, builds the postings (one pass of
// (term, doc, counts) rows, then a counting sort by term), deflates each page's sections into a block,
// and writes the file under a temporary name; the caller renames it into place.
import { createHash } from 'node:crypto';
import { closeSync, fsyncSync, openSync, writeSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import { PACK, pageTokens, sectionTerms } from './fields.js';
import type { PageRecord } from './model.js';
import {
  END_MAGIC,
  FORMAT_VERSION,
  KINDS,
  LANGS,
  MAGIC,
  type Block,
  type BlockSection,
  type IndexMeta,
  type PageEntry,
  type SegmentName,
} from './store-format.js';
import type { DocsSourceStatus } from './types.js';
import { ByteWriter } from './varint.js';

class IntRows {
  a = new Int32Array(1 << 20);
  n = 0;
  push4(x: number, y: number, z: number, w: number): void {
    if (this.n + 4 > this.a.length) {
      const b = new Int32Array(this.a.length * 2);
      b.set(this.a);
      this.a = b;
    }
    this.a[this.n++] = x;
    this.a[this.n++] = y;
    this.a[this.n++] = z;
    this.a[this.n++] = w;
  }
}

export class IndexWriter {
  private readonly termIds = new Map<string, number>();
  private readonly rows = new IntRows();
  private readonly docLen: number[] = [];
  private readonly docPage: number[] = [];
  private readonly docSec: number[] = [];
  private readonly docKind: number[] = [];
  private readonly docLang: number[] = [];
  private readonly docPrior: number[] = [];
  private readonly blocks: Uint8Array[] = [];
  private readonly pages: PageEntry[] = [];
  private totalLen = 0;

  get sectionCount(): number {
    return this.docLen.length;
  }

  add(page: PageRecord): void {
    const pt = pageTokens(page);
    const pageIdx = this.pages.length;
    const first = this.docLen.length;
    const block: BlockSection[] = [];
    page.sections.forEach((s, si) => {
      const doc = this.docLen.length;
      const { terms, bodyLen } = sectionTerms(pt, s, page.kind);
      terms.forEach((v, t) => {
        let id = this.termIds.get(t);
        if (id === undefined) {
          id = this.termIds.size;
          this.termIds.set(t, id);
        }
        this.rows.push4(id, doc, Math.floor(v / PACK), v % PACK);
      });
      this.docLen.push(bodyLen);
      this.totalLen += bodyLen;
      this.docPage.push(pageIdx);
      this.docSec.push(si);
      this.docKind.push(KINDS.indexOf(page.kind));
      this.docLang.push(LANGS.indexOf(page.lang));
      this.docPrior.push(page.prior);
      block.push({ h: s.heading, a: s.anchor, r: s.ref, x: s.text, c: s.commands });
    });
    const b: Block = { t: page.title, k: page.kind, l: page.lang, r: page.ref, ...(page.aliasOf ? { a: page.aliasOf } : {}), s: block };
    this.blocks.push(deflateRawSync(JSON.stringify(b), { level: 1 }));
    this.pages.push({
      key: page.key,
      kind: page.kind,
      lang: page.lang,
      title: page.title,
      summary: page.summary,
      keywords: page.keywords,
      ref: page.ref,
      path: page.path,
      mtimeMs: page.mtimeMs,
      size: page.size,
      prior: page.prior,
      first,
      count: page.sections.length,
      ...(page.aliasOf ? { aliasOf: page.aliasOf } : {}),
      ...(page.skipped ? { skipped: true } : {}),
    });
  }

  /** Writes the whole index to `file` (synchronously, fsync'd). Throws on I/O errors (ENOSPC...). */
  write(file: string, fingerprint: string, sources: DocsSourceStatus[]): IndexMeta {
    const nTerms = this.termIds.size;
    const terms = [...this.termIds.keys()];
    const order = terms.map((_, i) => i).sort((x, y) => (terms[x]! < terms[y]! ? -1 : terms[x]! > terms[y]! ? 1 : 0));
    const rank = new Int32Array(nTerms);
    order.forEach((id, r) => {
      rank[id] = r;
    });
    // Counting sort of the rows by term rank, stable, so docs stay ascending within a term.
    const rowCount = this.rows.n / 4;
    const count = new Int32Array(nTerms + 1);
    const a = this.rows.a;
    for (let i = 0; i < rowCount; i++) count[rank[a[i * 4]!]! + 1]!++;
    for (let i = 0; i < nTerms; i++) count[i + 1]! += count[i]!;
    const df = new Uint32Array(nTerms);
    for (let i = 0; i < nTerms; i++) df[i] = count[i + 1]! - count[i]!;
    const sorted = new Int32Array(rowCount);
    const pos = count.slice(0, nTerms);
    for (let i = 0; i < rowCount; i++) sorted[pos[rank[a[i * 4]!]!]!++] = i;
    const post = new ByteWriter();
    const postOff = new Uint32Array(nTerms + 1);
    for (let r = 0; r < nTerms; r++) {
      postOff[r] = post.len;
      let prev = 0;
      for (let k = count[r]!; k < count[r + 1]!; k++) {
        const i = sorted[k]! * 4;
        post.varint(a[i + 1]! - prev);
        prev = a[i + 1]!;
        post.varint(a[i + 2]!);
        post.varint(a[i + 3]!);
      }
    }
    postOff[nTerms] = post.len;
    const termBufs = order.map((id) => Buffer.from(terms[id]!, 'utf8'));
    const termOff = new Uint32Array(nTerms + 1);
    let off = 0;
    termBufs.forEach((b, i) => {
      termOff[i] = off;
      off += b.length;
    });
    termOff[nTerms] = off;
    const blockOff = new Uint32Array(this.blocks.length + 1);
    off = 0;
    this.blocks.forEach((b, i) => {
      blockOff[i] = off;
      off += b.length;
    });
    blockOff[this.blocks.length] = off;
    const n = this.docLen.length;
    const segs: [SegmentName, Uint8Array[]][] = [
      ['termBlob', termBufs],
      ['termOff', [u8(termOff)]],
      ['postOff', [u8(postOff)]],
      ['postings', [post.bytes()]],
      ['df', [u8(df)]],
      ['docLen', [u8(Uint32Array.from(this.docLen))]],
      ['docPage', [u8(Uint32Array.from(this.docPage))]],
      ['docSec', [u8(Uint32Array.from(this.docSec))]],
      ['docKind', [Uint8Array.from(this.docKind)]],
      ['docLang', [Uint8Array.from(this.docLang)]],
      ['docPrior', [u8(Float32Array.from(this.docPrior))]],
      ['blockOff', [u8(blockOff)]],
      ['blocks', this.blocks],
      ['refs', [Buffer.from(JSON.stringify(this.pages.map((p) => p.ref)), 'utf8')]],
      ['pages', [Buffer.from(JSON.stringify(this.pages), 'utf8')]],
    ];
    const meta: IndexMeta = {
      version: FORMAT_VERSION,
      fingerprint,
      builtAt: new Date().toISOString(),
      sources,
      sections: n,
      terms: nTerms,
      pages: this.pages.length,
      avgBodyLen: n ? this.totalLen / n : 1,
      fileSize: 0,
      checksum: '',
      segments: {} as IndexMeta['segments'],
    };
    // Lay out: the meta's size depends on the offsets, so reserve a fixed-width header area.
    const segLens = segs.map(([, parts]) => parts.reduce((s, p) => s + p.length, 0));
    const metaReserve = 64 * 1024;
    let cursor = align(MAGIC.length + 4 + metaReserve);
    segs.forEach(([name], i) => {
      meta.segments[name] = [cursor, segLens[i]!];
      cursor = align(cursor + segLens[i]!);
    });
    meta.fileSize = cursor + END_MAGIC.length;
    const h = createHash('sha256');
    for (const [, parts] of segs) for (const part of parts) h.update(part);
    meta.checksum = h.digest('hex');
    const metaBuf = Buffer.from(JSON.stringify(meta), 'utf8');
    if (metaBuf.length > metaReserve) throw new Error('index meta too large');
    const fd = openSync(file, 'w', 0o644);
    try {
      const head = Buffer.alloc(MAGIC.length + 4);
      MAGIC.copy(head, 0);
      head.writeUInt32LE(metaBuf.length, MAGIC.length);
      writeAll(fd, head, 0);
      writeAll(fd, metaBuf, head.length);
      segs.forEach(([name, parts]) => {
        let p = meta.segments[name][0];
        for (const part of parts) {
          writeAll(fd, part, p);
          p += part.length;
        }
      });
      writeAll(fd, END_MAGIC, cursor);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    return meta;
  }
}

function u8(a: Uint32Array | Float32Array): Uint8Array {
  return new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
}

function align(n: number): number {
  return Math.ceil(n / 8) * 8;
}

function writeAll(fd: number, b: Uint8Array, position: number): void {
  let done = 0;
  while (done < b.length) done += writeSync(fd, b, done, b.length - done, position + done);
}
