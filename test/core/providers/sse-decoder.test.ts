// SSE decoder: spec cases and a seeded fuzz that splits the same byte stream at random places.
import { describe, expect, it } from 'vitest';
import { SseDecoder, type SseEvent } from '../../../src-main/core/providers/sse-decoder.js';

function decodeAll(chunks: Uint8Array[]): { events: SseEvent[]; truncated: boolean } {
  const d = new SseDecoder();
  const events: SseEvent[] = [];
  for (const c of chunks) events.push(...d.push(c));
  return { events, truncated: d.end().truncated };
}

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const enc = (s: string) => new TextEncoder().encode(s);

describe('SseDecoder', () => {
  it('decodes LF, CRLF and lone CR line ends, comments and multi-line data', () => {
    const src = ': hello comment\n\ndata: one\n\nevent: ping\r\ndata: a\r\ndata: b\r\n\r\ndata:no-space\r\rid: 7\ndata: x\n\n';
    const { events, truncated } = decodeAll([enc(src)]);
    expect(events).toEqual([
      { event: 'message', data: 'one', id: null },
      { event: 'ping', data: 'a\nb', id: null },
      { event: 'message', data: 'no-space', id: null },
      { event: 'message', data: 'x', id: '7' },
    ]);
    expect(truncated).toBe(false);
  });

  it('strips a leading BOM and ignores events without data', () => {
    const { events } = decodeAll([enc('\uFEFFevent: x\n\ndata: y\n\n')]);
    expect(events).toEqual([{ event: 'message', data: 'y', id: null }]);
  });

  it('reports a stream that ends mid-event as truncated and drops it', () => {
    const { events, truncated } = decodeAll([enc('data: a\n\ndata: b')]);
    expect(events.map((e) => e.data)).toEqual(['a']);
    expect(truncated).toBe(true);
  });

  it('counts a CRLF split across chunks as one line end', () => {
    const { events } = decodeAll([enc('data: a\r'), enc('\n'), enc('\r'), enc('\ndata: b\r\n\r\n')]);
    expect(events.map((e) => e.data)).toEqual(['a', 'b']);
  });

  it('fuzz: any split of the byte stream (UTF-8 split mid-character included) gives the same events', () => {
    const texts = ['សួស្តី ពិភពលោក', 'plain ascii', 'emoji 😀🎉 mix', 'line\\nwith escapes', '{"json": "ស្រ"}'];
    const eols = ['\n', '\r\n', '\r'];
    const r0 = rng(42);
    let src = '';
    const expected: SseEvent[] = [];
    for (let i = 0; i < 60; i++) {
      const eol = eols[Math.floor(r0() * eols.length)]!;
      const lines = 1 + Math.floor(r0() * 3);
      const data: string[] = [];
      if (r0() < 0.3) src += `: keep-alive${eol}`;
      for (let j = 0; j < lines; j++) {
        const t = texts[Math.floor(r0() * texts.length)]! + ` #${i}.${j}`;
        data.push(t);
        src += `data: ${t}${eol}`;
      }
      src += eol;
      expected.push({ event: 'message', data: data.join('\n'), id: null });
    }
    const bytes = enc(src);
    for (let seed = 1; seed <= 200; seed++) {
      const r = rng(seed);
      const chunks: Uint8Array[] = [];
      for (let i = 0; i < bytes.length;) {
        const n = 1 + Math.floor(r() * (seed % 5 === 0 ? 3 : 40));
        chunks.push(bytes.subarray(i, i + n));
        i += n;
      }
      const { events, truncated } = decodeAll(chunks);
      expect(truncated).toBe(false);
      expect(events).toEqual(expected);
    }
  });
});
