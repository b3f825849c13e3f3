// Makes untrusted text (a model's answer) safe to print on a terminal: no escape sequence from it reaches the
// terminal. ESC, the other C0 controls (except newline and tab), DEL and the C1 controls go, which takes out CSI
// (cursor moves, colours), OSC (title changes, OSC 52 clipboard writes, hyperlinks), DCS and friends as a whole;
// a lone CR (which could overwrite a line) becomes a newline; bidi overrides (Trojan Source) go too.
// Khmer and every other printable character, joiners included, stay.

// ESC-introduced sequences, removed whole so their parameters don't show as litter:
// CSI ... final byte, OSC ... BEL or ST, DCS/SOS/PM/APC ... ST, and two-byte escapes.
const ESC_SEQ = /\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[PX^_][^\x1b]*(?:\x1b\\)?|[ -/]*[0-~])?/g;
// C1 CSI/OSC forms (0x9b, 0x9d …) and every remaining control but \n and \t.
const C1_SEQ = /\x9b[0-?]*[ -/]*[@-~]|\x9d[^\x07\x9c]*(?:\x07|\x9c)?/g;
const CONTROLS = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]/g;
const BIDI = /[\u202a-\u202e\u2066-\u2069]/g;

export function sanitizeForTerminal(text: string): string {
  return text.replace(ESC_SEQ, '').replace(C1_SEQ, '').replace(/\r\n/g, '\n').replace(/\r/g, '\n').replace(CONTROLS, '').replace(BIDI, '');
}

/**
 * Streaming form: a sequence split across chunks is still removed whole. Text after a trailing ESC (or an
 * unfinished OSC/DCS) is held back until the next chunk or end().
 */
export class StreamSanitizer {
  private held = '';

  write(chunk: string): string {
    let text = this.held + chunk;
    this.held = '';
    const esc = Math.max(text.lastIndexOf('\x1b'), text.lastIndexOf('\x9b'), text.lastIndexOf('\x9d'));
    if (esc >= 0) {
      const tail = text.slice(esc);
      // Unfinished: a bare ESC, an open CSI, or an OSC/DCS with no terminator yet (bounded so it can't hold forever).
      const open =
        /^(?:\x1b\[?|\x9b)[0-?]*[ -/]*$/.test(tail) ||
        /^\x1b$/.test(tail) ||
        (/^(?:\x1b[\]PX^_]|\x9d)/.test(tail) && !/(?:\x07|\x1b\\|\x9c)/.test(tail.slice(1)) && tail.length < 4096);
      if (open) {
        this.held = tail;
        text = text.slice(0, esc);
      }
    }
    if (text.endsWith('\r')) {
      this.held = '\r' + this.held;
      text = text.slice(0, -1);
    }
    return sanitizeForTerminal(text);
  }

  end(): string {
    const rest = this.held;
    this.held = '';
    // An unfinished sequence at the very end is dropped entirely.
    return sanitizeForTerminal(rest.replace(/[\x1b\x9b\x9d][\s\S]*$/, ''));
  }
}
