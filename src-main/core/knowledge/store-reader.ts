// Reads the on-disk index: the small arrays (dictionary, section table) are loaded on open; postings and
// page blocks are read by offset when a search needs them. Any inconsistency throws CorruptIndexError.
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import { B, K1, type Acc, type Collection } from './score.js';
import {
  END_MAGIC,
  FORMAT_VERSION,
  KINDS,
  LANGS,
  MAGIC,
  type Block,
  type IndexMeta,
  type PageEntry,
  type SegmentName,
} from './store-format.js';
import type { DocKind } from './types.js';

export class CorruptIndexError extends Error {}

export class DiskIndex implements Collection {
  readonly meta: IndexMeta;
  private fd: number | null;
  private readonly termBlob: Buffer;
  private readonly termOff: Uint32Array;
  private readonly postOff: Uint32Array;
  private readonly dfs: Uint32Array;
  private readonly docLen: Uint32Array;
  private readonly docPage: Uint32Array;
  private readonly docSec: Uint32Array;
  private readonly docKind: Uint8Array;
  private readonly docLang: Uint8Array;
  private readonly docPrior: Float32Array;
  private readonly blockOff: Uint32Array;
  private pageList: PageEntry[] | null = null;
  private readonly blockCache = new Map<number, Block>();
  private refList: Map<string, number> | null = null;
  accept: (doc: number) => boolean = () => true;

