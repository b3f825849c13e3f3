// The NDJSON decoder gives the same values however the byte stream is cut (lines, several lines, UTF-8 characters).
import { describe, expect, it } from 'vitest';
import { decodeNdjson, NdjsonDecoder } from '../../../src-main/core/providers/ndjson-decoder.js';
import { ProviderError } from '../../../src-main/core/providers/provider.js';
import { seededRng } from '../../doubles/ollama-double.js';

const values = [
  { message: { content: 'សួស្តី' }, done: false },
  { message: { content: 'emoji 🚀 and é' }, done: false },
  { message: { content: 'line\nbreak "quoted"' }, done: false },
  { done: true, done_reason: 'stop', eval_count: 3, eval_duration: 1_000_000 },
];
const bytes = new TextEncoder().encode(values.map((v) => JSON.stringify(v)).join('\n') + '\n');

function decodeSlices(slices: Uint8Array[]): unknown[] {
  const d = new NdjsonDecoder();
  const out: unknown[] = [];
  for (const s of slices) out.push(...d.pushAll(s));
  out.push(...d.endAll());
  return out;
}

function withPending(text: string): NdjsonDecoder {
  const d = new NdjsonDecoder();
  d.pushAll(new TextEncoder().encode(text));
  return d;
}

describe('NdjsonDecoder', () => {
  it('decodes the stream cut once at every byte position', () => {
    for (let i = 0; i <= bytes.length; i++) {
      expect(decodeSlices([bytes.subarray(0, i), bytes.subarray(i)])).toEqual(values);
    }
  });

  it('decodes random slicings (1-byte slices included) identically', () => {
    const rng = seededRng(42);
    for (let run = 0; run < 300; run++) {
      const slices: Uint8Array[] = [];
      let pos = 0;
      while (pos < bytes.length) {
        const size = rng() < 0.4 ? 1 : 1 + Math.floor(rng() * 40);
        slices.push(bytes.subarray(pos, pos + size));
        pos += size;
      }
      expect(decodeSlices(slices)).toEqual(values);
    }
  });

  it('keeps Khmer text whole when a character is split between chunks', () => {
    const line = new TextEncoder().encode(JSON.stringify({ t: 'ខ្មែរ' }) + '\n');
    const mid = line.indexOf(0xe1) + 1; // inside the first 3-byte Khmer character
    expect(decodeSlices([line.subarray(0, mid), line.subarray(mid, mid + 1), line.subarray(mid + 1)])).toEqual([{ t: 'ខ្មែរ' }]);
  });

  it('takes a last line without a newline, blank lines and CRLF', () => {
    const text = new TextEncoder().encode('{"a":1}\r\n\n  \n{"b":2}');
    expect(decodeSlices([text])).toEqual([{ a: 1 }, { b: 2 }]);
  });

  it('names what came when a line is not JSON', () => {
    const d = new NdjsonDecoder('Ollama server');
    let caught: unknown;
    try {
      d.pushAll(new TextEncoder().encode('{"ok":1}\n<html>oops</html>\n'));
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(ProviderError);
    expect((caught as ProviderError).kind).toBe('stream');
    expect((caught as ProviderError).message).toContain('Ollama server');
    expect((caught as ProviderError).message).toContain('<html>oops</html>');
    expect(() => withPending('{"cut').endAll()).toThrow(/not JSON/); // a final line cut mid-object
  });

  it('also works as an async generator over a byte stream', async () => {
    async function* chunks(): AsyncGenerator<Uint8Array> {
      for (let i = 0; i < bytes.length; i += 7) yield bytes.subarray(i, i + 7);
    }
    const out: unknown[] = [];
    for await (const v of decodeNdjson(chunks())) out.push(v);
    expect(out).toEqual(values);
  });
});
