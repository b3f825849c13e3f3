// Incremental Server-Sent Events decoder (WHATWG "event stream" parsing) over byte chunks split anywhere.
//
// Handles CR, LF and CRLF line ends (a CRLF split across chunks counts once), multi-line `data:`,
// comments (`:`-lines), an optional leading BOM, `event:`/`id:` fields and UTF-8 characters split
// between chunks. As the spec says, an event is dispatched at a blank line; bytes after the last blank
// line at end of stream are not an event (see `end()`, which reports them so callers can call the
// stream cut off).

export interface SseEvent {
  /** The `event:` field, or 'message' when none was given. */
  event: string;
  /** The `data:` lines joined with '\n'. */
  data: string;
  /** The last `id:` seen, or null. */
  id: string | null;
}

export interface SseEnd {
  /** True when the stream stopped in the middle of an event (data after the last blank line). */
  truncated: boolean;
}

/** Lines longer than this (after decoding) are refused: a stream gone wrong must not eat all memory. */
export const SSE_MAX_LINE_CHARS = 8 * 1024 * 1024;

export class SseDecoder {
  private readonly utf8 = new TextDecoder('utf-8');
  private pending = '';
  private skipLeadingLf = false;
  private bomChecked = false;
  private dataLines: string[] = [];
  private hasData = false;
  private eventName = '';
  private lastId: string | null = null;
  private midEvent = false;

  /** Feeds bytes (or already-decoded text); returns the events completed by them, in order. */
  push(chunk: Uint8Array | string): SseEvent[] {
    let text = typeof chunk === 'string' ? chunk : this.utf8.decode(chunk, { stream: true });
    if (!this.bomChecked && text.length > 0) {
      this.bomChecked = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    return this.consume(text);
  }

  /** Flushes the decoder at end of stream. Returns whether an unfinished event was dropped. */
  end(): SseEnd {
    const rest = this.utf8.decode();
    if (rest) this.consume(rest);
    const truncated = this.pending.length > 0 || this.midEvent;
    this.pending = '';
    this.resetEvent();
    return { truncated };
  }

  private consume(text: string): SseEvent[] {
    const out: SseEvent[] = [];
    let buf = this.pending + text;
    let start = 0;
    if (this.skipLeadingLf && buf.length > 0) {
      if (buf.charCodeAt(0) === 10) start = 1;
      this.skipLeadingLf = false;
    }
    for (;;) {
      let i = start;
      const n = buf.length;
      while (i < n) {
        const c = buf.charCodeAt(i);
        if (c === 10 || c === 13) break;
        i++;
      }
      if (i >= n) break;
      const line = buf.slice(start, i);
      if (buf.charCodeAt(i) === 13) {
        if (i + 1 < n) start = buf.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
        else {
          start = i + 1;
          this.skipLeadingLf = true;
        }
      } else {
        start = i + 1;
      }
      const ev = this.line(line);
      if (ev) out.push(ev);
    }
    buf = buf.slice(start);
    if (buf.length > SSE_MAX_LINE_CHARS) {
      throw new Error(`SSE line longer than ${SSE_MAX_LINE_CHARS} characters`);
    }
    this.pending = buf;
    return out;
  }

  private line(line: string): SseEvent | null {
    if (line === '') {
      this.midEvent = false;
      if (!this.hasData) {
        this.resetEvent();
        return null;
      }
      const ev: SseEvent = { event: this.eventName || 'message', data: this.dataLines.join('\n'), id: this.lastId };
      this.resetEvent();
      return ev;
    }
    this.midEvent = true;
    if (line.charCodeAt(0) === 58) return null; // ':' comment
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.charCodeAt(0) === 32) value = value.slice(1);
    switch (field) {
      case 'data':
        this.dataLines.push(value);
        this.hasData = true;
        break;
      case 'event':
        this.eventName = value;
        break;
      case 'id':
        if (!value.includes('\0')) this.lastId = value;
        break;
      default:
        break; // 'retry' and unknown fields are ignored
    }
    return null;
  }

  private resetEvent(): void {
    this.dataLines = [];
    this.hasData = false;
    this.eventName = '';
  }
}
