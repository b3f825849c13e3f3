// The D-Bus wire format (little-endian), for the few types the app's session-bus service needs: y b u i s o
// g v, arrays and structs. Values: numbers, booleans, strings, arrays, structs as arrays, variants as
// [signature, value]. Pure functions over Buffers; the connection lives in ./connection.ts.

export type DbusValue = number | boolean | string | DbusValue[] | Variant;
export type Variant = { sig: string; value: DbusValue };

export const MessageType = { MethodCall: 1, MethodReturn: 2, Error: 3, Signal: 4 } as const;
export type MessageType = (typeof MessageType)[keyof typeof MessageType];
export const NO_REPLY_EXPECTED = 0x1;

export interface Message {
  type: MessageType;
  flags: number;
  serial: number;
  path?: string;
  interface?: string;
  member?: string;
  errorName?: string;
  replySerial?: number;
  destination?: string;
  sender?: string;
  signature?: string;
  body: DbusValue[];
}

const FIELD = { path: 1, interface: 2, member: 3, errorName: 4, replySerial: 5, destination: 6, sender: 7, signature: 8 } as const;
const FIELD_SIG: Record<number, string> = { 1: 'o', 2: 's', 3: 's', 4: 's', 5: 'u', 6: 's', 7: 's', 8: 'g' };
const MAX_MESSAGE = 1 << 20;

/** Splits a signature into single complete types ("sa{sv}u" -> ["s", "a{sv}", "u"]). */
export function splitSignature(sig: string): string[] {
  const out: string[] = [];
  let i = 0;
  const one = (): string => {
    const start = i;
    const c = sig[i++];
    if (c === 'a') one();
    else if (c === '(' || c === '{') {
      const close = c === '(' ? ')' : '}';
      while (sig[i] !== close) {
        if (i >= sig.length) throw new Error(`bad signature ${sig}`);
        one();
      }
      i++;
    } else if (c === undefined || !'ybnqiuxtdsogvh'.includes(c)) throw new Error(`bad signature ${sig}`);
    return sig.slice(start, i);
  };
  while (i < sig.length) out.push(one());
  return out;
}

function alignOf(t: string): number {
  switch (t[0]) {
    case 'y':
    case 'g':
    case 'v':
      return 1;
    case 'n':
    case 'q':
      return 2;
    case 'x':
    case 't':
    case 'd':
    case '(':
    case '{':
      return 8;
    default:
      return 4;
  }
}

class Writer {
  buf = Buffer.alloc(256);
  len = 0;
  private room(n: number) {
    if (this.len + n <= this.buf.length) return;
    const next = Buffer.alloc(Math.max(this.buf.length * 2, this.len + n));
    this.buf.copy(next, 0, 0, this.len);
    this.buf = next;
  }
  align(n: number) {
    const pad = (n - (this.len % n)) % n;
    this.room(pad);
    this.buf.fill(0, this.len, this.len + pad);
    this.len += pad;
  }
  u8(v: number) {
    this.room(1);
    this.buf.writeUInt8(v, this.len);
    this.len += 1;
  }
  u32(v: number) {
    this.align(4);
    this.room(4);
    this.buf.writeUInt32LE(v >>> 0, this.len);
    this.len += 4;
  }
  i32(v: number) {
    this.align(4);
    this.room(4);
    this.buf.writeInt32LE(v, this.len);
    this.len += 4;
  }
  bytes(b: Buffer) {
    this.room(b.length);
    b.copy(this.buf, this.len);
    this.len += b.length;
  }
  value(t: string, v: DbusValue): void {
    switch (t[0]) {
      case 'y':
        this.u8(Number(v));
        return;
      case 'b':
        this.u32(v ? 1 : 0);
        return;
      case 'u':
        this.u32(Number(v));
        return;
      case 'i':
        this.i32(Number(v));
        return;
      case 's':
      case 'o': {
        const b = Buffer.from(String(v), 'utf8');
        this.u32(b.length);
        this.bytes(b);
        this.u8(0);
        return;
      }
      case 'g': {
        const b = Buffer.from(String(v), 'ascii');
        this.u8(b.length);
        this.bytes(b);
        this.u8(0);
        return;
      }
      case 'v': {
        const variant = v as Variant;
        this.value('g', variant.sig);
        this.value(variant.sig, variant.value);
        return;
      }
      case 'a': {
        const elem = t.slice(1);
        this.u32(0);
        const lenAt = this.len - 4;
        this.align(alignOf(elem));
        const start = this.len;
        for (const item of v as DbusValue[]) this.value(elem, item);
        this.buf.writeUInt32LE(this.len - start, lenAt);
        return;
      }
      case '(':
      case '{': {
        this.align(8);
        const parts = splitSignature(t.slice(1, -1));
        const items = v as DbusValue[];
        parts.forEach((p, k) => this.value(p, items[k]!));
        return;
      }
      default:
        throw new Error(`unsupported D-Bus type ${t}`);
    }
  }
}

