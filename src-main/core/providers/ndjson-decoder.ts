// Incremental NDJSON decoder: byte chunks in (split anywhere, even mid UTF-8 character), parsed JSON values out.
import { ProviderError } from './provider.js';

/** A line longer than this is treated as a broken stream rather than buffered forever. */
const MAX_LINE_CHARS = 16 * 1024 * 1024;

export class NdjsonDecoder {
  private readonly text = new TextDecoder('utf-8', { fatal: false });
  private buf = '';
  /** Where to resume looking for '\n' in buf (everything before it has been searched). */
  private scanFrom = 0;

  constructor(private readonly source = 'server') {}

  /** Feeds one chunk; calls onValue for each complete line, in order. Throws ProviderError('stream') on bad JSON. */
  push(chunk: Uint8Array, onValue: (value: unknown) => void): void {
    this.buf += this.text.decode(chunk, { stream: true });
    this.drain(onValue);
  }

  /** Feeds one chunk and returns the complete values it finished. */
  pushAll(chunk: Uint8Array): unknown[] {
    const out: unknown[] = [];
    this.push(chunk, (v) => out.push(v));
    return out;
  }

  /** Ends the stream: a last line without a trailing newline still counts. */
  end(onValue: (value: unknown) => void): void {
    this.buf += this.text.decode();
    this.drain(onValue);
    const rest = this.buf;
    this.buf = '';
    this.scanFrom = 0;
    this.parseLine(rest, onValue);
  }

  endAll(): unknown[] {
    const out: unknown[] = [];
    this.end((v) => out.push(v));
    return out;
  }

  private drain(onValue: (value: unknown) => void): void {
    const buf = this.buf;
    let start = 0;
    let nl = buf.indexOf('\n', this.scanFrom);
    while (nl !== -1) {
      this.parseLine(buf.slice(start, nl), onValue);
      start = nl + 1;
      nl = buf.indexOf('\n', start);
    }
    this.buf = start === 0 ? buf : buf.slice(start);
    this.scanFrom = this.buf.length;
    if (this.buf.length > MAX_LINE_CHARS) {
      throw new ProviderError(
        'stream',
        `The ${this.source} sent a line longer than ${MAX_LINE_CHARS} characters without a newline; the stream looks broken.`,
      );
    }
  }

  private parseLine(raw: string, onValue: (value: unknown) => void): void {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      const shown = line.length > 120 ? `${line.slice(0, 120)}…` : line;
      throw new ProviderError('stream', `The ${this.source} sent a line that is not JSON: ${JSON.stringify(shown)}`);
    }
    onValue(value);
  }
}

/** Decodes an async byte stream as NDJSON values. */
export async function* decodeNdjson(body: AsyncIterable<Uint8Array>, source = 'server'): AsyncGenerator<unknown, void, undefined> {
  const dec = new NdjsonDecoder(source);
  const pending: unknown[] = [];
  const collect = (v: unknown): void => {
    pending.push(v);
  };
  for await (const chunk of body) {
    dec.push(chunk, collect);
    while (pending.length > 0) yield pending.shift();
  }
  dec.end(collect);
  while (pending.length > 0) yield pending.shift();
}
