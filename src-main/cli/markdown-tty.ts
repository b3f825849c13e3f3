// Shows a model's markdown readably on a terminal as it streams: headings bold, list bullets, quotes, code blocks
// set apart (indented, coloured, fences shown as a thin rule with the language), `inline code` and **bold**. The
// text is sanitised first (sanitize.ts), so the only escape sequences printed are the few SGR colours made here.
// Piped output does not come through here: it stays plain.
import { StreamSanitizer } from './sanitize.js';

const SGR = {
  reset: '\x1b[0m',
  bold: '\x1b[1m',
  boldOff: '\x1b[22m',
  dim: '\x1b[2m',
  code: '\x1b[36m',
  codeOff: '\x1b[39m',
  under: '\x1b[4m',
};

type Kind = 'para' | 'heading' | 'bullet' | 'quote' | 'code' | 'fence';

export class TtyMarkdown {
  private readonly clean = new StreamSanitizer();
  private atLineStart = true;
  private pending = '';
  private inFence = false;
  private kind: Kind = 'para';
  private bold = false;
  private code = false;
  private star = false;

  /** Returns what to print for this chunk (possibly nothing yet: a line start waits for a few characters). */
  write(chunk: string): string {
    return this.feed(this.clean.write(chunk));
  }

  /** Flushes what is held and resets styles. */
  end(): string {
    let out = this.feed(this.clean.end());
    if (this.pending !== '') {
      out += this.startLine(this.pending, true);
      this.pending = '';
    }
    if (this.star) {
      out += '*';
      this.star = false;
    }
    if (this.bold || this.code || this.kind !== 'para') out += SGR.reset;
    return out;
  }

  private feed(text: string): string {
    let out = '';
    for (const ch of text) {
      if (this.atLineStart) {
        if (ch === '\n') {
          out += this.startLine(this.pending, true) + this.endLine();
          this.pending = '';
          continue;
        }
        this.pending += ch;
        if (this.decided(this.pending)) {
          out += this.startLine(this.pending, false);
          this.pending = '';
        }
        continue;
      }
      if (ch === '\n') {
        out += this.endLine();
        continue;
      }
      out += this.inline(ch);
    }
    return out;
  }

  /** Enough of the line is known to tell its kind. */
  private decided(p: string): boolean {
    const t = p.trimStart();
    if (this.inFence) return t.length >= 3 || (t.length > 0 && t[0] !== '`' && t[0] !== '~');
    return t.length >= 8;
  }

  private startLine(p: string, whole: boolean): string {
    this.atLineStart = false;
    const t = p.trimStart();
    const fence = /^(```|~~~)\s*([\w+-]*)/.exec(t);
    if (fence) {
      const opening = !this.inFence;
      this.inFence = opening;
      this.kind = 'fence';
      // The rest of a fence line (its language) is shown dim after a rule.
      return `${SGR.dim}${opening ? `── ${fence[2] || 'code'} ` : '──'}${SGR.reset}`;
    }
    if (this.inFence) {
      this.kind = 'code';
      return `    ${SGR.code}${p}`;
    }
    let m: RegExpExecArray | null;
    if ((m = /^(#{1,6})\s+/.exec(t))) {
      this.kind = 'heading';
      return `${SGR.bold}${m[1]!.length <= 2 ? SGR.under : ''}${this.inlineAll(t.slice(m[0].length))}`;
    }
    if ((m = /^([-*+])\s+/.exec(t)) && !(whole && /^([-*_])\s*(\1\s*){2,}$/.test(t))) {
      this.kind = 'bullet';
      return `${p.slice(0, p.length - t.length)}  • ${this.inlineAll(t.slice(m[0].length))}`;
    }
    if ((m = /^>\s?/.exec(t))) {
      this.kind = 'quote';
      return `${SGR.dim}│ ${SGR.reset}${this.inlineAll(t.slice(m[0].length))}`;
    }
    this.kind = 'para';
    return this.inlineAll(p);
  }

  private endLine(): string {
    let out = '';
    if (this.star) {
      out += '*';
      this.star = false;
    }
    if (this.kind === 'fence' || this.kind === 'code' || this.kind === 'heading' || this.bold || this.code) out += SGR.reset;
    this.bold = false;
    this.code = false;
    this.kind = 'para';
    this.atLineStart = true;
    return `${out}\n`;
  }

  private inlineAll(s: string): string {
    let out = '';
    for (const ch of s) out += this.inline(ch);
    return out;
  }

  private inline(ch: string): string {
    if (this.kind === 'code' || this.kind === 'fence') return ch;
    let out = '';
    if (this.star) {
      this.star = false;
      if (ch === '*' && !this.code) {
        this.bold = !this.bold;
        return this.bold ? SGR.bold : this.kind === 'heading' ? '' : SGR.boldOff;
      }
      out += '*';
    }
    if (ch === '*' && !this.code) {
      this.star = true;
      return out;
    }
    if (ch === '`') {
      this.code = !this.code;
      return out + (this.code ? SGR.code : SGR.codeOff);
    }
    return out + ch;
  }
}