class Reader {
  constructor(
    readonly buf: Buffer,
    public pos = 0,
  ) {}
  align(n: number) {
    this.pos += (n - (this.pos % n)) % n;
  }
  need(n: number) {
    if (this.pos + n > this.buf.length) throw new Error('truncated D-Bus message');
  }
  u8() {
    this.need(1);
    return this.buf.readUInt8(this.pos++);
  }
  u32() {
    this.align(4);
    this.need(4);
    const v = this.buf.readUInt32LE(this.pos);
    this.pos += 4;
    return v;
  }
  value(t: string): DbusValue {
    switch (t[0]) {
      case 'y':
        return this.u8();
      case 'b':
        return this.u32() !== 0;
      case 'u':
        return this.u32();
      case 'i': {
        this.align(4);
        this.need(4);
        const v = this.buf.readInt32LE(this.pos);
        this.pos += 4;
        return v;
      }
      case 's':
      case 'o': {
        const n = this.u32();
        this.need(n + 1);
        const s = this.buf.toString('utf8', this.pos, this.pos + n);
        this.pos += n + 1;
        return s;
      }
      case 'g': {
        const n = this.u8();
        this.need(n + 1);
        const s = this.buf.toString('ascii', this.pos, this.pos + n);
        this.pos += n + 1;
        return s;
      }
      case 'v': {
        const sig = this.value('g') as string;
        return { sig, value: this.value(sig) };
      }
      case 'a': {
        const elem = t.slice(1);
        const n = this.u32();
        this.align(alignOf(elem));
        const end = this.pos + n;
        if (end > this.buf.length) throw new Error('truncated D-Bus array');
        const out: DbusValue[] = [];
        while (this.pos < end) out.push(this.value(elem));
        return out;
      }
      case '(':
      case '{': {
        this.align(8);
        return splitSignature(t.slice(1, -1)).map((p) => this.value(p));
      }
      default:
        throw new Error(`unsupported D-Bus type ${t}`);
    }
  }
}

/** Encodes a message (serial and body signature included). */
export function encodeMessage(m: Message): Buffer {
  const body = new Writer();
  const sig = m.signature ?? '';
  const types = sig ? splitSignature(sig) : [];
  types.forEach((t, k) => body.value(t, m.body[k]!));
  const fields: DbusValue[] = [];
  for (const [name, code] of Object.entries(FIELD) as [keyof typeof FIELD, number][]) {
    const v = m[name];
    if (v === undefined || (name === 'signature' && !v)) continue;
    fields.push([code, { sig: FIELD_SIG[code]!, value: v }]);
  }
  const head = new Writer();
  head.u8('l'.charCodeAt(0));
  head.u8(m.type);
  head.u8(m.flags);
  head.u8(1);
  head.u32(body.len);
  head.u32(m.serial);
  head.value('a(yv)', fields);
  head.align(8);
  return Buffer.concat([head.buf.subarray(0, head.len), body.buf.subarray(0, body.len)]);
}

/** The total length of the message at the start of buf, or null while its header is incomplete. */
export function messageLength(buf: Buffer): number | null {
  if (buf.length < 16) return null;
  if (buf[0] !== 'l'.charCodeAt(0)) throw new Error('big-endian D-Bus messages are not supported');
  const bodyLen = buf.readUInt32LE(4);
  const fieldsLen = buf.readUInt32LE(12);
  const headerLen = 16 + fieldsLen + ((8 - ((16 + fieldsLen) % 8)) % 8);
  const total = headerLen + bodyLen;
  if (total > MAX_MESSAGE) throw new Error('D-Bus message too large');
  return total;
}

/** Decodes one complete message. */
export function decodeMessage(buf: Buffer): Message {
  const r = new Reader(buf, 0);
  r.u8();
  const type = r.u8() as MessageType;
  const flags = r.u8();
  r.u8();
  const bodyLen = r.u32();
  const serial = r.u32();
  const fields = r.value('a(yv)') as [number, Variant][];
  r.align(8);
  const m: Message = { type, flags, serial, body: [] };
  const byCode = new Map(fields.map(([code, v]) => [code, v.value]));
  const names = Object.entries(FIELD) as [keyof typeof FIELD, number][];
  for (const [name, code] of names) {
    const v = byCode.get(code);
    if (v !== undefined) (m as unknown as Record<string, unknown>)[name] = v;
  }
  const sig = m.signature ?? '';
  const end = r.pos + bodyLen;
  if (end > buf.length) throw new Error('truncated D-Bus body');
  const bodyReader = new Reader(buf.subarray(r.pos, end), 0);
  m.body = sig ? splitSignature(sig).map((t) => bodyReader.value(t)) : [];
  return m;
}