  constructor(readonly file: string) {
    this.fd = openSync(file, 'r');
    try {
      const size = fstatSync(this.fd).size;
      const head = this.read(0, MAGIC.length + 4, size);
      if (!head.subarray(0, MAGIC.length).equals(MAGIC)) throw new CorruptIndexError('not a KOOMPI docs index (bad magic)');
      const metaLen = head.readUInt32LE(MAGIC.length);
      let meta: IndexMeta;
      try {
        meta = JSON.parse(this.read(head.length, metaLen, size).toString('utf8')) as IndexMeta;
      } catch {
        throw new CorruptIndexError('index header is not valid JSON');
      }
      if (meta.version !== FORMAT_VERSION) throw new CorruptIndexError(`index format ${meta.version}, expected ${FORMAT_VERSION}`);
      if (meta.fileSize !== size) throw new CorruptIndexError(`index is ${size} bytes, expected ${meta.fileSize} (truncated?)`);
      if (!this.read(size - END_MAGIC.length, END_MAGIC.length, size).equals(END_MAGIC))
        throw new CorruptIndexError('index end marker missing');
      this.meta = meta;
      this.termBlob = this.seg('termBlob');
      this.termOff = u32(this.seg('termOff'));
      this.postOff = u32(this.seg('postOff'));
      this.dfs = u32(this.seg('df'));
      this.docLen = u32(this.seg('docLen'));
      this.docPage = u32(this.seg('docPage'));
      this.docSec = u32(this.seg('docSec'));
      this.docKind = new Uint8Array(this.seg('docKind'));
      this.docLang = new Uint8Array(this.seg('docLang'));
      this.docPrior = new Float32Array(this.seg('docPrior').buffer.slice(0));
      this.blockOff = u32(this.seg('blockOff'));
      const n = meta.sections;
      if (
        this.termOff.length !== meta.terms + 1 ||
        this.dfs.length !== meta.terms ||
        this.postOff.length !== meta.terms + 1 ||
        this.docLen.length !== n ||
        this.docPage.length !== n ||
        this.docKind.length !== n ||
        this.blockOff.length !== meta.pages + 1
      ) {
        throw new CorruptIndexError('index tables have inconsistent sizes');
      }
    } catch (e) {
      this.close();
      if (e instanceof CorruptIndexError) throw e;
      throw new CorruptIndexError(`index unreadable: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  private read(pos: number, len: number, size = Infinity): Buffer {
    if (this.fd === null) throw new Error('index closed');
    if (pos < 0 || len < 0 || pos + len > size) throw new CorruptIndexError('index segment out of bounds');
    const b = Buffer.from(new ArrayBuffer(len));
    let done = 0;
    while (done < len) {
      const r = readSync(this.fd, b, done, len - done, pos + done);
      if (r === 0) throw new CorruptIndexError('index ends early');
      done += r;
    }
    return b;
  }

  private seg(name: SegmentName): Buffer {
    const s = this.meta.segments[name];
    if (!s) throw new CorruptIndexError(`index segment ${name} missing`);
    return this.read(s[0], s[1], this.meta.fileSize);
  }

  get size(): number {
    return this.meta.sections;
  }
  get avgBodyLen(): number {
    return this.meta.avgBodyLen;
  }

  private termIndex(term: string): number {
    let lo = 0;
    let hi = this.meta.terms - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const t = this.termBlob.toString('utf8', this.termOff[mid], this.termOff[mid + 1]);
      if (t === term) return mid;
      if (t < term) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  df(term: string): number {
    const i = this.termIndex(term);
    return i < 0 ? 0 : this.dfs[i]!;
  }

  private postingBytes(i: number): Buffer {
    const s = this.meta.segments.postings;
    return this.read(s[0] + this.postOff[i]!, this.postOff[i + 1]! - this.postOff[i]!, this.meta.fileSize);
  }

  accumulate(term: string, weight: number, idf: number, own: boolean, acc: Acc): void {
    const ti = this.termIndex(term);
    if (ti < 0) return;
    const b = this.postingBytes(ti);
    const lens = this.docLen;
    const { score, cover, touched } = acc;
    const k = 1 - B;
    const kb = B / (this.meta.avgBodyLen || 1);
    const w = weight * idf * (K1 + 1);
    let p = 0;
    let doc = 0;
    const n = b.length;
    // Inline varint decoding: this loop is the search's hot path.
    while (p < n) {
      let x = b[p++]!;
      let v = x & 0x7f;
      for (let sh = 7; x & 0x80; sh += 7) {
        x = b[p++]!;
        v |= (x & 0x7f) << sh;
      }
      doc += v;
      x = b[p++]!;
      let st = x & 0x7f;
      for (let sh = 7; x & 0x80; sh += 7) {
        x = b[p++]!;
        st |= (x & 0x7f) << sh;
      }
      x = b[p++]!;
      let bt = x & 0x7f;
      for (let sh = 7; x & 0x80; sh += 7) {
        x = b[p++]!;
        bt |= (x & 0x7f) << sh;
      }
      const tf = st / 2 + bt / (k + kb * lens[doc]!);
      if (score[doc] === 0) touched[acc.n++] = doc;
      score[doc]! += (w * tf) / (tf + K1);
      if (own) cover[doc]!++;
    }
  }

  bodyLen(doc: number): number {
    return this.docLen[doc]!;
  }
  prior(doc: number): number {
    return this.docPrior[doc]!;
  }
  kindOf(doc: number): DocKind {
    return KINDS[this.docKind[doc]!]!;
  }
  langOf(doc: number): 'en' | 'km' {
    return LANGS[this.docLang[doc]!]!;
  }
  pageOf(doc: number): number {
    return this.docPage[doc]!;
  }

  block(page: number): Block {
    const hit = this.blockCache.get(page);
    if (hit) return hit;
    const s = this.meta.segments.blocks;
    const raw = this.read(s[0] + this.blockOff[page]!, this.blockOff[page + 1]! - this.blockOff[page]!, this.meta.fileSize);
    let b: Block;
    try {
      b = JSON.parse(inflateRawSync(raw).toString('utf8')) as Block;
    } catch {
      throw new CorruptIndexError(`page block ${page} is corrupt`);
    }
    if (this.blockCache.size > 64) this.blockCache.delete(this.blockCache.keys().next().value!);
    this.blockCache.set(page, b);
    return b;
  }

  section(doc: number): { page: Block; section: Block['s'][number] } {
    const page = this.block(this.docPage[doc]!);
    const section = page.s[this.docSec[doc]!];
    if (!section) throw new CorruptIndexError(`section ${doc} missing from its page block`);
    return { page, section };
  }

  /** Page index of a page ref (`ls(1)`, a wiki URL, `kde:app`), -1 when unknown. */
  pageByRef(ref: string): number {
    if (!this.refList) {
      let refs: string[];
      try {
        refs = JSON.parse(this.seg('refs').toString('utf8')) as string[];
      } catch {
        throw new CorruptIndexError('ref table is corrupt');
      }
      this.refList = new Map();
      refs.forEach((r, i) => {
        if (!this.refList!.has(r)) this.refList!.set(r, i);
      });
    }
    return this.refList.get(ref) ?? -1;
  }

  pages(): PageEntry[] {
    if (!this.pageList) {
      try {
        this.pageList = JSON.parse(this.seg('pages').toString('utf8')) as PageEntry[];
      } catch {
        throw new CorruptIndexError('page table is corrupt');
      }
    }
    return this.pageList;
  }

  /** Reads the whole file and compares its checksum (~0.2 s for the man pages); false when damaged. */
  verify(): boolean {
    const h = createHash('sha256');
    const order = Object.entries(this.meta.segments).sort((a, b) => a[1][0] - b[1][0]);
    try {
      for (const [, [off, len]] of order) {
        for (let p = 0; p < len; p += 8 << 20) h.update(this.read(off + p, Math.min(8 << 20, len - p), this.meta.fileSize));
      }
    } catch {
      return false;
    }
    return h.digest('hex') === this.meta.checksum;
  }

  close(): void {
    if (this.fd !== null) {
      try {
        closeSync(this.fd);
      } catch {
        /* already closed */
      }
    }
    this.fd = null;
  }
}

function u32(b: Buffer): Uint32Array {
  return new Uint32Array(b.buffer, b.byteOffset, b.length / 4);
}
